import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type Actor } from '@svod/core';
import { openDatabase } from './db/connect.ts';
import type { Db } from './db/database.ts';
import { appendAudit, verifyAuditChain } from './store/audit.ts';
import { runCheck } from './store/checks.ts';
import { createRecord } from './store/records.ts';
import type { StoreContext } from './store/context.ts';
import { stolenVehicle } from './test/fixtures/records.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';

const ANALYST: Actor = { kind: 'system', id: 'group-commit-test', name: 'test', participant: 'BKBOP', role: 'analyst' };
const OPERATOR: Actor = { kind: 'system', id: 'group-commit-test', name: 'test', participant: 'RU-MVD', role: 'operator' };
/** Entries with this purpose are refused when their transaction commits (see `refuseAtCommit`). */
const REFUSED = 'refused-at-commit';

/**
 * A real commit failure, not a stub: a deferred constraint trigger that raises at COMMIT for
 * entries carrying the refused purpose, after the entry was inserted and hashed.
 */
async function refuseAtCommit(db: Db) {
  await sql`CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.purpose = ${sql.lit(REFUSED)} THEN RAISE EXCEPTION 'commit refused for this test'; END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE CONSTRAINT TRIGGER audit_refused_at_commit AFTER INSERT ON audit_log
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()`.execute(db);
}

const plate = (i: number) => ({ vehicle: { plate: { number: `K${String(i).padStart(3, '0')}MM 77`, state: 'RU' } } });

/** The stored record.check entries, by the plate each asked for. */
async function checkEntries(db: Db) {
  const rows = await db.selectFrom('audit_log').select(['seq', 'outcome', 'purpose', 'detail']).where('action', '=', 'record.check').execute();
  return rows.map((row) => {
    const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as { query?: ReturnType<typeof plate> };
    return { seq: Number(row.seq), outcome: row.outcome, purpose: row.purpose, plate: detail.query?.vehicle.plate.number };
  });
}

async function expectIntactChain(db: Db) {
  const result = await verifyAuditChain(db);
  expect(result.ok, result.problem?.message).toBe(true);
  const { n, top } = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('seq').as('top')])
    .executeTakeFirstOrThrow();
  expect(Number(top), 'sequence numbers without gaps').toBe(Number(n));
}

describe.each(DIALECTS)('audit group commit on %s', (dialect) => {
  let t: TestApp;
  let ctx: StoreContext;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await refuseAtCommit(t.db);
    ctx = { db: t.db, actor: ANALYST, purpose: 'test' };
    await createRecord({ db: t.db, actor: OPERATOR, purpose: 'test' }, stolenVehicle());
  });
  afterAll(async () => t?.close());

  it('many checks at once are each audited exactly once, in one unbroken chain without gaps', async () => {
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => runCheck(ctx, plate(i))));
    expect(results).toHaveLength(120);
    const entries = (await checkEntries(t.db)).filter((e) => e.purpose === 'test');
    const perPlate = new Map<string, number>();
    for (const e of entries) perPlate.set(e.plate!, (perPlate.get(e.plate!) ?? 0) + 1);
    expect(perPlate.size).toBe(120);
    expect([...perPlate.values()].every((n) => n === 1)).toBe(true);
    expect(entries.every((e) => e.outcome === 'success')).toBe(true);
    await expectIntactChain(t.db);
  });

  it('when a batch of audit entries fails to commit, every caller of that batch is refused and none of them is stored', async () => {
    const before = await checkEntries(t.db);
    // Appended in the same turn, they are written as one batch; one of them cannot commit.
    const appends = Array.from({ length: 20 }, (_, i) =>
      appendAudit(t.db, { actor: ANALYST, action: 'record.check', outcome: 'success', purpose: i === 7 ? REFUSED : 'batch-mate' }),
    );
    const settled = await Promise.allSettled(appends);
    expect(settled.map((s) => s.status)).toEqual(Array(20).fill('rejected'));
    const stored = await t.db.selectFrom('audit_log').select('seq').where('purpose', 'in', [REFUSED, 'batch-mate']).execute();
    expect(stored).toEqual([]);
    expect(await checkEntries(t.db)).toHaveLength(before.length);
    await expectIntactChain(t.db);
    // The chain goes on after the failed batch.
    expect(await appendAudit(t.db, { actor: ANALYST, action: 'record.check', outcome: 'success', purpose: 'after' })).toBeGreaterThan(0);
    await expectIntactChain(t.db);
  });

  it('a check whose audit entry cannot be committed gets no answer, and every answered check is audited', async () => {
    const refusedCtx = { ...ctx, purpose: REFUSED };
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => runCheck(i % 5 === 0 ? refusedCtx : ctx, plate(500 + i))));
    const entries = await checkEntries(t.db);
    outcomes.forEach((outcome, i) => {
      const asked = plate(500 + i).vehicle.plate.number;
      const audited = entries.filter((e) => e.plate === asked && e.outcome === 'success');
      if (outcome.status === 'fulfilled') expect(audited, `answered check ${asked}`).toHaveLength(1);
      else expect(audited, `refused check ${asked}`).toHaveLength(0);
      if (i % 5 === 0) expect(outcome.status, `check ${asked} whose entry cannot commit`).toBe('rejected');
    });
    // Refused for the failed commit, not as an insufficient or forbidden check.
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).not.toBeInstanceOf(AppError);
    await expectIntactChain(t.db);
    // Checks in later batches are answered again.
    await expect(runCheck(ctx, plate(599))).resolves.toMatchObject({ outcome: 'no_hit' });
    expect((await checkEntries(t.db)).filter((e) => e.plate === plate(599).vehicle.plate.number)).toHaveLength(1);
  });

  it('a record written inside its own transaction keeps its audit entry in that transaction, beside concurrent checks', async () => {
    const writes = Array.from({ length: 6 }, () => createRecord({ db: t.db, actor: OPERATOR, purpose: 'test' }, stolenVehicle()));
    const checks = Array.from({ length: 40 }, (_, i) => runCheck(ctx, plate(900 + i)));
    await Promise.all([...writes, ...checks]);
    const created = await t.db.selectFrom('audit_log').select('seq').where('action', '=', 'record.create').execute();
    expect(created.length).toBeGreaterThanOrEqual(7);
    await expectIntactChain(t.db);
  });
});

describe.runIf(DIALECTS.includes('postgres'))('two server processes on one PostgreSQL database', () => {
  let t: TestApp;
  let second: Db;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    const { name } = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.db)).rows[0]!;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    // Its own pool and its own group commit, as another `svod serve` on the same database would have.
    second = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  });
  afterAll(async () => {
    await second?.destroy();
    await t?.close();
  });

  it('two app instances appending at once leave one chain that verifies, every entry stored once', async () => {
    const burst = (db: Db, who: string) =>
      Array.from({ length: 150 }, (_, i) =>
        i % 3 === 0
          ? runCheck({ db, actor: ANALYST, purpose: who }, plate(i))
          : appendAudit(db, { actor: ANALYST, action: 'record.read', outcome: 'success', purpose: who, resourceId: String(i) }),
      );
    const writes = Array.from({ length: 5 }, (_, i) =>
      createRecord({ db: i % 2 ? t.db : second, actor: OPERATOR, purpose: 'writer' }, stolenVehicle()),
    );
    await Promise.all([...burst(t.db, 'first'), ...burst(second, 'second'), ...writes]);
    for (const who of ['first', 'second']) {
      const rows = await t.db.selectFrom('audit_log').select(['action', 'resource_id']).where('purpose', '=', who).execute();
      expect(rows, who).toHaveLength(150);
      const reads = rows.filter((r) => r.action === 'record.read').map((r) => r.resource_id);
      expect(new Set(reads).size, `${who}: each read stored once`).toBe(100);
    }
    await expectIntactChain(t.db);
  });
});
