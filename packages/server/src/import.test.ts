import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';
import { sql } from 'kysely';
import { exportRecords } from './store/export-records.ts';
import { importRecords } from './store/import-records.ts';
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

  it('a long load refreshes the planner statistics while it runs, so its lookups stay on the index', async () => {
    const plannedRecords = async () =>
      Number((await sql<{ n: number }>`SELECT reltuples AS n FROM pg_class WHERE relname = 'records'`.execute(t.db)).rows[0]!.n);
    const before = Math.max(0, await plannedRecords());
    let seenMidway = 0;
    async function* lines() {
      for (let i = 1; i <= 6_000; i++) {
        if (i === 5_800) seenMidway = await plannedRecords();
        yield JSON.stringify(stolenVehicle());
      }
    }
    await importRecords(ctx(), lines(), validators, { atomic: false });
    expect(seenMidway).toBeGreaterThanOrEqual(before + 5_000);
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

  it('every line of a large body is read and stored exactly once, atomic or not', async () => {
    const headers = { ...(await t.as('KG-MVD', 'operator')), 'content-type': 'application/x-ndjson' };
    for (const atomic of [false, true]) {
      const lines = Array.from({ length: 1200 }, () => JSON.stringify(stolenVehicle()));
      const body = `${lines.join('\r\n')}\r\n`;
      expect(Buffer.byteLength(body)).toBeGreaterThan(3 * 64 * 1024);
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/records/import?atomic=${atomic}`, headers, payload: body });
      expect(response.json()).toMatchObject({ lines: 1200, created: 1200, rejectedTotal: 0, applied: true });
      const refs = lines.map((l) => JSON.parse(l).nationalRef as string);
      const stored = await t.db
        .selectFrom('records')
        .select('national_ref')
        .where('owner', '=', 'KG-MVD')
        .where('national_ref', 'in', refs)
        .execute();
      expect(stored).toHaveLength(1200);
    }
  });

  it('each batch that commits carries its own audit entry, so a load cut short leaves nothing unaudited', async () => {
    const batchActor: Actor = { kind: 'system', id: 'batch-test', name: 'b', participant: 'UZ-MVD', role: 'supervisor' };
    const lines = Array.from({ length: 250 }, () => JSON.stringify(stolenVehicle()));
    const report = await importRecords({ db: t.db, actor: batchActor, purpose: 'test' }, lines, validators, { atomic: false, batchSize: 100 });
    expect(report.created).toBe(250);
    const entries = await t.db.selectFrom('audit_log').selectAll().where('actor_id', '=', 'batch-test').orderBy('seq').execute();
    const batches = entries.filter((e) => (e.detail as { batch?: unknown }).batch);
    expect(batches.map((e) => e.result_count)).toEqual([100, 100, 50]);
    expect(entries.at(-1)).toMatchObject({ action: 'record.import', result_count: 250 });
  });

  it('a line for a cancelled record is refused, as the API refuses to edit it', async () => {
    const headers = await t.as('UZ-MVD', 'operator');
    const vehicle = stolenVehicle();
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: vehicle })).json();
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${created.id}/cancel`,
      headers,
      payload: { version: 1, reason: 'найден' },
    });
    expect(cancel.statusCode).toBe(200);
    const changed = { ...vehicle, vehicle: { ...vehicle.vehicle!, colour: 'синий' } };
    const report = await importRecords(ctx(), [JSON.stringify(changed)], validators, { atomic: false });
    expect(report).toMatchObject({ updated: 0, rejected: [{ line: 1, code: 'version_conflict', issues: [{ code: 'record_cancelled' }] }] });
    const row = await t.db.selectFrom('records').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'cancelled', version: 2 });
  });

  it('a line stating another status than the bank has is refused, not silently ignored', async () => {
    const vehicle = stolenVehicle();
    const located = await importRecords(ctx(), [JSON.stringify({ ...vehicle, status: 'located' })], validators, { atomic: false });
    expect(located).toMatchObject({ created: 0, rejected: [{ issues: [{ path: '/status', code: 'status_not_importable' }] }] });
    const active = await importRecords(ctx(), [JSON.stringify({ ...vehicle, status: 'active' })], validators, { atomic: false });
    expect(active).toMatchObject({ created: 1, rejectedTotal: 0 });
    const odd = await importRecords(ctx(), [JSON.stringify({ ...vehicle, status: 'lost' })], validators, { atomic: false });
    expect(odd.rejected[0]!.issues[0]).toMatchObject({ path: '/status', code: 'not_allowed_value' });
  });

  it('the bank loading several arrays needs each line to name a known owner', async () => {
    const bank: Actor = { kind: 'system', id: 'bank', name: 'bank', participant: 'BKBOP', role: 'supervisor' };
    const lines = [
      JSON.stringify({ owner: 'AZ-MVD', ...stolenVehicle() }),
      JSON.stringify(stolenVehicle()),
      JSON.stringify({ owner: 'XX-NONE', ...stolenVehicle() }),
    ];
    const report = await importRecords({ db: t.db, actor: bank, purpose: 'test' }, lines, validators, { atomic: false, ownersFromLines: true });
    expect(report.created).toBe(1);
    expect(report.rejected.map((r) => [r.line, r.issues[0]!.path, r.issues[0]!.code])).toEqual([
      [2, '/owner', 'required'],
      [3, '/owner', 'unknown_participant'],
    ]);
    const owner = await t.db
      .selectFrom('records')
      .select('owner')
      .where('national_ref', '=', JSON.parse(lines[0]!).nationalRef)
      .executeTakeFirstOrThrow();
    expect(owner.owner).toBe('AZ-MVD');
  });

  it('a line naming another owner is refused when the importer acts for one participant', async () => {
    const report = await importRecords(ctx(), [JSON.stringify({ owner: 'RU-MVD', ...stolenVehicle() })], validators, { atomic: false });
    expect(report.rejected[0]).toMatchObject({ code: 'forbidden', issues: [{ path: '/owner' }] });
  });

  it('a report lists the first rejected lines and counts them all', async () => {
    const lines = Array.from({ length: 30 }, () => '{bad');
    const report = await importRecords(ctx(), lines, validators, { atomic: false, maxReportedRejects: 10 });
    expect(report.rejected).toHaveLength(10);
    expect(report.rejectedTotal).toBe(30);
  });

  it('an import body of any other type than JSON Lines is refused before it is read', async () => {
    const headers = await t.as('UZ-MVD', 'operator');
    for (const type of ['text/plain', 'application/json']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records/import',
        headers: { ...headers, 'content-type': type },
        payload: JSON.stringify(JSON.stringify(stolenVehicle())),
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('the server keeps answering while it reads a large body of bad lines', async () => {
    const headers = { ...(await t.as('UZ-MVD', 'operator')), 'content-type': 'application/x-ndjson' };
    const bad = JSON.stringify({ ...stolenVehicle(), category: 'boat' });
    const body = Array.from({ length: 40_000 }, () => bad).join('\n');
    let importDone = false;
    const importing = t.app.inject({ method: 'POST', url: '/api/v1/records/import', headers, payload: body }).then((r) => {
      importDone = true;
      return r;
    });
    // Let the import start reading, then ask for /health: it must answer before the import ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(importDone, 'the import still runs when /health answers').toBe(false);
    const report = (await importing).json();
    expect(report).toMatchObject({ lines: 40_000, rejectedTotal: 40_000 });
    expect(report.rejected).toHaveLength(1000);
  });

  it('links to records the reader may not see are not shown to them', async () => {
    const owner = await t.as('TJ-MVD', 'operator');
    const hidden = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: owner,
        payload: wantedPerson({ distribution: { kind: 'participants', participants: ['KZ-MVD'] } }),
      })
    ).json();
    const shared = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: owner, payload: wantedPerson() })).json();
    const linking = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: owner,
        payload: wantedPerson({
          links: [
            { recordId: hidden.id, relation: 'same_subject' },
            { recordId: shared.id, relation: 'same_subject' },
          ],
        }),
      })
    ).json();
    expect(linking.links).toHaveLength(2);
    const reader = await t.as('AM-POLICE', 'supervisor');
    const read = (await t.app.inject({ method: 'GET', url: `/api/v1/records/${linking.id}`, headers: reader })).json();
    expect(read.links.map((l: { recordId: string }) => l.recordId)).toEqual([shared.id]);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/v1/records?nationalRef=${linking.nationalRef}`, headers: reader })).json();
    expect(listed.items[0].links).toHaveLength(1);
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/records/export?owner=TJ-MVD', headers: reader });
    const line = exported.body.split('\n').find((l) => l.includes(linking.id));
    expect(JSON.parse(line!).links).toHaveLength(1);
    const ownView = (await t.app.inject({ method: 'GET', url: `/api/v1/records/${linking.id}`, headers: owner })).json();
    expect(ownView.links).toHaveLength(2);
  });

  it('an export the client stops half-way is audited with what was sent', async () => {
    const exporter: Actor = { kind: 'system', id: 'export-test', name: 'e', participant: 'AZ-MVD', role: 'supervisor' };
    const lines = Array.from({ length: 1600 }, () => JSON.stringify(stolenVehicle()));
    await importRecords({ db: t.db, actor: exporter, purpose: 'test' }, lines, validators, { atomic: false });
    // The HTTP route streams this generator; a client that hangs up makes the stream return it.
    const records = exportRecords({ db: t.db, actor: exporter, purpose: 'test' }, { owner: 'AZ-MVD' });
    let sent = 0;
    for await (const _record of records) if (++sent === 1500) break;
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'record.export')
      .where('actor_id', '=', 'export-test')
      .executeTakeFirstOrThrow();
    expect(entry.result_count).toBe(1500);
  });
});
