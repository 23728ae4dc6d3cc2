import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { EventType } from '@svod/core';
import type { Db, Tx } from '../db/database.ts';
import { jsonColumn } from '../db/columns.ts';
import { UUID } from '../validation/ajv.ts';

export interface BankEvent {
  id: number;
  type: EventType;
  payload: Record<string, unknown>;
  at: string;
}

/**
 * Wakes this process's open event streams when an event is written, so that a hit reaches its
 * owner at once; a stream also looks at the table every few seconds for events other processes
 * wrote. One emitter per database handle.
 */
const buses = new WeakMap<Db, EventEmitter>();

export function eventBus(db: Db): EventEmitter {
  let bus = buses.get(db);
  if (!bus) {
    bus = new EventEmitter();
    // Every open console holds a listener; the default warning at 10 would be noise.
    bus.setMaxListeners(0);
    buses.set(db, bus);
  }
  return bus;
}

/**
 * Records an event for each participant told, in the caller's transaction: an event exists
 * exactly when the change it reports was committed. Call `announce` after the commit.
 */
export async function recordEvent(tx: Tx | Db, participants: readonly string[], type: EventType, payload: Record<string, unknown>): Promise<void> {
  const now = new Date();
  const told = [...new Set(participants)];
  if (told.length === 0) return;
  const events = await tx
    .insertInto('events')
    .values(told.map((participant) => ({ participant, type, payload: JSON.stringify(payload), created_at: now })))
    .returning(['id', 'participant'])
    .execute();
  // The outbox of the participants' webhooks: written with the events, sent by the delivery loop.
  const hooks = await tx
    .selectFrom('webhooks')
    .select(['id', 'participant'])
    .where('participant', 'in', told)
    .where('revoked_at', 'is', null)
    .execute();
  const deliveries = hooks.flatMap((hook) =>
    events
      .filter((event) => event.participant === hook.participant)
      .map((event) => ({ webhook_id: hook.id, event_id: Number(event.id), status: 'pending' as const, next_attempt_at: now, created_at: now })),
  );
  if (deliveries.length > 0) await tx.insertInto('webhook_deliveries').values(deliveries).execute();
}

/**
 * Records an event for each of these users alone, in the caller's transaction: what happens in a
 * joint group reaches its members, not their colleagues, nor the agency's webhooks.
 */
export async function recordUserEvent(
  tx: Tx | Db,
  users: readonly { userId: string; participant: string }[],
  type: EventType,
  payload: Record<string, unknown>,
): Promise<void> {
  if (users.length === 0) return;
  const now = new Date();
  await tx
    .insertInto('events')
    .values(users.map((user) => ({ participant: user.participant, addressee: user.userId, type, payload: JSON.stringify(payload), created_at: now })))
    .execute();
}

/** Tells this process's streams that events were committed. */
export const announce = (db: Db): void => {
  eventBus(db).emit('events');
};

/** The newest event number: a new stream starts after it, unless it asks for what it missed. */
export async function lastEventId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Who reads a stream: the agency's events, and those addressed to this user among them. */
export interface EventReader {
  participant: string;
  userId: string;
}

/** The reader's events after `after`, oldest first, at most `limit`. */
export async function eventsSince(db: Db, reader: EventReader, after: number, limit = 100): Promise<BankEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'type', 'payload', 'created_at'])
    .where('participant', '=', reader.participant)
    // A national system's key is no group member: it reads the agency's events alone.
    .where((eb) =>
      UUID.test(reader.userId) ? eb.or([eb('addressee', 'is', null), eb('addressee', '=', reader.userId)]) : eb('addressee', 'is', null),
    )
    .where(sql<boolean>`id > ${after}`)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    type: row.type as EventType,
    payload: jsonColumn<Record<string, unknown>>(row.payload),
    at: new Date(row.created_at).toISOString(),
  }));
}

/** How long events are kept: a console or a national system away longer than this catches up from the records themselves. */
export const EVENTS_KEPT_DAYS = 30;
/** Events forgotten in one go, so that one pass never holds the table long. */
const FORGET_BATCH = 10_000;

/**
 * Forgets events older than `EVENTS_KEPT_DAYS`, oldest first, at most a batch at a time, with
 * their finished webhook deliveries; an event a webhook still waits to be sent stays until it is
 * sent or given up. Returns how many events went.
 */
export async function forgetOldEvents(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - EVENTS_KEPT_DAYS * 86_400_000);
  return db.transaction().execute(async (tx) => {
    const old = await tx.selectFrom('events').select('id').where('created_at', '<', before).orderBy('created_at').limit(FORGET_BATCH).execute();
    if (old.length === 0) return 0;
    const ids = old.map((row) => String(row.id));
    await sql`DELETE FROM webhook_deliveries WHERE event_id = ANY(${ids}::bigint[]) AND status <> 'pending'`.execute(tx);
    const { numAffectedRows } = await sql`
      DELETE FROM events WHERE id = ANY(${ids}::bigint[])
        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_deliveries.event_id = events.id)`.execute(tx);
    return Number(numAffectedRows ?? 0);
  });
}
