/**
 * Names for the enumerations the console shows, derived from the core schemas
 * (type-only imports: nothing of the schema library reaches the bundle).
 */
import type {
  ACTIONS,
  BUILDS,
  Category,
  DOCUMENT_TYPES,
  FIREARM_KINDS,
  FIREARM_TYPES,
  LOCATION_KINDS,
  MARK_KINDS,
  MEASURES,
  NAME_KINDS,
  RecordStatus,
  RecordView,
  SCRIPTS,
  SEXES,
  VULNERABILITIES,
} from '@svod/core';

export type {
  Actor,
  ApiKeyView,
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
