import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe.each(DIALECTS)('security headers and malformed URLs, on %s', (dialect) => {
  let t: TestApp;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'svod-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Свод</title><script type="module" src="/assets/app.js"></script>');
    t = await createTestApp(dialect, { webRoot });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const directives = (header: unknown): Map<string, string> =>
    new Map(
      String(header)
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]),
    );

  it('the console page may run only its own scripts and styles and cannot be framed', async () => {
    for (const url of ['/', '/records/some-deep-link']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      const csp = directives(page.headers['content-security-policy']);
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('form-action')).toBe("'self'");
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('API answers carry a policy that allows nothing to run', async () => {
    for (const url of ['/api/v1/health', '/api/v1/records']) {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = directives(response.headers['content-security-policy']);
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
    }
  });

  it('the interactive API documentation gets a policy that lets it run its own scripts', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(docs.statusCode).toBe(200);
    const csp = directives(docs.headers['content-security-policy']);
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });

  it('over plain HTTP no Strict-Transport-Security is sent', async () => {
    for (const url of ['/', '/api/v1/health']) {
      expect((await t.app.inject({ method: 'GET', url })).headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('a malformed URL answers 400 problem+json like every other error', async () => {
    for (const url of ['/api/v1/records/%E0%A4%A', '/api/v1/rec%ZZords', '/records/%E0']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 400, code: 'malformed_request', title: 'Malformed request' });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(directives(response.headers['content-security-policy']).get('frame-ancestors')).toBe("'none'");
    }
  });
});

describe.each(DIALECTS)('behind HTTPS (secure cookies on), on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { secureCookies: true });
  });
  afterAll(async () => t?.close());

  it('browsers are told to use HTTPS only, for a year, subdomains included', async () => {
    for (const url of ['/api/v1/health', '/api/v1/records/%E0%A4%A']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });
});

describe.each(DIALECTS)('writes with the session cookie from another origin, on %s', (dialect) => {
  let t: TestApp;
  let cookie: { svod_session: string };
  const host = '127.0.0.1:8080';
  beforeAll(async () => {
    t = await createTestApp(dialect, { allowedOrigins: ['https://svod.example.org'] });
    cookie = { svod_session: await t.tokenFor('RU-MVD', 'operator') };
  });
  afterAll(async () => t?.close());

  const create = (headers: Record<string, string>, cookies: Record<string, string> = cookie) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: { host, 'accept-language': 'en', ...headers },
      cookies,
      payload: wantedPerson(),
    });
  const auditSize = async () =>
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('a page on another port of the same host cannot write with the cookie (Sec-Fetch-Site: same-site): 403, nothing written or audited', async () => {
    const before = await auditSize();
    const response = await create({ 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:9999' });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'cross_site_request', title: 'Request from another site refused' });
    expect(Number(await auditSize())).toBe(Number(before));
  });

  it('a browser that sends only Origin is judged by it: a foreign origin is refused', async () => {
    const response = await create({ origin: 'http://127.0.0.1:9999' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('cross_site_request');
  });

  it('a cookie write with neither Sec-Fetch-Site nor Origin is refused: scripts use a bearer token', async () => {
    expect((await create({})).statusCode).toBe(403);
  });

  it('the console on its own origin writes as before', async () => {
    expect((await create({ 'sec-fetch-site': 'same-origin', origin: `http://${host}` })).statusCode).toBe(201);
    expect((await create({ origin: `http://${host}` })).statusCode).toBe(201);
  });

  it('an origin on the allow-list (the public address behind a proxy) is accepted', async () => {
    expect((await create({ origin: 'https://svod.example.org' })).statusCode).toBe(201);
  });

  it('a bearer token or an API key is no ambient credential: a foreign Origin does not matter', async () => {
    const bearer = await create({ ...(await t.as('RU-MVD', 'operator')), origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }, {});
    expect(bearer.statusCode).toBe(201);
  });

  it('reads with the cookie are not affected', async () => {
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { host, 'sec-fetch-site': 'same-site' }, cookies: cookie });
    expect(read.statusCode).toBe(200);
  });

  it('logging someone out from another site is refused too', async () => {
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { host, origin: 'http://127.0.0.1:9999' },
      cookies: cookie,
    });
    expect(out.statusCode).toBe(403);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: cookie });
    expect(me.statusCode).toBe(200);
  });
});
