/** A record's owner marks its subject located, its search expired, or the record active again. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordHistory, RecordView } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('record status on %s', (dialect) => {
  let t: TestApp;
  let ru: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ru = await t.as('RU-MVD', 'operator');
  });
  afterAll(async () => t?.close());

  const create = async (): Promise<RecordView> => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload: wantedPerson() });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const move = (id: string, payload: object, headers = ru) => t.app.inject({ method: 'POST', url: `/api/v1/records/${id}/status`, headers, payload });

  it('marks a wanted person located with where and when, then active again, each step in the history', async () => {
    const record = await create();
    const located = await move(record.id, { version: 1, status: 'located', note: 'Задержан 12.05.2025 в г. Душанбе' });
    expect(located.statusCode, located.body).toBe(200);
    expect(located.json()).toMatchObject({ status: 'located', version: 2, statusNote: 'Задержан 12.05.2025 в г. Душанбе' });
    const reopened = await move(record.id, { version: 2, status: 'active', note: 'Задержан другой человек' });
    expect(reopened.json()).toMatchObject({ status: 'active', version: 3, statusNote: 'Задержан другой человек' });
    const history = (await t.app.inject({ method: 'GET', url: `/api/v1/records/${record.id}/history`, headers: ru })).json() as RecordHistory;
    expect(history.items.map((v) => [v.status, v.statusNote ?? null])).toEqual([
      ['active', 'Задержан другой человек'],
      ['located', 'Задержан 12.05.2025 в г. Душанбе'],
      ['active', null],
    ]);
  });

  it('refuses a move the status does not allow, naming what is allowed, and changes nothing', async () => {
    const record = await create();
    const same = await move(record.id, { version: 1, status: 'active', note: 'ещё раз' });
    expect(same.statusCode).toBe(409);
    expect(same.headers['content-type']).toContain('application/problem+json');
    expect(same.json()).toMatchObject({ code: 'status_not_allowed', errors: [{ path: '/status', code: 'not_allowed_value' }] });
    expect(same.json().errors[0].message).toContain('located, expired');

    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${record.id}/cancel`,
      headers: ru,
      payload: { version: 1, reason: 'ошибка' },
    });
    expect(cancel.statusCode).toBe(200);
    const afterCancel = await move(record.id, { version: 2, status: 'located', note: 'найден' });
    expect(afterCancel.statusCode).toBe(409);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/records/${record.id}`, headers: ru });
    expect(read.json()).toMatchObject({ status: 'cancelled', version: 2 });
  });

  it('refuses a stale version, and a note that is missing', async () => {
    const record = await create();
    expect((await move(record.id, { version: 7, status: 'expired', note: 'срок истёк' })).statusCode).toBe(409);
    const noNote = await move(record.id, { version: 1, status: 'expired' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors).toContainEqual(expect.objectContaining({ path: '/note' }));
  });

  it('exports a located record with its note, and the export imports back unchanged', async () => {
    const record = await create();
    expect((await move(record.id, { version: 1, status: 'located', note: 'Задержан' })).statusCode).toBe(200);
    const supervisor = await t.as('RU-MVD', 'supervisor');
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/records/export?status=located', headers: supervisor });
    const line = exported.body.split('\n').find((l) => l.includes(record.id))!;
    expect(JSON.parse(line)).toMatchObject({ status: 'located', statusNote: 'Задержан' });
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records/import',
      headers: { ...ru, 'content-type': 'application/x-ndjson' },
      payload: `${line}\n`,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ unchanged: 1, rejectedTotal: 0 });
  });

  it('lets only the owner move it', async () => {
    const record = await create();
    const other = await move(record.id, { version: 1, status: 'located', note: 'найден' }, await t.as('KZ-MVD', 'operator'));
    expect(other.statusCode).toBe(403);
  });
});
