import { sql, type Kysely } from 'kysely';

// Each record's match profile (its names parsed and romanized, dates as day numbers, identifiers
// folded), computed when the record is written, so that a check reads and compares its
// candidates instead of profiling them again: at a million records profiling was a sixth of a
// check's time. Text, not jsonb: it is only ever read whole by the server, which parses it, and
// text is stored and sent as it is. The match-keys version setting is dropped so that start-up
// re-files every record, which fills this table for a bank written before it.
const STATEMENTS = [
  `CREATE TABLE match_profiles (
      record_id uuid PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
      profile text NOT NULL
    )`,
  `DELETE FROM settings WHERE name = 'match_keys_version'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE match_profiles`.execute(db);
}
