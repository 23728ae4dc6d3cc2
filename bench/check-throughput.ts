/**
 * `npm run bench:checks`: person checks per second and their latency with several clients at
 * once, on a store already loaded by `npm run bench` (BENCH_REUSE=1 keeps svod_bench_<size>; or
 * BENCH_DATA_DIR for PGlite). No ground truth, so a million-record store is measured in a
 * minute: the checks are built from a sample of the stored persons (a Latin name where there is
 * one, the birth date), asked through the store (audit included) and over HTTP (in-process
 * inject: session, validation, serialisation). One JSON line per figure, as `npm run bench`.
 *
 * BENCH_ROUTE=search measures the console's search by name (every status) the same way.
 * BENCH_SIZE names the kept store (default 1000000); BENCH_CLIENTS the client counts to run
 * (default 1,4,8,16); BENCH_CHECKS the checks per run (default 2000; each run asks
 * its own, none asked before); BENCH_STORES postgres
 * (with DATABASE_URL) or pglite.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import type { CheckInput } from '@svod/core';
import { RECORD_SEARCH, SYSTEM_ACTOR, openDatabase, prepareChecks, runCheck, type Db } from '@svod/server';
import { appAsAnalyst } from './analyst.ts';

const size = Number(process.env.BENCH_SIZE ?? 1_000_000);
const widths = (process.env.BENCH_CLIENTS ?? '1,4,8,16').split(',').map(Number);
const perRun = Number(process.env.BENCH_CHECKS ?? 2000);
const store = process.env.BENCH_STORES ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
/** BENCH_ROUTE=search measures the console's search (POST /records/search: every status) instead of field checks. */
const search = process.env.BENCH_ROUTE === 'search';

function emit(name: string, value: number, unit: string) {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, size, store })}\n`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function open(): Promise<Db> {
  if (store === 'pglite') {
    if (!process.env.BENCH_DATA_DIR) throw new Error('bench:checks: set BENCH_DATA_DIR to the kept PGlite store');
    return openDatabase({ dataDir: join(process.env.BENCH_DATA_DIR, 'store'), longRunning: true });
  }
  if (!process.env.DATABASE_URL) throw new Error('bench:checks: DATABASE_URL is not set');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/svod_bench_${size}`;
  return openDatabase({ databaseUrl: url.toString(), dataDir: '' });
}

type StoredPerson = { names?: { kind?: string; surname?: string; given?: string; lang?: string }[]; birthDate?: string };

/** Person checks built from stored records the checker (BKBOP) may see. */
async function sampleChecks(db: Db, count: number): Promise<CheckInput[]> {
  const rows = await sql<{ content: { person?: StoredPerson } | string }>`
    SELECT content FROM records TABLESAMPLE BERNOULLI (${sql.lit(Math.min(100, (300 * count) / size))}) REPEATABLE (7)
    WHERE category IN ('wanted_person', 'missing_person') AND shared_with_all AND status = 'active'
    LIMIT ${count}`.execute(db);
  const checks: CheckInput[] = [];
  for (const row of rows.rows) {
    const content = (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as { person?: StoredPerson };
    const person = content.person;
    const name = person?.names?.find((n) => n.kind === 'latin') ?? person?.names?.[0];
    if (!name?.surname || !name.given) continue;
    checks.push({ person: { surname: name.surname, given: name.given, birthDate: person?.birthDate, lang: name.lang } } as CheckInput);
  }
  return checks;
}

/** `width` clients, each asking its next check as soon as the last is answered. */
async function run(width: number, checks: CheckInput[], ask: (input: CheckInput) => Promise<unknown>) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < checks.length) {
        const input = checks[next++]!;
        const t = performance.now();
        await ask(input);
        times.push(performance.now() - t);
      }
    }),
  );
  const rate = checks.length / ((performance.now() - started) / 1000);
  times.sort((a, b) => a - b);
  return { rate, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

const db = await open();
try {
  await prepareChecks(db);
  const runs = widths.length * 2 + 1;
  // A sampled record now and then yields no check (no name to ask by): ask for a few more.
  const checks = await sampleChecks(db, Math.ceil(perRun * runs * 1.05));
  if (checks.length < perRun * runs) throw new Error(`bench:checks: only ${checks.length} person checks could be built; is the store loaded?`);
  const slices = Array.from({ length: runs }, (_, i) => checks.slice(i * perRun, (i + 1) * perRun));
  const ctx = { db, actor: { ...SYSTEM_ACTOR, participant: 'BKBOP', role: 'analyst' as const }, purpose: 'bench' };
  const { app, headers } = await appAsAnalyst(db);
  let failed = 0;
  const viaStore = (input: CheckInput) => (search ? runCheck(ctx, input, RECORD_SEARCH) : runCheck(ctx, input));
  const viaHttp = async (input: CheckInput) => {
    const url = search ? '/api/v1/records/search' : '/api/v1/checks';
    const response = await app.inject({ method: 'POST', url, headers, payload: input as object });
    if (response.statusCode !== 200 && failed++ === 0)
      process.stderr.write(`bench:checks: a check failed: ${response.statusCode} ${response.body}\n`);
  };
  // Warm the engine's and the server's caches as a server that has run for a while, on checks
  // that are not asked again: each run below asks its own.
  await run(4, slices.pop()!, viaStore);
  for (const [path, ask] of [
    [search ? 'search.person' : 'check.person', viaStore],
    [search ? 'api.search.person' : 'api.check.person', viaHttp],
  ] as const) {
    for (const width of widths) {
      const r = await run(width, slices.pop()!, ask);
      emit(`${path}.clients_${width}.throughput`, r.rate, 'checks/s');
      emit(`${path}.clients_${width}.p50`, r.p50, 'ms');
      emit(`${path}.clients_${width}.p95`, r.p95, 'ms');
      emit(`${path}.clients_${width}.p99`, r.p99, 'ms');
    }
  }
  emit('api.check.person.failed', failed, 'checks');
  await app.close();
} finally {
  await db.destroy();
}
