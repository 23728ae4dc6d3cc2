import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('requests a browser could forge, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('a record sent as text/plain (what a cross-site form can send) is refused with 415, not parsed', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: { ...(await t.as('RU-MVD', 'operator')), 'content-type': 'text/plain' },
      payload: JSON.stringify(wantedPerson()),
    });
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });
});
