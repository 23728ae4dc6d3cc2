import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, type RequestCreate } from '@svod/core';
import { migrateToLatest, openDatabase } from './db/connect.ts';
import { ensureAgreements } from './store/agreements.ts';
import { verifyAuditChain } from './store/audit.ts';
import { ensureParticipants } from './store/participants.ts';
import { insertUser } from './store/users.ts';
import { TEST_PASSWORD, TEST_PASSWORD_POLICY } from './test/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'svod-request-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bank's server as a process of its own on the store, as `svod serve` runs it; resolves with its address once it listens. */
function serverProcess(dataDir: string): { child: ChildProcess; address: Promise<string> } {
  const script = join(dir, 'serve.mts');
  const connect = fileURLToPath(new URL('./db/connect.ts', import.meta.url));
  const app = fileURLToPath(new URL('./app.ts', import.meta.url));
  writeFileSync(
    script,
    [
      `import { openDatabase } from ${JSON.stringify(connect)};`,
      `import { buildApp } from ${JSON.stringify(app)};`,
      `const db = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });`,
      'const app = await buildApp({ db });',
      "await app.listen({ port: 0, host: '127.0.0.1' });",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is the child process's source, a template there
      'process.stdout.write(`listening ${app.server.address().port}\\n`);',
    ].join('\n'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const address = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      const port = /listening (\d+)/.exec(String(chunk))?.[1];
      if (port) resolve(`http://127.0.0.1:${port}/api/v1`);
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { child, address };
}

const request = (i: number): RequestCreate => ({
  type: 'person_information',
  recipient: 'RU-MVD',
  legalBasis: { agreement: 'Конвенция о правовой помощи (Минск, 1993)' },
  priority: 'routine',
  subject: `Запрос ${i}`,
  body: 'Прошу сообщить сведения о лице.',
  form: { subject: { surname: 'Ахметов', givenName: 'Болат' } },
});

describe('a server killed mid-step', () => {
  it('loses no step and doubles none: every send retried with its key after a kill -9 is registered and delivered exactly once, with no number skipped', async () => {
    const dataDir = join(dir, 'store');
    const setup = await openDatabase({ dataDir });
    await migrateToLatest(setup);
    await ensureParticipants(setup, DEFAULT_PARTICIPANTS);
    await ensureAgreements(setup, DEMO_AGREEMENTS);
    for (const role of ['operator', 'supervisor'] as const) {
      await insertUser(
        setup,
        { participant: 'KZ-MVD', username: `kz.${role}`, displayName: `kz.${role}`, role, password: TEST_PASSWORD },
        TEST_PASSWORD_POLICY,
      );
    }
    await setup.destroy();

    let server = serverProcess(dataDir);
    let base = await server.address;
    const login = async (username: string) => {
      const response = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      return { authorization: `Bearer ${((await response.json()) as { token: string }).token}`, 'content-type': 'application/json' };
    };
    const officer = await login('kz.operator');
    const chief = await login('kz.supervisor');
    const post = (headers: Record<string, string>, path: string, body: unknown, key = randomUUID()) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, 'idempotency-key': key }, body: JSON.stringify(body) });

    const count = 40;
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const draft = (await (await post(officer, '/requests', request(i))).json()) as { id: string };
      expect((await post(chief, `/requests/${draft.id}/transitions`, { action: 'sign' })).status).toBe(200);
      ids.push(draft.id);
    }

    // Every send with a key of its own, fired at once; the server is killed while they are in flight.
    const keys = ids.map(() => randomUUID());
    const inFlight = ids.map((id, i) =>
      post(officer, `/requests/${id}/transitions`, { action: 'send' }, keys[i]).then(
        (r) => r.status,
        () => 0,
      ),
    );
    // Once the first is answered, the others are still queued behind it or being written.
    await Promise.race(inFlight);
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('close', resolve));
    const before = await Promise.all(inFlight);
    expect(before.filter((status) => status === 0).length, 'some sends were cut off by the kill').toBeGreaterThan(0);

    // The client retries every send with the same key, as a network retry would.
    server = serverProcess(dataDir);
    base = await server.address;
    try {
      const retried = await Promise.all(ids.map((id, i) => post(officer, `/requests/${id}/transitions`, { action: 'send' }, keys[i])));
      expect(retried.map((r) => r.status)).toEqual(ids.map(() => 200));
      const views = (await Promise.all(retried.map((r) => r.json()))) as { id: string; state: string; registrationNumber: string }[];
      expect(new Set(views.map((v) => v.state))).toEqual(new Set(['received']));
      const numbers = views.map((v) => Number(v.registrationNumber.split('/').at(-1))).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      for (const id of ids) {
        const view = (await (await fetch(`${base}/requests/${id}`, { headers: officer })).json()) as { history: { action: string }[] };
        expect(view.history.map((h) => h.action)).toEqual(['create', 'sign', 'send', 'acknowledge']);
      }
    } finally {
      server.child.kill('SIGKILL');
      await new Promise((resolve) => server.child.once('close', resolve));
    }
    const after = await openDatabase({ dataDir });
    try {
      expect((await verifyAuditChain(after)).ok).toBe(true);
    } finally {
      await after.destroy();
    }
  }, 120_000);
});
