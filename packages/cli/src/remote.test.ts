import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS } from '@svod/core';
import { buildApp, ensureAgreements, ensureParticipants, insertUser, migrateToLatest, openDatabase, type Db } from '@svod/server';
import { runCli, type CliResult } from './test/run-cli.ts';

const PASSWORD = `remote-${process.pid}-${Date.now()}`;

/**
 * The CLI against a server running in this process. Its own store is a path that cannot be
 * opened (under /dev/null): a command that touched the local store instead would fail.
 */
function svod(env: Record<string, string | undefined>, ...args: string[]): Promise<CliResult> {
  return runCli({ PATH: process.env.PATH, SVOD_LANG: 'en', SVOD_DATA_DIR: '/dev/null/no-store', ...env }, args);
}

const vehicleLine = (ref: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    category: 'vehicle',
    nationalRef: ref,
    legalBasis: 'Заявление владельца',
    actionOnHit: 'seize',
    distribution: { kind: 'all' },
    // A plate of its own for every reference (UZ-C-7 → 01 C 007 BC), so a check finds exactly one.
    vehicle: {
      plate: { number: ref.replace(/^UZ-(\w)-(\d+)$/, (_, s: string, n: string) => `01 ${s} ${n.padStart(3, '0')} BC`), state: 'UZ' },
      make: 'Chevrolet',
      model: 'Cobalt',
    },
    ...extra,
  });

/** A port nothing listens on: taken from the system, then let go. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const linesOf = (text: string) => text.trim().split('\n');
const lastJson = (text: string) => JSON.parse(linesOf(text).at(-1)!);

describe('svod CLI against a running server (--server)', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let server: string;
  /** An UZ-MVD supervisor's API key: may import, export and check. */
  let key: string;
  /** A session token of UZ-MVD's administrator: API keys are never administrators, the audit needs one. */
  let adminToken: string;
  const importRequests: string[] = [];

  const remote = (...args: string[]) => svod({ SVOD_API_KEY: key }, ...args, '--server', server);
  const storedRefs = async (prefix: string) =>
    (await db.selectFrom('records').select('national_ref').where('owner', '=', 'UZ-MVD').where('national_ref', 'like', `${prefix}%`).execute()).map(
      (r) => r.national_ref,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'svod-remote-'));
    db = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(db);
    await ensureParticipants(db, DEFAULT_PARTICIPANTS);
    await ensureAgreements(db, DEMO_AGREEMENTS);
    await insertUser(
      db,
      {
        participant: 'UZ-MVD',
        username: 'uz-mvd.administrator',
        displayName: 'UZ admin',
        role: 'administrator',
        password: PASSWORD,
      },
      CHEAP_HASHING,
    );
    app = await buildApp({ db, config: { passwordPolicy: CHEAP_HASHING } });
    app.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/api/v1/records/import')) importRequests.push(request.url);
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const login = await fetch(`${server}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'uz-mvd.administrator', password: PASSWORD }),
    });
    adminToken = ((await login.json()) as { token: string }).token;
    const issued = await fetch(`${server}/api/v1/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ name: 'UZ national system', role: 'supervisor' }),
    });
    expect(issued.status).toBe(201);
    key = ((await issued.json()) as { key: string }).key;
  });

  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a remote import of a file larger than one chunk stores every line exactly once', async () => {
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, Array.from({ length: 130 }, (_, i) => vehicleLine(`UZ-C-${i + 1}`)).join('\n'));
    importRequests.length = 0;
    const result = await remote('import', file, '--chunk-lines', '50');
    expect(result.code, result.stderr).toBe(0);
    expect(importRequests).toHaveLength(3);
    expect(lastJson(result.stdout)).toMatchObject({ lines: 130, created: 130, updated: 0, unchanged: 0, rejected: 0, applied: true });
    const refs = await storedRefs('UZ-C-');
    expect(refs).toHaveLength(130);
    expect(new Set(refs).size).toBe(130);

    // Sent again, every line is found unchanged: chunks are upserts, never duplicates.
    const again = await remote('import', file, '--chunk-lines', '50');
    expect(lastJson(again.stdout)).toMatchObject({ lines: 130, created: 0, unchanged: 130 });
    expect(await storedRefs('UZ-C-')).toHaveLength(130);
  });

  it("rejected lines of a chunked remote import are numbered as in the file, and exit 2 as a local import's", async () => {
    const lines = Array.from({ length: 125 }, (_, i) => vehicleLine(`UZ-N-${i + 1}`));
    lines[6] = 'not json';
    lines[63] = vehicleLine('UZ-N-64', { vehicle: { make: 'Chevrolet' } });
    lines[123] = vehicleLine('UZ-N-124', { owner: 'KZ-MVD' });
    const file = join(dir, 'numbered.jsonl');
    writeFileSync(file, lines.join('\n'));
    const result = await remote('import', file, '--chunk-lines', '40');
    expect(result.code).toBe(2);
    expect([...result.stderr.matchAll(/^line (\d+)/gm)].map((m) => Number(m[1]))).toEqual([7, 64, 124]);
    expect(result.stderr).toContain('needs at least one identifier');
    expect(result.stderr).toContain('125 lines: 122 created, 0 updated, 0 unchanged, 3 rejected');
    expect(lastJson(result.stdout)).toMatchObject({ lines: 125, created: 122, rejected: 3 });
  });

  it('an atomic remote import is one request, and a file over the limit is refused before anything is sent', async () => {
    const file = join(dir, 'atomic.jsonl');
    writeFileSync(file, Array.from({ length: 60 }, (_, i) => vehicleLine(`UZ-A-${i + 1}`)).join('\n'));
    importRequests.length = 0;
    const whole = await remote('import', file, '--atomic', '--chunk-lines', '10');
    expect(whole.code, whole.stderr).toBe(0);
    expect(importRequests).toEqual(['/api/v1/records/import?atomic=true']);
    expect(await storedRefs('UZ-A-')).toHaveLength(60);

    const tooLarge = await remote('import', file, '--atomic', '--limit-mib', '0.001');
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toContain("is larger than the server's import request limit (0.001 MiB)");
    expect(importRequests).toHaveLength(1);
  });

  /** Tests log in far more often than people: hashing at production cost would only slow them. */
  const CHEAP_HASHING = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };

  it('remote export streams back what was imported, and --participant may only repeat the key’s participant', async () => {
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
    const out = join(dir, 'export.jsonl');
    const result = await svod({}, 'export', '--server', server, '--api-key-file', keyFile, '--category', 'vehicle', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    const exported = linesOf(readFileSync(out, 'utf8')).map((l) => JSON.parse(l).nationalRef as string);
    expect(exported.sort()).toEqual((await storedRefs('UZ-')).sort());
    expect(exported).toContain('UZ-C-130');

    const other = await remote('export', '--participant', 'KZ-MVD');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('the API key belongs to UZ-MVD');
  });

  it('remote check prints the result as the local one does, and a refusal by the server in the CLI’s language', async () => {
    const hit = await remote('check', '--plate', '01 C 007 BC', '--plate-state', 'UZ');
    expect(hit.code, hit.stderr).toBe(0);
    const result = JSON.parse(hit.stdout);
    expect(['hit', 'possible']).toContain(result.outcome);
    expect(result.candidates[0].record.nationalRef).toBe('UZ-C-7');
    expect(result.candidates[0].explanation.length).toBeGreaterThan(0);

    const tooLittle = await svod({ SVOD_API_KEY: key, SVOD_LANG: 'ru' }, 'check', '--server', server, '--surname', 'Иванов');
    expect(tooLittle.code).toBe(1);
    expect(tooLittle.stderr).toContain('svod: Недостаточно сведений для проверки');
    expect(tooLittle.stderr).toMatch(/^ {2}\/person: .*[а-я]/m);
  });

  it("remote audit verify: intact or broken as locally for an administrator's session, a clear refusal for a key whose role may not", async () => {
    const intact = await svod({ SVOD_API_KEY: adminToken }, 'audit', 'verify', '--server', server);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/^Audit chain intact: \d+ entries verified\. The server holds it against no signed checkpoint\.$/m);
    const refused = await remote('audit', 'verify');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the server refused: the role the key was issued for may not do this (Not allowed)');

    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    await sql`UPDATE audit_log SET result_count = 999 WHERE seq = 2`.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
    const broken = await svod({ SVOD_API_KEY: adminToken }, 'audit', 'verify', '--server', server);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Audit chain BROKEN at entry 2: entry 2 was altered after it was written (1 entries before it verified).');
  });

  it('a bad key, a missing key and a server that is not there each get one clear sentence and exit 1', async () => {
    const badKey = await svod({ SVOD_API_KEY: 'svod_not-a-real-key' }, 'import', join(dir, 'many.jsonl'), '--server', server);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toBe(
      `svod: the server at ${server} did not accept the API key: it is unknown, revoked or expired; check SVOD_API_KEY or --api-key-file\n`,
    );
    const noKey = await svod({}, 'check', '--server', server, '--vin', 'XTA21099011234567');
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('--server needs an API key: set SVOD_API_KEY or name a file holding it with --api-key-file');
    const gone = await closedPort();
    const nobody = await svod({ SVOD_API_KEY: key, SVOD_SERVER: `http://127.0.0.1:${gone}` }, 'audit', 'verify');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain(`svod: cannot reach the server at http://127.0.0.1:${gone}: connection refused`);
    for (const r of [badKey, noKey, nobody]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
