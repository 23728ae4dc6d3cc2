import { sql, type Kysely } from 'kysely';

// Cross-matching turns what the matcher finds into decisions.
//
// `matches` holds a candidate pair of records once (the smaller id first), with the score, the
// explanation and the model that produced them, the versions of both records it was computed on,
// and a supervisor's decision. A rejected pair is proposed again only when one of the two
// records has changed since, which the stored versions tell.
//
// `crossmatch_queue` is the work still to do: a record written and not yet matched. A trigger
// fills it in the transaction that writes the record, whatever path wrote it (the API, an
// import, a status change), so a crash between the write and the matching loses nothing; the
// matcher removes the entry only for the version it matched.
const STATEMENTS = [
  `CREATE TABLE matches (
      id uuid PRIMARY KEY,
      record_a uuid NOT NULL REFERENCES records(id),
      record_b uuid NOT NULL REFERENCES records(id),
      kind text NOT NULL CHECK (kind IN ('same_subject', 'nameless')),
      probability double precision NOT NULL,
      weight double precision NOT NULL,
      explanation jsonb NOT NULL,
      model_version text NOT NULL,
      version_a integer NOT NULL,
      version_b integer NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected')),
      decided_by text,
      decided_at timestamptz,
      reason text,
      found_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (record_a < record_b),
      UNIQUE (record_a, record_b)
    )`,
  `CREATE INDEX matches_record_b ON matches (record_b)`,
  `CREATE INDEX matches_queue ON matches (status, found_at, id)`,
  `CREATE TABLE crossmatch_queue (
      record_id uuid PRIMARY KEY REFERENCES records(id),
      version integer NOT NULL,
      queued_at timestamptz NOT NULL
    )`,
  `CREATE INDEX crossmatch_queue_order ON crossmatch_queue (queued_at, record_id)`,
  `CREATE FUNCTION crossmatch_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO crossmatch_queue (record_id, version, queued_at) VALUES (NEW.id, NEW.version, now())
        ON CONFLICT (record_id) DO UPDATE SET version = EXCLUDED.version, queued_at = EXCLUDED.queued_at;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER records_crossmatch AFTER INSERT OR UPDATE OF version ON records
      FOR EACH ROW EXECUTE FUNCTION crossmatch_enqueue()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER records_crossmatch ON records`.execute(db);
  await sql`DROP FUNCTION crossmatch_enqueue()`.execute(db);
  await sql`DROP TABLE crossmatch_queue`.execute(db);
  await sql`DROP TABLE matches`.execute(db);
}
