import { sql, type Kysely } from 'kysely';

// Requests between the states' nodes. A request goes up from the node where an officer moved it
// once it is sent (a draft stays home), and the bank sends it down to the nodes of both parties;
// its files go after it, in parts, and are filed whole once every part is in. The outbox queues
// a request at each new version, and a file when added to a sent request or when its request is
// sent. What a node files from the bus is not queued again (`federation_role()` says 'applying').
const STATEMENTS = [
  `CREATE FUNCTION federation_outbox_request() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF federation_role() IN ('national', 'central') THEN
        INSERT INTO federation_outbox (kind, item_id, version, queued_at) VALUES ('request', NEW.id, NEW.version, now());
        IF TG_OP = 'INSERT' OR OLD.sent_at IS NULL THEN
          INSERT INTO federation_outbox (kind, item_id, queued_at) SELECT 'attachment', a.id, now() FROM request_attachments a WHERE a.request_id = NEW.id;
        END IF;
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER requests_federation_outbox AFTER INSERT OR UPDATE OF version ON requests
      FOR EACH ROW WHEN (NEW.sent_at IS NOT NULL) EXECUTE FUNCTION federation_outbox_request()`,
  `CREATE FUNCTION federation_outbox_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF federation_role() IN ('national', 'central') AND EXISTS (SELECT 1 FROM requests WHERE id = NEW.request_id AND sent_at IS NOT NULL) THEN
        INSERT INTO federation_outbox (kind, item_id, queued_at) VALUES ('attachment', NEW.id, now());
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER request_attachments_federation_outbox AFTER INSERT ON request_attachments
      FOR EACH ROW EXECUTE FUNCTION federation_outbox_attachment()`,
  // The parts of a file on their way in: a file is filed whole, and its parts dropped, once all are here.
  `CREATE TABLE federation_file_parts (
      attachment_id uuid NOT NULL,
      part integer NOT NULL,
      parts integer NOT NULL,
      data bytea NOT NULL,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (attachment_id, part)
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'DROP TABLE federation_file_parts',
    'DROP TRIGGER request_attachments_federation_outbox ON request_attachments',
    'DROP FUNCTION federation_outbox_attachment()',
    'DROP TRIGGER requests_federation_outbox ON requests',
    'DROP FUNCTION federation_outbox_request()',
  ])
    await sql.raw(statement).execute(db);
}
