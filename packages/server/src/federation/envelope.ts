import { createHash, verify, type KeyObject } from 'node:crypto';
import {
  canonicalJson,
  changeId,
  hitChangeId,
  registryChangeId,
  signedText,
  type FederatedHit,
  type FederatedRecord,
  type FederatedRegistry,
  type FederationEnvelope,
  type HitEnvelope,
  type RecordContent,
  type RecordEnvelope,
  type RegistryEnvelope,
  type Unsigned,
  type Disclosure,
  referenceData,
  ATTACHMENT_PART_BYTES,
  attachmentPartId,
  requestChangeId,
  type AttachmentEnvelope,
  type FederatedRequest,
  type HistoryEntry,
  type RequestEnvelope,
} from '@svod/core';
import type { Db, HitRow, RecordRow, RequestAttachmentTable, Tx } from '../db/database.ts';
import type { Selectable } from 'kysely';
import type { RequestRow } from '../store/requests.ts';
import { isoOrNull, jsonColumn } from '../db/columns.ts';
import { signText, type SigningKey } from '../security/signing-key.ts';

/** A record row as it travels: every column another node needs to hold the same record. */
export const federatedRecord = (row: RecordRow): FederatedRecord => ({
  id: row.id,
  owner: row.owner,
  category: row.category as FederatedRecord['category'],
  nationalRef: row.national_ref,
  status: row.status as FederatedRecord['status'],
  version: row.version,
  sharedWithAll: row.shared_with_all,
  sharedWith: row.shared_with,
  content: jsonColumn<RecordContent>(row.content) as unknown as Record<string, unknown>,
  cancelReason: row.cancel_reason,
  statusNote: row.status_note,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** A hit row as it travels between the bank and the owner's node. */
export const federatedHit = (row: HitRow): FederatedHit => ({
  id: row.id,
  recordId: row.record_id,
  owner: row.owner,
  requester: row.requester,
  requestedBy: row.requested_by_name,
  probability: row.probability,
  subjectHeld: row.subject_held,
  query: jsonColumn<unknown>(row.query),
  status: row.status,
  deadline: isoOrNull(row.deadline_at)!,
  answeredAt: isoOrNull(row.answered_at),
  answeredBy: row.answered_by,
  answerNote: row.answer_note,
  outcome: row.outcome,
  createdAt: isoOrNull(row.created_at)!,
  updatedAt: isoOrNull(row.updated_at)!,
});

/** A sent request as it travels: its row and its whole history, read from the store. */
export async function federatedRequest(db: Db | Tx, row: RequestRow): Promise<FederatedRequest> {
  const history = await db.selectFrom('request_history').select('entry').where('request_id', '=', row.id).orderBy('seq').execute();
  return {
    id: row.id,
    type: row.type as FederatedRequest['type'],
    sender: row.sender,
    recipient: row.recipient,
    priority: row.priority,
    subject: row.subject,
    content: jsonColumn<Record<string, unknown>>(row.content),
    state: row.state as FederatedRequest['state'],
    version: row.version,
    registrationNumber: row.registration_number,
    assignee: row.assignee,
    createdBy: row.created_by,
    createdAt: isoOrNull(row.created_at)!,
    updatedAt: isoOrNull(row.updated_at)!,
    sentAt: isoOrNull(row.sent_at)!,
    receivedAt: isoOrNull(row.received_at),
    deadlineAt: isoOrNull(row.deadline_at),
    remindAt: isoOrNull(row.remind_at),
    answeredAt: isoOrNull(row.answered_at),
    history: history.map((h) => jsonColumn<HistoryEntry>(h.entry)),
  };
}

/** An envelope as the bus carries it: its JSON, as UTF-8. */
export const envelopeBytes = (envelope: FederationEnvelope): Uint8Array => new TextEncoder().encode(JSON.stringify(envelope));

function sign<E extends FederationEnvelope>(unsigned: Unsigned<E>, key: SigningKey): E {
  return { ...unsigned, signature: signText(key, signedText(unsigned)) } as E;
}

/** The message of a record's present version, signed by the state's node: whole, or its reference data only (hit / no hit). */
export function recordEnvelope(row: RecordRow, state: string, key: SigningKey, disclosure: Disclosure = 'full'): RecordEnvelope {
  const whole = federatedRecord(row);
  const record: FederatedRecord =
    disclosure === 'hit'
      ? { ...whole, content: referenceData(whole.content as unknown as RecordContent) as unknown as Record<string, unknown>, disclosure }
      : whole;
  return sign<RecordEnvelope>(
    { id: changeId(record.id, record.version, disclosure), type: 'record.changed', state, sentAt: new Date().toISOString(), record },
    key,
  );
}

/**
 * A hit's present state, signed: by the bank for the node of `state` (the owner's, or the
 * requester's to tell it the answer), or by the owner's node for the bank — with the record whole (`disclosed`) when the node confirms a hit on a record it
 * shares as hit / no hit.
 */
export function hitEnvelope(row: HitRow, state: string, key: SigningKey, disclosed?: RecordRow): HitEnvelope {
  const hit = { ...federatedHit(row), ...(disclosed ? { disclosed: federatedRecord(disclosed) } : {}) };
  return sign<HitEnvelope>({ id: hitChangeId(state, hit.id, hit.updatedAt), type: 'hit.changed', state, sentAt: new Date().toISOString(), hit }, key);
}

/** The register as the bank sends it to `state`, signed by the bank. */
export function registryEnvelope(registry: FederatedRegistry, state: string, key: SigningKey): RegistryEnvelope {
  const digest = createHash('sha256').update(canonicalJson(registry)).digest('hex').slice(0, 32);
  return sign<RegistryEnvelope>(
    { id: registryChangeId(state, digest), type: 'registry.changed', state, sentAt: new Date().toISOString(), registry },
    key,
  );
}

/**
 * Whether the envelope was signed by the holder of this public key, as registered for its state.
 * Checked on libuv's threads, so that a backfill's thousands of signatures are checked on every
 * core while the main thread files what was checked.
 */
export function signatureHolds(envelope: FederationEnvelope, publicKey: KeyObject): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      verify(null, Buffer.from(signedText(envelope), 'utf8'), publicKey, Buffer.from(envelope.signature, 'base64url'), (error, valid) =>
        resolve(!error && valid),
      );
    } catch {
      resolve(false);
    }
  });
}

/** A request's present state, signed: by the node where it was moved, for the bank; by the bank, for the node of `state`. */
export function requestEnvelope(request: FederatedRequest, state: string, key: SigningKey): RequestEnvelope {
  return sign<RequestEnvelope>(
    { id: requestChangeId(state, request), type: 'request.changed', state, sentAt: new Date().toISOString(), request },
    key,
  );
}

/** A request's file as it travels: in parts of `ATTACHMENT_PART_BYTES`, each signed on its own. */
export function attachmentEnvelopes(row: Selectable<RequestAttachmentTable>, state: string, key: SigningKey): AttachmentEnvelope[] {
  const data = Buffer.from(row.data);
  const parts = Math.max(1, Math.ceil(data.length / ATTACHMENT_PART_BYTES));
  return Array.from({ length: parts }, (_, part) =>
    sign<AttachmentEnvelope>(
      {
        id: attachmentPartId(state, row.id, part),
        type: 'attachment.part',
        state,
        sentAt: new Date().toISOString(),
        attachment: {
          id: row.id,
          requestId: row.request_id,
          filename: row.filename,
          contentType: row.content_type,
          size: row.size,
          sha256: row.sha256,
          addedBy: row.added_by,
          createdBy: row.created_by,
          createdAt: isoOrNull(row.created_at)!,
          part,
          parts,
          data: data.subarray(part * ATTACHMENT_PART_BYTES, (part + 1) * ATTACHMENT_PART_BYTES).toString('base64'),
        },
      },
      key,
    ),
  );
}
