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
} from '@svod/core';
import type { HitRow, RecordRow } from '../db/database.ts';
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
