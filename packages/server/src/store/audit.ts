import { sql } from 'kysely';
import type { Actor } from '@svod/core';
import type { AuditRow, Db, Tx } from '../db/database.ts';
import { sha256 } from '../security/tokens.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { isSingleWriter } from '../db/connect.ts';

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
  'model.activate',
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

/** What an entry says, in plain types: every column but its place in the chain. */
type EntryContent = Omit<AuditRow, 'seq' | 'at' | 'detail' | 'hash' | 'prev_hash'> & { at: string; detail: unknown };

/**
 * An entry's hash covers its sequence number, the previous entry's hash and its content, so an
 * entry cannot be edited, removed or moved without breaking the chain. The same formula runs in
 * SQL when appending (below) and here when verifying.
 */
const entryHash = (seq: number, prevHash: string, content: EntryContent): string => sha256(`${seq}|${prevHash}|${canonicalJson(content)}`);

function contentOf(event: AuditEvent): EntryContent {
  return {
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
  };
}

/**
 * Appends in one statement: the next sequence number, the link to the last entry and the hash
 * are computed by the database from the chain head it reads, so nothing can come in between.
 */
async function insertEntry(db: Db | Tx, event: AuditEvent): Promise<number> {
  const c = contentOf(event);
  const payload = canonicalJson(c);
  const result = await sql<{ seq: string | number }>`
    INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_participant, action, outcome, resource_type, resource_id, purpose, result_count, detail, prev_hash, hash)
    SELECT last.seq + 1, ${c.at}::timestamptz, ${c.actor_kind}, ${c.actor_id}, ${c.actor_participant}, ${c.action}, ${c.outcome},
           ${c.resource_type}, ${c.resource_id}, ${c.purpose}, ${c.result_count}::integer, ${JSON.stringify(c.detail)}::jsonb, last.hash,
           encode(sha256(convert_to((last.seq + 1)::text || '|' || last.hash || '|' || ${payload}::text, 'UTF8')), 'hex')
    FROM ((SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1)
          UNION ALL (SELECT 0::bigint, ${GENESIS}::text)
          ORDER BY seq DESC LIMIT 1) AS last
    RETURNING seq`.execute(db);
  return Number(result.rows[0]!.seq);
}

/**
 * Appends one entry to the hash chain. Inside a transaction the entry commits or rolls back
 * with the change it describes; given the plain database it commits on its own. Where several
 * connections write (a PostgreSQL server), an advisory lock orders the appends; the embedded
 * store has one connection, and its single statement needs no lock.
 */
export function appendAudit(db: Db | Tx, event: AuditEvent): Promise<number> {
  if (!db.isTransaction && isSingleWriter(db as Db)) return insertEntry(db, event);
  const locked = async (tx: Tx) => {
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    return insertEntry(tx, event);
  };
  return db.isTransaction ? locked(db as Tx) : db.transaction().execute(locked);
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
      const recomputed = entryHash(seq, row.prev_hash, {
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
