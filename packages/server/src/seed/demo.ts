import { randomBytes } from 'node:crypto';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, ROLES, type Actor, type Role } from '@svod/core';
import type { Db } from '../db/database.ts';
import { importRecords, type ImportReport } from '../store/import-records.ts';
import { ensureAgreements } from '../store/agreements.ts';
import { generateActivity, type ActivityReport } from './activity.ts';
import { seedDemoGroup } from './demo-group.ts';
import { ensureParticipants } from '../store/participants.ts';
import { hashPassword, type PasswordPolicy } from '../security/passwords.ts';
import { insertHashedUser } from '../store/users.ts';
import { createAjv } from '../validation/ajv.ts';
import { createRecordValidators } from '../validation/records.ts';

export interface DemoAccount {
  username: string;
  participant: string;
  role: Role;
}

export interface DemoSeedResult {
  accounts: DemoAccount[];
  /** One password for every demo account, made up at seeding time: none is kept in the repository. */
  password: string;
  report: ImportReport;
  activity: ActivityReport;
}

/** The demo's year of cooperation: the same for every demo bank. */
export const DEMO_ACTIVITY = { months: 12, seed: 20261207, perMonth: 80 } as const;

/** The acting identity of seeding: the bank itself, loading each line for the owner it names. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'svod-seed', name: 'svod seed', participant: 'BKBOP', role: 'supervisor' };

/** True when nobody has used the bank yet: no user and no record. */
export async function isStoreEmpty(db: Db): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const record = await db.selectFrom('records').select('id').limit(1).executeTakeFirst();
  return !user && !record;
}

export interface DemoSeedOptions {
  /** Cost of the demo accounts' password hashes: the server's own policy. */
  passwordPolicy: PasswordPolicy;
  password?: string;
  onProgress?: (lines: number) => void;
}

/**
 * Loads the demo bank: every member state's agencies and BKBOP, a user of each role for each,
 * and the given records (generated synthetic data, each line naming its owner).
 */
export async function seedDemo(db: Db, records: Iterable<string> | AsyncIterable<string>, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const password = options.password ?? randomBytes(9).toString('base64url');
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  await ensureAgreements(db, DEMO_AGREEMENTS);
  const accounts: DemoAccount[] = DEFAULT_PARTICIPANTS.flatMap((participant) =>
    ROLES.map((role) => ({ username: `${participant.code.toLowerCase()}.${role}`, participant: participant.code, role })),
  );
  const taken = new Set(
    (
      await db
        .selectFrom('users')
        .select('username')
        .where(
          'username',
          'in',
          accounts.map((a) => a.username),
        )
        .execute()
    ).map((row) => row.username),
  );
  const missing = accounts.filter((a) => !taken.has(a.username));
  if (missing.length > 0) {
    // One hash for every account. At the production cost (0.6 s of a core, 128 MiB) a hash
    // each took 18–47 s of start-up for the 48 accounts even all at once on libuv's pool (two
    // cores, shared); one takes under a second. A salt of their own would protect none of
    // them: they share one password, printed at start-up, so cracking any one hash opens all.
    const passwordHash = await hashPassword(password, options.passwordPolicy);
    for (const account of missing) {
      const participant = DEFAULT_PARTICIPANTS.find((p) => p.code === account.participant)!;
      await insertHashedUser(db, { ...account, displayName: `${participant.nameRu} — ${account.role}` }, passwordHash);
    }
  }
  const report = await importRecords({ db, actor: SYSTEM_ACTOR, purpose: 'demo.seed' }, records, createRecordValidators(createAjv()), {
    atomic: false,
    ownersFromLines: true,
    onProgress: options.onProgress,
  });
  // A year of hits and requests between the agencies, so that the statistics show a year.
  const activity = await generateActivity(db, DEMO_ACTIVITY);
  await seedDemoGroup(db);
  return { accounts, password, report, activity };
}
