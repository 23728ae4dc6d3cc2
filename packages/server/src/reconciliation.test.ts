import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, RecordInput } from '@svod/core';
import { reportHtml } from './reconcile/report.ts';
import { uploadPath } from './reconcile/uploads.ts';
import { allReportItems, applyReconciliation, createReconciliation, reconcileFile, resumeReconciliations } from './store/reconciliations.ts';
import type { StoreContext } from './store/context.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
const dir = mkdtempSync(join(tmpdir(), 'svod-reconcile-'));
let files = 0;

/** A national array as a state writes it: semicolons, Russian headers, Windows-1251. */
function csv1251(lines: string[]): string {
  const path = join(dir, `array-${++files}.csv`);
  writeFileSync(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1251'));
  return path;
}

const HEADER = 'Рег. номер;Госномер;Марка;Модель;Цвет;VIN';

/** A record's editable content, as a PUT takes it. */
const content = ({ category: _category, nationalRef: _ref, ...rest }: RecordInput) => rest;

describe.each(DIALECTS)('reconciling a national array with the bank on %s', (dialect) => {
  let t: TestApp;
  let prefix: string;
  const ref = (name: string) => `${prefix}-${name}`;
  /** Each test reconciles another state's array: what is stale is counted over the state's whole bank. */
  const states = ['KZ-MVD', 'UZ-MVD', 'KG-MVD', 'TJ-MVD', 'BY-MVD', 'AZ-MVD', 'AM-POLICE', 'MD-MAI', 'KZ-GP', 'RU-GP'];
  let participant = '';
  let kz: StoreContext;

  /** A stolen car of the state whose array is reconciled. */
  const car = (ref: string, plate: string, make: string, model: string, colour: string, vin?: string): RecordInput => ({
    category: 'vehicle',
    nationalRef: ref,
    legalBasis: 'Заявление владельца',
    actionOnHit: 'seize',
    distribution: { kind: 'all' },
    vehicle: {
      ...(vin ? { vin } : {}),
      plate: { number: plate, state: participant.slice(0, 2) },
      make,
      model,
      colour,
      theft: { date: '2025-06-01', place: { country: participant.slice(0, 2), locality: 'Алматы' } },
    },
  });

  beforeAll(async () => {
    t = await createTestApp(dialect, { reconcileLimitBytes: 64 * 1024, uploadDir: join(dir, 'uploads') });
  });
  beforeEach(() => {
    participant = states.shift()!;
    const actor: Actor = { kind: 'user', id: `${participant}-supervisor`, name: 'Ахметов Е. Б.', participant, role: 'supervisor' };
    kz = { db: t.db, actor, purpose: 'reconciliation' };
  });
  afterAll(async () => t?.close());

  const create = async (participant: string, record: RecordInput) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: await t.as(participant, 'operator'), payload: record });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; version: number };
  };

  /** Kazakhstan's bank: a car the array repeats, one whose colour it corrects, one it no longer holds; Russia's record of a VIN. */
  const bankOfThree = async () => {
    prefix = `KZ-${Math.random().toString(36).slice(2, 8)}`;
    const same = await create(participant, car(ref('A'), '001 AAA 02', 'ВАЗ', '2107', 'белый'));
    const recoloured = await create(participant, car(ref('B'), '002 BBB 02', 'Toyota', 'Camry', 'серый'));
    const gone = await create(participant, car(ref('C'), '003 CCC 02', 'Audi', '80', 'синий'));
    const russian = await create('RU-MVD', {
      ...car(`RU-${prefix}`, 'А123ВС77', 'ВАЗ', '21099', 'белый', 'XTA210990Y2765432'),
      vehicle: { ...car('x', 'А123ВС77', 'ВАЗ', '21099', 'белый', 'XTA210990Y2765432').vehicle!, plate: { number: 'А123ВС77', state: 'RU' } },
    });
    const file = csv1251([
      HEADER,
      `${ref('A')};001 AAA 02;ВАЗ;2107;белый;`,
      `${ref('B')};002 BBB 02;Toyota;Camry;чёрный;`,
      `${ref('D')};004 DDD 02;ВАЗ;21099;белый;XTA210990Y2765432`,
      `${ref('D')};004 DDD 02;ВАЗ;21099;белый;XTA210990Y2765432`,
    ]);
    return { same, recoloured, gone, russian, file };
  };

  const reconcile = (path: string) => reconcileFile(kz, { participant, category: 'vehicle', path, fileName: 'массив.csv' });

  it('sorts a Windows-1251 array with Russian headers into new, changed, unchanged, stale and duplicates, and finds the Russian record of its VIN', async () => {
    const { recoloured, gone, russian, file } = await bankOfThree();
    const view = await reconcile(file);
    expect(view).toMatchObject({ status: 'compared', format: 'csv', encoding: 'windows-1251' });
    expect(view.summary).toMatchObject({ rows: 4, new: 1, changed: 1, unchanged: 1, stale: 1, duplicates: 1, conflicts: 0, invalid: 0 });
    expect(view.summary!.crossMatches).toBeGreaterThanOrEqual(1);
    const items = await allReportItems(t.db, view.id);
    expect(items.get('changed')![0]).toMatchObject({ recordId: recoloured.id, row: 3 });
    expect(items.get('changed')![0]!.payload.differences).toEqual([{ path: '/vehicle/colour', before: 'серый', after: 'чёрный' }]);
    expect(items.get('stale')!.map((i) => i.recordId)).toEqual([gone.id]);
    expect(items.get('crossMatches')!.map((i) => i.recordId)).toContain(russian.id);
    // Nothing in the bank changed yet.
    const colour = await t.db.selectFrom('records').select('content').where('id', '=', recoloured.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(colour.content)).toContain('серый');

    const html = reportHtml(view, items, 'ru');
    expect(html).toContain('Изменённые');
    expect(html).toContain('<td class="differs">чёрный</td>');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('applies the chosen groups as one audited change; the same file again finds everything unchanged, and a second apply is refused', async () => {
    const { recoloured, gone, file } = await bankOfThree();
    const view = await reconcile(file);
    const applied = await applyReconciliation(kz, view.id, ['new', 'changed', 'stale']);
    expect(applied).toMatchObject({ status: 'applied', applied: { created: 1, updated: 1, expired: 1, skipped: 0 } });
    const rows = await t.db.selectFrom('records').select(['id', 'status', 'content']).where('id', 'in', [recoloured.id, gone.id]).execute();
    expect(rows.find((r) => r.id === gone.id)!.status).toBe('expired');
    expect(JSON.stringify(rows.find((r) => r.id === recoloured.id)!.content)).toContain('чёрный');
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'reconciliation.apply')
      .where('resource_id', '=', view.id)
      .execute();
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.detail)).toContain(recoloured.id);

    const again = await reconcile(file);
    expect(again.summary).toMatchObject({ new: 0, changed: 0, unchanged: 3, stale: 0 });
    await expect(applyReconciliation(kz, view.id, ['new'])).rejects.toMatchObject({ code: 'version_conflict' });
  });

  it('refuses to apply, writing nothing, when a record changed in the bank after the comparison', async () => {
    const { recoloured, file } = await bankOfThree();
    const view = await reconcile(file);
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${recoloured.id}`,
      headers: await t.as(participant, 'operator'),
      payload: { ...content(car(ref('B'), '002 BBB 02', 'Toyota', 'Camry', 'серебристый')), version: recoloured.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await expect(applyReconciliation(kz, view.id, ['new', 'changed'])).rejects.toMatchObject({ code: 'version_conflict' });
    const created = await t.db.selectFrom('records').select('id').where('national_ref', '=', ref('D')).execute();
    expect(created).toEqual([]);
  });

  it('a file it cannot read fails with the row at fault, and a mapping without a needed column names it', async () => {
    const ragged = await reconcile(csv1251([HEADER, `${prefix}-X;005 EEE 02;ВАЗ;2107;белый;;лишнее`]));
    expect(ragged).toMatchObject({ status: 'failed', error: { code: 'ragged_row', row: 2 } });
    const noRef = await reconcile(csv1251(['Госномер;Марка', '006 FFF 02;ВАЗ']));
    expect(noRef.status).toBe('failed');
    expect(noRef.error!.message).toContain('required_column');
  });

  it('a row that makes no valid record is reported with its column, the rest are compared, and its record in the bank is not taken for stale', async () => {
    await create(participant, car(`${prefix}-Y`, '009 JJJ 02', 'ВАЗ', '2107', 'белый'));
    const view = await reconcile(csv1251([HEADER, `${prefix}-Y;;;;;`, `${prefix}-Z;007 GGG 02;ВАЗ;2107;белый;`]));
    expect(view.summary).toMatchObject({ invalid: 1, new: 1, stale: 0 });
    const invalid = (await allReportItems(t.db, view.id)).get('invalid')!;
    expect(invalid[0]!.row).toBe(2);
  });

  it('over HTTP: upload offers the mapping, the run reports progress to done, the report downloads as HTML and as CSV with formulas inert, and the delta applies once', async () => {
    const { recoloured } = await bankOfThree();
    const headers = await t.as(participant, 'supervisor');
    const body = iconv.encode(
      [
        HEADER,
        `${ref('A')};001 AAA 02;ВАЗ;2107;белый;`,
        `${ref('B')};002 BBB 02;Toyota;Camry;=HYPERLINK("http://x");`,
        `${ref('E')};008 HHH 02;ВАЗ;2106;белый;`,
      ].join('\r\n'),
      'win1251',
    );
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reconciliations?category=vehicle&fileName=${encodeURIComponent('угоны.csv')}`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: body,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const uploaded = upload.json();
    expect(uploaded).toMatchObject({ status: 'uploaded', format: 'csv', encoding: 'windows-1251', headers: HEADER.split(';') });
    expect(uploaded.mapping).toMatchObject({ 'Рег. номер': 'nationalRef', Госномер: 'plate', Марка: 'make', Цвет: 'colour', VIN: 'vin' });

    const run = await t.app.inject({ method: 'POST', url: `/api/v1/reconciliations/${uploaded.id}/run`, headers, payload: {} });
    expect(run.statusCode, run.body).toBe(202);
    let view = run.json();
    expect(view.status).toBe('reading');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/reconciliations/${uploaded.id}/run`, headers, payload: {} });
    expect(again.statusCode, 'a second run while the first reads').toBe(409);
    for (let i = 0; i < 600 && view.status === 'reading'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      view = (await t.app.inject({ method: 'GET', url: `/api/v1/reconciliations/${uploaded.id}`, headers })).json();
    }
    expect(view).toMatchObject({ status: 'compared', summary: { new: 1, changed: 1, unchanged: 1 } });

    const html = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reconciliations/${uploaded.id}/report?format=html`,
      headers: { ...headers, 'accept-language': 'en' },
    });
    expect(html.headers['content-disposition']).toMatch(/^attachment; filename="reconciliation-/);
    expect(html.body).toContain('Changed');
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/reconciliations/${uploaded.id}/report?format=csv&group=changed`, headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(recoloured.id);
    expect(csv.body).not.toMatch(/[,"]=HYPERLINK/);

    const others = await t.app.inject({ method: 'GET', url: `/api/v1/reconciliations/${uploaded.id}`, headers: await t.as('RU-MVD', 'supervisor') });
    expect(others.statusCode).toBe(404);
    const analyst = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reconciliations/${uploaded.id}/apply`,
      headers: await t.as(participant, 'analyst'),
      payload: { groups: ['new'] },
    });
    expect(analyst.statusCode).toBe(403);

    const apply = () =>
      t.app.inject({ method: 'POST', url: `/api/v1/reconciliations/${uploaded.id}/apply`, headers, payload: { groups: ['new', 'changed'] } });
    const applied = await apply();
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().applied).toMatchObject({ created: 1, updated: 1 });
    expect((await apply()).statusCode).toBe(409);
  });

  it('over HTTP: a file over the limit is refused with 413 and a file of another type with 415, and nothing is kept', async () => {
    const headers = await t.as(participant, 'supervisor');
    const keptBefore = readdirSync(join(dir, 'uploads'));
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reconciliations?category=vehicle&fileName=big.csv',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: Buffer.alloc(65 * 1024, 'a'),
    });
    expect(big.statusCode).toBe(413);
    const html = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reconciliations?category=vehicle&fileName=x.html',
      headers: { ...headers, 'content-type': 'text/html' },
      payload: '<html></html>',
    });
    expect(html.statusCode).toBe(415);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/reconciliations', headers });
    expect(listed.json().items).toEqual([]);
    expect(readdirSync(join(dir, 'uploads'))).toEqual(keptBefore);
  });

  it("sets one state's missing persons against another's unidentified bodies, by description, and only that state's", async () => {
    prefix = `M-${Math.random().toString(36).slice(2, 8)}`;
    const body = (owner: string, heightCm: number) =>
      create(owner, {
        category: 'unidentified_corpse',
        nationalRef: `${owner}-${prefix}-${heightCm}`,
        legalBasis: 'Материал проверки',
        actionOnHit: 'identify',
        distribution: { kind: 'all' },
        person: { sex: 'male', description: { heightCm } },
        unidentifiedCorpse: {
          foundOn: '2025-03-21',
          foundPlace: { country: 'RU', region: 'Омская область', locality: 'Омск' },
          estimatedAge: { min: 40, max: 50 },
        },
      });
    const russian = await body('RU-MVD', 181);
    await body('BY-MVD', 181);
    const file = csv1251([
      'Рег. номер;Фамилия;Имя;Пол;Дата рождения;Рост;Дата исчезновения;Место исчезновения',
      `${ref('1')};Бекмуратов;Нурлан;М;10.06.1981;181;01.03.2025;Омск`,
    ]);
    const view = await reconcileFile(kz, { participant, category: 'missing_person', path: file, fileName: 'пропавшие.csv', against: 'RU-MVD' });
    expect(view.status, JSON.stringify(view.error)).toBe('compared');
    const matches = (await allReportItems(t.db, view.id)).get('crossMatches')!;
    expect(matches.map((m) => m.recordId)).toEqual([russian.id]);
    expect(matches[0]!.payload).toMatchObject({ kind: 'nameless', owner: 'RU-MVD', row: 2 });

    const unknown = await reconcileFile(kz, { participant, category: 'missing_person', path: file, fileName: 'x.csv', against: 'XX-NONE' });
    expect(unknown).toMatchObject({ status: 'failed', error: { code: 'unknown_participant' } });
  });

  it('a run a killed server left is run again at start from its kept file, and one whose file is gone is marked interrupted', async () => {
    prefix = `R-${Math.random().toString(36).slice(2, 8)}`;
    const uploads = join(dir, `resumed-${dialect}`);
    mkdirSync(uploads, { recursive: true });
    const left = async (withFile: boolean) => {
      const id = randomUUID();
      const path = uploadPath(uploads, id);
      writeFileSync(path, iconv.encode(`${HEADER}\r\n${ref('1')};010 KKK 02;ВАЗ;2107;белый;\r\n`, 'win1251'));
      await createReconciliation(kz, { id, participant, category: 'vehicle', path, fileName: 'x.csv' });
      // As a killed server left it: reading, the file kept or lost.
      await t.db.updateTable('reconciliations').set({ status: 'reading' }).where('id', '=', id).execute();
      if (!withFile) rmSync(path);
      return id;
    };
    const kept = await left(true);
    const lost = await left(false);
    const errors: unknown[] = [];
    expect(await resumeReconciliations(t.db, uploads, (error) => errors.push(error))).toBe(2);
    const statusOf = async (id: string) =>
      await t.db.selectFrom('reconciliations').select(['status', 'error']).where('id', '=', id).executeTakeFirstOrThrow();
    for (let i = 0; i < 600 && (await statusOf(kept)).status === 'reading'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await statusOf(kept)).status).toBe('compared');
    expect(await statusOf(lost)).toMatchObject({ status: 'failed' });
    expect(JSON.stringify((await statusOf(lost)).error)).toContain('interrupted');
    expect(errors).toEqual([]);
  });
});
