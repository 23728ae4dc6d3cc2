import { sql, type Kysely } from 'kysely';

// Matching models (Fellegi–Sunter m, u and prior per field level), versioned: every check
// names the version that scored it, so earlier versions are kept. At most one active per domain.
const STATEMENTS = [
  `CREATE TABLE match_models (
      version text PRIMARY KEY,
      domain text NOT NULL,
      model jsonb NOT NULL,
      active boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  `CREATE UNIQUE INDEX match_models_one_active ON match_models (domain) WHERE active`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE match_models`.execute(db);
}
