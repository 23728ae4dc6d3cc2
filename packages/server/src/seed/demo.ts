import { randomBytes } from 'node:crypto';
import { DEFAULT_PARTICIPANTS, ROLES, type Actor } from '@svod/core';
import type { Db } from '../db/database.ts';
import { importRecords, type ImportReport } from '../store/import-records.ts';
import { ensureParticipants } from '../store/participants.ts';
import { insertUser } from '../store/users.ts';
import { createAjv } from '../validation/ajv.ts';
import { createRecordValidators } from '../validation/records.ts';

export interface DemoAccount {
  username: string;
  participant: string;
  role: string;
}

export interface DemoSeedResult {
  accounts: DemoAccount[];
  /** One password for every demo account, made up at seeding time: none is kept in the repository. */
  password: string;
  report: ImportReport;
}

/** The acting identity of seeding: the bank itself, loading each line for the owner it names. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'svod-seed', name: 'svod seed', participant: 'BKBOP', role: 'supervisor' };

/** True when nobody has used the bank yet: no user and no record. */
export async function isStoreEmpty(db: Db): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const record = await db.selectFrom('records').select('id').limit(1).executeTakeFirst();
  return !user && !record;
}

/**
 * Loads the demo bank: every member state's agencies and BKBOP, a user of each role for each,
 * and the given records (generated synthetic data, each line naming its owner).
 */
export async function seedDemo(
  db: Db,
  records: Iterable<string> | AsyncIterable<string>,
  options: { password?: string; onProgress?: (lines: number) => void } = {},
): Promise<DemoSeedResult> {
  const password = options.password ?? randomBytes(9).toString('base64url');
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  const accounts: DemoAccount[] = [];
  for (const participant of DEFAULT_PARTICIPANTS) {
    for (const role of ROLES) {
      const username = `${participant.code.toLowerCase()}.${role}`;
      const exists = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (!exists) {
        await insertUser(db, { participant: participant.code, username, displayName: `${participant.nameRu} — ${role}`, role, password });
      }
      accounts.push({ username, participant: participant.code, role });
    }
  }
  const report = await importRecords({ db, actor: SYSTEM_ACTOR, purpose: 'demo.seed' }, records, createRecordValidators(createAjv()), {
    atomic: false,
    ownersFromLines: true,
    onProgress: options.onProgress,
  });
  return { accounts, password, report };
}
