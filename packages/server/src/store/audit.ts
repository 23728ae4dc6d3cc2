import { sql } from 'kysely';
import type { Actor } from '@svod/core';
import type { AuditRow, Db, Tx } from '../db/database.ts';
import { sha256 } from '../security/tokens.ts';
import { canonicalJson } from '../util/canonical-json.ts';

export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'record.create',
  'record.read',
  'record.update',
  'record.cancel',
  'record.search',
  'record.check',
  'record.import',
  'record.export',
  'attachment.create',
  'attachment.read',
  'participant.list',
  'user.create',
  'user.list',
  'apikey.create',
  'apikey.revoke',
  'apikey.list',
  'audit.read',
  'audit.verify',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who the entry is about: an authenticated actor, or someone who failed to become one. */
export type AuditSubject = Pick<Actor, 'kind' | 'id' | 'participant'> | { kind: 'anonymous'; id: string; participant: null };

export interface AuditEvent {
  actor: AuditSubject;
  action: AuditAction;
  outcome: 'success' | 'failure';
  purpose: string;
  resourceType?: string;
  resourceId?: string;
  resultCount?: number;
  detail?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
/** Arbitrary constant naming the advisory lock that orders audit appends across connections. */
const AUDIT_LOCK = 7_301_001;

/** Every column but the hash itself, in plain types: what the hash covers. */
type HashedFields = Omit<AuditRow, 'seq' | 'at' | 'detail' | 'hash'> & { seq: number; at: string; detail: unknown };

const entryHash = (fields: HashedFields): string => sha256(canonicalJson(fields));

async function appendInTransaction(tx: Tx, event: AuditEvent): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields: HashedFields = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: new Date().toISOString(),
    actor_kind: event.actor.kind,
    actor_id: event.actor.id,
    actor_participant: event.actor.participant,
    action: event.action,
    outcome: event.outcome,
    resource_type: event.resourceType ?? null,
    resource_id: event.resourceId ?? null,
    purpose: event.purpose,
    result_count: event.resultCount ?? null,
    detail: JSON.parse(JSON.stringify(event.detail ?? {})),
    prev_hash: last?.hash ?? GENESIS,
  };
  await tx
    .insertInto('audit_log')
    .values({ ...fields, detail: JSON.stringify(fields.detail), hash: entryHash(fields) })
    .execute();
  return fields.seq;
}

/**
 * Appends one entry to the hash chain. Inside a transaction the entry commits or rolls back
 * with the change it describes; given the plain database it commits on its own.
 */
export function appendAudit(db: Db | Tx, event: AuditEvent): Promise<number> {
  if (db.isTransaction) return appendInTransaction(db as Tx, event);
  return db.transaction().execute((tx) => appendInTransaction(tx, event));
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry found altered, or the place where entries are missing. */
  problem?: { seq: number; kind: 'altered' | 'missing' | 'relinked'; message: string };
}

/** Walks the whole chain in order and names the first entry that was edited, removed or relinked. */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number) => void): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  const batch = 5000;
  for (;;) {
    const rows: AuditRow[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return fail(expectedSeq - 1, { seq: expectedSeq, kind: 'missing', message: `entries ${expectedSeq}..${seq - 1} are missing` });
      }
      if (row.prev_hash !== prevHash) {
        return fail(seq - 1, { seq, kind: 'relinked', message: `entry ${seq} does not follow entry ${seq - 1}` });
      }
      const recomputed = entryHash({
        seq,
        at: new Date(row.at).toISOString(),
        actor_kind: row.actor_kind,
        actor_id: row.actor_id,
        actor_participant: row.actor_participant,
        action: row.action,
        outcome: row.outcome,
        resource_type: row.resource_type,
        resource_id: row.resource_id,
        purpose: row.purpose,
        result_count: row.result_count,
        detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
        prev_hash: row.prev_hash,
      });
      if (recomputed !== row.hash) {
        return fail(seq - 1, { seq, kind: 'altered', message: `entry ${seq} was altered after it was written` });
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
    }
    onProgress?.(expectedSeq - 1);
    if (rows.length < batch) return { ok: true, entries: expectedSeq - 1 };
  }
}

const fail = (entries: number, problem: NonNullable<AuditVerification['problem']>): AuditVerification => ({
  ok: false,
  entries,
  problem,
});

export interface AuditQuery {
  participant?: string;
  action?: string;
  resourceId?: string;
  /** Entries older than this sequence number (paging backwards). */
  beforeSeq?: number;
  limit: number;
}

export async function listAudit(db: Db, query: AuditQuery) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(query.limit);
  if (query.participant) q = q.where('actor_participant', '=', query.participant);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.resourceId) q = q.where('resource_id', '=', query.resourceId);
  if (query.beforeSeq !== undefined) q = q.where('seq', '<', query.beforeSeq);
  const rows = await q.execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actor: { kind: row.actor_kind, id: row.actor_id, participant: row.actor_participant },
    action: row.action,
    outcome: row.outcome,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    purpose: row.purpose,
    resultCount: row.result_count,
    detail: (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>,
    hash: row.hash,
  }));
}
