import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/ru.ts';

type FieldKey = keyof Messages['requests']['fields'];

/** Each path of a request's content by the label its input has; the bank's errors name these paths. */
const PATH_LABELS: Record<string, FieldKey> = {
  '/recipient': 'recipient',
  '/type': 'type',
  '/priority': 'priority',
  '/legalBasis': 'legalBasis',
  '/legalBasis/agreement': 'agreement',
  '/legalBasis/article': 'article',
  '/subject': 'subject',
  '/body': 'body',
  '/links': 'links',
  '/links/recordIds': 'linkedRecords',
  '/links/hitIds': 'linkedHits',
  '/form': 'form',
  '/form/subject': 'person',
  '/form/subject/surname': 'surname',
  '/form/subject/givenName': 'givenName',
  '/form/subject/patronymic': 'patronymic',
  '/form/subject/birthDate': 'birthDate',
  '/form/subject/citizenship': 'citizenship',
  '/form/recordId': 'recordId',
  '/form/lastKnownAddress': 'lastKnownAddress',
  '/form/vin': 'vin',
  '/form/plate': 'plate',
  '/form/plate/number': 'plateNumber',
  '/form/plate/state': 'plateState',
  '/form/serialNumber': 'serialNumber',
  '/form/make': 'make',
  '/form/model': 'model',
  '/form/calibre': 'calibre',
  '/form/warrant': 'warrant',
  '/form/warrant/reference': 'warrantReference',
  '/form/warrant/date': 'warrantDate',
  '/form/warrant/issuedBy': 'warrantIssuedBy',
  '/form/offenceArticle': 'offenceArticle',
  '/form/biometrics': 'biometrics',
  '/form/candidateRecordIds': 'candidateRecordIds',
  '/form/caseNumber': 'caseNumber',
  '/form/documents': 'documents',
  '/form/certifiedCopies': 'certifiedCopies',
  '/form/hitId': 'hitId',
  '/text': 'text',
  '/assignee': 'assignee',
  '/forwardTo': 'forwardTo',
};

/**
 * A field's JSON Pointer as a person reads it: the label of its input, an item of a list
 * counted from one (`/form/documents/1` → «Запрашиваемые документы №2»).
 */
export function useRequestFieldLabel(): (path: string) => string {
  const { t } = useTranslation();
  return (path) => {
    const item = /^(.*)\/(\d+)$/.exec(path);
    const base = item?.[1] ?? path;
    const key = PATH_LABELS[base];
    const label = key ? t(`requests.fields.${key}`) : base;
    return item ? `${label} №${Number(item[2]) + 1}` : label;
  };
}
