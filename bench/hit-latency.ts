/**
 * `npm run bench:hits`: how soon a hit reaches its owner's open event stream, and how soon a new
 * record's cross-matches are stored, with the background matcher running as `svod serve` runs
 * it. A fresh store of BENCH_SIZE generated records (default 20,000; PostgreSQL database
 * `svod_bench_hits` when DATABASE_URL is set, else PGlite in memory), then BENCH_ROUNDS rounds
 * (default 100) of: Russia files a wanted man; a Kazakh officer checks him (time from the check's
 * answer until the hit's event is read from Russia's stream); Kazakhstan files the same man under
 * his Latin name (time from its answer until the pair is stored). One JSON line per figure.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { generateRecords } from '@svod/core';
import { DEFAULT_APP_CONFIG, buildApp, insertUser, migrateToLatest, seedDemo, startCrossmatching } from '@svod/server';
import { openBenchStore } from './stores.ts';

const size = Number(process.env.BENCH_SIZE ?? 20_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 100);
const store = process.env.DATABASE_URL ? 'postgres' : 'pglite';

function emit(name: string, value: number, unit: string) {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, size, rounds, store })}\n`);
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
function report(name: string, times: number[]) {
  times.sort((a, b) => a - b);
  emit(`${name} p50`, percentile(times, 50), 'ms');
  emit(`${name} p95`, percentile(times, 95), 'ms');
  emit(`${name} max`, times.at(-1)!, 'ms');
}

const db = await openBenchStore(process.env.DATABASE_URL ? 'postgres' : 'pglite', 'svod_bench_hits');
await migrateToLatest(db);
const loadStarted = performance.now();
await seedDemo(
  db,
  (function* () {
    for (const record of generateRecords({ seed: 7, count: size })) yield JSON.stringify(record);
  })(),
  { passwordPolicy: DEFAULT_APP_CONFIG.passwordPolicy },
);
emit('load', (performance.now() - loadStarted) / 1000, 's');
// The load's records are matched before the measurement starts, as a running bank would have done.
const { crossmatchQueued } = await import('@svod/server');
const matchStarted = performance.now();
await crossmatchQueued(db);
emit('cross-match of the load', (performance.now() - matchStarted) / 1000, 's');

const app = await buildApp({ db });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
const stopMatching = startCrossmatching(db, DEFAULT_APP_CONFIG.hitDeadlines, (error) => console.error(error));

async function signIn(participant: string) {
  const password = randomBytes(12).toString('hex');
  const username = `bench.${participant.toLowerCase()}.${randomBytes(3).toString('hex')}`;
  await insertUser(db, { participant, username, displayName: username, role: 'operator', password }, DEFAULT_APP_CONFIG.passwordPolicy);
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { authorization: `Bearer ${((await login.json()) as { token: string }).token}`, 'content-type': 'application/json' };
}
const ru = await signIn('RU-MVD');
const kz = await signIn('KZ-MVD');

// Russia's open stream: each hit's id with the moment its event was read.
const arrived = new Map<string, number>();
const stream = await fetch(`${base}/events`, { headers: ru });
const reader = stream.body!.getReader();
const decoder = new TextDecoder();
void (async () => {
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    text += decoder.decode(value, { stream: true });
    for (const match of text.matchAll(/event: hit\.created\ndata: [^\n]*"hit":"([0-9a-f-]+)"/g))
      if (!arrived.has(match[1]!)) arrived.set(match[1]!, performance.now());
    text = text.slice(Math.max(0, text.lastIndexOf('\n\n')));
  }
})();

const person = (script: 'Cyrl' | 'Latn', round: number) => ({
  category: 'wanted_person',
  nationalRef: `BENCH-${script}-${round}-${randomBytes(3).toString('hex')}`,
  legalBasis: 'bench',
  actionOnHit: 'arrest',
  distribution: { kind: 'all' },
  person: {
    names: [
      script === 'Cyrl'
        ? { kind: 'primary', script, surname: 'Жумабеков', given: 'Ерболат' }
        : { kind: 'primary', script, surname: 'ZHUMABEKOV', given: 'YERBOLAT' },
    ],
    sex: 'male',
    birthDate: '1979-03-08',
    documents: [{ type: 'passport', number: `BH${String(round).padStart(7, '0')}`, issuingState: 'KZ' }],
  },
  wanted: {
    offence: { article: 'ст. 159 УК РФ', description: 'Мошенничество' },
    warrant: { issuedBy: 'суд', issuedOn: '2025-01-10' },
    measure: 'arrest',
  },
});

const stored: number[] = [];
const delivered: number[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
for (let round = 0; round < rounds; round++) {
  const passport = `BH${String(round).padStart(7, '0')}`;
  const first = (await (await fetch(`${base}/records`, { method: 'POST', headers: ru, body: JSON.stringify(person('Cyrl', round)) })).json()) as {
    id: string;
  };
  // The officer's check comes first, so that its hit is the first on this record.
  const check = await fetch(`${base}/checks`, {
    method: 'POST',
    headers: kz,
    body: JSON.stringify({ person: { surname: 'ZHUMABEKOV', given: 'YERBOLAT', document: { number: passport, issuingState: 'KZ' } } }),
  });
  const answered = performance.now();
  const hit = ((await check.json()) as { hit?: { id: string } }).hit;
  if (hit) {
    while (!arrived.has(hit.id)) await sleep(2);
    delivered.push(arrived.get(hit.id)! - answered);
  }
  const second = (await (await fetch(`${base}/records`, { method: 'POST', headers: kz, body: JSON.stringify(person('Latn', round)) })).json()) as {
    id: string;
  };
  const written = performance.now();
  const [a, b] = [first.id, second.id].sort();
  for (;;) {
    const pair = await db.selectFrom('matches').select('id').where('record_a', '=', a!).where('record_b', '=', b!).executeTakeFirst();
    if (pair) break;
    await sleep(10);
  }
  stored.push(performance.now() - written);
}
report("new record's cross-matches stored", stored);
report('hit on the owner’s stream after the check answered', delivered);
emit('hits measured', delivered.length, 'hits');
await reader.cancel();
await stopMatching();
await app.close();
await db.destroy();
