/**
 * What the console's tests in a real Chromium share: the real server on an in-memory store
 * serving the built console, the browser, the page errors and refused scripts they watch for,
 * signing in through the login form, the pictures each test leaves behind and axe-core's verdict.
 * Each test file keeps its own users and data.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, type Role } from '@svod/core';
import {
  buildApp,
  ensureAgreements,
  ensureParticipants,
  insertUser,
  migrateToLatest,
  openDatabase,
  type Db,
  type FederationNode,
  type PasswordPolicy,
} from '@svod/server';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const INDEX_HTML = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
export const MISSING_BUILD = 'packages/web/dist/index.html is missing: run `npm run build:web` first (npm test does it before vitest)';
const WEB_ROOT = fileURLToPath(new URL('../../dist', import.meta.url));
/** Passwords hashed at a token cost: the scenarios log in often, and the production cost has its own tests. */
const PASSWORD_POLICY: PasswordPolicy = { N: 1024, r: 8, p: 1, keyLength: 32 };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface ConsoleUser {
  participant: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface ConsoleServer {
  db: Db;
  app: Awaited<ReturnType<typeof buildApp>>;
  /** The console's address without the closing slash: `${baseUrl}/records`. */
  baseUrl: string;
  /** The one password all the scenario's users have. */
  password: string;
  /** The headers of an API call as `username`. */
  login: (username: string) => Promise<{ authorization: string }>;
  /** The same call as the console's (with an idempotency key), for what a scenario sets up around its screens. */
  call: <T = unknown>(username: string, method: 'GET' | 'POST', url: string, payload?: object) => Promise<T>;
  close: () => Promise<void>;
}

/**
 * The real server on a fresh in-memory store with the demo's agencies and agreements and
 * `users`, serving the built console on a free port.
 */
export async function startConsoleServer({
  users,
  federation: federate,
}: {
  users: readonly ConsoleUser[];
  /** This server's part in a federation (a national node, say), started on its store; none for a single bank. */
  federation?: (db: Db) => Promise<FederationNode>;
}): Promise<ConsoleServer> {
  if (!existsSync(INDEX_HTML)) throw new Error(MISSING_BUILD);
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const db = await openDatabase({ dataDir: 'memory://' });
  let app: ConsoleServer['app'] | undefined;
  let federation: FederationNode | undefined;
  const close = async () => {
    await app?.close();
    await federation?.stop();
    await db.destroy();
  };
  try {
    await migrateToLatest(db);
    await ensureParticipants(db, DEFAULT_PARTICIPANTS);
    await ensureAgreements(db, DEMO_AGREEMENTS);
    for (const user of users) await insertUser(db, { ...user, password }, PASSWORD_POLICY);
    federation = await federate?.(db);
    app = await buildApp({ db, config: { webRoot: WEB_ROOT, passwordPolicy: PASSWORD_POLICY }, ...(federation ? { federation } : {}) });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    // The caller never gets the store to close: a half-started server would keep it open.
    await close();
    throw error;
  }
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server did not report a TCP address');
  const served = app;
  const login = async (username: string) => {
    const response = await served.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(response.statusCode, response.body).toBe(200);
    return { authorization: `Bearer ${(response.json() as { token: string }).token}` };
  };
  const call = async <T = unknown>(username: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
    const headers = { ...(await login(username)), 'idempotency-key': randomBytes(16).toString('hex') };
    const response = await served.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as T;
  };
  return { db, app, baseUrl: `http://127.0.0.1:${address.port}`, password, login, call, close };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page in a browser context of its own, so with a session of its own: an office screen's size, in Russian. */
export async function openDesktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** What went wrong in a scenario's pages, asserted empty by its last test. */
export interface PageTroubles {
  pageErrors: string[];
  /** What the browser refused under the Content-Security-Policy the server sends. */
  cspViolations: string[];
}

/** Collects the page's uncaught script errors and CSP refusals into `troubles`, under `label` or else the page's address at the time. */
export function watchPage(page: Page, troubles: PageTroubles, label?: string): void {
  page.on('pageerror', (error) => troubles.pageErrors.push(`${label ?? page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) troubles.cspViolations.push(`${label ?? page.url()}: ${message.text()}`);
  });
}

/**
 * Signs in through the login form (in Russian) opened at `path`. `until` is started before the
 * form is sent and awaited after, so that nothing the sign-in sets off is missed; without it the
 * call returns once the button is pressed.
 */
export async function signIn(
  page: Page,
  server: Pick<ConsoleServer, 'baseUrl' | 'password'>,
  username: string,
  { path = '/', until }: { path?: string; until?: (page: Page) => Promise<unknown> } = {},
): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('Пароль').fill(server.password);
  const done = until?.(page);
  await page.getByRole('button', { name: 'Войти' }).click();
  await done;
}

/**
 * The page `username` is signed in on, from `pages`, or else a new desktop page, watched under
 * the username and signed in `until` it shows what the scenario waits for. It is kept in `pages`
 * so that it stays open and the console's events keep reaching it.
 */
export async function signedInPage(
  pages: Map<string, Page>,
  username: string,
  { browser, server, troubles, until }: { browser: Browser; server: ConsoleServer; troubles: PageTroubles; until: (page: Page) => Promise<unknown> },
): Promise<Page> {
  const existing = pages.get(username);
  if (existing) return existing;
  const page = await openDesktopPage(browser);
  watchPage(page, troubles, username);
  await signIn(page, server, username, { until });
  pages.set(username, page);
  return page;
}

/** The pictures of the screens each test ended on, under test-results/: CI keeps them when a run fails. */
export class Screenshots {
  readonly dir: string;
  #number = 1;

  constructor(folder: string) {
    this.dir = fileURLToPath(new URL(`../../../../test-results/${folder}`, import.meta.url));
  }

  /** Makes the folder; `emptied` first removes what earlier runs left in it. */
  prepare({ emptied = false }: { emptied?: boolean } = {}): void {
    if (emptied) rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /**
   * The screen of each page the test ended with, numbered in the order of the tests and named
   * after the test, and after the user where there is a page per user.
   */
  async afterTest(testName: string, pages: Page | Map<string, Page> | undefined): Promise<void> {
    const name = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    const number = String(this.#number).padStart(2, '0');
    if (pages instanceof Map) {
      for (const [username, page] of pages) {
        if (!page.isClosed()) await page.screenshot({ path: join(this.dir, `${number}-${name}-${username}.png`), fullPage: true });
      }
    } else {
      if (!pages || pages.isClosed()) return;
      await pages.screenshot({ path: join(this.dir, `${number}-${name}.png`), fullPage: true });
    }
    this.#number++;
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2 A/AA rules on the page as it is now, and how many of them passed. axe is
 * injected into the page: its context must bypass the Content-Security-Policy.
 */
export async function runAxe(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  await page.addScriptTag({ content: AXE });
  return (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[]; passes: unknown[] }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: result.violations, passes: result.passes.length };
  })) as { violations: AxeViolation[]; passes: number };
}

/** The violations that matter (serious or critical), each as its rule and the elements it failed on. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await runAxe(page);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
