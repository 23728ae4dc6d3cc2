import { sql, type Kysely } from 'kysely';

// The records list can be ordered by last change and filtered by birth date. Without these a
// million-record bank scanned and sorted every visible row for such a page. Birth dates are
// compared as byte-ordered text (COLLATE "C"): partial ISO dates then sort as dates do, with
// '1984' before '1984-07' before '1984~', which a locale's collation does not promise.
const STATEMENTS = [
  `CREATE INDEX records_changed ON records (updated_at, id)`,
  `CREATE INDEX records_birth_date ON records (((content->'person'->>'birthDate') COLLATE "C"))`,
  `CREATE INDEX records_birth_range ON records (((content->'person'->'birthDateRange'->>'from') COLLATE "C"))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['records_birth_range', 'records_birth_date', 'records_changed']) await sql.raw(`DROP INDEX ${index}`).execute(db);
}
