import { sql } from 'kysely';
import { toStorableText, type Actor } from '@svod/core';
import type { AuditRow, Db, Tx } from '../db/database.ts';
import { sha256 } from '../security/tokens.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { isSingleWriter } from '../db/connect.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { GroupCommit } from './group-commit.ts';
import { jsonColumn } from '../db/columns.ts';

export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'record.create',
  'record.read',
  'record.history',
  'record.update',
  'record.cancel',
  'record.status',
  'record.search',
  'record.overview',
  'record.nameless',
  'record.cluster',
  'reconciliation.run',
  'reconciliation.apply',
  'record.check',
  'record.import',
  'record.export',
  'match.list',
  'match.read',
  'match.decide',
  'crossmatch.request',
  'hit.create',
  'hit.list',
  'hit.read',
  'hit.answer',
  'hit.remind',
  'hit.escalate',
  'agreement.create',
  'agreement.update',
  'agreement.list',
  'statistics.read',
  'group.create',
  'group.list',
  'group.read',
  'group.update',
  'group.end',
  'group.member.add',
  'group.member.remove',
  'group.record.link',
  'group.record.consent',
  'group.message.create',
  'group.message.list',
  'group.document.create',
  'group.document.read',
  'group.task.create',
  'group.task.update',
  'group.timeline.read',
  'request.create',
  'request.list',
  'request.read',
  'request.transition',
  'request.attachment.create',
  'request.attachment.read',
  'request.print',
  'request.remind',
  'request.escalate',
  'attachment.create',
  'attachment.read',
  'participant.list',
  'user.create',
  'user.list',
  'apikey.create',
  'apikey.revoke',
  'apikey.list',
  'webhook.create',
  'webhook.list',
  'webhook.revoke',
  'audit.read',
  'audit.verify',
  'model.activate',
  'federation.apply',
  'federation.reject',
  'federation.registry',
  'federation.disclosure',
  'federation.register',
  'federation.status',
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

/**
 * What is hashed must be exactly what the database keeps: text that has no storable form (a
 * lone surrogate in a username someone tried, a NUL) is replaced by U+FFFD here, before hashing,
 * rather than by the driver after it. Timestamps are kept and hashed to the millisecond.
 */
function contentOf(event: AuditEvent): EntryContent {
  return storable({
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
  });
}

/** A JSON value with every string and key in storable form. */
function storable<T>(value: T): T {
  if (typeof value === 'string') return toStorableText(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [toStorableText(key), storable(item)])) as T;
  }
  return value;
}

/**
 * Appends in one statement: the next sequence number, the link to the last entry and the hash
 * are computed by the database from the chain head it reads.
 */
async function insertEntry(db: Db | Tx, c: EntryContent): Promise<number> {
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
 * Appends one entry to the hash chain and resolves once it is committed. Inside a transaction
 * the entry commits or rolls back with the change it describes. Given the plain database, it
 * joins the store's group commit: entries of concurrent callers are hashed in order and
 * written in one statement, and a caller learns its entry is stored only once that statement
 * has committed; if it fails, every caller of the batch gets the error.
 */
export async function appendAudit(db: Db | Tx, event: AuditEvent): Promise<number> {
  if (db.isTransaction) return appendLocked(db as Tx, contentOf(event));
  return writerOf(db as Db).add(contentOf(event));
}

/**
 * Where several connections write (a PostgreSQL server), an advisory lock held to the end of
 * the transaction orders the appends: the INSERT, a statement of its own, reads the head only
 * once the lock is held, so an append inside a transaction never collides.
 */
async function appendLocked(tx: Tx, content: EntryContent): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  return insertEntry(tx, content);
}

/** Rows beyond this are left for the next batch: a statement of a few hundred kilobytes at most. */
const MAX_BATCH = 256;
const writers = new WeakMap<Db, GroupCommit<EntryContent, number>>();

/**
 * Each store's group commit. Before it, every check's append took the chain's lock and waited
 * for its own commit's WAL flush while holding it: at 100,000 records on a PostgreSQL server,
 * person checks over HTTP fell from ~300/s with one client to ~150/s with eight. Now one
 * flush commits the entries of every check that arrived meanwhile.
 */
function writerOf(db: Db): GroupCommit<EntryContent, number> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit((batch) => writeFromKnownHead(db, batch), MAX_BATCH);
    writers.set(db, writer);
  }
  return writer;
}

/** The last entry of each store's chain, as this process last wrote or read it. */
const chainHeads = new WeakMap<Db, { seq: number; hash: string }>();

/**
 * A batch in one statement and one round trip: the entries hashed here from the head this
 * process last wrote, so the head is not read back for every batch (BEGIN, lock, read, insert,
 * COMMIT were five round trips; at a million records the socket writes alone were a seventh of a
 * check's time). The group commit writes one batch at a time, so each starts from the head the
 * previous one left. If anything else appended since — a transaction of this process, another
 * server process — the sequence number's primary key refuses the stale batch whole, and the head
 * is read again. On a server the statement takes the chain's advisory lock and holds it until it
 * commits, so an append inside a transaction, which reads the head under that lock, never
 * collides with it. When other processes keep winning, the batch waits for the lock instead.
 */
async function writeFromKnownHead(db: Db, batch: EntryContent[]): Promise<number[]> {
  const lock = !isSingleWriter(db);
  for (let attempt = 1; attempt <= 3; attempt++) {
    const rows = chained(chainHeads.get(db) ?? (await readChainHead(db)), batch);
    try {
      await insertRows(db, rows, { lock });
      chainHeads.set(db, rows[rows.length - 1]!);
      return rows.map((row) => row.seq);
    } catch (error) {
      chainHeads.delete(db);
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return writeLocked(db, batch);
}

/** The batch's rows following `head`, each hashed over the one before it. */
function chained(head: { seq: number; hash: string }, batch: EntryContent[]) {
  let prev = head;
  return batch.map((content) => {
    const seq = prev.seq + 1;
    const hash = entryHash(seq, prev.hash, content);
    const row = { ...content, seq, prev_hash: prev.hash, hash };
    prev = { seq, hash };
    return row;
  });
}

/**
 * The rows as one JSON parameter: the statement's text is the same for a batch of any size, so
 * it is prepared once per connection (see db/prepared-pool.ts).
 */
async function insertRows(db: Db | Tx, rows: ReturnType<typeof chained>, { lock }: { lock: boolean }): Promise<void> {
  await sql`
    INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_participant, action, outcome, resource_type, resource_id, purpose, result_count, detail, prev_hash, hash)
    SELECT r.seq, r.at, r.actor_kind, r.actor_id, r.actor_participant, r.action, r.outcome, r.resource_type, r.resource_id, r.purpose, r.result_count, r.detail, r.prev_hash, r.hash
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(seq bigint, at timestamptz, actor_kind text, actor_id text, actor_participant text, action text,
         outcome text, resource_type text, resource_id text, purpose text, result_count integer, detail jsonb, prev_hash text, hash text)
    ${lock ? sql`CROSS JOIN (SELECT pg_advisory_xact_lock(${AUDIT_LOCK})) AS ordered` : sql``}`.execute(db);
}

/**
 * The patient way, in one transaction: the chain's advisory lock, then the head (read after the
 * lock, so it is the head every other process and transaction left), then the entries.
 */
async function writeLocked(db: Db, batch: EntryContent[]): Promise<number[]> {
  const rows = await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    const chain = chained(await readChainHead(tx), batch);
    await insertRows(tx, chain, { lock: false });
    return chain;
  });
  // Only once committed: a head remembered from a batch that rolled back would leave a gap.
  chainHeads.set(db, rows[rows.length - 1]!);
  return rows.map((row) => row.seq);
}

/** The last entry of the chain as the database holds it now. */
export async function readChainHead(db: Db | Tx): Promise<{ seq: number; hash: string }> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS };
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry found altered, or the place where entries are missing. */
  problem?: { seq: number; kind: 'altered' | 'missing' | 'relinked' | 'rewritten' | 'truncated' | 'checkpoint'; message: string };
}

/** A head the chain must still pass through: a signed checkpoint's sequence number and hash. */
export interface ChainAnchor {
  seq: number;
  hash: string;
  at: string;
}

/**
 * Walks the whole chain in order and names the first entry that was edited, removed or relinked.
 * Given an anchor, the chain must also reach its sequence number with its hash: otherwise the
 * newest entries were deleted, or the chain was recomputed after an edit.
 */
export async function verifyAuditChain(
  db: Db,
  { anchor, onProgress }: { anchor?: ChainAnchor; onProgress?: (checked: number) => void } = {},
): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  const batch = 5000;
  for (;;) {
    const rows: AuditRow[] = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
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
        detail: jsonColumn(row.detail),
      });
      if (recomputed !== row.hash) {
        return fail(seq - 1, { seq, kind: 'altered', message: `entry ${seq} was altered after it was written` });
      }
      if (anchor && seq === anchor.seq && row.hash !== anchor.hash) {
        return fail(seq - 1, {
          seq,
          kind: 'rewritten',
          message: `the chain up to entry ${seq} was recomputed after the checkpoint of ${anchor.at} vouched for it`,
        });
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
    }
    onProgress?.(expectedSeq - 1);
    if (rows.length < batch) break;
  }
  const entries = expectedSeq - 1;
  if (anchor && entries < anchor.seq) {
    return fail(entries, {
      seq: entries + 1,
      kind: 'truncated',
      message: `entries ${entries + 1}..${anchor.seq} are missing: the checkpoint of ${anchor.at} saw ${anchor.seq} entries`,
    });
  }
  return { ok: true, entries };
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
    detail: jsonColumn<Record<string, unknown>>(row.detail),
    hash: row.hash,
  }));
}
