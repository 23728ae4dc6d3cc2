import { sql, type Kysely } from 'kysely';

// Joint investigative groups: their terms, members (users, not agencies), the records linked to
// them with their owners' consent, and the workspace (messages, documents, tasks) with a
// timeline of everything done in it. Events gain an addressee user, so that what happens in a
// group reaches its members and not their colleagues who are not members.
const STATEMENTS = [
  `CREATE TABLE groups (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('investigative', 'operational')),
      title text NOT NULL,
      purpose text NOT NULL,
      legal_basis text NOT NULL,
      lead text NOT NULL REFERENCES participants(code),
      participants jsonb NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      ended_at timestamptz,
      end_reason text,
      version integer NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (ends_on >= starts_on)
    )`,
  `CREATE TABLE group_members (
      group_id uuid NOT NULL REFERENCES groups(id),
      user_id uuid NOT NULL REFERENCES users(id),
      participant text NOT NULL REFERENCES participants(code),
      leader boolean NOT NULL,
      added_by uuid NOT NULL REFERENCES users(id),
      added_at timestamptz NOT NULL,
      removed_at timestamptz,
      PRIMARY KEY (group_id, user_id)
    )`,
  // Every request of a member asks this: is the caller a member now?
  'CREATE INDEX group_members_of_user ON group_members (user_id, group_id) WHERE removed_at IS NULL',
  `CREATE TABLE group_records (
      group_id uuid NOT NULL REFERENCES groups(id),
      record_id uuid NOT NULL REFERENCES records(id),
      note text,
      linked_by uuid NOT NULL REFERENCES users(id),
      linked_at timestamptz NOT NULL,
      consent text NOT NULL CHECK (consent IN ('pending', 'granted', 'refused')),
      consent_by uuid REFERENCES users(id),
      consent_at timestamptz,
      PRIMARY KEY (group_id, record_id)
    )`,
  `CREATE TABLE group_messages (
      id uuid PRIMARY KEY,
      group_id uuid NOT NULL REFERENCES groups(id),
      author uuid NOT NULL REFERENCES users(id),
      body text NOT NULL,
      created_at timestamptz NOT NULL
    )`,
  'CREATE INDEX group_messages_newest ON group_messages (group_id, created_at DESC, id DESC)',
  `CREATE TABLE group_documents (
      id uuid PRIMARY KEY,
      group_id uuid NOT NULL REFERENCES groups(id),
      filename text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      sha256 text NOT NULL,
      data bytea NOT NULL,
      added_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL
    )`,
  'CREATE INDEX group_documents_of_group ON group_documents (group_id, created_at)',
  `CREATE TABLE group_tasks (
      id uuid PRIMARY KEY,
      group_id uuid NOT NULL REFERENCES groups(id),
      title text NOT NULL,
      detail text,
      assignee uuid REFERENCES users(id),
      due_on date,
      state text NOT NULL CHECK (state IN ('open', 'done')),
      version integer NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
  'CREATE INDEX group_tasks_of_group ON group_tasks (group_id, created_at)',
  `CREATE TABLE group_timeline (
      group_id uuid NOT NULL REFERENCES groups(id),
      seq integer NOT NULL,
      at timestamptz NOT NULL,
      actor uuid NOT NULL REFERENCES users(id),
      action text NOT NULL,
      detail jsonb NOT NULL,
      PRIMARY KEY (group_id, seq)
    )`,
  'ALTER TABLE events ADD COLUMN addressee uuid',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE events DROP COLUMN addressee`.execute(db);
  for (const table of ['group_timeline', 'group_tasks', 'group_documents', 'group_messages', 'group_records', 'group_members', 'groups']) {
    await sql.raw(`DROP TABLE ${table}`).execute(db);
  }
}
