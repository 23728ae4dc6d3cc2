import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, type Actor } from '@svod/core';
import { DIALECTS, createTestDb, type TestDb } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';
import { importRecords } from './store/import-records.ts';
import { FILED_KEYS_VERSION, refileMatchKeysIfStale, storedMatchKeysVersion } from './store/match-keys.ts';
import { ensureAgreements } from './store/agreements.ts';
import { ensureParticipants } from './store/participants.ts';
import { runCheck } from './store/checks.ts';
import { createAjv } from './validation/ajv.ts';
import { createRecordValidators } from './validation/records.ts';

const actor: Actor = { kind: 'system', id: 'test', name: 'test', participant: 'RU-MVD', role: 'supervisor' };

describe.each(DIALECTS)('match keys at start-up on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await ensureParticipants(t.db, DEFAULT_PARTICIPANTS);
    await ensureAgreements(t.db, DEMO_AGREEMENTS);
  });
  afterAll(async () => t?.close());

  const keyCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('match_keys')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const setVersion = (value: string) => t.db.updateTable('settings').set({ value }).where('name', '=', 'match_keys_version').execute();
  const findWanted = async () =>
    (
      await runCheck(
        { db: t.db, actor: { ...actor, participant: 'KZ-MVD' }, purpose: 'test' },
        { person: { surname: 'RAKHMONOV', given: 'FARRUKH', birthDate: '1989-04-17' } },
      )
    ).candidates.length;

  it('a new store records the version of its keys and files nothing', async () => {
    expect(await refileMatchKeysIfStale(t.db)).toBe(0);
    expect(await storedMatchKeysVersion(t.db)).toBe(FILED_KEYS_VERSION);
    const report = await importRecords(
      { db: t.db, actor, purpose: 'test' },
      [JSON.stringify(wantedPerson()), JSON.stringify(stolenVehicle())],
      createRecordValidators(createAjv()),
      { atomic: false },
    );
    expect(report.created).toBe(2);
    expect(await findWanted()).toBe(1);
  });

  it('keys of another version are filed again, so checks find records whose keys were lost or stale', async () => {
    const filed = await keyCount();
    await t.db.deleteFrom('match_keys').execute();
    await t.db.deleteFrom('match_profiles').execute();
    await t.db
      .insertInto('match_keys')
      .values({ key: 'n:stale|1900', record_id: (await t.db.selectFrom('records').select('id').executeTakeFirstOrThrow()).id })
      .execute();
    await setVersion('0');
    expect(await findWanted()).toBe(0);
    expect(await refileMatchKeysIfStale(t.db)).toBe(2);
    expect(await storedMatchKeysVersion(t.db)).toBe(FILED_KEYS_VERSION);
    expect(await keyCount()).toBe(filed);
    expect(await t.db.selectFrom('match_keys').select('key').where('key', '=', 'n:stale|1900').executeTakeFirst()).toBeUndefined();
    expect(await findWanted()).toBe(1);
  });

  it('a store written before versions were recorded is filed again', async () => {
    await t.db.deleteFrom('settings').execute();
    await t.db.deleteFrom('match_keys').execute();
    await t.db.deleteFrom('match_profiles').execute();
    expect(await refileMatchKeysIfStale(t.db)).toBe(2);
    expect(await findWanted()).toBe(1);
  });

  it('when the recorded version is the code’s, nothing is filed, whatever the keys hold', async () => {
    await t.db.deleteFrom('match_keys').execute();
    expect(await refileMatchKeysIfStale(t.db)).toBe(0);
    expect(await keyCount()).toBe(0);
  });
});
