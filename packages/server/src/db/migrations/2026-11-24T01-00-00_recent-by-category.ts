import { sql, type Kysely } from 'kysely';

// The console lists a category newest first, usually without a status filter: the listing
// index leads with status after category, so at a million records such a page scanned and
// sorted every record of the category. This index serves the page in order.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX records_category_recent ON records (category, created_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX records_category_recent`.execute(db);
}
