/** The console's search: a name in any script or an identifier, ranked as checks rank them, whatever the status. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordView } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('record search on %s', (dialect) => {
  let t: TestApp;
  let ru: Record<string, string>;
  let cancelled: RecordView;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ru = await t.as('RU-MVD', 'operator');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload: wantedPerson() });
    cancelled = created.json();
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${cancelled.id}/cancel`,
      headers: ru,
      payload: { version: 1, reason: 'задержан' },
    });
    expect(cancel.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: ru, payload });

  it('finds a cancelled record by its name in another script, where a field check does not', async () => {
    const query = { person: { surname: 'Rahmonov Farruh', birthDate: '1989' } };
    const search = await post('/api/v1/records/search', query);
    expect(search.statusCode, search.body).toBe(200);
    const found = search.json().candidates as { record: RecordView; probability: number }[];
    expect(found[0]?.record.id).toBe(cancelled.id);
    expect(found[0]?.record.status).toBe('cancelled');
    const check = await post('/api/v1/checks', query);
    expect((check.json().candidates as { record: RecordView }[]).map((c) => c.record.id)).not.toContain(cancelled.id);
  });

  it('finds a vehicle by a plate typed in Latin letters, and audits it as a search', async () => {
    const car = (await post('/api/v1/records', stolenVehicle())).json() as RecordView;
    expect(car.vehicle?.plate?.number).toBe('А123ВС77');
    const search = await post('/api/v1/records/search', { vehicle: { plate: { number: 'A123BC77', state: 'RU' } } });
    expect((search.json().candidates as { record: RecordView }[])[0]?.record.id).toBe(car.id);
    const audited = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'record.search').execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it("never finds another state's record that was not shared with the searcher", async () => {
    const hidden = (
      await post('/api/v1/records', wantedPerson({ distribution: { kind: 'participants', participants: ['BY-MVD'] } }))
    ).json() as RecordView;
    const kz = await t.as('KZ-MVD', 'analyst');
    const search = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records/search',
      headers: kz,
      payload: { person: { surname: 'Рахмонов', given: 'Фаррух', birthDate: '1989' } },
    });
    expect(search.statusCode).toBe(200);
    expect((search.json().candidates as { record: RecordView }[]).map((c) => c.record.id)).not.toContain(hidden.id);
  });

  it('says what is missing when there is too little to search on', async () => {
    const response = await post('/api/v1/records/search', { person: { given: 'Фаррух' } });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
