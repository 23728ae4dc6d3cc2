import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';
import { sql } from 'kysely';
import { importRecords } from './store/import-export.ts';
import { BULK_LOAD_RECORDS } from './db/maintenance.ts';
import { createAjv } from './validation/ajv.ts';
import { createRecordValidators } from './validation/records.ts';

const validators = createRecordValidators(createAjv());
const actor: Actor = { kind: 'system', id: 'test', name: 'test', participant: 'UZ-MVD', role: 'supervisor' };

describe.each(DIALECTS)('bulk import on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const ctx = () => ({ db: t.db, actor, purpose: 'test' });
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('owner', '=', 'UZ-MVD')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('applies every valid line and reports each bad one with its line number', async () => {
    const bad = wantedPerson();
    bad.person!.birthDate = '1990-13';
    const lines = [JSON.stringify(stolenVehicle()), '{not json', JSON.stringify(bad), '', JSON.stringify(wantedPerson())];
    const before = await count();
    const report = await importRecords(ctx(), lines, validators, { atomic: false });
    expect(report).toMatchObject({ lines: 5, created: 2, applied: true });
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(report.rejected[1]!.issues[0]).toMatchObject({ path: '/person/birthDate', code: 'date_impossible' });
    expect(await count()).toBe(before + 2);
  });

  it('with atomic, one bad line means nothing is applied', async () => {
    const before = await count();
    const lines = [JSON.stringify(stolenVehicle()), JSON.stringify(wantedPerson()), JSON.stringify({ ...stolenVehicle(), category: 'boat' })];
    const report = await importRecords(ctx(), lines, validators, { atomic: true });
    expect(report.applied).toBe(false);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.line).toBe(3);
    expect(await count()).toBe(before);
  });

  it('re-importing the same array changes nothing; a changed line updates its record', async () => {
    const vehicle = stolenVehicle();
    await importRecords(ctx(), [JSON.stringify(vehicle)], validators, { atomic: false });
    const again = await importRecords(ctx(), [JSON.stringify(vehicle)], validators, { atomic: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, applied: true });
    const changed = { ...vehicle, vehicle: { ...vehicle.vehicle!, colour: 'чёрный' } };
    const update = await importRecords(ctx(), [JSON.stringify(changed)], validators, { atomic: false });
    expect(update).toMatchObject({ created: 0, updated: 1 });
    const row = await t.db.selectFrom('records').selectAll().where('national_ref', '=', vehicle.nationalRef).executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
  });

  it('a bulk load leaves the match keys readable from their index alone', async () => {
    // Vacuumed: a check then reads a record's keys without visiting the table's pages.
    const allVisiblePages = async () =>
      Number((await sql<{ n: number }>`SELECT relallvisible AS n FROM pg_class WHERE relname = 'match_keys'`.execute(t.db)).rows[0]!.n);
    const lines = Array.from({ length: BULK_LOAD_RECORDS }, () => JSON.stringify(stolenVehicle()));
    const report = await importRecords(ctx(), lines, validators, { atomic: false });
    expect(report.created).toBe(BULK_LOAD_RECORDS);
    expect(await allVisiblePages()).toBeGreaterThan(0);
  });

  it("a participant cannot import another participant's records", async () => {
    const participantActor: Actor = { kind: 'api_key', id: 'k', name: 'k', participant: 'UZ-MVD', role: 'operator' };
    const report = await importRecords(
      { db: t.db, actor: participantActor, purpose: 'test' },
      [JSON.stringify({ owner: 'RU-MVD', ...stolenVehicle() })],
      validators,
      { atomic: false },
    );
    expect(report.created).toBe(0);
    expect(report.rejected[0]).toMatchObject({ line: 1, code: 'forbidden' });
  });

  it('over HTTP, an import reports bad lines with messages in the asked language', async () => {
    const body = [JSON.stringify(stolenVehicle()), JSON.stringify({ ...stolenVehicle(), legalBasis: '' })].join('\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records/import',
      headers: { ...(await t.as('MD-MAI', 'operator')), 'content-type': 'application/x-ndjson', 'accept-language': 'en' },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ created: 1, rejected: [{ line: 2, errors: [{ path: '/legalBasis', message: 'is required' }] }] });
  });

  it('export returns every visible record as JSON Lines that import accepts back', async () => {
    const headers = await t.as('MD-MAI', 'supervisor');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/records/export?owner=MD-MAI', headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    const mdActor: Actor = { kind: 'user', id: 'u', name: 'u', participant: 'MD-MAI', role: 'supervisor' };
    const report = await importRecords({ db: t.db, actor: mdActor, purpose: 'test' }, lines, validators, { atomic: true });
    expect(report).toMatchObject({ applied: true, unchanged: lines.length, rejected: [] });
  });
});
