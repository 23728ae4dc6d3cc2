import { Type, type Static } from 'typebox';
import { CATEGORIES, STATUSES } from '../schemas/record.ts';

/**
 * What Svod's servers are to each other. `single` is one bank in one place (the default: no
 * bus). A `national` node keeps one member state's arrays and users and sends its records to the
 * `central` bank, which holds every shared record and matches across states.
 */
export const FEDERATION_ROLES = ['single', 'national', 'central'] as const;
export type FederationRole = (typeof FEDERATION_ROLES)[number];

/** A member state as it appears in subjects and stream names: its ISO 3166-1 alpha-2 code. */
export const STATE_PATTERN = '^[A-Z]{2}$';
const STATE = new RegExp(STATE_PATTERN);

/** Whether `code` names a member state as subjects, streams and the register of node keys hold it. */
export const isStateCode = (code: string | undefined): code is string => code !== undefined && STATE.test(code);

/** A record as it travels between nodes: the row itself, with the version that orders its changes. */
export const FederatedRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    owner: Type.String({ minLength: 1, maxLength: 64 }),
    category: Type.Enum(CATEGORIES),
    nationalRef: Type.String({ minLength: 1, maxLength: 64 }),
    status: Type.Enum(STATUSES),
    version: Type.Integer({ minimum: 1 }),
    sharedWithAll: Type.Boolean(),
    sharedWith: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 64 }),
    // The record's content is checked by the record rules where it was written; the envelope's signature vouches for it here.
    content: Type.Record(Type.String(), Type.Unknown()),
    cancelReason: Type.Union([Type.String(), Type.Null()]),
    statusNote: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type FederatedRecord = Static<typeof FederatedRecord>;

export const FEDERATION_MESSAGE_TYPES = ['record.changed'] as const;
export type FederationMessageType = (typeof FEDERATION_MESSAGE_TYPES)[number];

/** One message between nodes, as signed: who sends it (the state's node), what, and when. */
export const FederationEnvelope = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200, description: 'Also the Nats-Msg-Id: a resend with the same id is dropped by the stream' }),
    type: Type.Enum(FEDERATION_MESSAGE_TYPES),
    state: Type.String({ pattern: STATE_PATTERN }),
    sentAt: Type.String({ format: 'date-time' }),
    record: FederatedRecord,
    signature: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "Ed25519 over the canonical JSON of the rest, base64; checked against the state's registered key",
    }),
  },
  { additionalProperties: false },
);
export type FederationEnvelope = Static<typeof FederationEnvelope>;
export type UnsignedEnvelope = Omit<FederationEnvelope, 'signature'>;

/** The subject a record's changes travel on: the state first, so that streams and mirrors filter by state; the record last, so that its sequence orders its versions. */
export const recordSubject = (state: string, recordId: string): string => `svod.${state.toLowerCase()}.records.${recordId}`;

/** Everything a state's node publishes. */
export const stateSubjects = (state: string): string => `svod.${state.toLowerCase()}.>`;

/** The stream of a state's node (in its own JetStream domain) and the central bank's, which sources them all. */
export const stateStream = (state: string): string => `SVOD_${state.toUpperCase()}`;
export const CENTRAL_STREAM = 'SVOD_CENTRAL';

/** The JetStream domain of a state's leaf node: the central bank reaches its stream through `$JS.<domain>.API`. */
export const stateDomain = (state: string): string => state.toLowerCase();
export const CENTRAL_DOMAIN = 'central';

/** A change's message id: the same version of the same record is the same message, however often it is sent. */
export const changeId = (recordId: string, version: number): string => `${recordId}:${version}`;

/**
 * JSON with object keys sorted and undefined left out: the bytes a signature is made over, the
 * same on every node whatever order a database or a parser gives the keys.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The text a node signs and the central bank checks: the whole envelope but its signature. */
export const signedText = (envelope: UnsignedEnvelope | FederationEnvelope): string => {
  const { signature: _signature, ...rest } = envelope as FederationEnvelope;
  return canonicalJson(rest);
};

/**
 * Why the central bank refuses a message it could read and whose signature holds: a node speaks
 * for its own state's agencies only, and a version not newer than the one held changes nothing.
 */
export function refusal(envelope: UnsignedEnvelope, ownerState: string | null | undefined): string | null {
  if (!ownerState) return 'unknown_owner';
  if (ownerState !== envelope.state) return 'owner_of_another_state';
  return null;
}
