import { sql, type Kysely } from 'kysely';

// Interstate requests. A request's present state is a row of `requests`; how it got there is
// `request_history`, written once per transition in the same transaction and never changed (a
// trigger refuses updates and deletes), so the state can always be told from its history.
//
// `idempotency_keys` keeps the answer given to each (caller, key): a client retrying after a lost
// response gets the same answer, and the key is taken in the transaction that makes the change,
// so a server killed mid-transition leaves neither the change nor the key.
//
// `request_sequences` numbers each sender's requests within a year for the registration number.
const STATEMENTS = [
  `CREATE TABLE requests (
      id uuid PRIMARY KEY,
      type text NOT NULL,
      sender text NOT NULL REFERENCES participants(code),
      recipient text NOT NULL REFERENCES participants(code),
      priority text NOT NULL CHECK (priority IN ('urgent', 'routine')),
      subject text NOT NULL,
      content jsonb NOT NULL,
      state text NOT NULL,
      version integer NOT NULL,
      registration_number text UNIQUE,
      assignee text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      sent_at timestamptz,
      received_at timestamptz,
      deadline_at timestamptz,
      remind_at timestamptz,
      answered_at timestamptz,
      reminded_at timestamptz,
      escalated_at timestamptz
    )`,
  // The inbox: what reached the recipient, newest first; the outbox: the sender's, drafts too.
  `CREATE INDEX requests_inbox ON requests (recipient, received_at DESC, id DESC) WHERE received_at IS NOT NULL`,
  `CREATE INDEX requests_outbox ON requests (sender, created_at DESC, id DESC)`,
  `CREATE INDEX requests_due ON requests (deadline_at) WHERE escalated_at IS NULL AND deadline_at IS NOT NULL`,
  `CREATE INDEX requests_remind ON requests (remind_at) WHERE reminded_at IS NULL AND remind_at IS NOT NULL`,
  `CREATE TABLE request_history (
      request_id uuid NOT NULL REFERENCES requests(id),
      seq integer NOT NULL,
      at timestamptz NOT NULL,
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      actor_id text NOT NULL,
      actor_name text NOT NULL,
      actor_participant text NOT NULL,
      actor_role text NOT NULL,
      entry jsonb NOT NULL,
      PRIMARY KEY (request_id, seq)
    )`,
  `CREATE FUNCTION request_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'request_history is append-only';
    END
  $$`,
  `CREATE TRIGGER request_history_no_update BEFORE UPDATE OR DELETE ON request_history
      FOR EACH ROW EXECUTE FUNCTION request_history_is_append_only()`,
  `CREATE TRIGGER request_history_no_truncate BEFORE TRUNCATE ON request_history
      FOR EACH STATEMENT EXECUTE FUNCTION request_history_is_append_only()`,
  `ALTER TABLE request_history ENABLE ALWAYS TRIGGER request_history_no_update`,
  `ALTER TABLE request_history ENABLE ALWAYS TRIGGER request_history_no_truncate`,
  `CREATE TABLE request_attachments (
      id uuid PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES requests(id),
      filename text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      sha256 text NOT NULL,
      data bytea NOT NULL,
      added_by text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL
    )`,
  `CREATE INDEX request_attachments_of ON request_attachments (request_id, created_at)`,
  `CREATE TABLE request_sequences (
      participant text NOT NULL REFERENCES participants(code),
      year integer NOT NULL,
      last integer NOT NULL,
      PRIMARY KEY (participant, year)
    )`,
  `CREATE TABLE idempotency_keys (
      actor_id text NOT NULL,
      key text NOT NULL,
      scope text NOT NULL,
      fingerprint text NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (actor_id, key)
    )`,
  `CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idempotency_keys`.execute(db);
  await sql`DROP TABLE request_sequences`.execute(db);
  await sql`DROP TABLE request_attachments`.execute(db);
  await sql`DROP TABLE request_history`.execute(db);
  await sql`DROP FUNCTION request_history_is_append_only`.execute(db);
  await sql`DROP TABLE requests`.execute(db);
}
