import { describe, expect, it } from 'vitest';
import { newRequestDraft, requestBody, withType } from './draft.ts';
import { queryFromSearch, searchFromQuery } from './filters.ts';
import { newIdempotencyKey } from './idempotency.ts';
import { missingFields } from './validate.ts';

const complete = {
  recipient: 'KZ-MVD',
  type: 'person_information',
  priority: 'routine',
  legalBasis: { agreement: 'Минская конвенция 1993 г.' },
  subject: 'Установление личности',
  body: 'Просим сообщить сведения.',
};

describe('a new request from the address that opened the form', () => {
  it('answers a hit with the hit in its form and the recipient chosen', () => {
    const draft = newRequestDraft('?type=hit_answer&hitId=h1&recipient=KZ-MVD', 'RU-MVD');
    expect(draft).toMatchObject({ type: 'hit_answer', recipient: 'KZ-MVD', form: { hitId: 'h1' }, links: { hitIds: [] } });
  });

  it('keeps a record among the links when the type has no place for it, and never addresses the sender', () => {
    const draft = newRequestDraft('?type=case_documents&recordId=r1&recipient=RU-MVD', 'RU-MVD');
    expect(draft.recipient).toBeUndefined();
    expect(draft.links).toEqual({ recordIds: ['r1'], hitIds: [] });
    expect(newRequestDraft('?type=nonsense', 'RU-MVD').type).toBe('person_information');
  });

  it('keeps the record it is about when the type changes to one that names a record', () => {
    const draft = newRequestDraft('?recordId=r1', 'RU-MVD');
    expect(withType(draft, 'vehicle_information').form).toEqual({ recordId: 'r1' });
    expect(withType(draft, 'case_documents').form).toEqual({});
  });
});

describe('what is sent', () => {
  it('leaves out blank inputs, writes country codes in capitals, and completes the links', () => {
    const body = requestBody({
      ...complete,
      form: { subject: { surname: ' Иванов ', givenName: 'Иван', patronymic: '', citizenship: 'kz' } },
      links: { recordIds: ['r1'] },
    });
    expect(body).toMatchObject({
      form: { subject: { surname: 'Иванов', givenName: 'Иван', citizenship: 'KZ' } },
      links: { recordIds: ['r1'], hitIds: [] },
    });
    expect(JSON.stringify(body)).not.toContain('patronymic');
  });
});

describe('what the form asks for before sending', () => {
  const paths = (draft: Record<string, unknown>) => missingFields(draft).map((issue) => `${issue.path}:${issue.kind}`);

  it('every common field of an empty request', () => {
    expect(paths({ type: 'hit_answer', form: {} })).toEqual([
      '/recipient:required',
      '/priority:required',
      '/legalBasis/agreement:required',
      '/subject:required',
      '/body:required',
      '/form/hitId:required',
    ]);
  });

  it('a person by surname and given name, or a record', () => {
    expect(paths({ ...complete, form: {} })).toEqual(['/form:personOrRecord']);
    expect(paths({ ...complete, form: { subject: { surname: 'Иванов' } } })).toEqual(['/form/subject/givenName:required']);
    expect(paths({ ...complete, form: { recordId: 'r1' } })).toEqual([]);
  });

  it('a vehicle by one of its identifiers, a plate with its state', () => {
    const vehicle = { ...complete, type: 'vehicle_information' };
    expect(paths({ ...vehicle, form: {} })).toEqual(['/form:vehicleIdentifier']);
    expect(paths({ ...vehicle, form: { plate: { number: 'A123BC77' } } })).toEqual(['/form/plate/state:required']);
    expect(paths({ ...vehicle, form: { vin: 'XTA210990Y2765432' } })).toEqual([]);
  });

  it('the material for an identity and the documents of a case', () => {
    expect(paths({ ...complete, type: 'identity_confirmation', form: { recordId: 'r1', biometrics: [] } })).toEqual(['/form/biometrics:biometrics']);
    expect(paths({ ...complete, type: 'case_documents', form: { caseNumber: '1', documents: [''] } })).toEqual(['/form/documents:documents']);
  });
});

describe('the list address', () => {
  it('round-trips the box and filters, dropping what it does not know', () => {
    const query = queryFromSearch('?box=outbox&state=sent&type=bogus&priority=urgent&overdue=true');
    expect(query).toEqual({ box: 'outbox', state: 'sent', priority: 'urgent', overdue: true });
    expect(searchFromQuery(query)).toBe('?box=outbox&state=sent&priority=urgent&overdue=true');
    expect(searchFromQuery({ box: 'inbox' })).toBe('');
  });
});

describe('idempotency keys', () => {
  it('are random version-4 UUIDs', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
