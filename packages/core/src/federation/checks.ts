import { Type, type Static } from 'typebox';
import { ROLES } from '../auth/permissions.ts';
import { CheckInput } from '../schemas/check.ts';
import { STATE_PATTERN } from './messages.ts';

/**
 * A national node's field checks are answered by the central bank, which holds every state's
 * shared records: the node asks on this subject (NATS request and reply, across its leaf link),
 * and the bank's servers answer as one queue group.
 */
export const CHECK_SUBJECT = 'svod.checks';
export const CHECK_QUEUE = 'svod-bank';

/** How long a node waits for the bank before it answers from its own state's records alone. */
export const CHECK_TIMEOUT_MS = 3000;

/** A check as a node sends it up, signed with the node's key: who checks (one of the state's officers), why, and what. */
export const CheckCall = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    state: Type.String({ pattern: STATE_PATTERN }),
    sentAt: Type.String({ format: 'date-time' }),
    actor: Type.Object(
      {
        kind: Type.Enum(['user', 'api_key'] as const),
        id: Type.String({ minLength: 1, maxLength: 200 }),
        name: Type.String({ maxLength: 300 }),
        participant: Type.String({ minLength: 1, maxLength: 64 }),
        role: Type.Enum(ROLES),
      },
      { additionalProperties: false },
    ),
    purpose: Type.String({ minLength: 1, maxLength: 500 }),
    input: CheckInput,
    signature: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type CheckCall = Static<typeof CheckCall>;

/** The bank's answer to a call, signed with the bank's key: the check's result, or the problem that refused it. */
export const CheckAnswer = Type.Object(
  {
    call: Type.String({ format: 'uuid' }),
    sentAt: Type.String({ format: 'date-time' }),
    // The result is the bank's check result as its API gives it; the bank's signature vouches for it.
    result: Type.Optional(Type.Unknown()),
    problem: Type.Optional(
      Type.Object({
        code: Type.String(),
        params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
        issues: Type.Optional(Type.Array(Type.Unknown())),
      }),
    ),
    signature: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type CheckAnswer = Static<typeof CheckAnswer>;
