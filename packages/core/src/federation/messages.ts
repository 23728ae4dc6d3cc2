import { Type, type Static } from 'typebox';
import { AgreementView } from '../agreements/types.ts';
import { DISCLOSURES, type Disclosure } from './disclosure.ts';
import { HIT_OUTCOMES, HIT_STATUSES } from '../schemas/hit.ts';
import { CATEGORIES, STATUSES } from '../schemas/record.ts';
import { HistoryEntry, PRIORITIES, REQUEST_STATES, REQUEST_TYPES } from '../requests/types.ts';

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
    disclosure: Type.Optional(
      Type.Enum(DISCLOSURES, { description: '`hit`: the content is the reference data only (hit / no hit); `full` when absent' }),
    ),
  },
  { additionalProperties: false },
);
export type FederatedRecord = Static<typeof FederatedRecord>;

const Instant = Type.String({ format: 'date-time' });
const OrNull = <T extends Parameters<typeof Type.Union>[0][number]>(type: T) => Type.Union([type, Type.Null()]);

/**
 * A hit as it travels: opened at the central bank by a check, sent down to the owner's node to
 * answer, and the answer sent back up. `updatedAt` orders its changes.
 */
export const FederatedHit = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    recordId: Type.String({ format: 'uuid' }),
    owner: Type.String({ minLength: 1, maxLength: 64 }),
    requester: Type.String({ minLength: 1, maxLength: 64 }),
    requestedBy: Type.String({ maxLength: 200 }),
    probability: Type.Number({ minimum: 0, maximum: 1 }),
    subjectHeld: Type.Boolean(),
    // What the requester checked, so that the owner can judge the hit; as the check took it.
    query: Type.Unknown(),
    status: Type.Enum(HIT_STATUSES),
    deadline: Instant,
    answeredAt: OrNull(Instant),
    answeredBy: OrNull(Type.String({ maxLength: 200 })),
    answerNote: OrNull(Type.String({ maxLength: 2000 })),
    outcome: OrNull(Type.Enum(HIT_OUTCOMES)),
    createdAt: Instant,
    updatedAt: Instant,
    /** A hit-only record whole, as its owner's node discloses it with the confirmation, where an agreement covers the requester. */
    disclosed: Type.Optional(FederatedRecord),
  },
  { additionalProperties: false },
);
export type FederatedHit = Static<typeof FederatedHit>;

/** The register every node decides access by, as the central bank keeps it: the participants and the agreements in force or to come. */
export const FederatedRegistry = Type.Object(
  {
    participants: Type.Array(
      Type.Object(
        {
          code: Type.String({ minLength: 1, maxLength: 64 }),
          state: OrNull(Type.String({ pattern: STATE_PATTERN })),
          nameRu: Type.String({ maxLength: 300 }),
          nameEn: Type.String({ maxLength: 300 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
    agreements: Type.Array(AgreementView, { maxItems: 10_000 }),
  },
  { additionalProperties: false },
);
export type FederatedRegistry = Static<typeof FederatedRegistry>;

/**
 * A sent request as it travels, with its whole history: up from the node where an officer moved
 * it, down from the bank to the nodes of both its parties. The history orders its changes: a
 * change builds on another when the other's history is where its own begins.
 */
export const FederatedRequest = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: Type.Enum(REQUEST_TYPES),
    sender: Type.String({ minLength: 1, maxLength: 64 }),
    recipient: Type.String({ minLength: 1, maxLength: 64 }),
    priority: Type.Enum(PRIORITIES),
    subject: Type.String({ maxLength: 2000 }),
    // The request's form, checked by the request rules where it was written; the signature vouches for it here.
    content: Type.Record(Type.String(), Type.Unknown()),
    state: Type.Enum(REQUEST_STATES),
    version: Type.Integer({ minimum: 1 }),
    registrationNumber: OrNull(Type.String({ maxLength: 100 })),
    assignee: OrNull(Type.String({ maxLength: 200 })),
    createdBy: Type.String({ maxLength: 200 }),
    createdAt: Instant,
    updatedAt: Instant,
    sentAt: Instant,
    receivedAt: OrNull(Instant),
    deadlineAt: OrNull(Instant),
    remindAt: OrNull(Instant),
    answeredAt: OrNull(Instant),
    history: Type.Array(HistoryEntry, { minItems: 1, maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type FederatedRequest = Static<typeof FederatedRequest>;

/** The bytes of a request's file travel in parts of at most this size, each well under NATS's default message limit of 1 MiB. */
export const ATTACHMENT_PART_BYTES = 256 * 1024;

/** One part of a file sent with a request: the file is filed whole once every part is in and its SHA-256 holds. */
export const FederatedAttachmentPart = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    requestId: Type.String({ format: 'uuid' }),
    filename: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ minLength: 1, maxLength: 200 }),
    size: Type.Integer({ minimum: 1, maximum: 64 * ATTACHMENT_PART_BYTES }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    addedBy: Type.String({ minLength: 1, maxLength: 64 }),
    createdBy: Type.String({ maxLength: 200 }),
    createdAt: Instant,
    part: Type.Integer({ minimum: 0, maximum: 63 }),
    parts: Type.Integer({ minimum: 1, maximum: 64 }),
    data: Type.String({ maxLength: Math.ceil(ATTACHMENT_PART_BYTES / 3) * 4, description: 'This part of the file, base64' }),
  },
  { additionalProperties: false },
);
export type FederatedAttachmentPart = Static<typeof FederatedAttachmentPart>;

const envelopeFields = {
  id: Type.String({ minLength: 1, maxLength: 200, description: 'Also the Nats-Msg-Id: a resend with the same id is dropped by the stream' }),
  state: Type.String({
    pattern: STATE_PATTERN,
    description: 'The national node: the sender of what goes up to the central bank, the addressee of what comes down',
  }),
  sentAt: Instant,
  signature: Type.String({
    minLength: 1,
    maxLength: 200,
    description: "Ed25519 over the canonical JSON of the rest, base64; checked against the sender's registered key",
  }),
};

/**
 * One message between nodes, as signed. Up (national → central): a record's change, a hit's
 * answer, a request's step and its files. Down (central → national): a hit on the state's
 * record, the register, a request's step and its files for the other party's node.
 */
export const FederationEnvelope = Type.Union([
  Type.Object({ ...envelopeFields, type: Type.Literal('record.changed'), record: FederatedRecord }, { additionalProperties: false }),
  Type.Object({ ...envelopeFields, type: Type.Literal('hit.changed'), hit: FederatedHit }, { additionalProperties: false }),
  Type.Object({ ...envelopeFields, type: Type.Literal('registry.changed'), registry: FederatedRegistry }, { additionalProperties: false }),
  Type.Object({ ...envelopeFields, type: Type.Literal('request.changed'), request: FederatedRequest }, { additionalProperties: false }),
  Type.Object({ ...envelopeFields, type: Type.Literal('attachment.part'), attachment: FederatedAttachmentPart }, { additionalProperties: false }),
]);
export type FederationEnvelope = Static<typeof FederationEnvelope>;
export type FederationMessageType = FederationEnvelope['type'];
export type RecordEnvelope = Extract<FederationEnvelope, { type: 'record.changed' }>;
export type HitEnvelope = Extract<FederationEnvelope, { type: 'hit.changed' }>;
export type RegistryEnvelope = Extract<FederationEnvelope, { type: 'registry.changed' }>;
export type RequestEnvelope = Extract<FederationEnvelope, { type: 'request.changed' }>;
export type AttachmentEnvelope = Extract<FederationEnvelope, { type: 'attachment.part' }>;
/** An envelope before it is signed, whichever its type. */
export type Unsigned<E extends FederationEnvelope = FederationEnvelope> = E extends FederationEnvelope ? Omit<E, 'signature'> : never;
export type UnsignedEnvelope = Unsigned;

/** The subject a record's changes travel on: the state first, so that streams and mirrors filter by state; the record last, so that its sequence orders its versions. */
export const recordSubject = (state: string, recordId: string): string => `svod.${state.toLowerCase()}.records.${recordId}`;

/** A hit's answers, sent up by the owner's node. */
export const hitSubject = (state: string, hitId: string): string => `svod.${state.toLowerCase()}.hits.${hitId}`;

/** A request's changes made on a state's node. */
export const requestSubject = (state: string, requestId: string): string => `svod.${state.toLowerCase()}.requests.${requestId}`;

/** One part of a request's file, added on a state's node. */
export const attachmentSubject = (state: string, attachmentId: string, part: number): string =>
  `svod.${state.toLowerCase()}.files.${attachmentId}.${part}`;

/** Everything a state's node publishes. */
export const stateSubjects = (state: string): string => `svod.${state.toLowerCase()}.>`;

/**
 * What the central bank sends down to a state: `svod.bank.<state>.<kind>.<id>`, on the bank's
 * own stream, which each state's leaf mirrors filtered to its own subjects.
 */
export const bankSubject = (state: string, kind: 'hits' | 'registry' | 'requests' | 'files', id: string): string =>
  `svod.bank.${state.toLowerCase()}.${kind}.${id}`;
export const bankSubjects = (state?: string): string => (state ? `svod.bank.${state.toLowerCase()}.>` : 'svod.bank.>');
export const BANK_STREAM = 'SVOD_BANK';
/** A state's mirror of the bank's stream, on its leaf server. */
export const bankMirror = (state: string): string => `SVOD_BANK_${state.toUpperCase()}`;

/** The stream of a state's node (in its own JetStream domain) and the central bank's, which sources them all. */
export const stateStream = (state: string): string => `SVOD_${state.toUpperCase()}`;
export const CENTRAL_STREAM = 'SVOD_CENTRAL';

/** The JetStream domain of a state's leaf node: the central bank reaches its stream through `$JS.<domain>.API`. */
export const stateDomain = (state: string): string => state.toLowerCase();
export const CENTRAL_DOMAIN = 'central';

/** A change's message id: the same version of the same record is the same message, however often it is sent. */
export const changeId = (recordId: string, version: number, disclosure: Disclosure = 'full'): string =>
  disclosure === 'full' ? `${recordId}:${version}` : `${recordId}:${version}:${disclosure}`;
/** A hit's change for or from one state's node, by when it was made: its answer sent again is the same message. */
export const hitChangeId = (state: string, hitId: string, updatedAt: string): string => `hit:${state}:${hitId}:${Date.parse(updatedAt)}`;
/** A request's change for or from one state's node, by its version and the length of its history (two sides' steps at one version differ by state). */
export const requestChangeId = (state: string, request: FederatedRequest): string =>
  `request:${state}:${request.id}:${request.version}:${request.history.length}`;
/** A part of a request's file, for or from one state's node: sent again, the same message. */
export const attachmentPartId = (state: string, attachmentId: string, part: number): string => `file:${state}:${attachmentId}:${part}`;
/** The register as sent to one state: the same register sent again is the same message (`digest` of its canonical JSON). */
export const registryChangeId = (state: string, digest: string): string => `registry:${state}:${digest}`;

/**
 * JSON with object keys sorted and undefined left out: the bytes a signature is made over, the
 * same on every node whatever order a database or a parser gives the keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  // Written as loops: every message is serialized so on both sides, a backfill's hundred thousand of them.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort orders by UTF-16 code units, as every node's does.
  let out = '';
  for (const key of Object.keys(object).sort()) {
    const v = object[key];
    if (v !== undefined) out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

/** The text a node signs and the receiver checks: the whole message (an envelope, a check, its answer) but its signature. */
export const signedText = (message: object): string => {
  const { signature: _signature, ...rest } = message as { signature?: string };
  return canonicalJson(rest);
};

/** Which way a message goes: up from a state's node to the central bank, or down from the bank. */
export type Direction = 'up' | 'down';

/** The subject an envelope must travel on: anything else is a message replayed where it does not belong. */
export function envelopeSubject(envelope: UnsignedEnvelope, direction: Direction): string {
  switch (envelope.type) {
    case 'record.changed':
      return recordSubject(envelope.state, envelope.record.id);
    case 'hit.changed':
      return direction === 'up' ? hitSubject(envelope.state, envelope.hit.id) : bankSubject(envelope.state, 'hits', envelope.hit.id);
    case 'registry.changed':
      return bankSubject(envelope.state, 'registry', 'current');
    case 'request.changed':
      return direction === 'up' ? requestSubject(envelope.state, envelope.request.id) : bankSubject(envelope.state, 'requests', envelope.request.id);
    case 'attachment.part': {
      const { id, part } = envelope.attachment;
      return direction === 'up' ? attachmentSubject(envelope.state, id, part) : bankSubject(envelope.state, 'files', `${id}.${part}`);
    }
  }
}

/**
 * Why a message that could be read and whose signature holds is refused: a node speaks for its
 * own state's agencies only — the owner of the record or of the hit it answers must be one of them.
 */
export function refusal(envelope: UnsignedEnvelope, ownerState: string | null | undefined): string | null {
  if (!ownerState) return 'unknown_owner';
  if (ownerState !== envelope.state) return 'owner_of_another_state';
  return null;
}
