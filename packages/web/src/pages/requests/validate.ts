import type { RequestType } from '../../domain.ts';
import { getAt, type Draft } from '../../forms/draft.ts';

/** Why the form stops a request before sending it; each has a message in both languages. */
export type DraftIssueKind = 'required' | 'personOrRecord' | 'vehicleIdentifier' | 'firearmIdentifier' | 'biometrics' | 'documents';

export interface DraftIssue {
  /** JSON Pointer of the field, as the bank's own errors name it. */
  path: string;
  kind: DraftIssueKind;
}

const blank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.every(blank)) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(blank));

/** The fields of a person's description; given any of them, surname and given name are needed. */
const SUBJECT_FIELDS = ['surname', 'givenName', 'patronymic', 'birthDate', 'citizenship'];

/**
 * What is missing from a draft before it is worth sending: every required field and, where a
 * type asks for one identifier out of several, none given. The bank checks everything again
 * (formats, dates, that a record exists); this spares a round trip for the obvious.
 *
 * @example missingFields({ type: 'hit_answer', form: {} }).map((i) => i.path) // ['/recipient', …, '/form/hitId']
 */
export function missingFields(draft: Draft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const need = (path: string) => {
    if (blank(getAt(draft, path))) issues.push({ path, kind: 'required' });
  };
  for (const path of ['/recipient', '/type', '/priority', '/legalBasis/agreement', '/subject', '/body']) need(path);
  const at = (path: string) => getAt(draft, `/form${path}`);
  const oneOf = (paths: string[], kind: DraftIssueKind) => {
    if (paths.every((path) => blank(at(path)))) issues.push({ path: '/form', kind });
  };

  switch (draft.type as RequestType) {
    case 'person_information':
    case 'search_whereabouts': {
      const described = SUBJECT_FIELDS.some((field) => !blank(at(`/subject/${field}`)));
      if (described) {
        need('/form/subject/surname');
        need('/form/subject/givenName');
      } else {
        oneOf(['/recordId'], 'personOrRecord');
      }
      break;
    }
    case 'vehicle_information':
      if (!blank(at('/plate'))) {
        need('/form/plate/number');
        need('/form/plate/state');
      }
      oneOf(['/vin', '/plate', '/recordId'], 'vehicleIdentifier');
      break;
    case 'firearm_information':
      oneOf(['/serialNumber', '/recordId'], 'firearmIdentifier');
      break;
    case 'search_detention_extradition':
      for (const path of ['/form/recordId', '/form/warrant/reference', '/form/warrant/date']) need(path);
      break;
    case 'identity_confirmation':
      need('/form/recordId');
      if (blank(at('/biometrics'))) issues.push({ path: '/form/biometrics', kind: 'biometrics' });
      break;
    case 'case_documents':
      need('/form/caseNumber');
      if (blank(at('/documents'))) issues.push({ path: '/form/documents', kind: 'documents' });
      break;
    case 'hit_answer':
      need('/form/hitId');
      break;
    default:
      break;
  }
  return issues;
}
