import { recordSubject } from '@svod/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { writeSetting } from '../store/settings.ts';
import type { SigningKey } from '../security/signing-key.ts';
import type { FederationBus } from './bus.ts';
import { recordEnvelope } from './envelope.ts';

/** Changes sent in one round: published together, acknowledged together. */
const BATCH = 500;
/** How often an idle node looks at its outbox: the bound on a record's wait before it leaves. */
const IDLE_POLL_MS = 50;
const BACKOFF_MS = [200, 500, 1000, 2000, 5000];
/** The setting the outbox trigger reads (migration `…federation`): while it says national, changes are queued. */
const ROLE_SETTING = 'federation.role';
/** When the node's bus last stored a batch: the status's `lastSentAt`. */
export const LAST_SENT_SETTING = 'federation.last_sent_at';

/** Marks the store as a state's national node, so that every record change from now on is queued for the bank. */
export async function becomeNational(db: Db): Promise<void> {
  await writeSetting(db, ROLE_SETTING, 'national');
}

/** Stops queueing (a node that is no longer national); what is queued stays until sent. */
export async function stopBeingNational(db: Db): Promise<void> {
  await db.deleteFrom('settings').where('name', '=', ROLE_SETTING).execute();
}

/** Queues the present version of every record of the state's agencies: a bank that has never heard of this node gets them all. */
export async function queueWholeArray(db: Db, state: string): Promise<number> {
  const { numAffectedRows } = await sql`
    INSERT INTO federation_outbox (record_id, version, queued_at)
    SELECT r.id, r.version, now() FROM records r JOIN participants p ON p.code = r.owner WHERE p.state = ${state}`.execute(db);
  return Number(numAffectedRows ?? 0);
}

/**
 * Sends one batch of the outbox: each record once, at its present version, signed; the rows go
 * only once the bus has stored every message of the batch. A crash between the two sends the
 * batch again, which the stream drops as duplicates. Returns how many changes left.
 */
export async function publishBatch(db: Db, bus: FederationBus, state: string, key: SigningKey): Promise<number> {
  const queued = await db.selectFrom('federation_outbox').select(['seq', 'record_id']).orderBy('seq').limit(BATCH).execute();
  if (queued.length === 0) return 0;
  const ids = [...new Set(queued.map((q) => q.record_id))];
  const rows = await db.selectFrom('records').selectAll().where('id', 'in', ids).execute();
  await Promise.all(
    rows.map((row) => {
      const envelope = recordEnvelope(row, state, key);
      return bus.publish(recordSubject(state, row.id), envelope.id, new TextEncoder().encode(JSON.stringify(envelope)));
    }),
  );
  const seqs = queued.map((q) => String(q.seq));
  await sql`DELETE FROM federation_outbox WHERE seq = ANY(${seqs}::bigint[])`.execute(db);
  await writeSetting(db, LAST_SENT_SETTING, new Date().toISOString());
  return queued.length;
}

/**
 * A national node's sender: works the outbox for as long as the server runs. When the bus is
 * unreachable the changes wait in the outbox, in the node's own database, and go when it is back.
 */
export function startPublishing(db: Db, bus: FederationBus, state: string, key: SigningKey, onError: (error: unknown) => void): () => Promise<void> {
  let running = true;
  let failures = 0;
  const loop = (async () => {
    while (running) {
      try {
        const sent = await publishBatch(db, bus, state, key);
        failures = 0;
        if (sent === 0) await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
      } catch (error) {
        onError(error);
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]));
      }
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}
