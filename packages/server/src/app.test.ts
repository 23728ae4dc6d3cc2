import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('records API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('creates a record and reads it back', async () => {
    const headers = await t.as('RU-MVD', 'operator');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: wantedPerson() });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers });
    expect(read.statusCode).toBe(200);
    expect(read.json().person.names[0].surname).toBe('Рахмонов');
    expect(read.json().owner).toBe('RU-MVD');
  });
});
