import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './store/audit.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';

/**
 * Defects found by probing, kept as the exact requests that found them. The rest of an
 * attacker's probe (login names with lone surrogates or a cut emoji, NUL in query values, a
 * 20-digit `before`, an import sent as text/plain, a malformed percent-escape) has its cases in
 * audit-integrity, import and hardening tests; the property tests search around all of them.
 */
describe.each(DIALECTS)('requests that once broke the bank, on %s', (dialect) => {
  let t: TestApp;
  let operator: Record<string, string>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    operator = await t.as('BY-MVD', 'operator');
    admin = await t.as('BY-MVD', 'administrator');
  });
  afterAll(async () => t?.close());

  const count = async (table: 'records' | 'api_keys') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Refused as bad input, naming the field, in a problem document. */
  const expectRefusedAt = (response: Awaited<ReturnType<TestApp['app']['inject']>>, path: string, code?: string) => {
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path, ...(code ? { code } : {}) }));
  };
  const expectChainVerifies = async () => {
    const result = await verifyAuditChain(t.db);
    expect(result.ok, result.problem?.message).toBe(true);
  };
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('an API key named with a lone surrogate or NUL is refused as bad characters, no key is issued, the chain verifies', async () => {
    const before = await count('api_keys');
    for (const name of ['ИЦ\ud800ГУВД', 'ИЦ\u0000ГУВД', `${'a'.repeat(99)}\ud83d`]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: admin, payload: { name, role: 'operator' } });
      expectRefusedAt(response, '/name', 'bad_characters');
    }
    expect(await count('api_keys')).toBe(before);
    await expectChainVerifies();
  });

  it('NUL in a free-text field is refused at that field on create, update and import, and nothing is stored', async () => {
    const before = await count('records');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: operator,
      payload: wantedPerson({ remarks: 'до\u0000после' }),
    });
    expectRefusedAt(created, '/remarks', 'bad_characters');
    const record = wantedPerson();
    record.wanted!.offence.description = 'Разбой\u0000';
    expectRefusedAt(
      await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: record }),
      '/wanted/offence/description',
    );
    expect(await count('records')).toBe(before);

    const kept = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: stolenVehicle() })).json();
    const { id, owner: _o, category: _c, nationalRef: _n, status: _s, createdAt: _a, updatedAt: _u, attachments: _f, ...content } = kept;
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${id}`,
      headers: operator,
      payload: { ...content, remarks: 'a\u0000b' },
    });
    expectRefusedAt(updated, '/remarks', 'bad_characters');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers: operator })).json()).toEqual(kept);

    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records/import',
      headers: { ...operator, 'content-type': 'application/x-ndjson' },
      payload: JSON.stringify(stolenVehicle({ remarks: 'a\u0000b' })),
    });
    expect(imported.json()).toMatchObject({
      created: 0,
      rejectedTotal: 1,
      rejected: [{ line: 1, errors: [{ path: '/remarks', code: 'bad_characters' }] }],
    });
    await expectChainVerifies();
  });

  // Found by the property tests: each was a 500.

  it('a value nested a few thousand arrays deep is judged, not a stack overflow: create, check and import', async () => {
    const record = JSON.stringify(wantedPerson()).replace('"wanted_person"', deep(5000));
    expectRefusedAt(
      await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { ...operator, 'content-type': 'application/json' }, payload: record }),
      '/category',
    );
    const check = `{"person":{"surname":${deep(5000)}}}`;
    expectRefusedAt(
      await t.app.inject({ method: 'POST', url: '/api/v1/checks', headers: { ...operator, 'content-type': 'application/json' }, payload: check }),
      '/person/surname',
    );
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records/import',
      headers: { ...operator, 'content-type': 'application/x-ndjson' },
      payload: record,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ lines: 1, created: 0, rejectedTotal: 1, rejected: [{ line: 1, errors: [{ path: '/category' }] }] });
    await expectChainVerifies();
  });

  it('an id written as urn:uuid: is refused at its field, not passed to the database', async () => {
    const urn = 'urn:uuid:00000000-0000-4000-8000-000000000000';
    expectRefusedAt(await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${urn}`, headers: admin }), '/path/id', 'bad_format');
    const record = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: stolenVehicle() })).json();
    expectRefusedAt(
      await t.app.inject({ method: 'GET', url: `/api/v1/records/${record.id}/attachments/${urn}`, headers: operator }),
      '/path/attachmentId',
      'bad_format',
    );
    const linking = wantedPerson({ links: [{ recordId: urn, relation: 'related' }] });
    expectRefusedAt(
      await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: linking }),
      '/links/0/recordId',
      'bad_format',
    );
    await expectChainVerifies();
  });

  it('a forged paging cursor is refused at /query/cursor, even one naming year 0', async () => {
    const forged = Buffer.from('0000-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString('base64url');
    for (const cursor of [forged, 'vehicle']) {
      expectRefusedAt(
        await t.app.inject({ method: 'GET', url: `/api/v1/records?cursor=${cursor}`, headers: operator }),
        '/query/cursor',
        'bad_format',
      );
    }
  });

  it('an unknown field whose name holds / or ~ is named by a JSON Pointer that leads to it', async () => {
    const record = { ...stolenVehicle(), distribution: { kind: 'all', 'a/b': [] } };
    expectRefusedAt(
      await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: record }),
      '/distribution/a~1b',
      'unknown_field',
    );
    expectRefusedAt(await t.app.inject({ method: 'GET', url: '/api/v1/audit?~=1', headers: admin }), '/query/~0', 'unknown_field');
  });
});
