import { Type, type Static, type TSchema } from 'typebox';
import { ROLES } from '../auth/permissions.ts';
import { CountryCode, IsoDate, Line, NamePart, ParticipantCode, PartialDate, Text, Uuid } from '../schemas/common.ts';

/** What one agency may ask another for; each kind has its own form with its own required fields. */
export const REQUEST_TYPES = [
  'person_information',
  'vehicle_information',
  'firearm_information',
  'search_whereabouts',
  'search_detention_extradition',
  'identity_confirmation',
  'case_documents',
  'hit_answer',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const PRIORITIES = ['urgent', 'routine'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Where a request is in its life. `forwarded` is not a resting state: forwarding hands the
 * request to another agency, where it is `received` again, and the history keeps the hop.
 */
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
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** After these nothing more happens to a request: its deadline no longer runs. */
export const FINAL_STATES: ReadonlySet<RequestState> = new Set(['answered', 'partly_answered', 'refused', 'withdrawn']);

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
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** The history also records the creation of the draft, which is not a transition. */
export const HISTORY_ACTIONS = ['create', ...REQUEST_ACTIONS] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Biometric material the requesting side holds and can send for comparison. */
export const BIOMETRIC_REFERENCES = ['dna', 'fingerprints', 'dental', 'photo'] as const;
export type BiometricReference = (typeof BIOMETRIC_REFERENCES)[number];

/** Enough of a person to search by when the bank holds no record of them yet. */
const Subject = Type.Object(
  {
    surname: NamePart,
    givenName: NamePart,
    patronymic: Type.Optional(NamePart),
    birthDate: Type.Optional(PartialDate),
    citizenship: Type.Optional(CountryCode),
  },
  { additionalProperties: false },
);

const RecordRef = Type.Optional(Type.String({ format: 'uuid', description: 'A record in the bank the request is about' }));

/** Either `subject` (surname and given name) or `recordId`; see `checkRequestRules`. */
export const PersonInformationForm = Type.Object({ subject: Type.Optional(Subject), recordId: RecordRef }, { additionalProperties: false });

/** Any one of VIN, plate or record: right-hand-drive imports often have no VIN. */
export const VehicleInformationForm = Type.Object(
  {
    vin: Type.Optional(Line(32, { description: 'VIN, or the body/frame number where there is no VIN' })),
    plate: Type.Optional(Type.Object({ number: Line(16), state: CountryCode }, { additionalProperties: false })),
    recordId: RecordRef,
  },
  { additionalProperties: false },
);

/** A serial number or a record; make and calibre narrow a serial that several makers used. */
export const FirearmInformationForm = Type.Object(
  {
    serialNumber: Type.Optional(Line(40)),
    make: Type.Optional(Line(80)),
    model: Type.Optional(Line(80)),
    calibre: Type.Optional(Line(20)),
    recordId: RecordRef,
  },
  { additionalProperties: false },
);

export const SearchWhereaboutsForm = Type.Object(
  {
    subject: Type.Optional(Subject),
    recordId: RecordRef,
    lastKnownAddress: Type.Optional(Line(300)),
  },
  { additionalProperties: false },
);

/** Detention for extradition rests on a decision of the requesting state: it must be named. */
export const SearchDetentionExtraditionForm = Type.Object(
  {
    recordId: Uuid,
    warrant: Type.Object(
      {
        reference: Line(100, { description: 'Number of the arrest warrant or court decision' }),
        date: IsoDate,
        issuedBy: Type.Optional(Line(300)),
      },
      { additionalProperties: false },
    ),
    offenceArticle: Type.Optional(Line(100, { description: "Article of the requesting state's criminal code" })),
  },
  { additionalProperties: false },
);

/** E.g. an unidentified person or body against a missing person's record. */
export const IdentityConfirmationForm = Type.Object(
  {
    recordId: Uuid,
    biometrics: Type.Array(Type.Enum(BIOMETRIC_REFERENCES), {
      minItems: 1,
      maxItems: BIOMETRIC_REFERENCES.length,
      uniqueItems: true,
      description: 'The references the sender holds and can send for comparison',
    }),
    candidateRecordIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true, description: 'Records of the recipient to compare with' })),
  },
  { additionalProperties: false },
);

export const CaseDocumentsForm = Type.Object(
  {
    caseNumber: Line(64),
    documents: Type.Array(Line(300), { minItems: 1, maxItems: 50, description: 'The documents or copies asked for, one per item' }),
    certifiedCopies: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const HitAnswerForm = Type.Object({ hitId: Uuid }, { additionalProperties: false });

export const LegalBasis = Type.Object(
  {
    agreement: Line(300, { description: 'The agreement the request rests on, e.g. the 1993 Minsk Convention' }),
    article: Type.Optional(Line(100)),
  },
  { additionalProperties: false },
);
export type LegalBasis = Static<typeof LegalBasis>;

export const RequestLinks = Type.Object(
  {
    recordIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }),
    hitIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type RequestLinks = Static<typeof RequestLinks>;

/** The sender is never sent: it is the participant of whoever creates the draft. */
const content = {
  recipient: ParticipantCode,
  legalBasis: LegalBasis,
  priority: Type.Enum(PRIORITIES),
  subject: Line(300),
  body: Text(20_000),
  links: Type.Optional(RequestLinks),
};

const createVariant = <T extends RequestType, F extends TSchema>(type: T, form: F) =>
  Type.Object({ type: Type.Literal(type), ...content, form }, { additionalProperties: false });

const CREATE_VARIANTS = [
  createVariant('person_information', PersonInformationForm),
  createVariant('vehicle_information', VehicleInformationForm),
  createVariant('firearm_information', FirearmInformationForm),
  createVariant('search_whereabouts', SearchWhereaboutsForm),
  createVariant('search_detention_extradition', SearchDetentionExtraditionForm),
  createVariant('identity_confirmation', IdentityConfirmationForm),
  createVariant('case_documents', CaseDocumentsForm),
  createVariant('hit_answer', HitAnswerForm),
] as const;

/** What a client sends to create (or replace) a draft. */
export const RequestCreate = Type.Union([...CREATE_VARIANTS]);
export type RequestCreate = Static<typeof RequestCreate>;

/**
 * `RequestCreate` as a validator should read it: the kinds told apart by `type` (OpenAPI's
 * discriminator), so a wrong field is reported against its own kind's form, not against all eight.
 */
export const RequestCreateBody = Type.Unsafe<RequestCreate>({
  type: 'object',
  oneOf: CREATE_VARIANTS,
  discriminator: { propertyName: 'type' },
  required: ['type'],
});

/** One transition as a client asks for it; which fields it needs depends on the action. */
export const RequestTransition = Type.Object(
  {
    action: Type.Enum(REQUEST_ACTIONS),
    text: Type.Optional(Text(20_000, { description: 'Question, clarification, answer or reason; required by some actions' })),
    assignee: Type.Optional(Line(100, { description: 'User id of the officer who will work on it (assign)' })),
    forwardTo: Type.Optional(ParticipantCode),
    content: Type.Optional(RequestCreateBody),
  },
  { additionalProperties: false },
);
export type RequestTransition = Static<typeof RequestTransition>;

export const HistoryActor = Type.Object({
  id: Type.String(),
  name: Type.String(),
  participant: Type.String(),
  role: Type.Enum(ROLES),
});

/** One step of a request's life, written once and never changed. */
export const HistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  action: Type.Enum(HISTORY_ACTIONS),
  actor: HistoryActor,
  from: Type.Union([Type.Enum(REQUEST_STATES), Type.Null()], { description: 'Null for the creation of the draft' }),
  to: Type.Enum(REQUEST_STATES),
  text: Type.Optional(Type.String()),
  assignee: Type.Optional(Type.String()),
  forwardedFrom: Type.Optional(Type.String()),
  forwardedTo: Type.Optional(Type.String()),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

/** A file sent with a request or its answer: always served as a download, never shown inline. */
export const RequestAttachmentView = Type.Object({
  id: Uuid,
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer({ minimum: 1 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  /** The participant whose officer attached it: the sender's side or the recipient's. */
  addedBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type RequestAttachmentView = Static<typeof RequestAttachmentView>;

const summary = {
  id: Uuid,
  type: Type.Enum(REQUEST_TYPES),
  registrationNumber: Type.Union([Type.String(), Type.Null()], { description: 'Given when the request is sent' }),
  sender: Type.String(),
  recipient: Type.String(),
  priority: Type.Enum(PRIORITIES),
  subject: Type.String(),
  state: Type.Enum(REQUEST_STATES),
  version: Type.Integer({ minimum: 1 }),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  receivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  assignee: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: "End of the last working day, in the recipient's time zone",
  }),
  overdue: Type.Boolean(),
  answeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
};

/** A request as an inbox or outbox lists it: no body, form or history. */
export const RequestSummary = Type.Object(summary);
export type RequestSummary = Static<typeof RequestSummary>;

/** One page of an inbox or outbox, newest first; `next` asks for the page after it. */
export const RequestPage = Type.Object({
  items: Type.Array(RequestSummary),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page; null on the last' }),
});
export type RequestPage = Static<typeof RequestPage>;

const view = {
  ...summary,
  legalBasis: LegalBasis,
  body: Type.String(),
  links: RequestLinks,
  attachments: Type.Array(RequestAttachmentView),
  history: Type.Array(HistoryEntry),
  allowedActions: Type.Array(Type.Enum(REQUEST_ACTIONS), { description: 'What the caller may do now' }),
};

const viewVariant = <T extends RequestType, F extends TSchema>(type: T, form: F) => Type.Object({ ...view, type: Type.Literal(type), form });

/** A request as the bank returns it. */
export const RequestView = Type.Union([
  viewVariant('person_information', PersonInformationForm),
  viewVariant('vehicle_information', VehicleInformationForm),
  viewVariant('firearm_information', FirearmInformationForm),
  viewVariant('search_whereabouts', SearchWhereaboutsForm),
  viewVariant('search_detention_extradition', SearchDetentionExtraditionForm),
  viewVariant('identity_confirmation', IdentityConfirmationForm),
  viewVariant('case_documents', CaseDocumentsForm),
  viewVariant('hit_answer', HitAnswerForm),
]);
export type RequestView = Static<typeof RequestView>;

const Hours = Type.Union([Type.Number(), Type.Null()]);

/** One group's figures (see `requestStatistics`). */
export const RequestFiguresView = Type.Object({
  key: Type.String(),
  sent: Type.Integer(),
  answered: Type.Integer(),
  partlyAnswered: Type.Integer(),
  refused: Type.Integer(),
  withdrawn: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  answerHours: Type.Object({ count: Type.Integer(), median: Hours, p90: Hours }),
});

export const RequestStatisticsView = Type.Object({
  bySender: Type.Array(RequestFiguresView),
  byRecipient: Type.Array(RequestFiguresView),
  byType: Type.Array(RequestFiguresView),
  byMonth: Type.Array(RequestFiguresView, { description: 'By the UTC month sent, YYYY-MM' }),
});
