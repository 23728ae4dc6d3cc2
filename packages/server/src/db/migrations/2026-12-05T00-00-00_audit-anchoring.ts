import { sql, type Kysely } from 'kysely';

// Migrations never import app code and never change once merged: they describe history.
const STATEMENTS = [
  // Entries are hashed to the millisecond; a column finer than that would let microseconds be
  // edited without breaking a hash. Existing entries were written in milliseconds already.
  `ALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz(3)`,
  // The append-only triggers fire in every session, including one that set
  // session_replication_role = replica to skip ordinary triggers.
  `ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_update`,
  `ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_truncate`,
  // The store's identity, named in each signed checkpoint of its audit chain.
  `INSERT INTO settings (name, value) VALUES ('store.id', gen_random_uuid()::text) ON CONFLICT (name) DO NOTHING`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate`.execute(db);
  await sql`ALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz`.execute(db);
}
