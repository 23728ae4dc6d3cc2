import { sql, type Kysely } from 'kysely';

// Failed logins counted in the database, so that every server process sharing the store sees
// the same counts and a restart forgets none. One row per scope (an account as typed, a client
// address, …) and key; `failures` drains with time (a leaky bucket), and a row is deleted once
// drained (`expires_at`), so the table holds only what is being counted now.
//
// Trusted devices: browsers that have logged in to an account before (OWASP's "device
// cookie"). Only the token's hash is kept; an attempt from such a browser is not held by the
// account's or the address's lock-out, only by its own small count of failures.
const STATEMENTS = [
  `CREATE TABLE login_throttle (
      scope text NOT NULL,
      key text NOT NULL,
      failures double precision NOT NULL,
      last_failure_at timestamptz NOT NULL,
      held_until timestamptz,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (scope, key)
    )`,
  `CREATE INDEX login_throttle_expiry ON login_throttle (expires_at)`,
  `CREATE TABLE trusted_devices (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      failures integer NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  `CREATE INDEX trusted_devices_user ON trusted_devices (user_id, created_at)`,
  `CREATE INDEX trusted_devices_expiry ON trusted_devices (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE trusted_devices`.execute(db);
  await sql`DROP TABLE login_throttle`.execute(db);
}
