import { sql, type Kysely } from 'kysely';

// Each missing and unidentified record's description as nameless ranking compares it (its
// `namelessProfile`), kept when the record is written as `match_profiles` keeps the named one:
// ranking a record against two thousand of the other side read their contents and profiled each,
// a sixth of a second of a background matcher's time per record at 100,000 records. The
// match-keys version setting is dropped so that start-up files every record again, which fills it.
const STATEMENTS = [
  `CREATE TABLE nameless_profiles (
      record_id uuid PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
      profile text NOT NULL
    )`,
  `DELETE FROM settings WHERE name = 'match_keys_version'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE nameless_profiles`.execute(db);
}
