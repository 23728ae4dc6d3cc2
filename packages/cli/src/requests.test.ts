import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS } from '@svod/core';
import { buildApp, ensureAgreements, ensureParticipants, insertUser, migrateToLatest, openDatabase, type Db } from '@svod/server';
import { runCli } from './test/run-cli.ts';

const PASSWORD = `requests-${process.pid}-${Date.now()}`;
const CHEAP_HASHING = { N: 1024, r: 8, p: 1, keyLength: 32 };

describe('svod requests', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let server: string;
  const tokens = new Map<string, string>();
  /** The CLI as this person, through the server; its own store is a path that cannot be opened. */
  const as = (username: string, ...args: string[]) =>
    runCli({ PATH: process.env.PATH, SVOD_LANG: 'en', SVOD_DATA_DIR: '/dev/null/no-store', SVOD_API_KEY: tokens.get(username) }, [
      ...args,
      '--server',
      server,
    ]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'svod-requests-'));
    db = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(db);
    await ensureParticipants(db, DEFAULT_PARTICIPANTS);
    await ensureAgreements(db, DEMO_AGREEMENTS);
    app = await buildApp({ db, config: { passwordPolicy: CHEAP_HASHING } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    for (const [participant, role] of [
      ['KZ-MVD', 'operator'],
      ['KZ-MVD', 'supervisor'],
      ['UZ-MVD', 'operator'],
    ] as const) {
      const username = `${participant.toLowerCase()}.${role}`;
      await insertUser(db, { participant, username, displayName: username, role, password: PASSWORD }, CHEAP_HASHING);
      const login = await fetch(`${server}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      tokens.set(username, ((await login.json()) as { token: string }).token);
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('officers draft, sign and send a request from the command line; a retry makes no second one; the recipient lists it and prints it to a PDF', async () => {
    const file = join(dir, 'request.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'vehicle_information',
        recipient: 'UZ-MVD',
        legalBasis: { agreement: 'Соглашение о сотрудничестве МВД (1992)' },
        priority: 'urgent',
        subject: 'Сведения об автомобиле',
        body: 'Прошу сообщить владельца автомобиля.',
        form: { vin: 'XTA21099043528171' },
      }),
    );
    const created = await as('kz-mvd.operator', 'requests', 'create', file, '--idempotency-key', 'cli-test-0001');
    expect(created.code, created.stderr).toBe(0);
    const draft = JSON.parse(created.stdout) as { id: string; state: string };
    expect(draft.state).toBe('draft');
    const again = await as('kz-mvd.operator', 'requests', 'create', file, '--idempotency-key', 'cli-test-0001');
    expect(JSON.parse(again.stdout).id).toBe(draft.id);

    const bySubordinate = await as('kz-mvd.operator', 'requests', 'act', draft.id, 'sign');
    expect(bySubordinate.code).not.toBe(0);
    expect(bySubordinate.stderr).toContain('the server refused');
    expect((await as('kz-mvd.supervisor', 'requests', 'act', draft.id, 'sign')).code).toBe(0);
    const sent = await as('kz-mvd.operator', 'requests', 'act', draft.id, 'send');
    expect(JSON.parse(sent.stdout).state).toBe('received');

    const inbox = await as('uz-mvd.operator', 'requests', 'list', '--box', 'inbox');
    expect(
      inbox.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual([draft.id]);
    const pdf = join(dir, 'request.pdf');
    const printed = await as('uz-mvd.operator', 'requests', 'pdf', draft.id, '--out', pdf, '--lang', 'en');
    expect(printed.code, printed.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const unknown = await as('uz-mvd.operator', 'requests', 'act', draft.id, 'approve');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Unknown step approve');
  });

  it('without a server, requests can be read but not drafted: the command says why and exits non-zero', async () => {
    const local = await runCli({ PATH: process.env.PATH, SVOD_LANG: 'en', SVOD_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }, [
      'requests',
      'create',
      join(dir, 'request.json'),
      '--participant',
      'KZ-MVD',
    ]);
    expect(local.code).not.toBe(0);
    expect(local.stderr).toContain('an officer’s act');
    const listed = await runCli({ PATH: process.env.PATH, SVOD_LANG: 'en', SVOD_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }, [
      'requests',
      'list',
      '--box',
      'outbox',
      '--participant',
      'KZ-MVD',
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.trim()).toBe('');
  });
});
