import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { DIALECTS, TEST_PASSWORD, TEST_PASSWORD_POLICY, createTestApp, createTestDb, type TestApp } from './test/helpers.ts';
import { sha256 } from './security/tokens.ts';
import { OWASP_SCRYPT } from './security/passwords.ts';
import { insertUser } from './store/users.ts';
import { seedDemo } from './seed/demo.ts';
import { ensureParticipants } from './store/participants.ts';
import { DEFAULT_PARTICIPANTS } from '@svod/core';

describe.each(DIALECTS)('authentication on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('stores passwords only as scrypt hashes and lets the right password in', async () => {
    await t.tokenFor('AZ-MVD', 'operator');
    const user = await t.db.selectFrom('users').selectAll().where('username', '=', 'az-mvd.operator').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^scrypt\$/);
    expect(user.password_hash).not.toContain(TEST_PASSWORD);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'az-mvd.operator', password: TEST_PASSWORD } });
    expect(ok.statusCode).toBe(200);
    expect(ok.cookies.find((c) => c.name === 'svod_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('a wrong password and an unknown user get the same 401 in the asked language', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'az-mvd.operator', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'nobody.at.all', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().title).toBe('Wrong username or password');
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('the session cookie authenticates the console; logout ends the session', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'az-mvd.operator', password: TEST_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'svod_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { svod_session: cookie.value } });
    expect(me.json()).toMatchObject({ participant: 'AZ-MVD', role: 'operator' });
    // As the console's browser sends it: from the console's own origin.
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'sec-fetch-site': 'same-origin' },
      cookies: { svod_session: cookie.value },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { svod_session: cookie.value } });
    expect(after.statusCode).toBe(401);
  });

  it('an expired session is refused', async () => {
    const token = await t.tokenFor('AM-POLICE', 'operator');
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', sha256(token))
      .execute();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(401);
  });

  it("an administrator manages only their own participant's users and keys", async () => {
    const kzKey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: await t.as('KZ-MVD', 'administrator'),
      payload: { name: 'ИС МВД РК', role: 'operator' },
    });
    expect(kzKey.statusCode).toBe(201);
    const ruAdmin = await t.as('RU-MVD', 'administrator');
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${kzKey.json().id}`, headers: ruAdmin });
    expect(revoke.statusCode).toBe(404);
    const keys = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: ruAdmin });
    expect(keys.json().map((k: { participant: string }) => k.participant)).not.toContain('KZ-MVD');
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: ruAdmin });
    expect(new Set(users.json().map((u: { participant: string }) => u.participant))).toEqual(new Set(['RU-MVD']));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: ruAdmin,
      payload: { username: 'ru.new.operator', displayName: 'Петров П. П.', role: 'operator', password: 'short' },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0].path).toBe('/password');
  });

  it('a password stored at an older, cheaper cost is hashed again at current guidance at its next login, and still lets its owner in', async () => {
    const upgraded = await createTestApp(dialect, { passwordPolicy: OWASP_SCRYPT });
    try {
      // The cost this bank used before: N=2^14.
      await insertUser(
        upgraded.db,
        { participant: 'KG-MVD', username: 'kg-mvd.veteran', displayName: 'Старый пароль', role: 'analyst', password: TEST_PASSWORD },
        { N: 16384, r: 8, p: 1, keyLength: 32 },
      );
      const storedHash = () =>
        upgraded.db.selectFrom('users').select('password_hash').where('username', '=', 'kg-mvd.veteran').executeTakeFirstOrThrow();
      expect((await storedHash()).password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      const login = () =>
        upgraded.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kg-mvd.veteran', password: TEST_PASSWORD } });

      expect((await login()).statusCode).toBe(200);
      const after = (await storedHash()).password_hash;
      expect(after).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect((await login()).statusCode).toBe(200);
      expect((await storedHash()).password_hash).toBe(after);

      const logins = await upgraded.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'login')
        .where('outcome', '=', 'success')
        .orderBy('seq')
        .execute();
      expect(logins.map((e) => e.detail.rehashed ?? false)).toEqual([true, false]);
    } finally {
      await upgraded.close();
    }
  });

  it('every demo account signs in with the one password printed at seeding', async () => {
    const demo = await createTestApp(dialect);
    try {
      const seeded = await seedDemo(demo.db, [], { passwordPolicy: TEST_PASSWORD_POLICY });
      expect(seeded.accounts.length).toBeGreaterThanOrEqual(40);
      for (const username of ['ru-mvd.operator', 'kz-gp.supervisor', 'bkbop.analyst', seeded.accounts.at(-1)!.username]) {
        const response = await demo.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: seeded.password } });
        expect(response.statusCode, username).toBe(200);
      }
    } finally {
      await demo.close();
    }
  });

  // A database that refuses to open the session (a real refusal: a constraint no row meets).
  const refuseSessions = (db: TestApp['db']) => sql`ALTER TABLE sessions ADD CONSTRAINT no_new_sessions CHECK (false) NOT VALID`.execute(db);

  it('a login that fails inside the bank (500) still leaves a failed login in the audit trail', async () => {
    const fresh = await createTestApp(dialect);
    try {
      await fresh.tokenFor('RU-MVD', 'operator');
      await refuseSessions(fresh.db);
      const response = await fresh.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'ru-mvd.operator', password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe('internal');
      const entry = await fresh.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'login')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ outcome: 'failure', actor_kind: 'anonymous', actor_id: 'ru-mvd.operator' });
      expect(entry.detail).toMatchObject({ reason: 'internal' });
    } finally {
      await fresh.close();
    }
  });

  it('when even that audit entry cannot be written, the 500 still goes out and both failures are logged', async () => {
    const lines: { msg?: string; err?: { message?: string } }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const testDb = await createTestDb(dialect);
    const app = await buildApp({ db: testDb.db, logger: pino({ level: 'error' }, sink), config: { passwordPolicy: TEST_PASSWORD_POLICY } });
    try {
      await ensureParticipants(testDb.db, DEFAULT_PARTICIPANTS);
      await insertUser(
        testDb.db,
        { participant: 'RU-MVD', username: 'ru-mvd.lonely', displayName: 'x', role: 'analyst', password: TEST_PASSWORD },
        TEST_PASSWORD_POLICY,
      );
      await refuseSessions(testDb.db);
      // The audit table refuses login entries from now on: a real refusal by the database.
      await sql`ALTER TABLE audit_log ADD CONSTRAINT no_logins CHECK (action <> 'login') NOT VALID`.execute(testDb.db);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'ru-mvd.lonely', password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(500);
      expect(response.json().code).toBe('internal');
      expect(lines.find((l) => l.msg === 'a failed login could not be audited')?.err?.message).toMatch(/no_logins/);
      // The error answered is the login's own, not the audit's.
      expect(lines.find((l) => l.msg === 'request failed')?.err?.message).toMatch(/no_new_sessions/);
    } finally {
      await app.close();
      await testDb.close();
    }
  });
});
