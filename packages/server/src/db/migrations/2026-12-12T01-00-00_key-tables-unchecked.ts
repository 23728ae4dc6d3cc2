import { sql, type Kysely } from 'kysely';

// A record's match keys and name stems are written by the transaction that writes the record, and
// records are never deleted (a record is cancelled, and its versions, hits and matches refer to
// it), so the foreign keys of these two tables guarded nothing the writing code does not. They
// cost a lookup of the record for each of the fifteen or so rows a record files: a sixth of the
// central bank's filing time in a backfill (measured on PGlite, 10,000 records: 8.4 s → 7.0 s).
const TABLES = ['match_keys', 'record_name_stems'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_record_id_fkey`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await sql
      .raw(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_record_id_fkey FOREIGN KEY (record_id) REFERENCES records(id) ON DELETE CASCADE`)
      .execute(db);
}
