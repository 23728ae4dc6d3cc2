/**
 * Reconciliation of a state's national array with the bank: a table's columns mapped to record
 * fields, each row made a record, and the records compared with the bank's. Pure: the file and
 * the bank are read elsewhere.
 */
export {
  ARRAY_FIELDS,
  FIELD_HEADERS,
  MAPPABLE_FIELDS,
  REQUIRED_FIELDS,
  guessMapping,
  headerKey,
  validateMapping,
  type ArrayField,
  type ArrayMapping,
  type MappingIssue,
} from './mapping.ts';
export { rowToRecord, type RowContext, type RowIssue, type RowIssueCode, type RowResult } from './row-to-record.ts';
export * from './compare.ts';
