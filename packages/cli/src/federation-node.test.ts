import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, type Actor } from '@svod/core';
import {
  HAS_NATS,
  ensureAgreements,
  ensureParticipants,
  insertUser,
  loadSigningKey,
  migrateToLatest,
  openDatabase,
  registerNode,
  startFederation,
  startNatsCluster,
  type Db,
  type FederationNode,
  type NatsCluster,
} from '@svod/server';

const BIN = fileURLToPath(new URL('../bin/svod.js', import.meta.url));
const PASSWORD = `node-${process.pid}-${Date.now()}`;
const CHEAP_HASHING = { N: 1024, r: 8, p: 1, keyLength: 32 };
const BKBOP_ADMIN: Actor = { kind: 'system', id: 'test', name: 'test', participant: 'BKBOP', role: 'administrator' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (!HAS_NATS) console.warn('[svod tests] nats-server is not installed: the national node process test is SKIPPED.');

describe.skipIf(!HAS_NATS)('a national node as its own process', () => {
  let cluster: NatsCluster;
  let dir: string;
  let central: Db;
  let bank: FederationNode;
  let node: ChildProcess | undefined;
  let port: number;

  const serve = async () => {
    node = spawn(process.execPath, [BIN, 'serve', '--role', 'national', '--state', 'KZ', '--nats', cluster.leafUrl('KZ')], {
      env: {
        PATH: process.env.PATH,
        SVOD_LANG: 'en',
        DATABASE_URL: '',
        SVOD_DATA_DIR: join(dir, 'kz'),
        SVOD_NODE_KEY_FILE: join(dir, 'kz-key.pem'),
        SVOD_AUDIT_KEY_FILE: join(dir, 'audit.pem'),
        SVOD_AUDIT_CHECKPOINT_DIR: join(dir, 'checkpoints'),
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    await until(async () => (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok, 60_000);
  };
  const login = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kz.operator', password: PASSWORD }),
    });
    return ((await response.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    cluster = await startNatsCluster(['KZ']);
    dir = mkdtempSync(join(tmpdir(), 'svod-node-'));
    port = await freePort();
    // The node's store with its officer, before it serves; its key, registered at the bank.
    const store = await openDatabase({ dataDir: join(dir, 'kz') });
    await migrateToLatest(store);
    await ensureParticipants(store, DEFAULT_PARTICIPANTS);
    await ensureAgreements(store, DEMO_AGREEMENTS);
    await insertUser(
      store,
      { participant: 'KZ-MVD', username: 'kz.operator', displayName: 'kz.operator', role: 'operator', password: PASSWORD },
      CHEAP_HASHING,
    );
    await store.destroy();
    loadSigningKey(join(dir, 'kz-key.pem'), { create: true });
    central = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(central);
    await ensureParticipants(central, DEFAULT_PARTICIPANTS);
    await registerNode({ db: central, actor: BKBOP_ADMIN, purpose: 'test' }, 'KZ', readFileSync(join(dir, 'kz-key.pem.pub'), 'utf8'));
    bank = await startFederation(central, { role: 'central', nats: cluster.hubUrl, keyFile: join(dir, 'central.pem') }, () => {});
    await bank.ready;
  }, 120_000);

  afterAll(async () => {
    node?.kill('SIGKILL');
    await bank?.stop();
    await cluster?.close();
    await central?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a node killed with -9 while its officers write loses nothing: once back, the bank holds exactly the records the node holds', async () => {
    await serve();
    let token = await login();
    const answered: string[] = [];
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      // Killed a third of the way through, with writes in flight.
      if (i === 13) node!.kill('SIGKILL');
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          category: 'vehicle',
          nationalRef: `KZ-NODE-${i}`,
          legalBasis: 'Заявление владельца',
          actionOnHit: 'seize',
          distribution: { kind: 'all' },
          vehicle: { vin: `XTA21099043${String(500000 + i)}`, make: 'ВАЗ', model: '21099', colour: 'белый' },
        }),
      }).catch(() => null);
      if (response?.status === 201) answered.push(`KZ-NODE-${i}`);
      else refused++;
      if (i === 20) {
        await serve();
        token = await login();
      }
    }
    expect(refused).toBeGreaterThan(0);
    node!.kill('SIGTERM');
    await new Promise((resolve) => node!.once('exit', resolve));
    const store = await openDatabase({ dataDir: join(dir, 'kz') });
    const atNode = (await store.selectFrom('records').select('national_ref').execute()).map((r) => r.national_ref).sort();
    await store.destroy();
    // Every answered write is at the node; a write whose answer the kill swallowed may be too.
    expect(atNode).toEqual(expect.arrayContaining(answered));
    await serve();
    await until(async () => (await central.selectFrom('records').select('id').execute()).length >= atNode.length, 60_000);
    const atBank = (await central.selectFrom('records').select('national_ref').execute()).map((r) => r.national_ref).sort();
    expect(atBank).toEqual(atNode);
    console.log(
      `[federation node] written ${answered.length}, refused while down ${refused}, at the node ${atNode.length}, at the bank ${atBank.length}`,
    );
  }, 240_000);
});
