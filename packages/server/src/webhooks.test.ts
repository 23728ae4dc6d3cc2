import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from './store/events.ts';
import { deliverDue, MAX_ATTEMPTS, retryDelayMs, sealStoredSecrets, webhookSignature } from './store/webhooks.ts';
import { processSecretKey } from './security/secret-box.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';

const LOOPBACK = { allowLoopback: true };
import { wantedPerson } from './test/fixtures/records.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe.each(DIALECTS)('webhooks to a national system, on %s', (dialect) => {
  let t: TestApp;
  let endpoint: Server;
  let url: string;
  const received: Received[] = [];
  /** What the national system answers next: a failure first, then success. */
  const answers: number[] = [];

  beforeAll(async () => {
    // The national system of this test listens on this machine.
    t = await createTestApp(dialect, { webhookLoopback: true });
    endpoint = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/svod-events`;
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => endpoint?.close(resolve));
  });

  const register = async (target: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: await t.as('RU-MVD', 'administrator'),
      payload: { url: target },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; secret: string };
  };
  const hitOnRussia = async (passport: string) => {
    const base = wantedPerson();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: await t.as('RU-MVD', 'operator'),
      payload: { ...base, person: { ...base.person!, documents: [{ type: 'passport', number: passport, issuingState: 'TJ' }] } },
    });
    const checked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checks',
      headers: await t.as('KZ-MVD', 'operator'),
      payload: { person: { surname: 'RAKHMONOV', given: 'FARRUKH', document: { number: passport, issuingState: 'TJ' } } },
    });
    expect(checked.json().hit).toBeDefined();
    return checked.json().hit.id as string;
  };
  const deliveries = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries`, headers: await t.as('RU-MVD', 'administrator') })).json() as {
      status: string;
      attempts: number;
      lastError: string | null;
    }[];

  it('an operator may not register a webhook, nor an address that is not http(s)', async () => {
    const operator = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: await t.as('RU-MVD', 'operator'), payload: { url } });
    expect(operator.statusCode).toBe(403);
    const ftp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: await t.as('RU-MVD', 'administrator'),
      payload: { url: 'ftp://x.example/' },
    });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().errors[0].path).toBe('/url');
  });

  it('a hit reaches the national system signed with its secret; a failed delivery is retried and then shows as delivered', async () => {
    const hook = await register(url);
    answers.push(503);
    const hit = await hitOnRussia('WH0000001');
    const now = Date.now();
    expect(await deliverDue(t.db, new Date(now), LOOPBACK)).toBe(1);
    expect(received).toHaveLength(1);
    const [first] = received;
    const timestamp = first!.headers['x-svod-timestamp'] as string;
    expect(first!.headers['x-svod-signature']).toBe(webhookSignature(hook.secret, timestamp, first!.body));
    expect(first!.headers['x-svod-event']).toBe('hit.created');
    expect(JSON.parse(first!.body).data.hit).toBe(hit);
    expect(await deliveries(hook.id)).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'HTTP 503' })]);

    // Not before its backoff has passed; then again, and this time accepted.
    expect(await deliverDue(t.db, new Date(now + 1_000), LOOPBACK)).toBe(0);
    expect(await deliverDue(t.db, new Date(now + retryDelayMs(1) + 1_000), LOOPBACK)).toBe(1);
    expect(received).toHaveLength(2);
    expect(received[1]!.headers['x-svod-delivery']).toBe(first!.headers['x-svod-delivery']);
    expect(await deliveries(hook.id)).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2 })]);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: await t.as('RU-MVD', 'administrator') })).json();
    expect(listed.find((h: { id: string }) => h.id === hook.id).deliveries).toEqual({ pending: 0, delivered: 1, failed: 0 });
    await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: await t.as('RU-MVD', 'administrator') });
  });

  it('the signing secret is kept sealed, never in clear: a copy of the database does not give it away; one stored in clear before is sealed and still signs; under another key nothing is sent', async () => {
    const hook = await register(url);
    const stored = async () => (await t.db.selectFrom('webhooks').select('secret').where('id', '=', hook.id).executeTakeFirstOrThrow()).secret;
    expect(await stored()).not.toContain(hook.secret);
    // As a store written before secrets were sealed holds it.
    await t.db.updateTable('webhooks').set({ secret: hook.secret }).where('id', '=', hook.id).execute();
    expect(await sealStoredSecrets(t.db, processSecretKey())).toBe(1);
    expect(await stored()).not.toContain(hook.secret);

    const before = received.length;
    await hitOnRussia('WH0000009');
    // A server given another key file cannot read the secret: the delivery fails and waits, nothing unsigned goes out.
    expect(await deliverDue(t.db, new Date(Date.now() + 5_000), { ...LOOPBACK, secretKey: randomBytes(32) })).toBe(1);
    expect(received).toHaveLength(before);
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await deliverDue(t.db, new Date(Date.now() + retryDelayMs(1) + 10_000), LOOPBACK)).toBe(1);
    const delivered = received.at(-1)!;
    expect(delivered.headers['x-svod-signature']).toBe(
      webhookSignature(hook.secret, delivered.headers['x-svod-timestamp'] as string, delivered.body),
    );
    await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: await t.as('RU-MVD', 'administrator') });
  });

  it('an endpoint that is down does not hold up checks; its delivery is retried with backoff and finally shown as failed', async () => {
    const hook = await register('http://127.0.0.1:9/unreachable');
    await hitOnRussia('WH0000002');
    let at = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverDue(t.db, new Date(at), LOOPBACK)).toBeGreaterThanOrEqual(1);
      at += retryDelayMs(attempt) + 1_000;
    }
    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(delivery!.lastError).toBeTruthy();
    expect(await deliverDue(t.db, new Date(at + 86_400_000), LOOPBACK)).toBe(0);
  });

  it("a bank that does not allow it refuses a webhook pointing at its own machine or at a cloud's metadata address, and never delivers to one", async () => {
    const guarded = await createTestApp(dialect);
    try {
      const headers = await guarded.as('RU-MVD', 'administrator');
      for (const target of [
        'http://127.0.0.1:5432/',
        'http://localhost/x',
        'http://[::1]/',
        'http://169.254.169.254/latest/meta-data/',
        'http://0.0.0.0/',
      ]) {
        const refused = await guarded.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url: target } });
        expect(refused.statusCode, target).toBe(400);
        expect(refused.json().errors[0]).toMatchObject({ path: '/url', code: 'not_allowed_value' });
      }
      // Registered where it was allowed, then the bank no longer allows it: the delivery is refused and shown.
      const registered = await guarded.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url: 'http://10.20.30.40/svod' } });
      expect(registered.statusCode).toBe(201);
      await guarded.db.updateTable('webhooks').set({ url }).where('id', '=', registered.json().id).execute();
      const before = received.length;
      await recordEvent(guarded.db, ['RU-MVD'], 'hit.created', { hit: 'x' });
      expect(await deliverDue(guarded.db, new Date(Date.now() + 60_000))).toBe(1);
      const deliveries = await guarded.app.inject({ method: 'GET', url: `/api/v1/webhooks/${registered.json().id}/deliveries`, headers });
      expect(deliveries.json()[0]).toMatchObject({ status: 'pending', lastError: expect.stringContaining('refused') });
      expect(received.length).toBe(before);
    } finally {
      await guarded.close();
    }
  });
});
