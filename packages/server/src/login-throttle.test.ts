import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { sha256 } from './security/tokens.ts';
import { insertUser } from './store/users.ts';
import { DIALECTS, TEST_PASSWORD, TEST_PASSWORD_POLICY, createTestApp, type TestApp } from './test/helpers.ts';

/** A documentation address (RFC 5737) per scenario, so that scenarios do not share a client's count. */
let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++}`;

describe.each(DIALECTS)('login throttling on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  /** A user of its own for each scenario. */
  const newUser = async (participant = 'RU-MVD') => {
    const username = `officer.${randomBytes(4).toString('hex')}`;
    await insertUser(t.db, { participant, username, displayName: username, role: 'operator', password: TEST_PASSWORD }, TEST_PASSWORD_POLICY);
    return username;
  };

  const attempt = (username: string, password: string, from: string, device?: string, app: FastifyInstance = t.app) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: from,
      headers: { 'accept-language': 'en' },
      cookies: device ? { svod_device: device } : {},
      payload: { username, password },
    });
  const deviceCookie = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === 'svod_device')!;
  /** Signs in once, as the owner does on their own workstation; returns the browser's device cookie. */
  const signInOnce = async (username: string, from: string) => {
    const response = await attempt(username, TEST_PASSWORD, from);
    expect(response.statusCode, response.body).toBe(200);
    return deviceCookie(response).value;
  };
  const guess = (username: string, from: string) => attempt(username, `guess-${randomBytes(3).toString('hex')}`, from);
  const lastLogin = () =>
    t.db.selectFrom('audit_log').selectAll().where('action', '=', 'login').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('an attacker guessing one account from one address is held after 5 failures: 429 with Retry-After, audited', async () => {
    const target = await newUser();
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) expect((await guess(target, attacker)).statusCode).toBe(401);

    const held = await guess(target, attacker);
    expect(held.statusCode).toBe(429);
    expect(held.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(held.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(held.json()).toMatchObject({ code: 'rate_limited', title: 'Too many attempts; try again later', params: { retryAfter } });

    const entry = await lastLogin();
    expect(entry).toMatchObject({ action: 'login', outcome: 'failure', actor_kind: 'user' });
    expect(entry.detail).toMatchObject({ reason: 'throttled', scope: 'account', client: attacker, retryAfter });

    // Held means held: even the right password is not looked at from there.
    expect((await attempt(target, TEST_PASSWORD, attacker)).statusCode).toBe(429);
  });

  it('a burst of guesses sent at once gets no more answers than the threshold allows, the right password among them included', async () => {
    // At a realistic cost the checks queue on libuv's four hashing threads, as in production.
    const costly = await buildApp({ db: t.db, config: { passwordPolicy: { N: 16384, r: 8, p: 1, keyLength: 32 } } });
    try {
      const target = `officer.${randomBytes(4).toString('hex')}`;
      await insertUser(
        t.db,
        { participant: 'RU-MVD', username: target, displayName: target, role: 'operator', password: TEST_PASSWORD },
        { N: 16384, r: 8, p: 1, keyLength: 32 },
      );
      const attacker = newAddress();
      const burst = await Promise.all([
        ...Array.from({ length: 23 }, () => attempt(target, `guess-${randomBytes(3).toString('hex')}`, attacker, undefined, costly)),
        attempt(target, TEST_PASSWORD, attacker, undefined, costly),
      ]);
      const answered = burst.filter((r) => r.statusCode === 401).length;
      expect(answered).toBeGreaterThanOrEqual(5);
      // The threshold, plus at most what was being hashed when the hold began.
      expect(answered).toBeLessThanOrEqual(5 + 8);
      expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(burst.length - answered);
      expect(burst.at(-1)!.statusCode).toBe(429);
    } finally {
      await costly.close();
    }
  });

  it('an unknown username is counted and held exactly like a real one, so a hold reveals nothing', async () => {
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) expect((await guess('nobody.by.this.name', attacker)).statusCode).toBe(401);
    expect((await guess('nobody.by.this.name', attacker)).statusCode).toBe(429);
  });

  it('each further failure doubles the hold, up to 15 minutes', async () => {
    const target = await newUser();
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) await guess(target, attacker);
    const holds: number[] = [];
    for (let i = 0; i < 6; i++) {
      // The attacker waits the hold out…
      await t.db
        .updateTable('login_throttle')
        .set({ held_until: new Date(Date.now() - 1000) })
        .where('key', 'in', [sha256(target), attacker])
        .execute();
      // …fails once more, and is held again, for longer.
      expect((await guess(target, attacker)).statusCode).toBe(401);
      holds.push(Number((await guess(target, attacker)).headers['retry-after']));
    }
    expect(holds.map((s) => Math.round(s / 30) * 30)).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('another officer behind the same gateway signs in while one account is held', async () => {
    const target = await newUser();
    const colleague = await newUser('KZ-MVD');
    const gateway = newAddress();
    for (let i = 0; i < 6; i++) await guess(target, gateway);
    expect((await guess(target, gateway)).statusCode).toBe(429);
    expect((await attempt(colleague, TEST_PASSWORD, gateway)).statusCode).toBe(200);
  });

  it('when the gateway itself is held (30 failures across accounts), an officer who signed in from this browser before still signs in', async () => {
    const regular = await newUser();
    const newcomer = await newUser();
    const gateway = newAddress();
    const device = await signInOnce(regular, gateway);
    // Someone behind the same gateway tries six accounts, five guesses each.
    for (let account = 0; account < 6; account++) {
      for (let i = 0; i < 5; i++) expect((await guess(`sprayed.${account}`, gateway)).statusCode).toBe(401);
    }

    const waiting = await attempt(newcomer, TEST_PASSWORD, gateway);
    expect(waiting.statusCode).toBe(429);
    expect((await lastLogin()).detail).toMatchObject({ reason: 'throttled', scope: 'client' });

    const trusted = await attempt(regular, TEST_PASSWORD, gateway, device);
    expect(trusted.statusCode).toBe(200);
    expect((await lastLogin()).detail).toMatchObject({ device: 'trusted' });
  });

  it('the owner of a locked account signs in from a browser that signed in before; the attacker stays held', async () => {
    const owner = await newUser();
    const office = newAddress();
    const attacker = newAddress();
    const device = await signInOnce(owner, office);
    for (let i = 0; i < 5; i++) await guess(owner, attacker);
    expect((await guess(owner, attacker)).statusCode).toBe(429);

    // From a browser without the cookie the account is held for its owner too…
    expect((await attempt(owner, TEST_PASSWORD, office)).statusCode).toBe(429);
    // …but not from the one they used before, and the attacker gains nothing by it.
    expect((await attempt(owner, TEST_PASSWORD, office, device)).statusCode).toBe(200);
    expect((await guess(owner, attacker)).statusCode).toBe(429);
  });

  it("a successful login resets its account's count", async () => {
    const owner = await newUser();
    const desk = newAddress();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await guess(owner, desk)).statusCode).toBe(401);
      expect((await attempt(owner, TEST_PASSWORD, desk)).statusCode).toBe(200);
    }
  });

  it('a hold survives a restart: a new server on the same database still refuses', async () => {
    const target = await newUser();
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) await guess(target, attacker);
    const restarted = await buildApp({ db: t.db, config: { passwordPolicy: TEST_PASSWORD_POLICY } });
    try {
      const held = await attempt(target, TEST_PASSWORD, attacker, undefined, restarted);
      expect(held.statusCode).toBe(429);
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await restarted.close();
    }
  });

  it('the device cookie is long-lived, httpOnly, SameSite=Strict, sent only to login, kept only as a hash, and trusts only its own account', async () => {
    const owner = await newUser();
    const other = await newUser();
    const office = newAddress();
    const response = await attempt(owner, TEST_PASSWORD, office);
    const cookie = deviceCookie(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/login', maxAge: 90 * 86_400 });
    const stored = await t.db.selectFrom('trusted_devices').select('token_hash').execute();
    expect(stored.map((d) => d.token_hash)).toContain(sha256(cookie.value));
    expect(stored.map((d) => d.token_hash)).not.toContain(cookie.value);

    const attacker = newAddress();
    for (let i = 0; i < 6; i++) await guess(other, attacker);
    expect((await attempt(other, TEST_PASSWORD, office, cookie.value)).statusCode).toBe(429);
  });

  it('one browser keeps a device token for each account signed in from it', async () => {
    const first = await newUser();
    const second = await newUser();
    const desk = newAddress();
    const afterFirst = deviceCookie(await attempt(first, TEST_PASSWORD, desk)).value;
    const afterSecond = deviceCookie(await attempt(second, TEST_PASSWORD, desk, afterFirst)).value;
    expect(afterSecond.split('.')).toHaveLength(2);
    const attacker = newAddress();
    for (let i = 0; i < 6; i++) await guess(first, attacker);
    expect((await attempt(first, TEST_PASSWORD, desk, afterSecond)).statusCode).toBe(200);
  });

  it('10 wrong passwords from a trusted browser revoke its device token', async () => {
    const owner = await newUser();
    const office = newAddress();
    const device = await signInOnce(owner, office);
    for (let i = 0; i < 10; i++) expect((await attempt(owner, 'fat-fingered', office, device)).statusCode).toBe(401);
    expect((await lastLogin()).detail).toMatchObject({ reason: 'wrong_password', device: 'revoked' });
    const remaining = await t.db.selectFrom('trusted_devices').select('token_hash').where('token_hash', '=', sha256(device)).execute();
    expect(remaining).toEqual([]);

    // The revoked token no longer gets past a lock-out.
    const attacker = newAddress();
    for (let i = 0; i < 6; i++) await guess(owner, attacker);
    expect((await attempt(owner, TEST_PASSWORD, office, device)).statusCode).toBe(429);
  });

  it('counts that have drained away are deleted, so the table stays bounded', async () => {
    await t.db
      .insertInto('login_throttle')
      .values({
        scope: 'client',
        key: '192.0.2.250',
        failures: 3,
        last_failure_at: new Date(Date.now() - 3_600_000),
        expires_at: new Date(Date.now() - 1000),
      })
      .execute();
    await guess('nobody.at.all', newAddress());
    const stale = await t.db.selectFrom('login_throttle').select('key').where('key', '=', '192.0.2.250').execute();
    expect(stale).toEqual([]);
  });
});
