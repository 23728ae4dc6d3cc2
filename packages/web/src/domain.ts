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
  Category,
  Language,
  ParticipantInfo,
  RecordStatus,
  RecordView,
  Role,
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
