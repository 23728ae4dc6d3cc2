import { sql, type Kysely } from 'kysely';

// A hit: a field check whose best candidate is another participant's active record at hit
// probability. The owner must answer by a deadline kept here, so that it outlives restarts; the
// reminder and the escalation are stamped once each, by whichever process sees them due first.
//
// `events` is what reaches the console and national systems: one row per participant told,
// numbered, so that a client that reconnects asks for what came after the last one it saw.
const STATEMENTS = [
  `CREATE TABLE hits (
      id uuid PRIMARY KEY,
      record_id uuid NOT NULL REFERENCES records(id),
      owner text NOT NULL REFERENCES participants(code),
      requester text NOT NULL REFERENCES participants(code),
      requested_by text NOT NULL,
      requested_by_name text NOT NULL,
      probability double precision NOT NULL,
      subject_held boolean NOT NULL,
      query jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'confirmed', 'denied')),
      deadline_at timestamptz NOT NULL,
      reminded_at timestamptz,
      escalated_at timestamptz,
      answered_by text,
      answered_at timestamptz,
      answer_note text,
      outcome text CHECK (outcome IN ('located', 'detained', 'identified', 'recovered')),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
  `CREATE INDEX hits_due ON hits (deadline_at) WHERE status = 'open'`,
  `CREATE INDEX hits_inbox ON hits (owner, created_at, id)`,
  `CREATE INDEX hits_outbox ON hits (requester, created_at, id)`,
  `CREATE UNIQUE INDEX hits_one_open ON hits (record_id, requester) WHERE status = 'open'`,
  `CREATE TABLE events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      participant text NOT NULL REFERENCES participants(code),
      type text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL
    )`,
  `CREATE INDEX events_by_participant ON events (participant, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE events`.execute(db);
  await sql`DROP TABLE hits`.execute(db);
}
