import type { FieldIssue } from '../errors.ts';
import { parsePartialDate } from '../validation/dates.ts';
import type { RequestCreate } from './types.ts';

/**
 * What the request schema cannot say: "this or that" identifiers, a warrant dated in the past,
 * a request not addressed to its own sender. `today` (YYYY-MM-DD) is passed in to stay pure.
 */
export function checkRequestRules(request: RequestCreate, sender: string, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const needOneOf = (present: boolean, fields: string[]) => {
    if (!present) issues.push({ path: '/form', code: 'identifier_required', params: { oneOf: fields.join(',') } });
  };
  if (request.recipient === sender) issues.push({ path: '/recipient', code: 'not_allowed_value', params: { reason: 'recipient_is_sender' } });

  switch (request.type) {
    case 'person_information':
    case 'search_whereabouts':
      needOneOf(request.form.subject !== undefined || request.form.recordId !== undefined, ['subject', 'recordId']);
      break;
    case 'vehicle_information':
      needOneOf(request.form.vin !== undefined || request.form.plate !== undefined || request.form.recordId !== undefined, [
        'vin',
        'plate',
        'recordId',
      ]);
      break;
    case 'firearm_information':
      needOneOf(request.form.serialNumber !== undefined || request.form.recordId !== undefined, ['serialNumber', 'recordId']);
      break;
    case 'search_detention_extradition': {
      const date = request.form.warrant.date;
      const parts = parsePartialDate(date);
      if (!parts || parts.day === undefined) issues.push({ path: '/form/warrant/date', code: 'date_impossible', params: { value: date } });
      else if (date > today) issues.push({ path: '/form/warrant/date', code: 'date_in_future', params: { value: date } });
      break;
    }
    default:
      break;
  }
  return issues;
}
