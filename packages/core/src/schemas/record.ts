import { DATA_QUALITY_CODES } from '../validation/data-quality.ts';
import { Type, type Static } from 'typebox';
import { IsoDate, Line, ParticipantCode, Text, Uuid } from './common.ts';
import { MissingPart, PersonPart, UnidentifiedCorpsePart, UnidentifiedPersonPart, WantedPart } from './person.ts';
import { FirearmPart, VehiclePart } from './object.ts';

/** The six arrays the member states agreed to reconcile. */
export const CATEGORIES = ['wanted_person', 'missing_person', 'unidentified_corpse', 'unidentified_person', 'vehicle', 'firearm'] as const;
export type Category = (typeof CATEGORIES)[number];

export const STATUSES = ['active', 'located', 'cancelled', 'expired'] as const;
export type RecordStatus = (typeof STATUSES)[number];

export const ACTIONS = ['arrest', 'locate_and_inform', 'seize', 'identify', 'protect'] as const;

export const Distribution = Type.Object(
  {
    kind: Type.Enum(['all', 'participants'] as const),
    /** With kind `participants`: who may read the record besides its owner. */
    participants: Type.Optional(Type.Array(ParticipantCode, { minItems: 1, maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false, description: 'Who may read the record besides its owner' },
);
export type Distribution = Static<typeof Distribution>;

export const RecordLink = Type.Object(
  {
    recordId: Uuid,
    relation: Type.Enum(['same_subject', 'related', 'accomplice', 'vehicle_of', 'weapon_of'] as const),
  },
  { additionalProperties: false },
);

/**
 * The category sections. Which of them a record must carry is decided by its category
 * (see `sectionsFor`); the schema keeps them flat so that every error names an exact path.
 */
const sections = {
  person: Type.Optional(PersonPart),
  wanted: Type.Optional(WantedPart),
  missing: Type.Optional(MissingPart),
  unidentifiedCorpse: Type.Optional(UnidentifiedCorpsePart),
  unidentifiedPerson: Type.Optional(UnidentifiedPersonPart),
  vehicle: Type.Optional(VehiclePart),
  firearm: Type.Optional(FirearmPart),
};
export type SectionName = keyof typeof sections;
export const SECTION_NAMES = Object.keys(sections) as SectionName[];

const editable = {
  legalBasis: Line(500, { description: 'Legal basis for the record, e.g. the decision that started the search' }),
  actionOnHit: Type.Enum(ACTIONS),
  reviewBy: Type.Optional(IsoDate),
  distribution: Distribution,
  links: Type.Optional(Type.Array(RecordLink, { maxItems: 50 })),
  remarks: Type.Optional(Text(4000)),
  ...sections,
};

/** What a participant sends to create a record. */
export const RecordInput = Type.Object(
  {
    category: Type.Enum(CATEGORIES),
    nationalRef: Line(64, { description: "The owner's own reference for the record" }),
    ...editable,
  },
  { additionalProperties: false },
);
export type RecordInput = Static<typeof RecordInput>;

/** A full replacement of a record's editable content; `version` must be the one last read. */
/** A record's version as last read: a PostgreSQL integer. */
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const RecordUpdate = Type.Object({ version: Version, ...editable }, { additionalProperties: false });
export type RecordUpdate = Static<typeof RecordUpdate>;

export const RecordCancel = Type.Object({ version: Version, reason: Line(500) }, { additionalProperties: false });
export type RecordCancel = Static<typeof RecordCancel>;

/**
 * The statuses a record's owner may move it between: the subject located (a hit that ended the
 * search), the search period over, or the record active again. Cancellation has its own route:
 * it is final.
 */
export const SETTABLE_STATUSES = ['active', 'located', 'expired'] as const;

export const RecordStatusChange = Type.Object(
  { version: Version, status: Type.Enum(SETTABLE_STATUSES), note: Line(500, { description: 'Where and when located, or why the status changes' }) },
  { additionalProperties: false },
);
export type RecordStatusChange = Static<typeof RecordStatusChange>;

/** A record as the bank returns it. */
export const RecordView = Type.Object({
  id: Uuid,
  owner: Type.String(),
  category: Type.Enum(CATEGORIES),
  nationalRef: Type.String(),
  status: Type.Enum(STATUSES),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  cancelReason: Type.Optional(Type.String()),
  /** Why the status last changed to located, expired or back to active. */
  statusNote: Type.Optional(Type.String()),
  /** What matching had to read around in the record as written (see `nameQualityNotes`); absent when nothing. */
  dataQuality: Type.Optional(Type.Array(Type.Object({ path: Type.String(), code: Type.Enum(DATA_QUALITY_CODES) }))),
  disclosure: Type.Optional(
    Type.Literal('hit', {
      description:
        "Hit / no hit: the owner's state shares this array's reference data only (identifiers and names); the whole record reaches the requester of a hit its owner confirms",
    }),
  ),
  attachments: Type.Array(
    Type.Object({
      id: Uuid,
      filename: Type.String(),
      contentType: Type.String(),
      size: Type.Integer(),
    }),
  ),
  ...editable,
});
export type RecordView = Static<typeof RecordView>;

export type RecordContent = Omit<RecordInput, 'category' | 'nationalRef'>;

/** One version of a record as it was written: its status, its content, and who wrote it when. */
export const RecordVersionView = Type.Object({
  version: Type.Integer(),
  status: Type.Enum(STATUSES),
  changedAt: Type.String({ format: 'date-time' }),
  changedBy: Type.Object({
    participant: Type.String(),
    /** The user or API key that wrote it, for readers of the owner's own participant. */
    name: Type.Optional(Type.String()),
  }),
  cancelReason: Type.Optional(Type.String()),
  statusNote: Type.Optional(Type.String()),
  content: Type.Object(editable),
});
export type RecordVersionView = Static<typeof RecordVersionView>;

/** Every version of a record, newest first. */
export const RecordHistory = Type.Object({ recordId: Uuid, items: Type.Array(RecordVersionView) });
export type RecordHistory = Static<typeof RecordHistory>;
