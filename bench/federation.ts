/**
 * `npm run bench:federation`: three Svod nodes on this machine — the central bank and the national
 * nodes of Kazakhstan and Kyrgyzstan — each with its own store (PGlite in memory; BENCH_STORES=
 * postgres: databases svod_bench_fed_*), over a NATS hub and a leaf server per state, as between
 * capitals. Figures, one JSON line each:
 * - a record written on a national node until it is filed for checks at the central bank,
 *   BENCH_ROUNDS of them (default 200), one at a time: p50/p95/max;
 * - an officer's check at a national node answered by the bank over the link, BENCH_ROUNDS of
 *   them: p50/p95;
 * - backfill: BENCH_BACKFILL records (default 100,000) of a third state's node, Uzbekistan's,
 *   loaded before it federates, then queued whole and sent to the bank: the time until the bank
 *   holds every one, and the rate. Uzbekistan's node runs in a process of its own, as a state's
 *   server runs on its own machine: its signing does not share the bank's thread.
 * Needs Debian's nats-server.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, generateRecords, type Actor } from '@svod/core';
import {
  HAS_NATS,
  createAjv,
  createRecordValidators,
  ensureAgreements,
  ensureParticipants,
  importRecords,
  loadSigningKey,
  migrateToLatest,
  queueWholeArray,
  registerNode,
  startFederation,
  startNatsCluster,
  trustBank,
  type Db,
  type FederationNode,
} from '@svod/server';
import { benchStores, openBenchStore, percentile } from './stores.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const backfill = Number(process.env.BENCH_BACKFILL ?? 100_000);
const STATES = ['KZ', 'KG', 'UZ'] as const;
const AGENCY: Record<string, string> = { KZ: 'KZ-MVD', KG: 'KG-MVD', UZ: 'UZ-MVD' };
const BKBOP_ADMIN: Actor = { kind: 'system', id: 'bench', name: 'bench', participant: 'BKBOP', role: 'administrator' };
const officer = (participant: string): Actor => ({ kind: 'system', id: 'bench', name: 'bench', participant, role: 'supervisor' });

async function prepared(store: string, name: string): Promise<Db> {
  const db = await openBenchStore(store, name);
  await migrateToLatest(db);
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  await ensureAgreements(db, DEMO_AGREEMENTS);
  return db;
}

const count = async (db: Db, owner: string) =>
  Number(
    (
      await db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('owner', '=', owner)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The generator's records, every one owned by the agency: a state's own array. */
function* arrayOf(owner: string, size: number): Generator<string> {
  for (const record of generateRecords({ seed: 20261207, count: size })) yield JSON.stringify({ ...record, owner });
}

async function benchStore(store: string): Promise<void> {
  const emit = (name: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
    process.stdout.write(`${JSON.stringify({ name, value, unit, store, nodes: 3, ...extra })}\n`);
  const cluster = await startNatsCluster(STATES);
  const dir = mkdtempSync(join(tmpdir(), 'svod-bench-federation-'));
  const central = await prepared(store, 'svod_bench_fed_central');
  const nodes: Record<string, Db> = {};
  const running: FederationNode[] = [];
  try {
    for (const state of STATES) {
      if (state !== 'UZ') nodes[state] = await prepared(store, `svod_bench_fed_${state.toLowerCase()}`);
      loadSigningKey(join(dir, `${state}.pem`), { create: true });
      await registerNode({ db: central, actor: BKBOP_ADMIN, purpose: 'bench' }, state, readFileSync(join(dir, `${state}.pem.pub`), 'utf8'));
    }
    // The nodes hold the bank's key: what it sends down, and its answers to their checks, are checked against it.
    loadSigningKey(join(dir, 'central.pem'), { create: true });
    for (const state of ['KZ', 'KG'])
      await trustBank({ db: nodes[state]!, actor: officer(AGENCY[state]!), purpose: 'bench' }, readFileSync(join(dir, 'central.pem.pub'), 'utf8'));
    // Loaded before the other figures are taken, so that its import does not share the cores with them.
    const uz = startSender(store, cluster.leafUrl('UZ'), dir);
    await uz.ready;
    const onError = (error: unknown) => process.stderr.write(`federation: ${String(error)}\n`);
    running.push(
      await startFederation(
        central,
        { role: 'central', nats: cluster.hubUrl, keyFile: join(dir, 'central.pem'), concurrentBatches: store === 'postgres' ? 2 : 1 },
        onError,
      ),
    );
    for (const state of ['KZ', 'KG']) {
      running.push(
        await startFederation(nodes[state]!, { role: 'national', state, nats: cluster.leafUrl(state), keyFile: join(dir, `${state}.pem`) }, onError),
      );
    }
    await Promise.all(running.map((node) => node.ready));

    const latencies: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const state = i % 2 === 0 ? 'KZ' : 'KG';
      const started = performance.now();
      const nationalRef = `${state}-LATENCY-${i}`;
      const lines = [JSON.stringify({ ...generateRecords({ seed: 1000 + i, count: 1 }).next().value, owner: AGENCY[state], nationalRef })];
      const written = await importRecords(
        { db: nodes[state]!, actor: officer(AGENCY[state]!), purpose: 'bench' },
        lines,
        createRecordValidators(createAjv()),
        {
          atomic: true,
        },
      );
      if (written.created !== 1) throw new Error(`round ${i}: ${JSON.stringify(written.rejected)}`);
      for (;;) {
        const arrived = await central
          .selectFrom('match_keys')
          .innerJoin('records', 'records.id', 'match_keys.record_id')
          .select('records.id')
          .where('records.owner', '=', AGENCY[state]!)
          .where('records.national_ref', '=', nationalRef)
          .limit(1)
          .executeTakeFirst();
        if (arrived) break;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    emit('federation.record_to_central.p50', Number(percentile(latencies, 50).toFixed(1)), 'ms', { rounds });
    emit('federation.record_to_central.p95', Number(percentile(latencies, 95).toFixed(1)), 'ms', { rounds });
    emit('federation.record_to_central.max', Number(latencies.at(-1)!.toFixed(1)), 'ms', { rounds });

    // An officer's check at Kazakhstan's node, answered by the bank across the leaf link.
    const kz = running.find((node) => node.state === 'KZ')!;
    const border: Actor = { kind: 'user', id: 'bench-border', name: 'bench', participant: AGENCY.KZ!, role: 'operator' };
    const checks: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const answer = await kz.check!(
        { db: nodes.KZ!, actor: border, purpose: 'bench' },
        { person: { surname: i % 2 ? 'Рахмонов' : 'Иванов', given: i % 3 ? 'Фаррух' : 'Сергей', birthDate: '1989-04' } },
      );
      if (answer.answeredBy !== 'bank') throw new Error(`check ${i} was answered by the node`);
      checks.push(performance.now() - started);
    }
    checks.sort((a, b) => a - b);
    emit('federation.check_through_bank.p50', Number(percentile(checks, 50).toFixed(1)), 'ms', { rounds });
    emit('federation.check_through_bank.p95', Number(percentile(checks, 95).toFixed(1)), 'ms', { rounds });

    const started = Date.now();
    const queued = await uz.send();
    let last = 0;
    for (;;) {
      const held = await count(central, AGENCY.UZ!);
      if (held >= queued) break;
      if (Date.now() - last > 5000) {
        process.stderr.write(`backfill: ${held} / ${queued} at the bank after ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
        last = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    emit('federation.backfill.seconds', Number(seconds.toFixed(1)), 's', { records: queued });
    emit('federation.backfill.rate', Math.round(queued / seconds), 'records/s', { records: queued });
    await uz.stop();
  } finally {
    for (const node of running) await node.stop().catch(() => {});
    await cluster.close();
    for (const db of [central, ...Object.values(nodes)]) await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Sender {
  ready: Promise<void>;
  /** Queues the whole array; resolves with how many records were queued. */
  send: () => Promise<number>;
  stop: () => Promise<void>;
}

/** Uzbekistan's node in a process of its own: loads its array, federates, and queues it whole when told. */
function startSender(store: string, nats: string, dir: string): Sender {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_SENDER: JSON.stringify({ store, nats, dir }) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () => once(child, 'message').then(([message]) => message as { queued?: number; ready?: true });
  return {
    ready: next().then(() => undefined),
    send: async () => {
      child.send('send');
      return (await next()).queued!;
    },
    stop: async () => {
      child.send('stop');
      await once(child, 'exit');
    },
  };
}

async function runSender({ store, nats, dir }: { store: string; nats: string; dir: string }): Promise<void> {
  const db = await prepared(store, 'svod_bench_fed_uz');
  // Uzbekistan's array is there before its node federates, as an existing national system's is.
  const loadStarted = Date.now();
  const report = await importRecords(
    { db, actor: officer(AGENCY.UZ!), purpose: 'bench' },
    arrayOf(AGENCY.UZ!, backfill),
    createRecordValidators(createAjv()),
    { atomic: false },
  );
  process.stderr.write(
    `loaded ${report.created} UZ records in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s (${report.rejectedTotal} rejected)\n`,
  );
  await trustBank({ db, actor: officer(AGENCY.UZ!), purpose: 'bench' }, readFileSync(join(dir, 'central.pem.pub'), 'utf8'));
  const node = await startFederation(db, { role: 'national', state: 'UZ', nats, keyFile: join(dir, 'UZ.pem') }, (error) =>
    process.stderr.write(`UZ: ${String(error)}\n`),
  );
  await node.ready;
  process.send!({ ready: true });
  for (;;) {
    const [message] = await once(process, 'message');
    if (message === 'send') process.send!({ queued: await queueWholeArray(db, 'UZ') });
    else break;
  }
  await node.stop();
  await db.destroy();
  process.disconnect();
}

if (process.env.BENCH_SENDER) {
  await runSender(JSON.parse(process.env.BENCH_SENDER));
  process.exit(0);
}

if (!HAS_NATS) {
  process.stderr.write('bench:federation needs nats-server (apt-get install nats-server)\n');
  process.exit(1);
}
for (const store of benchStores()) await benchStore(store);
