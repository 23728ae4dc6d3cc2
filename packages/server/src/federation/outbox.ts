import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';

// What a node queues by hand, beside what the outbox triggers queue in the writing transaction.

/**
 * Queues one thing by hand where no trigger does: what a store files from the bus queues nothing
 * by itself, and the bank passes some of it on (an answer to its requester, a request's step or
 * file to the other party).
 */
export async function queueItem(db: Db | Tx, kind: 'hit' | 'request' | 'attachment', itemId: string): Promise<void> {
  await db.insertInto('federation_outbox').values({ kind, item_id: itemId, queued_at: new Date() }).execute();
}

/** Queues the register for every node, as a change to it does (a node just registered gets it so). */
export async function queueRegistry(db: Db): Promise<void> {
  await db.insertInto('federation_outbox').values({ kind: 'registry', queued_at: new Date() }).execute();
}

/**
 * Queues the present version of every record of the state's agencies (of one array, when given):
 * a bank that has never heard of this node gets them all.
 */
export async function queueWholeArray(db: Db | Tx, state: string, category?: string): Promise<number> {
  const { numAffectedRows } = await sql`
    INSERT INTO federation_outbox (kind, item_id, version, queued_at)
    SELECT 'record', r.id, r.version, now() FROM records r JOIN participants p ON p.code = r.owner
    WHERE p.state = ${state} ${category ? sql`AND r.category = ${category}` : sql``}`.execute(db);
  return Number(numAffectedRows ?? 0);
}

/**
 * Queues every sent request one of the state's agencies is party to, with its files: a node that
 * became national with requests already under way, or a bank that has never heard of them, gets
 * them whole (the histories order them, so one the bank holds changes nothing).
 */
export async function queueSentRequests(db: Db | Tx, state: string): Promise<number> {
  const parties = sql`r.sent_at IS NOT NULL AND EXISTS (
    SELECT 1 FROM participants p WHERE p.code IN (r.sender, r.recipient) AND p.state = ${state})`;
  const { numAffectedRows } = await sql`
    INSERT INTO federation_outbox (kind, item_id, version, queued_at)
    SELECT 'request', r.id, r.version, now() FROM requests r WHERE ${parties}`.execute(db);
  await sql`
    INSERT INTO federation_outbox (kind, item_id, queued_at)
    SELECT 'attachment', a.id, now() FROM request_attachments a JOIN requests r ON r.id = a.request_id WHERE ${parties}`.execute(db);
  return Number(numAffectedRows ?? 0);
}
