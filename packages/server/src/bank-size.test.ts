import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPANTS, generateRecords } from '@svod/core';
import { DIALECTS, createTestDb, type TestDb } from './test/helpers.ts';
import { importRecords } from './store/import-records.ts';
import { recordsByDomain } from './store/bank-size.ts';
import { ensureParticipants } from './store/participants.ts';
import { createAjv } from './validation/ajv.ts';
import { createRecordValidators } from './validation/records.ts';
import { SYSTEM_ACTOR } from './seed/demo.ts';

describe.each(DIALECTS)('bank size for the checks prior on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await ensureParticipants(t.db, DEFAULT_PARTICIPANTS);
    // A bulk load: analysed at its end, as a large bank's would be.
    await load(3, 1500);
  });
  afterAll(async () => t?.close());

  const load = async (seed: number, count: number) => {
    const lines = [...generateRecords({ seed, count })].map((r) => JSON.stringify({ ...r, nationalRef: `${seed}-${r.nationalRef}` }));
    const report = await importRecords({ db: t.db, actor: SYSTEM_ACTOR, purpose: 'test' }, lines, createRecordValidators(createAjv()), {
      atomic: false,
      ownersFromLines: true,
    });
    expect(report.rejected).toEqual([]);
  };
  const withinShare = (estimated: Record<string, number>, counted: Record<string, number>, share: number) => {
    for (const domain of ['person', 'vehicle', 'firearm']) {
      expect(counted[domain]).toBeGreaterThan(0);
      expect(Math.abs(estimated[domain]! - counted[domain]!) / counted[domain]!, domain).toBeLessThan(share);
    }
  };

  it('a large bank is estimated from the statistics, per domain, within a few percent of its count', async () => {
    const counted = await recordsByDomain(t.db, { exactBelow: Infinity });
    const estimate = await recordsByDomain(t.db, { exactBelow: 1000 });
    expect(counted.estimated).toBe(false);
    expect(estimate.estimated).toBe(true);
    expect(counted.records.person + counted.records.vehicle + counted.records.firearm).toBe(1500);
    withinShare(estimate.records, counted.records, 0.05);
  });

  it('the estimate follows a bank that grew since it was last analysed', async () => {
    await load(4, 600);
    const counted = await recordsByDomain(t.db, { exactBelow: Infinity });
    const estimate = await recordsByDomain(t.db, { exactBelow: 1000 });
    expect(counted.records.person + counted.records.vehicle + counted.records.firearm).toBe(2100);
    withinShare(estimate.records, counted.records, 0.1);
  });

  it('a small bank is counted exactly', async () => {
    expect((await recordsByDomain(t.db)).estimated).toBe(false);
  });
});
