import { Type, type Static } from 'typebox';
import { RecordView } from './record.ts';

export const HIT_STATUSES = ['open', 'confirmed', 'denied'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

/** What confirming a hit came to, for the statistics of cooperation. */
export const HIT_OUTCOMES = ['located', 'detained', 'identified', 'recovered'] as const;
export type HitOutcome = (typeof HIT_OUTCOMES)[number];

export const HIT_ANSWERS = ['confirm', 'deny', 'more_time'] as const;

/**
 * A check that found another participant's active record: the owner answers by the deadline,
 * the requester follows each change. Shared by the server and the console.
 */
export const HitView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  record: RecordView,
  owner: Type.String(),
  requester: Type.String(),
  requestedBy: Type.String({ description: 'The checking officer, by name' }),
  probability: Type.Number(),
  subjectHeld: Type.Boolean(),
  status: Type.Enum(HIT_STATUSES),
  deadline: Type.String({ format: 'date-time' }),
  remindedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  escalatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  answeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  answerNote: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.Enum(HIT_OUTCOMES), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  mayAnswer: Type.Boolean({ description: 'Whether the caller may answer it now' }),
});
export type HitView = Static<typeof HitView>;

export const HitAnswer = Type.Object(
  {
    answer: Type.Enum(HIT_ANSWERS),
    outcome: Type.Optional(Type.Enum(HIT_OUTCOMES, { description: 'Required to confirm' })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type HitAnswer = Static<typeof HitAnswer>;

/**
 * What the event stream carries: a hit or an interstate request that concerns the participant,
 * and what happened to it. `request.received`: a request arrived in the participant's inbox;
 * `request.changed`: one of its requests moved (answered, assigned, clarified …);
 * `request.reminder`: the deadline of one it must answer is near; `request.overdue`: it has passed
 * (told to the recipient, the sender and BKBOP).
 */
export const EVENT_TYPES = [
  'hit.created',
  'hit.answered',
  'hit.reminder',
  'hit.escalated',
  'request.received',
  'request.changed',
  'request.reminder',
  'request.overdue',
  'group.changed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
