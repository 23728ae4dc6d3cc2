/**
 * `npm run bench:reconcile`: how fast a national array is reconciled with the bank, in how much
 * memory, and how many of its decisions are right. A bank of BENCH_SIZE vehicles of Kazakhstan
 * (default 100,000, taken from generated records; PostgreSQL database `svod_bench_reconcile_<size>` when
 * DATABASE_URL is set, else PGlite in memory), then an array of the same size written as a state
 * writes it — CSV, semicolons, Russian headers, one row in ten with its VIN, plate or make
 * written another way — in which 5 % of the cars have another colour, 0.5 % another car's VIN,
 * 2 % are missing, 3 % are new and 0.5 % of the lines are repeated. The run's report is checked
 * against what was done to the array, and the longest the server's thread was kept from
 * answering anything else (event loop delay). One JSON line per figure.
 */
import { fork } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, generateRecords, type RecordInput, type ReconciliationView } from '@svod/core';
import {
  allReconciliationItems,
  createAjv,
  createRecordValidators,
  ensureAgreements,
  ensureParticipants,
  importRecords,
  migrateToLatest,
  openDatabase,
  reconcileFile,
  type Db,
  type StoreContext,
} from '@svod/server';

const size = Number(process.env.BENCH_SIZE ?? 100_000);
const store = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const OWNER = 'KZ-MVD';
/** One database per size: a kept bank of another size would be reconciled against the wrong array. */
const DB_NAME = `svod_bench_reconcile_${size}`;

function emit(name: string, value: number, unit: string) {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, size, store })}\n`);
}

/** BENCH_REUSE=1 keeps the PostgreSQL bank of an earlier run of the same size: loading a million takes ten minutes. */
const reuse = process.env.BENCH_REUSE === '1';

async function open(): Promise<Db> {
  if (!process.env.DATABASE_URL) return openDatabase({ dataDir: 'memory://', longRunning: true });
  const admin = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
  const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${DB_NAME}`.execute(admin);
  if (!reuse || exists.rows[0]!.n === 0) {
    await sql.raw(`DROP DATABASE IF EXISTS ${DB_NAME}`).execute(admin);
    await sql.raw(`CREATE DATABASE ${DB_NAME}`).execute(admin);
  }
  await admin.destroy();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${DB_NAME}`;
  return openDatabase({ databaseUrl: url.toString(), dataDir: '' });
}

/** Which vehicle each reference truly is (the generator files some twice): what a duplicate is checked against. */
const truthOf = new Map<string, string>();

/** Generated vehicles, renumbered as one state's array: `count` of them. */
function vehicles(count: number, seed: number, prefix: string): RecordInput[] {
  const out: RecordInput[] = [];
  for (const generated of generateRecords({ count: Math.max(1000, Math.ceil(count * 6.5)), seed })) {
    if (generated.category !== 'vehicle' || !generated.vehicle) continue;
    const { owner: _owner, truth: _truth, corruptions: _corruptions, ...record } = generated as typeof generated & Record<string, unknown>;
    const nationalRef = `${prefix}-${String(out.length + 1).padStart(7, '0')}`;
    truthOf.set(nationalRef, `${seed}:${generated.truth}`);
    out.push({ ...(record as RecordInput), nationalRef, distribution: { kind: 'all' } });
    if (out.length === count) break;
  }
  return out;
}

const HEADER = ['Рег. номер', 'Госномер', 'Страна номера', 'VIN', 'Номер двигателя', 'Номер кузова', 'Марка', 'Модель', 'Цвет', 'Год выпуска'];
const cell = (value: unknown) => {
  const text = value === undefined ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
/**
 * How a national system writes what the bank holds, one row in ten another way: a VIN in lower
 * case split by spaces, a plate without its spaces, a make in capitals. None of it is a change.
 */
const writtenAnotherWay = (text: string | undefined, i: number, kind: 'vin' | 'plate' | 'make') => {
  if (text === undefined || i % 10 !== 3) return text;
  if (kind === 'vin') return `${text.slice(0, 3)} ${text.slice(3, 9)}-${text.slice(9)}`.toLowerCase();
  if (kind === 'plate') return text.replace(/\s+/g, '');
  return text.toUpperCase();
};
const line = (r: RecordInput, i: number, colour?: string) =>
  [
    r.nationalRef,
    writtenAnotherWay(r.vehicle?.plate?.number, i, 'plate'),
    r.vehicle?.plate?.state,
    writtenAnotherWay(r.vehicle?.vin, i, 'vin'),
    r.vehicle?.engineNumber,
    r.vehicle?.bodyNumber,
    writtenAnotherWay(r.vehicle?.make, i, 'make'),
    r.vehicle?.model,
    colour ?? r.vehicle?.colour,
    r.vehicle?.year,
  ]
    .map(cell)
    .join(';');

/**
 * The run itself, with its figures: wall time by stage, peak memory, the server's thread held up.
 * On PostgreSQL it runs in a process of its own, as in a server: the bench's truth for a million
 * references and the generator's leavings are not the run's memory.
 */
async function measuredRun(ctx: StoreContext, path: string): Promise<ReconciliationView> {
  // What a check arriving during the run would wait for the server's thread.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  // The process's memory before the run: in-process (PGlite) it holds the bench's truth and the generator's leavings too.
  const before = process.memoryUsage().rss;
  const peak = { rss: 0 };
  // The peak of each stage, and what the main thread's heap held then: where the memory goes.
  const peakOfStage: Record<string, { rss: number; heap: number }> = {};
  let current: { stage: string; at: number } | undefined;
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    const stage = current?.stage ?? 'opening';
    if (rss > (peakOfStage[stage]?.rss ?? 0)) peakOfStage[stage] = { rss, heap: heapUsed };
  }, 100);
  const started = performance.now();
  // Where the time goes: each stage from its first progress note to the next stage's.
  const stages: Record<string, number> = {};
  const view = await reconcileFile(ctx, { participant: OWNER, category: 'vehicle', path, fileName: 'kz-vehicles.csv' }, ({ stage }) => {
    if (current?.stage === stage) return;
    const now = performance.now();
    if (current) stages[current.stage] = (stages[current.stage] ?? 0) + (now - current.at) / 1000;
    current = { stage, at: now };
  });
  if (current) stages[current.stage] = (stages[current.stage] ?? 0) + (performance.now() - current.at) / 1000;
  const seconds = (performance.now() - started) / 1000;
  for (const [stage, spent] of Object.entries(stages)) emit(`reconcile stage ${stage}`, spent, 's');
  clearInterval(sampler);
  loopDelay.disable();
  if (view.status !== 'compared') throw new Error(`the run ended ${view.status}: ${JSON.stringify(view.error)}`);
  emit('reconcile wall', seconds, 's');
  emit('reconcile rows/s', view.summary!.rows / seconds, 'rows/s');
  emit('reconcile rss before the run', before / 2 ** 20, 'MiB');
  emit('reconcile peak rss', peak.rss / 2 ** 20, 'MiB');
  for (const [stage, { rss, heap }] of Object.entries(peakOfStage)) {
    emit(`reconcile peak rss while ${stage}`, rss / 2 ** 20, 'MiB');
    emit(`reconcile main heap at that peak, ${stage}`, heap / 2 ** 20, 'MiB');
  }
  emit('reconcile event loop delay p99', loopDelay.percentile(99) / 1e6, 'ms');
  emit('reconcile event loop delay max', loopDelay.max / 1e6, 'ms');

  return view;
}

/** The child process of a PostgreSQL run: reconciles the file it is given and hands back the view. */
async function runAlone(path: string): Promise<void> {
  const db = await open();
  try {
    const view = await measuredRun(contextOf(db), path);
    await new Promise<void>((resolve, reject) => process.send!(view, (error: Error | null) => (error ? reject(error) : resolve())));
  } finally {
    await db.destroy();
  }
}

async function runInChild(path: string): Promise<ReconciliationView> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_RUN_FILE: path, BENCH_REUSE: '1' },
    execArgv: ['--import', 'tsx'],
  });
  let view: ReconciliationView | undefined;
  child.on('message', (message) => {
    view = message as ReconciliationView;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0 || !view) throw new Error(`the run's process ended with ${code}`);
  return view;
}

const contextOf = (db: Db): StoreContext => ({
  db,
  actor: { kind: 'system', id: 'bench', name: 'bench', participant: OWNER, role: 'supervisor' },
  purpose: 'bench',
});

async function main() {
  const db = await open();
  await migrateToLatest(db);
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  await ensureAgreements(db, DEMO_AGREEMENTS);
  const validators = createRecordValidators(createAjv());
  // Dropped once the array is written: the run's memory is measured, not the bench's.
  let bank: RecordInput[] = vehicles(size, 7, 'KZ-V');
  const ctx = contextOf(db);
  const loadStarted = performance.now();
  const held = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('owner', '=', OWNER)
    .executeTakeFirstOrThrow();
  if (Number(held.n) !== size)
    await importRecords(
      ctx,
      (function* () {
        for (const r of bank) yield JSON.stringify(r);
      })(),
      validators,
      { atomic: false, batchSize: 1000 },
    );
  emit('reconcile bank load', (performance.now() - loadStarted) / 1000, 's');
  await db.deleteFrom('crossmatch_queue').execute();
  // A kept bank holds earlier runs' reports: only this run's is read.
  await db.deleteFrom('reconciliations').execute();

  // The array: what was done to each reference, to check the report against.
  const expected = new Map<string, 'unchanged' | 'changed' | 'stale' | 'new' | 'conflicts'>();
  const dir = mkdtempSync(join(tmpdir(), 'svod-bench-reconcile-'));
  const path = join(dir, 'kz-vehicles.csv');
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(`${text}\r\n`)) await once(out, 'drain');
  };
  await write(HEADER.join(';'));
  let repeated = 0;
  for (const [i, record] of bank.entries()) {
    const draw = (i * 2654435761) % 1000;
    if (draw < 20) {
      expected.set(record.nationalRef, 'stale');
      continue;
    }
    const otherVin = bank[(i + 1) % bank.length]!.vehicle?.vin;
    if (draw >= 70 && draw < 75 && record.vehicle?.vin && otherVin && otherVin !== record.vehicle.vin) {
      // Another car's VIN under this reference: a contradiction for a person, not an update.
      expected.set(record.nationalRef, 'conflicts');
      await write(line({ ...record, vehicle: { ...record.vehicle, vin: otherVin } }, i));
      continue;
    }
    if (draw < 70) {
      expected.set(record.nationalRef, 'changed');
      await write(line(record, i, record.vehicle?.colour === 'чёрный' ? 'белый' : 'чёрный'));
    } else {
      expected.set(record.nationalRef, 'unchanged');
      await write(line(record, i));
    }
    if (draw >= 990 && draw < 995) {
      await write(
        line(record, i, expected.get(record.nationalRef) === 'changed' ? (record.vehicle?.colour === 'чёрный' ? 'белый' : 'чёрный') : undefined),
      );
      repeated++;
    }
  }
  for (const [i, record] of vehicles(Math.round(size * 0.03), 8, 'KZ-N').entries()) {
    expected.set(record.nationalRef, 'new');
    await write(line(record, i));
  }
  out.end();
  await once(out, 'finish');
  bank = [];

  const view = store === 'postgres' ? await runInChild(path) : await measuredRun(ctx, path);

  // Decisions as the report makes them, by reference.
  const actual = new Map<string, string>();
  const refOfId = new Map(
    (await db.selectFrom('records').select(['id', 'national_ref']).where('owner', '=', OWNER).execute()).map((r) => [r.id, r.national_ref]),
  );
  for (const group of ['new', 'changed', 'conflicts', 'stale'] as const) {
    for await (const item of allReconciliationItems(db, view.id, group)) {
      const ref = item.recordId ? refOfId.get(item.recordId) : (item.payload.record as RecordInput | undefined)?.nationalRef;
      if (ref) actual.set(ref, group);
    }
  }
  let right = 0;
  const wrong: Record<string, number> = {};
  for (const [ref, want] of expected) {
    const got = actual.get(ref) ?? 'unchanged';
    if (got === want) right++;
    else wrong[`${want}→${got}`] = (wrong[`${want}→${got}`] ?? 0) + 1;
  }
  emit('reconcile decisions right', right / expected.size, 'share');
  let sameRef = 0;
  let sameSubject = 0;
  let trulySame = 0;
  const found = new Set<string>();
  for await (const item of allReconciliationItems(db, view.id, 'duplicates')) {
    const { reason, nationalRefs } = item.payload as { reason: string; nationalRefs: string[] };
    if (reason === 'same_reference') sameRef++;
    else {
      sameSubject++;
      if (truthOf.get(nationalRefs[0]!) === truthOf.get(nationalRefs[1]!)) trulySame++;
      found.add([...nationalRefs].sort().join(' '));
    }
  }
  // Pairs of references in the array that are one vehicle.
  const byTruth = new Map<string, string[]>();
  for (const [ref, want] of expected) if (want !== 'stale') byTruth.set(truthOf.get(ref)!, [...(byTruth.get(truthOf.get(ref)!) ?? []), ref]);
  let truePairs = 0;
  let foundTrue = 0;
  for (const refs of byTruth.values()) {
    for (let a = 0; a < refs.length; a++) {
      for (let b = a + 1; b < refs.length; b++) {
        truePairs++;
        if (found.has([refs[a]!, refs[b]!].sort().join(' '))) foundTrue++;
      }
    }
  }
  emit('reconcile repeated references found', sameRef / Math.max(1, repeated), 'share');
  emit('reconcile same-vehicle duplicates precision', trulySame / Math.max(1, sameSubject), 'share');
  emit('reconcile same-vehicle duplicates recall', foundTrue / Math.max(1, truePairs), 'share');
  process.stdout.write(`${JSON.stringify({ summary: view.summary, wrong })}\n`);
  if (process.env.BENCH_DEBUG) {
    for (const group of ['changed', 'invalid', 'duplicates'] as const) {
      let n = 0;
      for await (const item of allReconciliationItems(db, view.id, group)) {
        if (group === 'duplicates' && item.payload.reason !== 'same_subject') continue;
        if (n++ >= 4) break;
        process.stdout.write(`${group} ${JSON.stringify(item.payload.differences ?? item.payload.issues ?? item.payload).slice(0, 600)}\n`);
      }
    }
  }
  await db.destroy();
}

if (process.env.BENCH_RUN_FILE) await runAlone(process.env.BENCH_RUN_FILE);
else await main();
