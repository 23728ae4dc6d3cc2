import { Type, type Static } from 'typebox';
import { IsoDate, Line, ParticipantCode, Text, Uuid } from '../schemas/common.ts';
import { RecordView } from '../schemas/record.ts';
import { CATEGORIES } from '../schemas/record.ts';

/** A joint investigative group (ССГ) works one case; an investigative-operational group (СОГ) also runs operational measures. */
export const GROUP_KINDS = ['investigative', 'operational'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Planned until its first day, active to its last, ended after it or when its leader ends it early; an ended group is read-only. */
export const GROUP_STATUSES = ['planned', 'active', 'ended'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** How far the group's bounded lists may grow: a workspace, not an archive. */
export const GROUP_LIMITS = { participants: 16, members: 200, records: 500, documents: 100, tasks: 500 } as const;

export const GroupInput = Type.Object(
  {
    kind: Type.Enum(GROUP_KINDS),
    title: Line(300),
    purpose: Text(4000, { description: 'What the group is set up to establish or achieve' }),
    legalBasis: Line(500, { description: 'The agreement or decision the group rests on: its name, number and date' }),
    participants: Type.Array(ParticipantCode, {
      minItems: 2,
      maxItems: GROUP_LIMITS.participants,
      uniqueItems: true,
      description: "The participating agencies; the creator's agency leads",
    }),
    startsOn: IsoDate,
    endsOn: IsoDate,
  },
  { additionalProperties: false },
);
export type GroupInput = Static<typeof GroupInput>;

/** A change to the group's terms (an extension, a new agency): the whole of them again, with the version read. */
export const GroupUpdate = Type.Object({ ...GroupInput.properties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type GroupUpdate = Static<typeof GroupUpdate>;

export const GroupEnd = Type.Object({ reason: Line(500) }, { additionalProperties: false });
export type GroupEnd = Static<typeof GroupEnd>;

/** Members are named by their login, as the agencies exchange them when the group is formed. */
export const GroupMemberAdd = Type.Object(
  { username: Line(100), leader: Type.Optional(Type.Boolean({ description: 'Leaders manage the group: its terms, members and end' })) },
  { additionalProperties: false },
);
export type GroupMemberAdd = Static<typeof GroupMemberAdd>;

export const GroupRecordLink = Type.Object({ recordId: Uuid, note: Type.Optional(Line(500)) }, { additionalProperties: false });
export type GroupRecordLink = Static<typeof GroupRecordLink>;

export const CONSENT_STATES = ['pending', 'granted', 'refused'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const GroupConsent = Type.Object({ decision: Type.Enum(['granted', 'refused'] as const) }, { additionalProperties: false });
export type GroupConsent = Static<typeof GroupConsent>;

export const GroupMessageInput = Type.Object({ body: Text(4000) }, { additionalProperties: false });
export type GroupMessageInput = Static<typeof GroupMessageInput>;

export const TASK_STATES = ['open', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const GroupTaskInput = Type.Object(
  {
    title: Line(300),
    detail: Type.Optional(Text(4000)),
    assignee: Type.Optional(Type.String({ format: 'uuid', description: 'A member of the group' })),
    dueOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type GroupTaskInput = Static<typeof GroupTaskInput>;

export const GroupTaskUpdate = Type.Object(
  {
    state: Type.Enum(TASK_STATES),
    assignee: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    dueOn: Type.Union([IsoDate, Type.Null()]),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type GroupTaskUpdate = Static<typeof GroupTaskUpdate>;

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });

export const GroupSummary = Type.Object({
  id: Uuid,
  kind: Type.Enum(GROUP_KINDS),
  title: Type.String(),
  lead: Type.String(),
  participants: Type.Array(Type.String()),
  startsOn: Day,
  endsOn: Day,
  endedAt: Nullable(DateTime),
  status: Type.Enum(GROUP_STATUSES),
  memberCount: Type.Integer({ minimum: 0 }),
  version: Type.Integer({ minimum: 1 }),
});
export type GroupSummary = Static<typeof GroupSummary>;

export const GroupMember = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  participant: Type.String(),
  leader: Type.Boolean(),
  addedAt: DateTime,
});
export type GroupMember = Static<typeof GroupMember>;

export const GroupRecordView = Type.Object({
  recordId: Uuid,
  owner: Type.String(),
  category: Type.Enum(CATEGORIES),
  linkedBy: Type.String(),
  linkedByParticipant: Type.String(),
  linkedAt: DateTime,
  note: Nullable(Type.String()),
  consent: Type.Enum(CONSENT_STATES),
  consentBy: Nullable(Type.String()),
  consentAt: Nullable(DateTime),
  record: Type.Union([RecordView, Type.Null()], { description: 'The record itself, while the group is active and its owner has consented' }),
});
export type GroupRecordView = Static<typeof GroupRecordView>;

export const GroupDocumentView = Type.Object({
  id: Uuid,
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  sha256: Type.String(),
  addedBy: Type.String(),
  participant: Type.String(),
  createdAt: DateTime,
});
export type GroupDocumentView = Static<typeof GroupDocumentView>;

export const GroupTaskView = Type.Object({
  id: Uuid,
  title: Type.String(),
  detail: Nullable(Type.String()),
  assignee: Nullable(Type.String({ format: 'uuid' })),
  assigneeName: Nullable(Type.String()),
  dueOn: Nullable(Day),
  state: Type.Enum(TASK_STATES),
  overdue: Type.Boolean(),
  createdBy: Type.String(),
  mayUpdate: Type.Boolean({ description: 'Whether the caller may move it on: its assignee, its author or a leader, while the group has not ended' }),
  version: Type.Integer({ minimum: 1 }),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type GroupTaskView = Static<typeof GroupTaskView>;

export const GROUP_ACTIONS = ['write', 'manage'] as const;
export type GroupAction = (typeof GROUP_ACTIONS)[number];

export const GroupView = Type.Object({
  ...GroupSummary.properties,
  purpose: Type.String(),
  legalBasis: Type.String(),
  endReason: Type.Union([Type.String(), Type.Null()], { description: 'Why a leader ended the group early' }),
  members: Type.Array(GroupMember),
  records: Type.Array(GroupRecordView),
  documents: Type.Array(GroupDocumentView),
  tasks: Type.Array(GroupTaskView),
  allowedActions: Type.Array(Type.Enum(GROUP_ACTIONS), {
    description: '`write`: post, link, attach, add tasks (any member while the group is not ended); `manage`: terms, members, end (leaders)',
  }),
});
export type GroupView = Static<typeof GroupView>;

export const GroupMessageView = Type.Object({
  id: Uuid,
  author: Type.String(),
  participant: Type.String(),
  body: Type.String(),
  createdAt: DateTime,
});
export type GroupMessageView = Static<typeof GroupMessageView>;

export const GROUP_TIMELINE_ACTIONS = [
  'created',
  'updated',
  'ended',
  'member_added',
  'member_removed',
  'record_linked',
  'record_consent',
  'message_posted',
  'document_added',
  'task_created',
  'task_updated',
] as const;
export type GroupTimelineAction = (typeof GROUP_TIMELINE_ACTIONS)[number];

export const GroupTimelineEntry = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  at: DateTime,
  actor: Type.String(),
  participant: Type.String(),
  action: Type.Enum(GROUP_TIMELINE_ACTIONS),
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
});
export type GroupTimelineEntry = Static<typeof GroupTimelineEntry>;

/** A page of a long list, newest first; `next` is the cursor to the older ones. */
export const groupPage = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), next: Type.Union([Type.String(), Type.Null()]) });
