import { sql, type Kysely } from 'kysely';

// Events are kept a month (`forgetOldEvents`): the watcher finds the last one old enough to go by
// when it was written, and a delivery by the event it carries.
const STATEMENTS = [
  `CREATE INDEX events_created ON events (created_at)`,
  `CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX webhook_deliveries_by_event`.execute(db);
  await sql`DROP INDEX events_created`.execute(db);
}
