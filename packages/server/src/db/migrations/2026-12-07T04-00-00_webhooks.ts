import { sql, type Kysely } from 'kysely';

// National systems are told of their participant's events by webhooks. A delivery is written in
// the transaction that writes its event (an outbox): a server that stops before sending sends it
// after the restart. A delivery is claimed by a lease on `next_attempt_at`, so two servers do
// not send it at once, and retried with backoff until it is delivered or given up.
// The secret signs each body (HMAC-SHA-256); it must be kept to sign, so it is stored, and shown
// to the administrator once.
const STATEMENTS = [
  `CREATE TABLE webhooks (
      id uuid PRIMARY KEY,
      participant text NOT NULL REFERENCES participants(code),
      url text NOT NULL,
      secret text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`,
  `CREATE INDEX webhooks_by_participant ON webhooks (participant) WHERE revoked_at IS NULL`,
  `CREATE TABLE webhook_deliveries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      webhook_id uuid NOT NULL REFERENCES webhooks(id),
      event_id bigint NOT NULL REFERENCES events(id),
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_status integer,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL
    )`,
  `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
  `CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE webhook_deliveries`.execute(db);
  await sql`DROP TABLE webhooks`.execute(db);
}
