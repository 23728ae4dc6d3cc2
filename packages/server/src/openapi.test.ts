import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_KINDS, ERROR_TITLES, ISSUE_CODES, issueMessage } from '@svod/core';
import { createTestApp, type TestApp } from './test/helpers.ts';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('is OpenAPI 3.1 and lists every API route with its method', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(t.app.apiRoutes.length).toBeGreaterThan(15);
    const missing = t.app.apiRoutes.filter(({ method, url }) => {
      const path = url.replace(/:(\w+)/g, '{$1}');
      return !doc.paths[path]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
  });

  it('documents request bodies from the same schemas that validate them', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const body = doc.paths['/api/v1/records'].post.requestBody.content['application/json'].schema;
    expect(body.properties.category.enum).toContain('unidentified_corpse');
    expect(body.additionalProperties).toBe(false);
  });

  it('serves interactive documentation', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });

  it('every error and issue code has a message in Russian and English', () => {
    for (const code of Object.keys(ERROR_KINDS) as (keyof typeof ERROR_KINDS)[]) {
      expect(ERROR_TITLES[code].ru.length).toBeGreaterThan(0);
      expect(ERROR_TITLES[code].en.length).toBeGreaterThan(0);
    }
    for (const code of ISSUE_CODES) {
      const params = {
        limit: 1,
        type: 'string',
        allowed: 'a',
        format: 'f',
        range: '1..2',
        value: 'v',
        after: 'x',
        before: 'y',
        category: 'c',
        expected: '1',
        reason: 'r',
        when: 'w',
      };
      expect(issueMessage(code, 'ru', params)).not.toMatch(/undefined/);
      expect(issueMessage(code, 'en', params)).not.toMatch(/undefined/);
    }
  });
});
