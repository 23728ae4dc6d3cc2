import { sql, type Kysely } from 'kysely';

// Candidate lookup for matching: one row per key per record, found by an index on the key.
// Byte order (COLLATE "C") so that a key prefix is a range of the index: a check without a
// birth year looks up every year of a name key.
const STATEMENTS = [
  `CREATE TABLE match_keys (
      key text COLLATE "C" NOT NULL,
      record_id uuid NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      PRIMARY KEY (key, record_id)
    )`,
  `CREATE INDEX match_keys_record ON match_keys (record_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE match_keys`.execute(db);
}
