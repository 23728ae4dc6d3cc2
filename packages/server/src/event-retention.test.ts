import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_KEPT_DAYS, eventsSince, forgetOldEvents, recordEvent } from './store/events.ts';
import { DIALECTS, createTestDb, type TestDb } from './test/helpers.ts';
import { ensureParticipants } from './store/participants.ts';
import { DEFAULT_PARTICIPANTS } from '@svod/core';

describe.each(DIALECTS)('events are kept a month, on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await ensureParticipants(t.db, DEFAULT_PARTICIPANTS);
  });
  afterAll(async () => t?.close());

  it('an event older than a month goes with its finished deliveries; one a webhook still waits to send stays, and so does last week', async () => {
    const hook = randomUUID();
    await t.db
      .insertInto('webhooks')
      .values({
        id: hook,
        participant: 'KZ-MVD',
        url: 'https://kz.example.org/svod',
        secret: 's',
        created_by: 'test',
        created_at: new Date(),
        revoked_at: null,
      })
      .execute();
    for (const name of ['delivered long ago', 'still waiting', 'last week']) await recordEvent(t.db, ['KZ-MVD'], 'hit.created', { name });
    const events = await eventsSince(t.db, { participant: 'KZ-MVD', userId: '' }, 0);
    const id = (name: string) => events.find((e) => e.payload.name === name)!.id;
    const monthAndADay = new Date(Date.now() - (EVENTS_KEPT_DAYS + 1) * 86_400_000);
    const age = (names: string[], at: Date) => sql`UPDATE events SET created_at = ${at} WHERE id = ANY(${names.map(id)}::bigint[])`.execute(t.db);
    await age(['delivered long ago', 'still waiting'], monthAndADay);
    await age(['last week'], new Date(Date.now() - 7 * 86_400_000));
    const delivered = [id('delivered long ago'), id('last week')];
    await sql`UPDATE webhook_deliveries SET status = 'delivered' WHERE event_id = ANY(${delivered}::bigint[])`.execute(t.db);

    expect(await forgetOldEvents(t.db, new Date())).toBe(1);
    const kept = (await eventsSince(t.db, { participant: 'KZ-MVD', userId: '' }, 0)).map((e) => e.payload.name);
    expect(kept).toEqual(['still waiting', 'last week']);
    const deliveries = await t.db.selectFrom('webhook_deliveries').select(['event_id', 'status']).where('webhook_id', '=', hook).execute();
    expect(deliveries.map((d) => d.status).sort()).toEqual(['delivered', 'pending']);
    expect(await forgetOldEvents(t.db, new Date())).toBe(0);
  });
});
