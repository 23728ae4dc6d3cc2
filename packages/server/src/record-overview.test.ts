/** A role's home page: counts of what the caller may see, and its own records due for review. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordView } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('record overview on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it("counts by category, owner and status what the caller may see, and the caller's own records past review", async () => {
    const ru = await t.as('RU-MVD', 'operator');
    const kz = await t.as('KZ-MVD', 'operator');
    const post = async (headers: Record<string, string>, payload: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload })).json() as RecordView;
    await post(ru, wantedPerson());
    await post(ru, wantedPerson({ reviewBy: '2025-01-31' }));
    await post(ru, stolenVehicle());
    await post(kz, stolenVehicle());
    await post(kz, stolenVehicle({ distribution: { kind: 'participants', participants: ['BY-MVD'] } }));

    const response = await t.app.inject({ method: 'GET', url: '/api/v1/records/overview', headers: ru });
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json();
    expect(overview.counts).toEqual([
      { category: 'vehicle', owner: 'KZ-MVD', status: 'active', count: 1 },
      { category: 'vehicle', owner: 'RU-MVD', status: 'active', count: 1 },
      { category: 'wanted_person', owner: 'RU-MVD', status: 'active', count: 2 },
    ]);
    expect(overview.reviewDue).toBe(1);

    const due = await t.app.inject({ method: 'GET', url: '/api/v1/records?reviewDue=true&owner=RU-MVD', headers: ru });
    expect((due.json().items as RecordView[]).map((r) => r.reviewBy)).toEqual(['2025-01-31']);
  });
});
