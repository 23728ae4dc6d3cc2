import { sql, type Kysely } from 'kysely';

// What the central bank sends down as well as what the nodes send up. The outbox now queues
// three kinds: a record's change (a national node's, as before), a hit's change (the bank's, for
// the owner's node; the owner's answer to a hit the bank sent, for the bank) and the register
// (the bank's participants and agreements, for every node). A hit keeps where it came from, so
// that a node sends up the answers to the bank's hits only. What a node files from the bus is
// not queued again (the transaction says so in `svod.federation_applying`): no message echoes.
const STATEMENTS = [
  `ALTER TABLE federation_outbox RENAME COLUMN record_id TO item_id`,
  `ALTER TABLE federation_outbox ALTER COLUMN item_id DROP NOT NULL`,
  `ALTER TABLE federation_outbox ALTER COLUMN version DROP NOT NULL`,
  `ALTER TABLE federation_outbox ADD COLUMN kind text NOT NULL DEFAULT 'record'`,
  `ALTER TABLE hits ADD COLUMN origin text`,
  // Hit / no hit: the bank holds some states' records of some arrays as reference data only, and
  // a confirmed hit on one carries the whole record to its requester alone.
  `ALTER TABLE records ADD COLUMN disclosure text NOT NULL DEFAULT 'full' CHECK (disclosure IN ('full', 'hit'))`,
  `ALTER TABLE hits ADD COLUMN disclosed jsonb`,
  // The last stream sequence of each subject a national node wrote: its next message on the
  // subject is stored only if the stream still ends there (no one else wrote it since).
  `CREATE TABLE federation_subjects (
      subject text PRIMARY KEY,
      seq bigint NOT NULL
    )`,
  `CREATE FUNCTION federation_role() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce(current_setting('svod.federation_applying', true), '') = 'on' THEN 'applying'
      ELSE (SELECT value FROM settings WHERE name = 'federation.role') END
  $$`,
  `CREATE OR REPLACE FUNCTION federation_outbox_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF federation_role() = 'national' THEN
        INSERT INTO federation_outbox (kind, item_id, version, queued_at) VALUES ('record', NEW.id, NEW.version, now());
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE FUNCTION federation_outbox_hit() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE role text := federation_role();
    BEGIN
      IF role = 'central' OR (role = 'national' AND TG_OP = 'UPDATE' AND NEW.origin = 'central') THEN
        INSERT INTO federation_outbox (kind, item_id, queued_at) VALUES ('hit', NEW.id, now());
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER hits_federation_outbox AFTER INSERT OR UPDATE OF status, deadline_at ON hits
      FOR EACH ROW EXECUTE FUNCTION federation_outbox_hit()`,
  `CREATE FUNCTION federation_outbox_registry() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF federation_role() = 'central' THEN
        INSERT INTO federation_outbox (kind, queued_at) VALUES ('registry', now());
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER agreements_federation_outbox AFTER INSERT OR UPDATE OR DELETE ON agreements
      FOR EACH STATEMENT EXECUTE FUNCTION federation_outbox_registry()`,
  `CREATE TRIGGER participants_federation_outbox AFTER INSERT OR UPDATE OR DELETE ON participants
      FOR EACH STATEMENT EXECUTE FUNCTION federation_outbox_registry()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'DROP TRIGGER participants_federation_outbox ON participants',
    'DROP TRIGGER agreements_federation_outbox ON agreements',
    'DROP FUNCTION federation_outbox_registry()',
    'DROP TRIGGER hits_federation_outbox ON hits',
    'DROP FUNCTION federation_outbox_hit()',
    `CREATE OR REPLACE FUNCTION federation_outbox_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM settings WHERE name = 'federation.role' AND value = 'national') THEN
          INSERT INTO federation_outbox (record_id, version, queued_at) VALUES (NEW.id, NEW.version, now());
        END IF;
        RETURN NULL;
      END $$`,
    'DROP FUNCTION federation_role()',
    'ALTER TABLE hits DROP COLUMN origin',
    'DROP TABLE federation_subjects',
    'ALTER TABLE hits DROP COLUMN disclosed',
    'ALTER TABLE records DROP COLUMN disclosure',
    `DELETE FROM federation_outbox WHERE kind <> 'record'`,
    'ALTER TABLE federation_outbox DROP COLUMN kind',
    'ALTER TABLE federation_outbox RENAME COLUMN item_id TO record_id',
  ])
    await sql.raw(statement).execute(db);
}
