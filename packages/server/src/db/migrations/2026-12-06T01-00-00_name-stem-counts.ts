import { sql, type Kysely } from 'kysely';

// How many person records carry each name stem (`surname:ivanov`), for the term-frequency
// adjustment of checks: agreeing on a rare surname says more than on the commonest one. Kept in
// the transaction of every record write: `record_name_stems` says what each record added, so an
// update or a re-filing takes back exactly that. Statistics, not content: every record counts,
// whoever may see it. The match-keys version setting is dropped so that start-up re-files every
// record, which fills both tables for a bank written before them.
const STATEMENTS = [
  `CREATE TABLE record_name_stems (
      record_id uuid NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      key text NOT NULL,
      PRIMARY KEY (record_id, key)
    )`,
  `CREATE TABLE name_stem_counts (
      key text PRIMARY KEY,
      records integer NOT NULL
    )`,
  `DELETE FROM settings WHERE name = 'match_keys_version'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE name_stem_counts`.execute(db);
  await sql`DROP TABLE record_name_stems`.execute(db);
}
