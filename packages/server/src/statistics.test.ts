import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CooperationStatistics } from '@svod/core';
import { generateActivity } from './seed/activity.ts';
import { refreshStatistics } from './store/statistics.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

type Headers = Record<string, string>;

describe.each(DIALECTS)('the statistics of cooperation, on %s', (dialect) => {
  let t: TestApp;
  let ruOperator: Headers;
  let kzOperator: Headers;
  const today = new Date().toISOString().slice(0, 10);
  const period = `from=${today}&to=${today}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ruOperator = await t.as('RU-MVD', 'operator');
    kzOperator = await t.as('KZ-MVD', 'operator');
  });
  afterAll(async () => t?.close());

  const file = async (headers: Headers, body: object) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; version: number };
  };
  const step = (headers: Headers, id: string, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers, payload: body });
  const statistics = async (headers: Headers, query = period) => {
    await refreshStatistics(t.db);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/statistics?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CooperationStatistics;
  };

  it('counts what happened today from the tables: records, a check and its confirmed hit, a located record, a request sent and answered with its answer time', async () => {
    const wanted = wantedPerson();
    const record = await file(ruOperator, {
      ...wanted,
      person: { ...wanted.person!, documents: [{ type: 'passport', number: 'ST0000001', issuingState: 'TJ' }] },
    });
    await file(kzOperator, stolenVehicle());
    await file(kzOperator, stolenVehicle({ vehicle: { ...stolenVehicle().vehicle!, vin: 'JT2BG22K1Y0512345' } }));

    const checked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checks',
      headers: kzOperator,
      payload: { person: { surname: 'RAKHMONOV', given: 'FARRUKH', document: { number: 'ST0000001', issuingState: 'TJ' } } },
    });
    const hit = checked.json().hit as { id: string };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/hits/${hit.id}/answer`,
          headers: ruOperator,
          payload: { answer: 'confirm', outcome: 'detained' },
        })
      ).statusCode,
    ).toBe(200);
    const located = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${record.id}/status`,
      headers: ruOperator,
      payload: { version: record.version, status: 'located', note: 'задержан в Алматы' },
    });
    expect(located.statusCode, located.body).toBe(200);

    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: kzOperator,
      payload: {
        type: 'person_information',
        recipient: 'RU-MVD',
        legalBasis: { agreement: 'Соглашение 1992' },
        priority: 'routine',
        subject: 'Сведения о лице',
        body: 'Прошу сообщить сведения.',
        form: { subject: { surname: 'Рахмонов', givenName: 'Фаррух' } },
      },
    });
    const id = draft.json().id as string;
    await step(await t.as('KZ-MVD', 'supervisor'), id, { action: 'sign' });
    await step(kzOperator, id, { action: 'send' });
    const ruChief = await t.as('RU-MVD', 'supervisor');
    const chiefId = (await t.db.selectFrom('users').select('id').where('username', '=', 'ru-mvd.supervisor').executeTakeFirstOrThrow()).id;
    await step(ruChief, id, { action: 'assign', assignee: chiefId });
    await step(ruChief, id, { action: 'start' });
    expect((await step(ruChief, id, { action: 'answer', text: 'Сведений нет.' })).statusCode).toBe(200);

    const figures = await statistics(await t.as('BKBOP', 'analyst'));
    const month = today.slice(0, 7);
    expect(figures.recordsAdded).toEqual(
      expect.arrayContaining([
        { owner: 'KZ-MVD', category: 'vehicle', month, count: 2 },
        { owner: 'RU-MVD', category: 'wanted_person', month, count: 1 },
      ]),
    );
    expect(figures.recordsActive).toContainEqual({ owner: 'KZ-MVD', category: 'vehicle', count: 2 });
    expect(figures.recordsActive.find((r) => r.owner === 'RU-MVD')).toBeUndefined();
    expect(figures.outcomes).toEqual([{ owner: 'RU-MVD', category: 'wanted_person', month, count: 1 }]);
    expect(figures.checks).toContainEqual({ participant: 'KZ-MVD', month, count: 1 });
    expect(figures.hits).toEqual([{ owner: 'RU-MVD', requester: 'KZ-MVD', month, count: 1, confirmed: 1 }]);
    expect(figures.requests).toEqual([{ sender: 'KZ-MVD', recipient: 'RU-MVD', month, sent: 1, answered: 1, overdue: 0 }]);
    expect(figures.answerTimes.map((r) => [r.recipient, r.answered])).toEqual([
      [null, 1],
      ['RU-MVD', 1],
    ]);
    expect(figures.answerTimes[0]!.medianHours).toBeGreaterThanOrEqual(0);
  });

  it('an agency sees only the rows it is a party to; a period of other days counts nothing', async () => {
    const kg = await statistics(await t.as('KG-MVD', 'analyst'));
    expect([...kg.recordsAdded, ...kg.hits, ...kg.requests, ...kg.checks]).toEqual([]);
    const kz = await statistics(kzOperator);
    expect(kz.recordsAdded.every((r) => r.owner === 'KZ-MVD')).toBe(true);
    expect(kz.hits).toHaveLength(1);
    const lastYear = await statistics(await t.as('BKBOP', 'analyst'), 'from=2020-01-01&to=2020-12-31');
    expect([...lastYear.recordsAdded, ...lastYear.checks, ...lastYear.hits, ...lastYear.requests]).toEqual([]);
  });

  it('one table downloads as CSV or XLSX; a period that ends before it starts is refused at /query/to', async () => {
    const analyst = await t.as('BKBOP', 'analyst');
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/statistics/export?${period}&table=hits&format=csv`, headers: analyst });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="svod-statistics-hits-/);
    expect(csv.body).toContain('owner,requester,month,count,confirmed');
    expect(csv.body).toContain('RU-MVD,KZ-MVD');
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/statistics/export?${period}&table=requests&format=xlsx`, headers: analyst });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const backwards = await t.app.inject({ method: 'GET', url: '/api/v1/statistics?from=2026-05-01&to=2026-04-01', headers: analyst });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ path: '/query/to', code: 'date_order' });
  });

  it('a generated half-year of cooperation shows month by month, and each generated request reads as a whole request with its history', async () => {
    const demo = await createTestApp(dialect);
    try {
      for (let i = 0; i < 30; i++)
        await demo.app.inject({
          method: 'POST',
          url: '/api/v1/records',
          headers: await demo.as(i % 2 ? 'KZ-MVD' : 'UZ-MVD', 'operator'),
          payload: wantedPerson(),
        });
      const report = await generateActivity(demo.db, { months: 6, perMonth: 40, seed: 3 });
      expect(report.hits).toBeGreaterThan(0);
      await refreshStatistics(demo.db);
      const from = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
      const figures = (
        await demo.app.inject({ method: 'GET', url: `/api/v1/statistics?from=${from}&to=${today}`, headers: await demo.as('BKBOP', 'analyst') })
      ).json() as CooperationStatistics;
      expect(new Set(figures.requests.map((r) => r.month)).size, JSON.stringify(figures).slice(0, 600)).toBeGreaterThanOrEqual(5);
      expect(figures.requests.reduce((sum, r) => sum + r.sent, 0)).toBe(report.requests);
      expect(figures.hits.reduce((sum, r) => sum + r.count, 0)).toBe(report.hits);
      expect(figures.answerTimes[0]).toMatchObject({ recipient: null });
      expect(figures.answerTimes[0]!.medianHours).toBeGreaterThan(24);
      const one = await demo.db
        .selectFrom('requests')
        .select(['id', 'sender'])
        .where('answered_at', 'is not', null)
        .limit(1)
        .executeTakeFirstOrThrow();
      const read = await demo.app.inject({ method: 'GET', url: `/api/v1/requests/${one.id}`, headers: await demo.as(one.sender, 'operator') });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().history.map((h: { action: string }) => h.action)).toEqual([
        'create',
        'sign',
        'send',
        'acknowledge',
        'assign',
        'start',
        'answer',
      ]);
    } finally {
      await demo.close();
    }
  });
});
