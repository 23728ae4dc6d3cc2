import { describe, expect, it } from 'vitest';
import { checkRequestRules } from './rules.ts';
import { common, RECORD, valid } from '../test/requests.ts';

describe('checkRequestRules', () => {
  it('accepts the valid examples', () => {
    for (const request of valid) expect(checkRequestRules(request, 'KZ-MVD', '2026-02-06'), request.type).toEqual([]);
  });

  it('asks for a name or a record for a person, and for a VIN, plate or record for a vehicle', () => {
    expect(checkRequestRules({ ...common, type: 'person_information', form: {} }, 'KZ-MVD', '2026-02-06')).toEqual([
      { path: '/form', code: 'identifier_required', params: { oneOf: 'subject,recordId' } },
    ]);
    expect(checkRequestRules({ ...common, type: 'vehicle_information', form: {} }, 'KZ-MVD', '2026-02-06')[0]?.code).toBe('identifier_required');
    expect(checkRequestRules({ ...common, type: 'firearm_information', form: { make: 'TT' } }, 'KZ-MVD', '2026-02-06')[0]?.code).toBe(
      'identifier_required',
    );
  });

  it('refuses a warrant dated in the future or on a day that does not exist', () => {
    const warrant = (date: string) =>
      checkRequestRules(
        { ...common, type: 'search_detention_extradition', form: { recordId: RECORD, warrant: { reference: '1', date } } },
        'KZ-MVD',
        '2026-02-06',
      );
    expect(warrant('2026-02-07')[0]?.code).toBe('date_in_future');
    expect(warrant('2025-02-29')[0]?.code).toBe('date_impossible');
    expect(warrant('2026-02-06')).toEqual([]);
  });

  it('refuses a request addressed to its own sender', () => {
    expect(checkRequestRules(valid[0]!, 'RU-MVD', '2026-02-06')).toEqual([
      { path: '/recipient', code: 'not_allowed_value', params: { reason: 'recipient_is_sender' } },
    ]);
  });
});
