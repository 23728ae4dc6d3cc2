import { sql, type Kysely } from 'kysely';

// Migrations never import app code and never change once merged: they describe history.
const STATEMENTS = [
  `CREATE TABLE participants (
      code text PRIMARY KEY,
      state char(2),
      name_ru text NOT NULL,
      name_en text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  `CREATE TABLE users (
      id uuid PRIMARY KEY,
      participant text NOT NULL REFERENCES participants(code),
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'analyst', 'administrator')),
      password_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  `CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  `CREATE INDEX sessions_expiry ON sessions (expires_at)`,
  `CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      participant text NOT NULL REFERENCES participants(code),
      role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'analyst', 'administrator')),
      name text NOT NULL,
      prefix text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      expires_at timestamptz,
      revoked_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  `CREATE TABLE records (
      id uuid PRIMARY KEY,
      owner text NOT NULL REFERENCES participants(code),
      national_ref text NOT NULL,
      category text NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'located', 'cancelled', 'expired')),
      shared_with_all boolean NOT NULL,
      shared_with text[] NOT NULL DEFAULT '{}',
      content jsonb NOT NULL,
      version integer NOT NULL,
      cancel_reason text,
      created_by text NOT NULL,
      updated_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (owner, national_ref)
    )`,
  `CREATE INDEX records_listing ON records (category, status, created_at, id)`,
  `CREATE INDEX records_owner ON records (owner, created_at, id)`,
  `CREATE INDEX records_shared_with ON records USING gin (shared_with)`,
  `CREATE TABLE attachments (
      id uuid PRIMARY KEY,
      record_id uuid NOT NULL REFERENCES records(id),
      filename text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      sha256 text NOT NULL,
      data bytea NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  `CREATE INDEX attachments_record ON attachments (record_id)`,
  `CREATE TABLE audit_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_kind text NOT NULL,
      actor_id text NOT NULL,
      actor_participant text,
      action text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
      resource_type text,
      resource_id text,
      purpose text NOT NULL,
      result_count integer,
      detail jsonb NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`,
  `CREATE INDEX audit_log_resource ON audit_log (resource_type, resource_id)`,
  `CREATE INDEX audit_log_actor ON audit_log (actor_participant, at)`,
  `-- The audit trail is append-only: the application can never rewrite history.
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per call: PGlite's extended protocol runs a single statement at a time.
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The initial migration cannot be undone');
}
