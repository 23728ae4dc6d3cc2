/**
 * One error model for the whole bank. Anything may throw `AppError(code)`; the server turns it
 * into RFC 9457 problem+json, the CLI into a message and a non-zero exit.
 * Core says what kind of failure a code is; the HTTP status belongs to the server.
 */
export const ERROR_KINDS = {
  malformed_request: 'invalid',
  validation_failed: 'invalid',
  invalid_record: 'unprocessable',
  unknown_participant: 'unprocessable',
  unknown_link: 'unprocessable',
  check_insufficient: 'unprocessable',
  unauthenticated: 'unauthenticated',
  invalid_credentials: 'unauthenticated',
  forbidden: 'forbidden',
  cross_site_request: 'forbidden',
  not_found: 'not_found',
  version_conflict: 'conflict',
  status_not_allowed: 'conflict',
  match_decided: 'conflict',
  hit_answered: 'conflict',
  transition_not_allowed: 'conflict',
  idempotency_key_reused: 'unprocessable',
  no_agreement: 'forbidden',
  duplicate_reference: 'conflict',
  duplicate_username: 'conflict',
  group_ended: 'conflict',
  payload_too_large: 'too_large',
  rate_limited: 'rate_limited',
  unsupported_media_type: 'unsupported',
  internal: 'internal',
} as const;

export type ErrorCode = keyof typeof ERROR_KINDS;
export type ErrorKind = (typeof ERROR_KINDS)[ErrorCode];

/** What went wrong with one field: a JSON Pointer into the request and an issue code. */
export interface FieldIssue {
  path: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

export const ISSUE_CODES = [
  'required',
  'unknown_field',
  'wrong_type',
  'too_long',
  'too_short',
  'too_many',
  'too_few',
  'not_allowed_value',
  'bad_format',
  'bad_characters',
  'out_of_range',
  'duplicate_items',
  'date_impossible',
  'date_in_future',
  'date_order',
  'range_order',
  'section_required',
  'section_not_allowed',
  'not_applicable',
  'name_required',
  'name_empty',
  'birth_date_conflict',
  'vin_malformed',
  'vin_check_digit',
  'identifier_required',
  'unknown_participant',
  'unknown_record',
  'invalid_json',
  'check_subject',
  'check_too_little',
  'model_fields',
  'record_cancelled',
  'status_not_importable',
  /** Reconciliation: the mapping lacks a column the category needs, or maps two to one field. */
  'required_column',
  'duplicate_field',
  /** Reconciliation: a record changed in the bank after the report was made; run it again. */
  'changed_since_compared',
  /** Reconciliation: applied already, failed, or still reading. */
  'reconciliation_not_compared',
  /** Requests: forwarding goes only to another agency of the same member state. */
  'forward_outside_state',
  /** Requests: a request to its own sender, or forwarded to where it already is. */
  'same_participant',
  /** Agreements: the same parties already have one covering the same array or request at that time. */
  'overlapping_agreement',
  /** Groups: the creator's agency leads, so it must be among the participants. */
  'lead_not_participant',
  /** Groups: a member, a linked record's owner or an assignee from outside the group. */
  'not_in_group',
  /** Groups: the user is already a member, or the record already linked. */
  'already_in_group',
  /** Groups: a participating agency still has members, or the last leader would leave. */
  'still_needed',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, options: { issues?: FieldIssue[]; params?: Record<string, string | number>; cause?: unknown } = {}) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.params = options.params ?? {};
  }

  get kind(): ErrorKind {
    return ERROR_KINDS[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
