import { sql, type Kysely } from 'kysely';

// Facts about the store itself, one value per name: e.g. the version of the match keys it
// holds, so that start-up re-files them only when the code computes them differently.
const STATEMENTS = [
  `CREATE TABLE settings (
      name text PRIMARY KEY,
      value text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE settings`.execute(db);
}
