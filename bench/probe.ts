/**
 * `npm run probe`: what the bank does under crashes and floods, one JSON line per figure.
 *
 * - crash: `svod import` of a generated array is killed with SIGKILL at a random moment,
 *   PROBE_RUNS times (default 20) for each import mode (batches, --atomic) on each store
 *   (PGlite; the PostgreSQL server too when DATABASE_URL is set). After each kill the store must
 *   open, every stored record must be covered by a committed audit entry, an atomic import must
 *   have stored all or nothing, the audit chain must verify, and running the same import again
 *   must leave every line of the file stored exactly once.
 * - flood: one operator posts a PROBE_FLOOD_MIB (default 60) MiB body of bad lines to a running
 *   `svod serve`, while /health is asked every 50 ms: its worst answer time and the server's
 *   peak resident memory are reported.
 *
 * PROBE=crash or PROBE=flood runs one part; PROBE_STORES=pglite or =postgres one store.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateRecords } from '@svod/core';
import { migrateToLatest, openDatabase, verifyAuditChain, type Db } from '@svod/server';

const BIN = fileURLToPath(new URL('../packages/cli/bin/svod.js', import.meta.url));
const runs = Number(process.env.PROBE_RUNS ?? 20);
const lines = Number(process.env.PROBE_LINES ?? 6000);
const parts = (process.env.PROBE ?? 'crash,flood').split(',');
const stores = (process.env.PROBE_STORES ?? (process.env.DATABASE_URL ? 'pglite,postgres' : 'pglite')).split(',');
const work = mkdtempSync(join(tmpdir(), 'svod-probe-'));

function emit(name: string, value: number, unit: string, extra: Record<string, string | number> = {}) {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ...extra })}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The CLI (or server) as a separate process on the given store, quiet unless it fails. */
function svod(store: StoreUnderTest, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      SVOD_LANG: 'en',
      SVOD_DATA_DIR: store.dataDir,
      DATABASE_URL: store.url ?? '',
      SVOD_AUDIT_KEY_FILE: join(work, 'keys', 'audit.pem'),
      SVOD_AUDIT_CHECKPOINT_DIR: join(work, 'checkpoints'),
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

interface StoreUnderTest {
  kind: string;
  dataDir: string;
  url?: string;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

async function freshStore(kind: string, n: number): Promise<StoreUnderTest> {
  const dataDir = join(work, `${kind}-${n}`);
  if (kind === 'pglite') {
    return { kind, dataDir, open: () => openDatabase({ dataDir }), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `svod_probe_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    kind,
    dataDir,
    url: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir: '' }),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

interface Findings {
  stored: number;
  audited: number;
  chainOk: boolean;
}

/** What the store holds after a crash, and what its audit trail vouches for. */
async function inspect(store: StoreUnderTest): Promise<Findings> {
  const db = await store.open();
  try {
    await migrateToLatest(db);
    const stored = Number(
      (
        await db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const imports = await db
      .selectFrom('audit_log')
      .select(['detail', 'result_count'])
      .where('action', '=', 'record.import')
      .where('outcome', '=', 'success')
      .execute();
    // Batches carry their own entry; an atomic load carries one for the whole file.
    const detailOf = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as { batch?: unknown; atomic?: boolean };
    const audited = imports
      .filter((e) => detailOf(e.detail).batch !== undefined || detailOf(e.detail).atomic === true)
      .reduce((sum, e) => sum + (e.result_count ?? 0), 0);
    return { stored, audited, chainOk: (await verifyAuditChain(db)).ok };
  } finally {
    await db.destroy();
  }
}

async function crashProbe() {
  const file = join(work, 'array.jsonl');
  writeFileSync(file, `${[...generateRecords({ seed: 7, count: lines })].map((r) => JSON.stringify(r)).join('\n')}\n`);
  const distinct = new Set(
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => {
        const r = JSON.parse(l);
        return `${r.owner}|${r.nationalRef}`;
      }),
  ).size;
  for (const kind of stores) {
    for (const atomic of [false, true]) {
      const mode = atomic ? 'atomic' : 'batches';
      let lost = 0;
      let unaudited = 0;
      let halfApplied = 0;
      let brokenChains = 0;
      let unopenable = 0;
      let killedMidway = 0;
      /** Kills that left part of the file stored: the case an unaudited batch would show in. */
      let partlyStored = 0;
      // How long the command takes to start and how long a whole import, to kill it while it writes.
      const timing = await freshStore(kind, 0);
      const empty = join(work, 'empty.jsonl');
      writeFileSync(empty, '');
      const timed = async (args: string[]) => {
        const started = performance.now();
        await exited(svod(timing, args));
        return performance.now() - started;
      };
      await timed(['migrate']);
      const startMs = await timed(['import', empty]);
      const fullMs = await timed(['import', file, ...(atomic ? ['--atomic'] : [])]);
      await timing.drop();
      for (let run = 1; run <= runs; run++) {
        const store = await freshStore(kind, run);
        try {
          if (kind === 'pglite') await exited(svod(store, ['migrate']));
          const child = svod(store, ['import', file, ...(atomic ? ['--atomic'] : [])]);
          await sleep(startMs + (fullMs - startMs) * (0.05 + 0.9 * Math.random()));
          if (child.exitCode === null) killedMidway++;
          child.kill('SIGKILL');
          await exited(child);
          let found: Findings;
          try {
            found = await inspect(store);
          } catch {
            unopenable++;
            continue;
          }
          if (found.stored > 0 && found.stored < distinct) partlyStored++;
          if (found.stored !== found.audited) unaudited += Math.abs(found.stored - found.audited);
          if (atomic && found.stored !== 0 && found.stored !== distinct) halfApplied++;
          if (!found.chainOk) brokenChains++;
          // Run again to the end: every line of the file must then be stored, once.
          const code = await exited(svod(store, ['import', file, ...(atomic ? ['--atomic'] : [])]));
          const after = await inspect(store);
          if (code !== 0 || after.stored !== distinct) lost += Math.abs(distinct - after.stored);
          if (!after.chainOk) brokenChains++;
        } finally {
          await store.drop();
        }
      }
      const tags = { store: kind, mode, runs, lines };
      emit('crash.killed_midway', killedMidway, 'runs', tags);
      emit('crash.partly_stored_at_kill', partlyStored, 'runs', tags);
      emit('crash.unopenable_stores', unopenable, 'runs', tags);
      emit('crash.records_unaudited', unaudited, 'records', tags);
      emit('crash.atomic_half_applied', halfApplied, 'runs', tags);
      emit('crash.records_lost_after_rerun', lost, 'records', tags);
      emit('crash.broken_audit_chains', brokenChains, 'runs', tags);
    }
  }
}

/** Resident memory of a process, from /proc (Linux). */
const rssMib = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

async function floodProbe() {
  const mib = Number(process.env.PROBE_FLOOD_MIB ?? 60);
  const store = await freshStore('pglite', 1000);
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const server = svod(store, ['serve'], { PORT: String(port), SVOD_DEMO: 'true', LOG_LEVEL: 'warn' });
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {
    for (let i = 0; i < 120; i++) {
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(500);
    }
    const token = await operatorToken(store, base);
    // Lines that pass the schema and fail only on the record rules: the most work a bad line costs.
    const person = [...generateRecords({ seed: 1, count: 50 })].find((r) => r.category === 'wanted_person' && r.person?.birthDate)!;
    const bad = JSON.stringify({ ...person, person: { ...person.person, birthDate: '1985-02-30' } });
    const count = Math.floor((mib * 1024 * 1024) / (Buffer.byteLength(bad) + 1));
    const body = Buffer.from(Array.from({ length: count }, () => bad).join('\n'));
    const baseline = rssMib(server.pid!);
    let peak = baseline;
    const latencies: number[] = [];
    let done = false;
    const importing = fetch(`${base}/records/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body,
    }).then(async (r) => {
      done = true;
      return { status: r.status, report: (await r.json()) as { lines: number; rejectedTotal: number } };
    });
    const startedAt = performance.now();
    while (!done) {
      const t0 = performance.now();
      await fetch(`${base}/health`);
      latencies.push(performance.now() - t0);
      peak = Math.max(peak, rssMib(server.pid!));
      await sleep(50);
    }
    const { status, report } = await importing;
    const tags = { store: 'pglite', body_mib: mib, lines: count };
    emit('flood.import_status', status, 'http', tags);
    emit('flood.import_seconds', (performance.now() - startedAt) / 1000, 's', tags);
    emit('flood.lines_counted', report.lines, 'lines', tags);
    latencies.sort((a, b) => a - b);
    emit('flood.health_answers_during_import', latencies.length, 'answers', tags);
    emit('flood.health_p50_ms', latencies[Math.floor(latencies.length / 2)] ?? 0, 'ms', tags);
    emit('flood.health_worst_ms', latencies.at(-1) ?? 0, 'ms', tags);
    emit('flood.rss_before_mib', baseline, 'MiB', tags);
    emit('flood.rss_peak_mib', peak, 'MiB', tags);
  } finally {
    server.kill('SIGTERM');
    await exited(server);
    await store.drop();
  }
}

/** An operator's token: the server loaded demo data into its new store and wrote the password down. */
async function operatorToken(store: StoreUnderTest, base: string): Promise<string> {
  const credentials = readFileSync(join(store.dataDir, 'demo-credentials.txt'), 'utf8');
  const password = /Password for every demo account: (\S+)/.exec(credentials)?.[1];
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'uz-mvd.operator', password }),
  });
  return ((await response.json()) as { token: string }).token;
}

try {
  if (parts.includes('crash')) await crashProbe();
  if (parts.includes('flood')) await floodProbe();
} finally {
  rmSync(work, { recursive: true, force: true });
}
