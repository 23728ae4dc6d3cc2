/**
 * The federation as BKBOP's administrator watches it in the console, in a real Chromium against
 * the real server: the server's role and bus, the registered state nodes and the messages set
 * aside; no other agency's administrator is offered it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFederation } from '@svod/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  CHROMIUM,
  type ConsoleServer,
  hasChromium,
  launchBrowser,
  Screenshots,
  seriousViolations,
  signedInPage,
  signIn,
  startConsoleServer,
} from './test/browser-harness.ts';

if (!hasChromium) console.warn(`[svod web tests] ${CHROMIUM} not found: the federation UI test in real Chromium is SKIPPED.`);

describe.skipIf(!hasChromium)('the federation in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  const pages = new Map<string, Page>();
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const screens = new Screenshots('screens-federation');

  const pageOf = (username: string): Promise<Page> =>
    signedInPage(pages, username, {
      browser,
      server,
      troubles: { pageErrors, cspViolations },
      until: (page) => page.getByRole('navigation').getByRole('link', { name: 'Администрирование' }).waitFor(),
    });

  beforeAll(async () => {
    server = await startConsoleServer({
      users: [
        { participant: 'BKBOP', username: 'bkbop.administrator', displayName: 'Соколова Анна Викторовна', role: 'administrator' },
        { participant: 'KZ-MVD', username: 'kz.administrator', displayName: 'Сейткали Асель Маратовна', role: 'administrator' },
      ],
    });
    screens.prepare();
    browser = await launchBrowser();
    // Kazakhstan's node has sent its key; no message has come yet.
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const registered = await server.app.inject({
      method: 'PUT',
      url: '/api/v1/federation/nodes',
      headers: await server.login('bkbop.administrator'),
      payload: { state: 'KZ', publicKey },
    });
    expect(registered.statusCode, registered.body).toBe(204);
  });

  afterEach(async ({ task }) => {
    await screens.afterTest(task.name, pages);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("BKBOP's administrator sees the server's role, its bus, each registered state node and the dead letters", async () => {
    const page = await pageOf('bkbop.administrator');
    await page.getByRole('navigation').getByRole('link', { name: 'Администрирование' }).click();
    await page.getByRole('tab', { name: 'Федерация' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText('Единый банк (без федерации)').waitFor();
    // A single bank has no bus at all.
    await panel.getByText('нет', { exact: true }).waitFor();
    const nodes = panel.getByRole('table', { name: 'Узлы государств' });
    await nodes.waitFor();
    const row = nodes.locator('tbody tr').filter({ has: page.locator('th', { hasText: 'KZ' }) });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('никогда');
    await panel.getByRole('heading', { name: 'Отвергнутые сообщения: 0' }).waitFor();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('the federation panel passes the accessibility checks (axe-core, WCAG 2 A/AA)', async () => {
    // axe is injected into the page: this context lets scripts past the Content-Security-Policy.
    const context = await browser.newContext({ bypassCSP: true, locale: 'ru-RU' });
    try {
      const page = await context.newPage();
      await signIn(page, server, 'bkbop.administrator');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.goto(`${server.baseUrl}/admin`);
      await page.getByRole('tab', { name: 'Федерация' }).click();
      await page.getByRole('table', { name: 'Узлы государств' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("another agency's administrator is not offered the federation", async () => {
    const page = await pageOf('kz.administrator');
    await page.getByRole('navigation').getByRole('link', { name: 'Администрирование' }).click();
    await page.getByRole('tab', { name: 'Пользователи' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Федерация' }).count()).toBe(0);
    const refused = await server.app.inject({ method: 'GET', url: '/api/v1/federation/status', headers: await server.login('kz.administrator') });
    expect(refused.statusCode).toBe(403);
  });

  it("at a national node, its state's administrator watches the node's link: the Federation tab, the bus down, the bank's key not yet entered", async () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'svod-web-node-'));
    // A national node whose NATS server does not answer: it serves its officers all the same.
    const node = await startConsoleServer({
      users: [{ participant: 'KZ-GP', username: 'kz-gp.administrator', displayName: 'Жумабаев Ерлан', role: 'administrator' }],
      federation: (db) =>
        startFederation(db, { role: 'national', state: 'KZ', nats: 'nats://127.0.0.1:9', keyFile: join(keyDir, 'kz.pem') }, () => {}),
    });
    const context = await browser.newContext({ locale: 'ru-RU' });
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, node, 'kz-gp.administrator');
      await page.getByRole('navigation').getByRole('link', { name: 'Администрирование' }).click();
      await page.getByRole('tab', { name: 'Федерация' }).click();
      const panel = page.getByRole('tabpanel');
      await panel.getByText('Национальный узел (KZ)').waitFor();
      await panel.getByText('нет связи', { exact: true }).waitFor();
      await panel.getByText(/ключ банка не внесён/).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await node.close();
      rmSync(keyDir, { recursive: true, force: true });
    }
  });
});
