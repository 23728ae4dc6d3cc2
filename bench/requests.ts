/**
 * `npm run bench:requests`: interstate requests with BENCH_SIZE of them stored (default 100,000,
 * spread over a year between every pair of agencies; PostgreSQL database `svod_bench_requests`
 * when DATABASE_URL is set, else PGlite in memory; BENCH_STORES=pglite,postgres measures both).
 * Figures, one JSON line each:
 * - the inbox over HTTP: a first page of 50, a page after it (cursor), the overdue filter — p50/p95;
 * - delivery, BENCH_ROUNDS rounds (default 100): a Kazakh draft signed, then the time from
 *   `send` until the request's event is read from Russia's open stream, and until Russia's
 *   inbox lists it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, REQUEST_TYPES, type RequestCreate } from '@svod/core';
import { DEFAULT_APP_CONFIG, buildApp, ensureAgreements, ensureParticipants, insertUser, migrateToLatest, type Db } from '@svod/server';
import { benchStores, openBenchStore, percentile } from './stores.ts';

const size = Number(process.env.BENCH_SIZE ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 100);
const queries = Number(process.env.BENCH_QUERIES ?? 200);
const stores = benchStores();

const AGENCIES = DEFAULT_PARTICIPANTS.map((p) => p.code);
const STATES = ['draft', 'received', 'assigned', 'in_work', 'answered', 'refused', 'clarification_requested'] as const;

/** A year of requests between every pair of agencies, written straight into the tables: the figure is the reading, not the writing. */
async function load(db: Db): Promise<void> {
  const now = Date.now();
  const year = 365 * 86_400_000;
  // The highest registration number given in each sender's year, for the register to go on from.
  const registered = new Map<string, { participant: string; year: number; last: number }>();
  // 2,000 rows of 16 columns a statement: a statement takes at most 65,535 parameters.
  for (let start = 0; start < size; start += 2_000) {
    const rows = [];
    for (let i = start; i < Math.min(size, start + 2_000); i += 1) {
      const sender = AGENCIES[i % AGENCIES.length]!;
      const recipient =
        AGENCIES[(i * 7 + 3) % AGENCIES.length] === sender ? AGENCIES[(i + 1) % AGENCIES.length]! : AGENCIES[(i * 7 + 3) % AGENCIES.length]!;
      const state = STATES[i % STATES.length]!;
      const created = new Date(now - year + (i / size) * year);
      const sent = state === 'draft' ? null : created;
      if (sent) registered.set(`${sender}/${created.getUTCFullYear()}`, { participant: sender, year: created.getUTCFullYear(), last: i + 1 });
      const content = {
        type: REQUEST_TYPES[i % REQUEST_TYPES.length],
        recipient,
        legalBasis: { agreement: 'Минская конвенция 1993 г.' },
        priority: i % 5 === 0 ? 'urgent' : 'routine',
        subject: `Запрос ${i}`,
        body: 'Прошу предоставить сведения.',
        form: { subject: { surname: 'Иванов', givenName: 'Иван' } },
      };
      rows.push({
        id: randomUUID(),
        type: content.type!,
        sender,
        recipient,
        priority: content.priority as 'urgent' | 'routine',
        subject: content.subject,
        content: JSON.stringify(content),
        state,
        version: 3,
        registration_number: sent ? `${sender}/${created.getUTCFullYear()}/${String(i + 1).padStart(6, '0')}` : null,
        created_by: 'bench',
        created_at: created,
        updated_at: created,
        sent_at: sent,
        received_at: sent,
        deadline_at: sent ? new Date(sent.getTime() + 14 * 86_400_000) : null,
      });
    }
    await db.insertInto('requests').values(rows).execute();
  }
  await db
    .insertInto('request_sequences')
    .values([...registered.values()])
    .execute();
}

async function benchStore(store: string): Promise<void> {
  const emit = (name: string, value: number, unit: string) =>
    process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, size, rounds, store })}\n`);
  const report = (name: string, times: number[]) => {
    times.sort((a, b) => a - b);
    emit(`${name} p50`, percentile(times, 50), 'ms');
    emit(`${name} p95`, percentile(times, 95), 'ms');
  };
  const db = await openBenchStore(store, 'svod_bench_requests');
  await migrateToLatest(db);
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  await ensureAgreements(db, DEMO_AGREEMENTS);
  const loadStarted = performance.now();
  await load(db);
  if (store === 'postgres') await sql`ANALYZE requests`.execute(db);
  emit('load', (performance.now() - loadStarted) / 1000, 's');

  const app = await buildApp({ db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
  const signIn = async (participant: string, role: 'operator' | 'supervisor') => {
    const password = randomBytes(12).toString('hex');
    const username = `bench.${participant.toLowerCase()}.${role}`;
    await insertUser(db, { participant, username, displayName: username, role, password }, DEFAULT_APP_CONFIG.passwordPolicy);
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return { authorization: `Bearer ${((await login.json()) as { token: string }).token}`, 'content-type': 'application/json' };
  };
  const ru = await signIn('RU-MVD', 'operator');
  const kz = await signIn('KZ-MVD', 'operator');
  const kzChief = await signIn('KZ-MVD', 'supervisor');

  const timed = async (url: string) => {
    const started = performance.now();
    const response = await fetch(url, { headers: ru });
    const page = (await response.json()) as { items: { id: string }[]; next: string | null };
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return { ms: performance.now() - started, page };
  };
  const first: number[] = [];
  const second: number[] = [];
  const overdue: number[] = [];
  for (let i = 0; i < queries; i += 1) {
    const { ms, page } = await timed(`${base}/requests?box=inbox&limit=50`);
    first.push(ms);
    second.push((await timed(`${base}/requests?box=inbox&limit=50&cursor=${encodeURIComponent(page.next!)}`)).ms);
    overdue.push((await timed(`${base}/requests?box=inbox&limit=50&overdue=true`)).ms);
  }
  const inboxSize = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('recipient', '=', 'RU-MVD')
    .executeTakeFirstOrThrow();
  emit("RU-MVD's inbox", Number(inboxSize.n), 'requests');
  report('inbox first page', first);
  report('inbox next page', second);
  report('inbox overdue', overdue);

  // Russia's open stream: each request's id with the moment its arrival was read.
  const arrived = new Map<string, number>();
  const controller = new AbortController();
  const stream = await fetch(`${base}/events`, { headers: ru, signal: controller.signal });
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      for (const match of text.matchAll(/event: request\.received\ndata: [^\n]*"request":"([0-9a-f-]+)"/g))
        if (!arrived.has(match[1]!)) arrived.set(match[1]!, performance.now());
      text = text.slice(Math.max(0, text.lastIndexOf('\n\n')));
    }
  })();

  const request: RequestCreate = {
    type: 'person_information',
    recipient: 'RU-MVD',
    legalBasis: { agreement: 'Минская конвенция 1993 г.', article: 'ст. 6' },
    priority: 'urgent',
    subject: 'Сведения о лице',
    body: 'Прошу сообщить сведения о судимости.',
    form: { subject: { surname: 'Ахметов', givenName: 'Болат' } },
  };
  const post = async (headers: Record<string, string>, path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const toStream: number[] = [];
  const toInbox: number[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let round = 0; round < rounds; round += 1) {
    const { id } = await post(kz, '/requests', request);
    await post(kzChief, `/requests/${id}/transitions`, { action: 'sign' });
    const started = performance.now();
    await post(kz, `/requests/${id}/transitions`, { action: 'send' });
    for (let listed = false; !listed; ) {
      const page = (await (await fetch(`${base}/requests?box=inbox&limit=5`, { headers: ru })).json()) as { items: { id: string }[] };
      listed = page.items.some((item) => item.id === id);
      if (listed) toInbox.push(performance.now() - started);
      else if (performance.now() - started > 10_000) throw new Error(`request ${id} never reached the inbox`);
    }
    while (!arrived.has(id) && performance.now() - started < 10_000) await sleep(2);
    if (!arrived.has(id)) throw new Error(`request ${id} never reached the stream`);
    toStream.push(arrived.get(id)! - started);
  }
  report('sent until on the event stream', toStream);
  report('sent until in the inbox', toInbox);
  controller.abort();
  await app.close();
  await db.destroy();
}

for (const store of stores) await benchStore(store);
