import type { Db, Tx } from '../db/database.ts';

/** A named setting of the store (a version, a time, a saved mapping), or undefined where none is kept. */
export async function readSetting(db: Db | Tx, name: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst())?.value;
}

/** Keeps a named setting, replacing what it held. */
export async function writeSetting(db: Db | Tx, name: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: new Date() }))
    .execute();
}
