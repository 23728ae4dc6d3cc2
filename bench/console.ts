/**
 * `npm run bench:console`: how soon the console shows something on localhost, and how much
 * JavaScript its first screen costs. The demo bank (2,400 records) on an in-memory store, served
 * as `svod serve` serves it; Chromium loads the login page, signs in and opens the records list,
 * BENCH_CONSOLE_RUNS times (default 5), each in a fresh context (an empty cache). One JSON line
 * per figure: first contentful paint of the login page and of the records list after sign-in,
 * and the gzip size of the JavaScript the first screen loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { generateRecords } from '@svod/core';
import { buildApp, migrateToLatest, openDatabase, seedDemo } from '@svod/server';

const WEB_ROOT = fileURLToPath(new URL('../packages/web/dist', import.meta.url));
const runs = Number(process.env.BENCH_CONSOLE_RUNS ?? 5);
const POLICY = { N: 1024, r: 8, p: 1, keyLength: 32 };

function emit(name: string, value: number, unit: string) {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 10) / 10, unit, store: 'pglite' })}\n`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const db = await openDatabase({ dataDir: 'memory://' });
await migrateToLatest(db);
const password = 'bench-console-password';
await seedDemo(
  db,
  (function* () {
    for (const record of generateRecords({ seed: 20261123, count: 2400 })) yield JSON.stringify(record);
  })(),
  { passwordPolicy: POLICY, password },
);
const app = await buildApp({ db, config: { webRoot: WEB_ROOT, passwordPolicy: POLICY } });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');
const base = `http://127.0.0.1:${address.port}`;

// The first screen loads index.html's entry script and the chunks it preloads (shared by the
// lazy pages, split out by Vite); the chart's chunk loads only on the home page.
const html = readFileSync(`${WEB_ROOT}/index.html`, 'utf8');
const entries = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
const assets = new Set(readdirSync(`${WEB_ROOT}/assets`));
const firstScreen = entries
  .filter((name) => assets.has(name))
  .reduce((n, name) => n + gzipSync(readFileSync(`${WEB_ROOT}/assets/${name}`)).length, 0);
emit('console.firstScreenJs.gzip', firstScreen / 1024, 'KiB');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
/** Runs in the page: the browser's own first-contentful-paint entry (this file is typed without the DOM). */
const paint = () =>
  (globalThis as unknown as { performance: { getEntriesByType(type: string): { name: string; startTime: number }[] } }).performance
    .getEntriesByType('paint')
    .find((e) => e.name === 'first-contentful-paint')?.startTime ?? Number.NaN;
const login: number[] = [];
const list: number[] = [];
const rows: number[] = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Вход в систему' }).waitFor();
  login.push(await page.evaluate(paint));
  await page.getByLabel('Имя пользователя').fill('ru-mvd.operator');
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  // A fresh load of the list, signed in: what an officer sees when opening a link to it.
  const started = Date.now();
  await page.goto(`${base}/records`);
  await page.locator('tbody tr').first().waitFor();
  list.push(await page.evaluate(paint));
  rows.push(Date.now() - started);
  await context.close();
}
emit('console.login.firstContentfulPaint.median', median(login), 'ms');
emit('console.recordsList.firstContentfulPaint.median', median(list), 'ms');
emit('console.recordsList.rowsShown.median', median(rows), 'ms');
await browser.close();
await app.close();
await db.destroy();
