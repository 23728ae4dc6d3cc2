import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';

// What a node queues by hand, beside what the outbox triggers queue in the writing transaction.

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
