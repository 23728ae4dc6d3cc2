import { verify, type KeyObject } from 'node:crypto';
import { changeId, signedText, type FederatedRecord, type FederationEnvelope, type RecordContent } from '@svod/core';
import type { RecordRow } from '../db/database.ts';
import { jsonColumn } from '../db/columns.ts';
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

/** The message of a record's present version, signed by the state's node. */
export function recordEnvelope(row: RecordRow, state: string, key: SigningKey): FederationEnvelope {
  const record = federatedRecord(row);
  const unsigned = { id: changeId(record.id, record.version), type: 'record.changed' as const, state, sentAt: new Date().toISOString(), record };
  return { ...unsigned, signature: signText(key, signedText(unsigned)) };
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
