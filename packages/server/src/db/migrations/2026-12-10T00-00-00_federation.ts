import { sql, type Kysely } from 'kysely';

// Federation: the nodes' public keys (the register the central bank checks signatures against),
// the outbox of record changes a national node still has to send, and the messages the central
// bank could not apply (the dead letters, for administrators). The outbox is filled by a trigger
// in the writing transaction itself, so no write path can forget it and a crash loses nothing;
// only a node whose setting says it is national keeps one.
const STATEMENTS = [
  `CREATE TABLE federation_nodes (
      state char(2) PRIMARY KEY,
      public_key text NOT NULL,
      registered_at timestamptz NOT NULL,
      registered_by text NOT NULL
    )`,
  `CREATE TABLE federation_outbox (
      seq bigserial PRIMARY KEY,
      record_id uuid NOT NULL,
      version integer NOT NULL,
      queued_at timestamptz NOT NULL
    )`,
  `CREATE FUNCTION federation_outbox_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM settings WHERE name = 'federation.role' AND value = 'national') THEN
        INSERT INTO federation_outbox (record_id, version, queued_at) VALUES (NEW.id, NEW.version, now());
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER records_federation_outbox AFTER INSERT OR UPDATE OF version ON records
      FOR EACH ROW EXECUTE FUNCTION federation_outbox_keep()`,
  `CREATE TABLE federation_dead_letters (
      id bigserial PRIMARY KEY,
      received_at timestamptz NOT NULL,
      subject text NOT NULL,
      message_id text,
      state text,
      reason text NOT NULL,
      deliveries integer NOT NULL,
      payload text NOT NULL
    )`,
  // What the central bank last applied from each state: its lag, and when it last heard of it.
  `CREATE TABLE federation_received (
      state char(2) PRIMARY KEY,
      last_applied_at timestamptz NOT NULL,
      last_sent_at timestamptz NOT NULL,
      applied bigint NOT NULL
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER records_federation_outbox ON records`.execute(db);
  await sql`DROP FUNCTION federation_outbox_keep()`.execute(db);
  for (const table of ['federation_received', 'federation_dead_letters', 'federation_outbox', 'federation_nodes'])
    await sql.raw(`DROP TABLE ${table}`).execute(db);
}
