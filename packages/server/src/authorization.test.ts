import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type RecordInput, type Role } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

/** The caller works for RU-MVD; "other" records belong to KZ-MVD. */
const CALLER = 'RU-MVD';
const OTHER = 'KZ-MVD';
type Ownership = 'own' | 'other_shared' | 'other_hidden';
const OWNERSHIPS: Ownership[] = ['own', 'other_shared', 'other_hidden'];

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

interface RecordRouteCase {
  name: string;
  /** Roles whose permission covers the action. */
  roles: Role[];
  /** Only the owner may do it (writes); readers of shared records may not. */
  ownerOnly: boolean;
  okStatus: number;
  request: (id: string, version: number) => { method: 'GET' | 'PUT' | 'POST'; url: string; payload?: unknown; headers?: Record<string, string> };
}

const RECORD_ROUTES: RecordRouteCase[] = [
  {
    name: 'GET /records/:id',
    roles: [...ROLES],
    ownerOnly: false,
    okStatus: 200,
    request: (id) => ({ method: 'GET', url: `/api/v1/records/${id}` }),
  },
  {
    name: 'GET /records/:id/history',
    roles: [...ROLES],
    ownerOnly: false,
    okStatus: 200,
    request: (id) => ({ method: 'GET', url: `/api/v1/records/${id}/history` }),
  },
  {
    name: 'PUT /records/:id',
    roles: ['operator', 'supervisor'],
    ownerOnly: true,
    okStatus: 200,
    request: (id, version) => {
      const { category: _c, nationalRef: _n, ...content } = stolenVehicle();
      return { method: 'PUT', url: `/api/v1/records/${id}`, payload: { ...content, version, remarks: 'обновлено' } };
    },
  },
  {
    name: 'POST /records/:id/status',
    roles: ['operator', 'supervisor'],
    ownerOnly: true,
    okStatus: 200,
    request: (id, version) => ({ method: 'POST', url: `/api/v1/records/${id}/status`, payload: { version, status: 'located', note: 'задержан' } }),
  },
  {
    name: 'POST /records/:id/cancel',
    roles: ['operator', 'supervisor'],
    ownerOnly: true,
    okStatus: 200,
    request: (id, version) => ({ method: 'POST', url: `/api/v1/records/${id}/cancel`, payload: { version, reason: 'найден' } }),
  },
  {
    name: 'POST /records/:id/attachments',
    roles: ['operator', 'supervisor'],
    ownerOnly: true,
    okStatus: 201,
    request: (id) => ({
      method: 'POST',
      url: `/api/v1/records/${id}/attachments?filename=photo.png`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    }),
  },
];

/** What the caller should get: 403 without the permission, 404 for what they cannot see, 403 for others' records they may only read. */
function expected(route: RecordRouteCase, role: Role, ownership: Ownership): number {
  if (!route.roles.includes(role)) return 403;
  if (ownership === 'other_hidden') return 404;
  if (ownership === 'other_shared' && route.ownerOnly) return 403;
  return route.okStatus;
}

interface CollectionRouteCase {
  name: string;
  roles: Role[];
  okStatus: number;
  request: () => { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> };
}

const COLLECTION_ROUTES: CollectionRouteCase[] = [
  { name: 'GET /records', roles: [...ROLES], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/records' }) },
  {
    name: 'POST /records',
    roles: ['operator', 'supervisor'],
    okStatus: 201,
    request: () => ({ method: 'POST', url: '/api/v1/records', payload: wantedPerson() }),
  },
  {
    name: 'POST /records/import',
    roles: ['operator', 'supervisor'],
    okStatus: 200,
    request: () => ({
      method: 'POST',
      url: '/api/v1/records/import',
      payload: JSON.stringify(stolenVehicle()),
      headers: { 'content-type': 'application/x-ndjson' },
    }),
  },
  { name: 'GET /records/export', roles: ['supervisor', 'analyst'], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/records/export' }) },
  {
    name: 'POST /checks',
    roles: [...ROLES],
    okStatus: 200,
    request: () => ({ method: 'POST', url: '/api/v1/checks', payload: { vehicle: { vin: 'XTA210990Y2765432' } } }),
  },
  {
    name: 'POST /records/search',
    roles: [...ROLES],
    okStatus: 200,
    request: () => ({ method: 'POST', url: '/api/v1/records/search', payload: { vehicle: { vin: 'XTA210990Y2765432' } } }),
  },
  { name: 'GET /records/overview', roles: [...ROLES], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/records/overview' }) },
  { name: 'GET /matches', roles: [...ROLES], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/matches' }) },
  { name: 'GET /participants', roles: [...ROLES], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/participants' }) },
  { name: 'GET /auth/me', roles: [...ROLES], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/auth/me' }) },
  { name: 'GET /users', roles: ['administrator'], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/users' }) },
  {
    name: 'POST /users',
    roles: ['administrator'],
    okStatus: 201,
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: `new.${Math.random().toString(36).slice(2, 10)}`,
        displayName: 'Новый оператор',
        role: 'operator',
        password: 'correct horse battery',
      },
    }),
  },
  { name: 'GET /api-keys', roles: ['administrator'], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/api-keys' }) },
  {
    name: 'POST /api-keys',
    roles: ['administrator'],
    okStatus: 201,
    request: () => ({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'ИЦ ГУВД', role: 'operator' } }),
  },
  { name: 'GET /webhooks', roles: ['administrator'], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/webhooks' }) },
  { name: 'GET /hits', roles: [...ROLES], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/hits?box=inbox' }) },
  { name: 'GET /audit', roles: ['administrator'], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/audit' }) },
  { name: 'GET /audit/verify', roles: ['administrator'], okStatus: 200, request: () => ({ method: 'GET', url: '/api/v1/audit/verify' }) },
];

describe.each(DIALECTS)('authorization matrix on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  /** A fresh record for each case, so that writes of one case do not disturb another. */
  async function recordFor(ownership: Ownership): Promise<{ id: string; version: number }> {
    const owner = ownership === 'own' ? CALLER : OTHER;
    const distribution: RecordInput['distribution'] =
      ownership === 'other_hidden' ? { kind: 'participants', participants: ['BY-MVD'] } : { kind: 'all' };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: await t.as(owner, 'operator'),
      payload: stolenVehicle({ distribution }),
    });
    expect(response.statusCode, response.body).toBe(201);
    return { id: response.json().id, version: response.json().version };
  }

  for (const route of RECORD_ROUTES) {
    for (const role of ROLES) {
      for (const ownership of OWNERSHIPS) {
        const status = expected(route, role, ownership);
        it(`${route.name}: ${role} of ${CALLER} on ${ownership.replace('_', ' ')} record gets ${status}`, async () => {
          const record = await recordFor(ownership);
          const { headers, ...request } = route.request(record.id, record.version);
          const response = await t.app.inject({ ...request, headers: { ...headers, ...(await t.as(CALLER, role)) } } as never);
          expect(response.statusCode, response.body).toBe(status);
        });
      }
    }
  }

  for (const route of COLLECTION_ROUTES) {
    for (const role of ROLES) {
      const status = route.roles.includes(role) ? route.okStatus : 403;
      it(`${route.name}: ${role} gets ${status}`, async () => {
        const { headers, ...request } = route.request();
        const response = await t.app.inject({ ...request, headers: { ...headers, ...(await t.as(CALLER, role)) } } as never);
        expect(response.statusCode, response.body).toBe(status);
      });
    }
  }

  it('every protected route refuses a caller without credentials with 401', async () => {
    const record = await recordFor('own');
    const requests = [...RECORD_ROUTES.map((r) => r.request(record.id, record.version)), ...COLLECTION_ROUTES.map((r) => r.request())];
    for (const request of requests) {
      const response = await t.app.inject(request as never);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('lists show only what the participant may see', async () => {
    const hidden = await recordFor('other_hidden');
    const shared = await recordFor('other_shared');
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/records?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        headers: await t.as(CALLER, 'analyst'),
      });
      expect(response.statusCode).toBe(200);
      for (const item of response.json().items) seen.add(item.id);
      cursor = response.json().nextCursor;
    } while (cursor);
    expect(seen.has(shared.id)).toBe(true);
    expect(seen.has(hidden.id)).toBe(false);
    const byOwner = await t.app.inject({ method: 'GET', url: `/api/v1/records/${hidden.id}`, headers: await t.as('BY-MVD', 'analyst') });
    expect(byOwner.statusCode).toBe(200);
  });

  it('an API key acts for its national system with the role it was issued for', async () => {
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: await t.as(CALLER, 'administrator'),
      payload: { name: 'Национальная система', role: 'operator', expiresInDays: 30 },
    });
    expect(issued.statusCode).toBe(201);
    const key = issued.json().key as string;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { 'x-api-key': key }, payload: wantedPerson() });
    expect(created.statusCode).toBe(201);
    expect(created.json().owner).toBe(CALLER);
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/records/export', headers: { 'x-api-key': key } });
    expect(exported.statusCode).toBe(403);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${issued.json().id}`,
      headers: await t.as(CALLER, 'administrator'),
    });
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/records', headers: { 'x-api-key': key } });
    expect(after.statusCode).toBe(401);
  });
});
