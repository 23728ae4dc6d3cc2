import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './store/audit.ts';
import { insertUser } from './store/users.ts';
import { anyText, expectAnswer, mutate, mutations, toBody } from './test/arbitraries.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';
import { DIALECTS, TEST_PASSWORD, TEST_PASSWORD_POLICY, createTestApp, type TestApp } from './test/helpers.ts';

/**
 * Runs per property and dialect: enough to reach the hostile corners (deep nesting, lone
 * surrogates, near-valid identifiers) on most runs, few enough that the whole file stays within
 * about ten seconds a dialect on the two-core build machines.
 */
const RUNS = { create: 150, update: 80, check: 150, login: 100, bytes: 150, query: 150, path: 200 };

const JSON_TYPE = { 'content-type': 'application/json' };

/** The valid records mutated, by name: a counterexample then reads `"wantedPerson"`, not the function's source. */
const FIXTURES = { wantedPerson, stolenVehicle };
const fixtureName = fc.constantFrom<keyof typeof FIXTURES>('wantedPerson', 'stolenVehicle');

/** Percent-encodes text as its UTF-8 bytes, lone surrogates as the 3-byte sequences a careless client sends. */
function percentEncoded(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
  return out;
}

/** Characters that may stand raw in a URL, escapes of any byte, and broken escapes. */
const urlPiece = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."abcXYZ019-._~!$'()*+,;:@"),
    fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`),
    fc.constantFrom('%', '%E0%A4%A', '%00', '%ZZ', '%ED%A0%80', '%C0%AF'),
  ),
  maxLength: 12,
});

const uuidText = fc.uuid().chain((u) => fc.constantFrom(u, u.toUpperCase(), `urn:uuid:${u}`, `{${u}}`, u.replaceAll('-', ''), u.slice(1)));

/** A keyset cursor as a client could forge it: any time text (years far outside a database's range included) and any id. */
const forgedCursor = fc
  .tuple(
    fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('0000-01-01T00:00:00.000Z', '-004714-01-01T00:00:00Z', '2024-02-30T00:00:00Z', '1', 'now'),
      anyText(12),
    ),
    uuidText,
  )
  .map(([at, id]) => Buffer.from(`${at}|${id}`).toString('base64url'));

const queryValue = (known: string[]) =>
  fc.oneof(
    fc.constantFrom(...known),
    urlPiece,
    anyText(12).map(percentEncoded),
    fc.constantFrom('', '0', '-1', '1', '1.5', '1e3', '201', '501', 'true', '99999999999999999999', '9007199254740991', '9007199254740992'),
  );

/** A query string of up to four pairs, keys known or not, values in any encoding, repeated keys allowed. */
const queryString = (keys: string[], values: fc.Arbitrary<string>) =>
  fc
    .array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 4 }, { arbitrary: urlPiece, weight: 1 }), values), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

describe.each(DIALECTS)('the API under arbitrary input, on %s', (dialect) => {
  let t: TestApp;
  let operator: Record<string, string>;
  let admin: Record<string, string>;
  let someRecordId: string;
  let validCursor: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Every token before the login property: its failures may hold logins from this address.
    operator = await t.as('RU-MVD', 'operator');
    admin = await t.as('RU-MVD', 'administrator');
    await insertUser(
      t.db,
      { participant: 'KZ-MVD', username: 'kz-mvd.prober', displayName: 'prober', role: 'analyst', password: TEST_PASSWORD },
      TEST_PASSWORD_POLICY,
    );
    // Something for checks to find and listings to page through.
    for (const record of [wantedPerson(), stolenVehicle(), wantedPerson()]) {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: record });
      someRecordId = created.json().id;
    }
    validCursor = (await t.app.inject({ method: 'GET', url: '/api/v1/records?limit=1', headers: operator })).json().nextCursor;
  });
  afterAll(async () => t?.close());

  const count = async (table: 'records' | 'match_keys' | 'sessions') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stored = async () => ({ records: await count('records'), matchKeys: await count('match_keys') });
  const read = (id: string) => t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers: operator });
  /** A record as read, without what the bank adds: what the writer sent. */
  const contentOf = (view: Record<string, unknown>) => {
    // Data-quality notes are the bank's reading of the content, not part of what was sent.
    const { id: _id, owner: _o, status: _s, version: _v, createdAt: _c, updatedAt: _u, attachments: _a, dataQuality: _q, ...content } = view;
    return content;
  };
  const expectChainVerifies = async () => {
    const result = await verifyAuditChain(t.db);
    expect(result.ok, result.problem?.message).toBe(true);
  };

  it('POST /records with a record changed in any way: stored exactly as sent, or refused with a problem and nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureName, mutations, async (fixture, changes) => {
        const body = toBody(mutate(FIXTURES[fixture](), changes));
        const before = await stored();
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { ...operator, ...JSON_TYPE }, payload: body });
        expectAnswer(response, body);
        const after = await stored();
        if (response.statusCode !== 201) {
          expect(after).toEqual(before);
          return;
        }
        expect(after.records).toBe(before.records + 1);
        const readBack = await read(response.json().id);
        expect(readBack.statusCode).toBe(200);
        expect(readBack.json()).toMatchObject({ owner: 'RU-MVD', status: 'active', version: 1 });
        expect(contentOf(readBack.json())).toEqual(JSON.parse(body));
      }),
      { numRuns: RUNS.create },
    );
    await expectChainVerifies();
  });

  it('PUT /records/:id with an update changed in any way: the content replaced exactly, or the record left as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureName, mutations, async (fixture, changes) => {
        const created = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: FIXTURES[fixture]() })).json();
        const { category, nationalRef, ...content } = contentOf(created);
        const body = toBody(mutate({ version: created.version, ...content }, changes));
        const before = await stored();
        const response = await t.app.inject({
          method: 'PUT',
          url: `/api/v1/records/${created.id}`,
          headers: { ...operator, ...JSON_TYPE },
          payload: body,
        });
        expectAnswer(response, body);
        const after = (await read(created.id)).json();
        if (response.statusCode !== 200) {
          expect(after).toEqual(created);
          expect(await stored()).toEqual(before);
          return;
        }
        expect(after.version).toBe(created.version + 1);
        const { version: _version, ...sent } = JSON.parse(body);
        expect(contentOf(after)).toEqual({ category, nationalRef, ...sent });
        expect((await stored()).records).toBe(before.records);
      }),
      { numRuns: RUNS.update },
    );
    await expectChainVerifies();
  });

  it('POST /checks with a check changed in any way: an outcome, or a problem; nothing stored either way', async () => {
    const checks = [
      { person: { surname: 'Рахмонов', given: 'Фаррух', birthDate: '1989-04' } },
      { person: { document: { number: '400 123 456', issuingState: 'TJ' } } },
      { vehicle: { vin: 'XTA210990Y2765432', plate: { number: 'A123BC77', state: 'RU' } } },
      { firearm: { serial: 'АК 1234' }, limit: 5 },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...checks), mutations, async (base, changes) => {
        const body = toBody(mutate(base, changes));
        const before = await stored();
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/checks', headers: { ...operator, ...JSON_TYPE }, payload: body });
        expectAnswer(response, body);
        if (response.statusCode === 200) {
          const result = response.json();
          expect(['hit', 'possible', 'no_hit']).toContain(result.outcome);
          expect(result.candidates.length).toBeLessThanOrEqual(50);
        }
        expect(await stored()).toEqual(before);
      }),
      { numRuns: RUNS.check },
    );
    await expectChainVerifies();
  });

  it('POST /auth/login with any body from any address: a session only for the exact credentials, a problem otherwise', async () => {
    const credentials = { username: 'kz-mvd.prober', password: TEST_PASSWORD };
    const client = fc.oneof(fc.constant('127.0.0.1'), fc.ipV4(), fc.constant('2001:db8::1'));
    await fc.assert(
      fc.asyncProperty(mutations, client, async (changes, remoteAddress) => {
        const body = toBody(mutate(credentials, changes));
        const sessions = await count('sessions');
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: JSON_TYPE, payload: body });
        expectAnswer(response, body);
        const exact = body === toBody(credentials);
        // The right password may still be held (429) after the wrong ones before it.
        if (exact) expect([200, 429]).toContain(response.statusCode);
        else expect(response.statusCode).not.toBe(200);
        expect(await count('sessions')).toBe(sessions + (response.statusCode === 200 ? 1 : 0));
      }),
      { numRuns: RUNS.login },
    );
    await expectChainVerifies();
  });

  it('any bytes under any declared content type, to every JSON route: a problem, never a server error, nothing stored', async () => {
    const contentType = fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'APPLICATION/JSON',
        'application/problem+json',
        'application/x-ndjson',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'image/png',
        '',
        ';',
      ),
      fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
    );
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc
        .constantFrom('{"category":', '{}', '[]', 'null', '"x"', '{"a":1}{"b":2}', '\ufeff{}', '{"__proto__":{"x":1}}')
        .map((s) => new TextEncoder().encode(s)),
    );
    const route = fc.constantFrom(
      { method: 'POST' as const, url: '/api/v1/records' },
      { method: 'PUT' as const, url: `/api/v1/records/${someRecordId}` },
      { method: 'POST' as const, url: '/api/v1/checks' },
      { method: 'POST' as const, url: '/api/v1/auth/login' },
      { method: 'POST' as const, url: '/api/v1/api-keys' },
    );
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(route, contentType, bytes, async ({ method, url }, type, body) => {
        const headers = { ...(url.includes('api-keys') ? admin : operator), ...(type === '' ? {} : { 'content-type': type }) };
        const response = await t.app.inject({ method, url, headers, payload: Buffer.from(body) });
        expectAnswer(response);
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS.bytes },
    );
    expect(await stored()).toEqual(before);
    await expectChainVerifies();
  });

  it('GET /records with any query string: a page or a problem naming the query field', async () => {
    const query = queryString(
      ['category', 'status', 'owner', 'nationalRef', 'limit', 'cursor'],
      fc.oneof(
        queryValue(['vehicle', 'wanted_person', 'boat', 'active', 'RU-MVD', 'XX-NONE', 'ru-mvd', '%00', 'RU-W-1']),
        forgedCursor,
        fc.constant(validCursor),
      ),
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/records?${q}`, headers: operator });
        expectAnswer(response);
        if (response.statusCode === 200) expect(Array.isArray(response.json().items)).toBe(true);
        if (response.statusCode === 400) for (const e of response.json().errors) expect(e.path).toMatch(/^\/query(\/|$)/);
      }),
      { numRuns: RUNS.query },
    );
    await expectChainVerifies();
  });

  it('GET /audit with any query string: entries or a problem naming the query field', async () => {
    const query = queryString(
      ['action', 'resourceId', 'before', 'limit'],
      queryValue(['login', 'record.create', '%00', someRecordId, '1', '2', '500', '100000000000000000000']),
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/audit?${q}`, headers: admin });
        expectAnswer(response);
        if (response.statusCode === 200) expect(Array.isArray(response.json())).toBe(true);
        if (response.statusCode === 400) for (const e of response.json().errors) expect(e.path).toMatch(/^\/query(\/|$)/);
      }),
      { numRuns: RUNS.query },
    );
    await expectChainVerifies();
  });

  it('any path parameter, on every route that takes one: an answer or a problem, and nothing changed', async () => {
    const segment = fc.oneof(
      urlPiece,
      anyText(10).map(percentEncoded),
      uuidText.map(encodeURIComponent),
      fc.constant(someRecordId),
      fc.constantFrom('a'.repeat(201), '..', '%2e%2e', '%2F', ' ', '%20'),
    );
    const routes = fc.constantFrom<(s: string, s2: string) => InjectOptions>(
      (s: string) => ({ method: 'GET' as const, url: `/api/v1/records/${s}`, headers: operator }),
      // A version no record has: a request that reaches a real record is refused as stale, not applied.
      (s: string) => ({
        method: 'PUT' as const,
        url: `/api/v1/records/${s}`,
        headers: operator,
        payload: { version: 2_147_483_647, ...contentOf(wantedPerson()) },
      }),
      (s: string) => ({
        method: 'POST' as const,
        url: `/api/v1/records/${s}/cancel`,
        headers: operator,
        payload: { version: 2_147_483_647, reason: 'x' },
      }),
      (s: string, s2: string) => ({ method: 'GET' as const, url: `/api/v1/records/${s}/attachments/${s2}`, headers: operator }),
      (s: string) => ({ method: 'DELETE' as const, url: `/api/v1/api-keys/${s}`, headers: admin }),
      (s: string) => ({ method: 'GET' as const, url: `/api/v1/${s}`, headers: operator }),
    );
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(routes, segment, segment, async (route, s1, s2) => {
        const response = await t.app.inject(route(s1, s2));
        expectAnswer(response);
      }),
      { numRuns: RUNS.path },
    );
    expect(await stored()).toEqual(before);
    await expectChainVerifies();
  });
});
