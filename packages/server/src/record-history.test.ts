/** A record's history: every version as written, who wrote it, and nothing a reader may not see. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDifferences, type RecordHistory, type RecordView } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('record history on %s', (dialect) => {
  let t: TestApp;
  let ru: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ru = await t.as('RU-MVD', 'operator');
  });
  afterAll(async () => t?.close());

  const create = async (headers: Record<string, string>, payload: object): Promise<RecordView> => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const editable = ({
    id: _i,
    version: _v,
    category: _c,
    nationalRef: _n,
    owner: _o,
    status: _s,
    createdAt: _a,
    updatedAt: _u,
    attachments: _t,
    ...rest
  }: RecordView) => rest;
  const history = (id: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1/records/${id}/history`, headers });

  it('lists every version newest first, with its status, who wrote it and what changed', async () => {
    const created = await create(ru, wantedPerson());
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${created.id}`,
      headers: ru,
      payload: { ...editable(created), version: 1, remarks: 'Замечен в Твери' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${created.id}/cancel`,
      headers: ru,
      payload: { version: 2, reason: 'Задержан' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    const response = await history(created.id, ru);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as RecordHistory;
    expect(items.map((v) => [v.version, v.status])).toEqual([
      [3, 'cancelled'],
      [2, 'active'],
      [1, 'active'],
    ]);
    expect(items[0]!.cancelReason).toBe('Задержан');
    expect(items.every((v) => v.changedBy.participant === 'RU-MVD' && v.changedBy.name === 'ru-mvd.operator')).toBe(true);
    expect(recordDifferences(items[2]!.content, items[1]!.content)).toEqual([{ path: '/remarks', after: 'Замечен в Твери' }]);
    expect(Date.parse(items[0]!.changedAt)).toBeGreaterThanOrEqual(Date.parse(items[2]!.changedAt));
  });

  it('keeps the versions an import writes', async () => {
    const line = wantedPerson();
    const body = `${JSON.stringify(line)}\n${JSON.stringify({ ...line, remarks: 'вторая загрузка' })}\n`;
    for (const payload of [body.split('\n')[0]!, body.split('\n')[1]!]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records/import',
        headers: { ...ru, 'content-type': 'application/x-ndjson' },
        payload: `${payload}\n`,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/records?nationalRef=${encodeURIComponent(line.nationalRef)}`, headers: ru });
    const [record] = listed.json().items as RecordView[];
    const { items } = (await history(record!.id, ru)).json() as RecordHistory;
    expect(items.map((v) => v.version)).toEqual([2, 1]);
    expect(items[0]!.content.remarks).toBe('вторая загрузка');
  });

  it("shows another state's reader the owning agency, not the officer, and a hidden record's history to no one else", async () => {
    const shared = await create(ru, wantedPerson());
    const kz = await t.as('KZ-MVD', 'operator');
    const read = await history(shared.id, kz);
    expect(read.statusCode).toBe(200);
    expect((read.json() as RecordHistory).items[0]!.changedBy).toEqual({ participant: 'RU-MVD' });

    const hidden = await create(ru, wantedPerson({ distribution: { kind: 'participants', participants: ['BY-MVD'] } }));
    const refused = await history(hidden.id, kz);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses to rewrite or remove a version, even from inside the database', async () => {
    const created = await create(ru, wantedPerson());
    await expect(t.db.updateTable('record_versions').set({ status: 'cancelled' }).where('record_id', '=', created.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('record_versions').where('record_id', '=', created.id).execute()).rejects.toThrow(/append-only/);
    expect((await history(created.id, ru)).json().items).toHaveLength(1);
  });

  it('audits each reading of a history', async () => {
    const created = await create(ru, wantedPerson());
    await history(created.id, ru);
    const entry = await t.db
      .selectFrom('audit_log')
      .select(['action', 'resource_id', 'result_count', 'outcome'])
      .where('action', '=', 'record.history')
      .where('resource_id', '=', created.id)
      .executeTakeFirst();
    expect(entry).toMatchObject({ outcome: 'success', result_count: 1 });
  });
});
