import { sql, type Kysely } from 'kysely';

// Every version of every record as it was written, for its history and the difference between
// two versions; and the note of a record's last status change (located, expired, reopened).
// Versions are kept by a trigger on records, so that no path that writes a record (the API, an
// import, a status change) can forget one, and in the same transaction as the change.
// Append-only like the audit log: a record's past is evidence. Records are never deleted, so
// neither are their versions. A bank written before this keeps its records' current versions
// from here on.
const STATEMENTS = [
  `ALTER TABLE records ADD COLUMN status_note text`,
  `CREATE TABLE record_versions (
      record_id uuid NOT NULL REFERENCES records(id),
      version integer NOT NULL,
      status text NOT NULL,
      content jsonb NOT NULL,
      cancel_reason text,
      status_note text,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (record_id, version)
    )`,
  `CREATE FUNCTION record_versions_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO record_versions (record_id, version, status, content, cancel_reason, status_note, changed_by, changed_at)
        VALUES (NEW.id, NEW.version, NEW.status, NEW.content, NEW.cancel_reason, NEW.status_note, NEW.updated_by, NEW.updated_at);
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER records_keep_versions AFTER INSERT OR UPDATE OF version ON records
      FOR EACH ROW EXECUTE FUNCTION record_versions_keep()`,
  `CREATE FUNCTION record_versions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'record_versions is append-only';
    END $$`,
  `CREATE TRIGGER record_versions_no_update BEFORE UPDATE OR DELETE ON record_versions
      FOR EACH ROW EXECUTE FUNCTION record_versions_are_append_only()`,
  `CREATE TRIGGER record_versions_no_truncate BEFORE TRUNCATE ON record_versions
      FOR EACH STATEMENT EXECUTE FUNCTION record_versions_are_append_only()`,
  `ALTER TABLE record_versions ENABLE ALWAYS TRIGGER record_versions_no_update`,
  `ALTER TABLE record_versions ENABLE ALWAYS TRIGGER record_versions_no_truncate`,
  `INSERT INTO record_versions (record_id, version, status, content, cancel_reason, changed_by, changed_at)
      SELECT id, version, status, content, cancel_reason, updated_by, updated_at FROM records`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE record_versions`.execute(db);
  await sql`DROP FUNCTION record_versions_keep() CASCADE`.execute(db);
  await sql`DROP FUNCTION record_versions_are_append_only()`.execute(db);
  await sql`ALTER TABLE records DROP COLUMN status_note`.execute(db);
}
