import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database.ts';
import { signText, verifyText, type SigningKey } from '../security/signing-key.ts';
import { readChainHead, verifyAuditChain, type AuditVerification } from './audit.ts';

/**
 * The hash chain proves that no entry was edited or removed in the middle, but not that the
 * newest ones were not deleted, nor that someone with the database's rights did not recompute
 * the whole chain after an edit. A checkpoint closes that gap: the chain's head (sequence number
 * and hash) signed with a key the database never holds, written to a file outside it. The
 * chain must later still reach that sequence number with that very hash.
 */
export interface AuditCheckpoint {
  /** The store the chain belongs to (settings `store.id`): a checkpoint vouches for one store. */
  store: string;
  seq: number;
  hash: string;
  at: string;
  /** Which key signed it. */
  key: string;
  signature: string;
}

export interface CheckpointPlace {
  /** Folder of `audit-checkpoints.jsonl`, apart from the database (ideally copied off the host). */
  dir: string;
  key: SigningKey;
}

const FILE = 'audit-checkpoints.jsonl';
const signedText = (c: Omit<AuditCheckpoint, 'key' | 'signature'>) => `svod-audit-checkpoint/1|${c.store}|${c.seq}|${c.hash}|${c.at}`;

/** The store's identity, written once by the migration that introduced checkpoints. */
export async function storeId(db: Db): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('name', '=', 'store.id').executeTakeFirstOrThrow();
  return row.value;
}

/** Signs the chain's current head and appends it to the checkpoint file, flushed to disk. */
export async function writeCheckpoint(db: Db, place: CheckpointPlace): Promise<AuditCheckpoint> {
  const head = await readChainHead(db);
  const unsigned = { store: await storeId(db), seq: head.seq, hash: head.hash, at: new Date().toISOString() };
  const checkpoint: AuditCheckpoint = { ...unsigned, key: place.key.keyId, signature: signText(place.key, signedText(unsigned)) };
  mkdirSync(place.dir, { recursive: true, mode: 0o700 });
  const fd = openSync(join(place.dir, FILE), 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return checkpoint;
}

export type LatestCheckpoint = { kind: 'none' } | { kind: 'valid'; checkpoint: AuditCheckpoint } | { kind: 'forged'; line: number; reason: string };

/**
 * The newest checkpoint of this store. One that does not carry a valid signature of the given
 * key is reported as forged: someone wrote the file without the key.
 */
export function latestCheckpoint(dir: string, key: SigningKey, store: string): LatestCheckpoint {
  const file = join(dir, FILE);
  if (!existsSync(file)) return { kind: 'none' };
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    let checkpoint: AuditCheckpoint;
    try {
      checkpoint = JSON.parse(text) as AuditCheckpoint;
    } catch {
      return { kind: 'forged', line: i + 1, reason: 'not a checkpoint' };
    }
    if (checkpoint.store !== store) continue;
    if (checkpoint.key !== key.keyId) return { kind: 'forged', line: i + 1, reason: `signed by key ${checkpoint.key}, not ${key.keyId}` };
    if (!verifyText(key, signedText(checkpoint), checkpoint.signature)) return { kind: 'forged', line: i + 1, reason: 'signature does not match' };
    return { kind: 'valid', checkpoint };
  }
  return { kind: 'none' };
}

/**
 * Writes a checkpoint every `minutes` when the chain has grown since the last one; the returned
 * function stops the schedule and writes a last checkpoint (at shutdown).
 */
export function scheduleCheckpoints(db: Db, place: CheckpointPlace, minutes: number, onError: (error: unknown) => void): () => Promise<void> {
  let lastSeq = -1;
  const write = async () => {
    try {
      const head = await readChainHead(db);
      if (head.seq !== lastSeq) lastSeq = (await writeCheckpoint(db, place)).seq;
    } catch (error) {
      onError(error);
    }
  };
  const timer = setInterval(write, minutes * 60_000);
  timer.unref();
  void write();
  return async () => {
    clearInterval(timer);
    await write();
  };
}

export interface TrailVerification extends AuditVerification {
  /** The signed checkpoint the chain was held against; null when there was none to hold it against. */
  checkpoint: { seq: number; at: string } | null;
}

/**
 * Verifies the chain and, where checkpoints are kept, holds it against the newest one: a forged
 * checkpoint, deleted newest entries or a recomputed chain all fail verification.
 */
export async function verifyAuditTrail(
  db: Db,
  checkpoints: { dir: string; key: SigningKey } | undefined,
  onProgress?: (checked: number) => void,
): Promise<TrailVerification> {
  if (!checkpoints) return { ...(await verifyAuditChain(db, { onProgress })), checkpoint: null };
  const latest = latestCheckpoint(checkpoints.dir, checkpoints.key, await storeId(db));
  if (latest.kind === 'forged') {
    return {
      ok: false,
      entries: 0,
      problem: {
        seq: 0,
        kind: 'checkpoint',
        message: `checkpoint on line ${latest.line} of ${join(checkpoints.dir, FILE)} is forged: ${latest.reason}`,
      },
      checkpoint: null,
    };
  }
  if (latest.kind === 'none') return { ...(await verifyAuditChain(db, { onProgress })), checkpoint: null };
  const { seq, hash, at } = latest.checkpoint;
  return { ...(await verifyAuditChain(db, { anchor: { seq, hash, at }, onProgress })), checkpoint: { seq, at } };
}
