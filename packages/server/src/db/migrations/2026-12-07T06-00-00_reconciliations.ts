import { sql, type Kysely } from 'kysely';

// Reconciliation of a participant's national array with the bank.
//
// `reconciliations` is one run: whose array, of which category, the file as received (name,
// size, SHA-256), the column mapping used, where the run is (`uploaded`, `reading`, `compared`,
// `applied`, `failed`), how many rows it has read, the count of each group, and who applied it when.
//
// `reconciliation_items` is the report, one row per item of a group (`new`, `changed`,
// `conflicts`, `stale`, `duplicates`, `crossMatches`, `invalid`; `unchanged` is only counted):
// the file's row, the bank's record and the version compared, and what a reader needs (the
// record the row makes, the differences, the reasons) as JSON text. Applying reads it back, so
// what is applied is what the report showed.
const STATEMENTS = [
  `CREATE TABLE reconciliations (
      id uuid PRIMARY KEY,
      participant text NOT NULL REFERENCES participants(code),
      category text NOT NULL,
      file_name text NOT NULL,
      file_bytes bigint NOT NULL,
      file_sha256 text NOT NULL,
      format text,
      encoding text,
      headers jsonb,
      mapping jsonb,
      status text NOT NULL CHECK (status IN ('uploaded', 'reading', 'compared', 'applied', 'failed')),
      stage text,
      rows_read integer NOT NULL DEFAULT 0,
      summary jsonb,
      error jsonb,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      applied_by text,
      applied_at timestamptz,
      applied jsonb
    )`,
  `CREATE INDEX reconciliations_participant ON reconciliations (participant, created_at DESC)`,
  `CREATE TABLE reconciliation_items (
      reconciliation_id uuid NOT NULL REFERENCES reconciliations(id) ON DELETE CASCADE,
      grp text NOT NULL,
      seq integer NOT NULL,
      row_number integer,
      record_id uuid,
      record_version integer,
      payload text NOT NULL,
      PRIMARY KEY (reconciliation_id, grp, seq)
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE reconciliation_items`.execute(db);
  await sql`DROP TABLE reconciliations`.execute(db);
}
