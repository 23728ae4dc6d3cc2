import { Type, type Static } from 'typebox';
import { CATEGORIES } from '../schemas/record.ts';
import { FEDERATION_ROLES, STATE_PATTERN } from './messages.ts';

const Time = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** Where this server stands in the federation, for administrators and `svod federation status`. */
export const FederationStatusView = Type.Object({
  role: Type.Enum(FEDERATION_ROLES),
  state: Type.Union([Type.String(), Type.Null()]),
  bus: Type.Enum(['connected', 'disconnected', 'none'] as const),
  /** A federated node: changes written and not yet stored by the bus (a state's records and answers; the bank's hits and register), and since when the oldest waits. */
  outbox: Type.Union([Type.Object({ pending: Type.Integer({ minimum: 0 }), oldestQueuedAt: Time, lastSentAt: Time }), Type.Null()]),
  /** The central bank: each registered state's node, what was last applied from it and how far behind that was. */
  nodes: Type.Array(
    Type.Object({
      state: Type.String(),
      registeredAt: Type.String({ format: 'date-time' }),
      lastAppliedAt: Time,
      lastSentAt: Time,
      applied: Type.Integer({ minimum: 0 }),
      /** Seconds between the node sending its newest change the bank applied and the bank applying it. */
      lagSeconds: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
    }),
  ),
  /** Messages stored for this node and not yet applied: the states' at the bank, the bank's at a national node. */
  undelivered: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** A national node's link with the bank: whether it holds the bank's key (without it, what comes down is set aside), and when it last heard. */
  bank: Type.Union([Type.Object({ keyTrusted: Type.Boolean(), lastReceivedAt: Time }), Type.Null()]),
  /** A national node: the arrays it shares as hit / no hit (reference data only). */
  hitOnly: Type.Array(Type.Enum(CATEGORIES)),
  deadLetters: Type.Integer({ minimum: 0 }),
});
export type FederationStatusView = Static<typeof FederationStatusView>;

export const DeadLetterView = Type.Object({
  id: Type.Integer(),
  receivedAt: Type.String({ format: 'date-time' }),
  subject: Type.String(),
  messageId: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  deliveries: Type.Integer(),
});
export type DeadLetterView = Static<typeof DeadLetterView>;

export const NodeRegistration = Type.Object(
  {
    state: Type.String({ pattern: STATE_PATTERN }),
    publicKey: Type.String({ minLength: 1, maxLength: 2000, description: "The node's Ed25519 public key, PEM (`svod federation key` prints it)" }),
  },
  { additionalProperties: false },
);
export type NodeRegistration = Static<typeof NodeRegistration>;
