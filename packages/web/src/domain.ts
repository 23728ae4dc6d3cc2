/**
 * Names for the enumerations the console shows, derived from the core schemas
 * (type-only imports: nothing of the schema library reaches the bundle).
 */
import type {
  ACTIONS,
  APPLICABLE_GROUPS as CORE_APPLICABLE_GROUPS,
  RECONCILIATION_GROUPS as CORE_RECONCILIATION_GROUPS,
  BUILDS,
  Category,
  DOCUMENT_TYPES,
  DuplicateEntry,
  FIREARM_KINDS,
  FIREARM_TYPES,
  LOCATION_KINDS,
  MARK_KINDS,
  MEASURES,
  NAME_KINDS,
  RecordStatus,
  RecordView,
  RowIssueCode,
  SCRIPTS,
  SEXES,
  VULNERABILITIES,
  BIOMETRIC_REFERENCES as CORE_BIOMETRIC_REFERENCES,
  HISTORY_ACTIONS as CORE_HISTORY_ACTIONS,
  PRIORITIES as CORE_PRIORITIES,
  REQUEST_ACTIONS as CORE_REQUEST_ACTIONS,
  REQUEST_STATES as CORE_REQUEST_STATES,
  REQUEST_TYPES as CORE_REQUEST_TYPES,
  GROUP_KINDS as CORE_GROUP_KINDS,
} from '@svod/core';

export type {
  Actor,
  ApplicableGroup,
  ReconciliationGroup,
  ReconciliationItem,
  ReconciliationStatus,
  ReconciliationView,
  ApiKeyView,
  ArrayField,
  ConflictReason,
  RecordInput,
  RowIssueCode,
  AuditEntryView,
  UserView,
  Category,
  CheckInput,
  CheckOutcome,
  HitOutcome,
  HitView,
  Language,
  MatchKind,
  MatchStatus,
  MatchView,
  ParticipantInfo,
  RecordDifference,
  RecordHistory,
  RecordStatus,
  RecordVersionView,
  RecordView,
  Role,
  WebhookView,
} from '@svod/core';

export type Action = (typeof ACTIONS)[number];
export type Build = (typeof BUILDS)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type FirearmKind = (typeof FIREARM_KINDS)[number];
export type FirearmType = (typeof FIREARM_TYPES)[number];
export type LocationKind = (typeof LOCATION_KINDS)[number];
export type MarkKind = (typeof MARK_KINDS)[number];
export type Measure = (typeof MEASURES)[number];
export type NameKind = (typeof NAME_KINDS)[number];
export type Script = (typeof SCRIPTS)[number];
export type Sex = (typeof SEXES)[number];
export type Vulnerability = (typeof VULNERABILITIES)[number];
export type LinkRelation = NonNullable<RecordView['links']>[number]['relation'];
export type Attachment = RecordView['attachments'][number];
export type PersonSection = NonNullable<RecordView['person']>;
export type PersonNameView = NonNullable<PersonSection['names']>[number];
export type PlaceView = NonNullable<PersonSection['birthPlace']>;

/*
 * The value lists the filters offer. Core's CATEGORIES and STATUSES live beside the runtime
 * schemas, so importing them would bundle the schema library; a complete Record keyed by the
 * core type keeps the lists here exhaustive instead (a new core value fails the type check).
 */
const CATEGORY_SET: Record<Category, true> = {
  wanted_person: true,
  missing_person: true,
  unidentified_corpse: true,
  unidentified_person: true,
  vehicle: true,
  firearm: true,
};
const STATUS_SET: Record<RecordStatus, true> = { active: true, located: true, cancelled: true, expired: true };

export const CATEGORY_VALUES = Object.keys(CATEGORY_SET) as Category[];
export const STATUS_VALUES = Object.keys(STATUS_SET) as RecordStatus[];

export const isCategory = (value: unknown): value is Category => typeof value === 'string' && Object.hasOwn(CATEGORY_SET, value);
export const isStatus = (value: unknown): value is RecordStatus => typeof value === 'string' && Object.hasOwn(STATUS_SET, value);
export const isSex = (value: string): value is Sex => ['male', 'female', 'unknown'].includes(value);

/** What a field officer can check: one subject per check. */
export type CheckSubject = 'person' | 'vehicle' | 'firearm';

/**
 * The fields a check's explanation names, and their levels of agreement (the comparisons of
 * core's matching, from strongest to disagreement). Kept here so that every one has a label;
 * a field or level the server adds later is shown as sent.
 */
const CHECK_FIELD_SET = {
  surname: true,
  given: true,
  patronymic: true,
  birth: true,
  sex: true,
  document: true,
  height: true,
  citizenship: true,
  vin: true,
  plate: true,
  engine: true,
  body: true,
  make: true,
  model: true,
  year: true,
  serial: true,
  type: true,
  calibre: true,
  timeline: true,
  place: true,
  marks: true,
  clothing: true,
  hair: true,
  eyes: true,
  theft: true,
  event: true,
} as const;
const CHECK_LEVEL_SET = {
  exact: true,
  translit: true,
  phonetic: true,
  gender_variant: true,
  surname_change: true,
  swapped: true,
  fuzzy: true,
  different: true,
  transposed: true,
  near: true,
  same: true,
  close: true,
  shared: true,
  none: true,
  digits: true,
  same_month: true,
  same_year: true,
  same_range: true,
  in_range: true,
  estimate: true,
  same_day: true,
  other_day: true,
  weeks: true,
  months: true,
  years: true,
  impossible: true,
  locality: true,
  country: true,
  most: true,
  some: true,
  similar: true,
  short_digits: true,
  exact_short: true,
  found_after: true,
  found_before: true,
} as const;
export type CheckField = keyof typeof CHECK_FIELD_SET;
export type CheckLevel = keyof typeof CHECK_LEVEL_SET;

/** The fields a missing person and an unidentified record are compared on (the server's `NAMELESS_FIELDS`). */
export const NAMELESS_FIELDS = ['sex', 'age', 'found', 'death', 'height', 'build', 'place', 'marks', 'clothing', 'hair', 'eyes'] as const;
export type NamelessField = (typeof NAMELESS_FIELDS)[number];
export const isNamelessField = (field: string): field is NamelessField => (NAMELESS_FIELDS as readonly string[]).includes(field);

export const isCheckField = (value: string): value is CheckField => Object.hasOwn(CHECK_FIELD_SET, value);
export const isCheckLevel = (value: string): value is CheckLevel => Object.hasOwn(CHECK_LEVEL_SET, value);

/**
 * The groups of a reconciliation's report, in the order a reader meets them, and those applying
 * can write: core's lists, written out here so that no schema code reaches the bundle, and
 * checked against them.
 */
export const RECONCILIATION_GROUPS = [
  'new',
  'changed',
  'unchanged',
  'stale',
  'duplicates',
  'conflicts',
  'crossMatches',
  'invalid',
] as const satisfies typeof CORE_RECONCILIATION_GROUPS;
export const APPLICABLE_GROUPS = ['new', 'changed', 'conflicts', 'stale'] as const satisfies typeof CORE_APPLICABLE_GROUPS;
export type DuplicateReason = DuplicateEntry['reason'];

/** Why a run failed: the server's file-reading codes, a mapping it refused, a run a restart cut off. */
const RECONCILE_FAILURE_SET = {
  file_too_large: true,
  empty_file: true,
  unsupported_format: true,
  unsupported_encoding: true,
  bad_encoding: true,
  too_many_columns: true,
  empty_header: true,
  duplicate_header: true,
  unexpected_column: true,
  ragged_row: true,
  cell_too_long: true,
  row_too_long: true,
  bad_csv: true,
  bad_json: true,
  nested_value: true,
  unsafe_number: true,
  bad_xml: true,
  xml_doctype: true,
  bad_xlsx: true,
  xlsx_too_large: true,
  validation_failed: true,
  interrupted: true,
} as const;
export type ReconcileFailureCode = keyof typeof RECONCILE_FAILURE_SET;
export const isReconcileFailureCode = (code: string): code is ReconcileFailureCode => Object.hasOwn(RECONCILE_FAILURE_SET, code);

/** Why a cell of a row made no record (core's `RowIssueCode`), each with a label. */
const ROW_ISSUE_SET: Record<RowIssueCode, true> = {
  required: true,
  bad_date: true,
  incomplete_date: true,
  bad_sex: true,
  bad_country: true,
  bad_number: true,
  bad_value: true,
  not_latin: true,
  unknown_script: true,
  wrong_category: true,
  too_long: true,
  too_many: true,
  bad_characters: true,
  bad_format: true,
  out_of_range: true,
  duplicate_items: true,
};
export const isRowIssueCode = (code: string): code is RowIssueCode => Object.hasOwn(ROW_ISSUE_SET, code);

export type {
  HistoryEntry,
  Priority,
  RequestAction,
  RequestAttachmentView,
  RequestCreate,
  RequestState,
  RequestSummary,
  RequestTransition,
  RequestType,
  RequestView,
  BiometricReference,
} from '@svod/core';

/**
 * The value lists of interstate requests: core's, written out here so that no schema code
 * reaches the bundle, and checked against them in the same order (a new core value fails the
 * type check until it is added here and labelled).
 */
export const REQUEST_TYPES = [
  'person_information',
  'vehicle_information',
  'firearm_information',
  'search_whereabouts',
  'search_detention_extradition',
  'identity_confirmation',
  'case_documents',
  'hit_answer',
] as const satisfies typeof CORE_REQUEST_TYPES;
export const REQUEST_STATES = [
  'draft',
  'signed',
  'sent',
  'received',
  'assigned',
  'in_work',
  'clarification_requested',
  'answered',
  'partly_answered',
  'refused',
  'withdrawn',
] as const satisfies typeof CORE_REQUEST_STATES;
export const PRIORITIES = ['urgent', 'routine'] as const satisfies typeof CORE_PRIORITIES;
export const REQUEST_ACTIONS = [
  'edit',
  'sign',
  'send',
  'acknowledge',
  'assign',
  'start',
  'ask_clarification',
  'clarify',
  'answer',
  'answer_partly',
  'refuse',
  'forward',
  'withdraw',
] as const satisfies typeof CORE_REQUEST_ACTIONS;
export const BIOMETRIC_REFERENCES = ['dna', 'fingerprints', 'dental', 'photo'] as const satisfies typeof CORE_BIOMETRIC_REFERENCES;
/** After these nothing more happens to a request: core's FINAL_STATES. */
export const FINAL_REQUEST_STATES: readonly (typeof REQUEST_STATES)[number][] = ['answered', 'partly_answered', 'refused', 'withdrawn'];
export type HistoryAction = (typeof CORE_HISTORY_ACTIONS)[number];

export const isRequestType = (value: unknown): value is (typeof REQUEST_TYPES)[number] =>
  typeof value === 'string' && (REQUEST_TYPES as readonly string[]).includes(value);
export const isRequestState = (value: unknown): value is (typeof REQUEST_STATES)[number] =>
  typeof value === 'string' && (REQUEST_STATES as readonly string[]).includes(value);
export const isPriority = (value: unknown): value is (typeof PRIORITIES)[number] =>
  typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);

export type {
  ConsentState,
  GroupAction,
  GroupDocumentView,
  GroupInput,
  GroupKind,
  GroupMember,
  GroupMessageView,
  GroupRecordView,
  GroupStatus,
  GroupSummary,
  GroupTaskView,
  GroupTimelineAction,
  GroupTimelineEntry,
  GroupUpdate,
  GroupView,
} from '@svod/core';

/** The kinds of joint group: core's GROUP_KINDS, written out so that no schema code reaches the bundle. */
export const GROUP_KINDS = ['investigative', 'operational'] as const satisfies typeof CORE_GROUP_KINDS;
