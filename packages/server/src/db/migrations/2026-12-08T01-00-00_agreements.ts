import { sql, type Kysely } from 'kysely';

// Agreements on information interaction as data: parties, what they cover, when in force. The
// store decides every share and every request by them (see `store/agreements.ts`); a change is
// a new version of the row, audited, and takes effect at once.
const STATEMENTS = [
  `CREATE TABLE agreements (
      id uuid PRIMARY KEY,
      title text NOT NULL,
      document_ref text NOT NULL,
      parties jsonb NOT NULL,
      coordinator text REFERENCES participants(code),
      categories jsonb NOT NULL,
      request_types jsonb NOT NULL,
      in_force_from date NOT NULL,
      in_force_to date,
      version integer NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (in_force_to IS NULL OR in_force_to >= in_force_from)
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE agreements`.execute(db);
}
