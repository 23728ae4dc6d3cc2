/**
 * The console's main screens checked by axe-core in real Chromium: labels, roles, names,
 * contrast (WCAG 2 A and AA). axe is injected into the page, so this page's context lets
 * scripts past the Content-Security-Policy; the console test checks the policy itself.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, type RecordView } from '@svod/core';
import { buildApp, ensureAgreements, ensureParticipants, insertUser, migrateToLatest, openDatabase, type Db } from '@svod/server';
import { stolenVehicle, wantedPerson } from '../../server/src/test/fixtures/records.ts';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../dist', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD_POLICY = { N: 1024, r: 8, p: 1, keyLength: 32 };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const hasChromium = existsSync(CHROMIUM) && existsSync(`${WEB_ROOT}/index.html`);
if (!hasChromium) console.warn('[svod web tests] Chromium or the built console is missing: the accessibility checks are SKIPPED.');

describe.skipIf(!hasChromium)('accessibility of the main screens (axe-core, WCAG 2 A/AA)', () => {
  const password = `pw-${randomBytes(12).toString('hex')}`;
  let db: Db;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let record: RecordView;
  /** A reconciliation compared (its report) and one only uploaded (its column mapping). */
  let compared: string;
  let uploaded: string;

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(db);
    await ensureParticipants(db, DEFAULT_PARTICIPANTS);
    await ensureAgreements(db, DEMO_AGREEMENTS);
    for (const [username, role] of [
      ['ru.operator', 'operator'],
      ['ru.admin', 'administrator'],
    ] as const) {
      await insertUser(db, { participant: 'RU-MVD', username, displayName: 'Иванов Сергей Петрович', role, password }, PASSWORD_POLICY);
    }
    app = await buildApp({ db, config: { webRoot: WEB_ROOT, passwordPolicy: PASSWORD_POLICY } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    baseUrl = `http://127.0.0.1:${address.port}`;
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ru.operator', password } });
    const headers = { authorization: `Bearer ${login.json().token}` };
    record = (await app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: wantedPerson({ reviewBy: '2025-01-31' }) })).json();
    const vehicle: RecordView = (await app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: stolenVehicle() })).json();
    const uploadArray = async () => {
      const csv = `Рег. номер,Госномер,Марка,Цвет\n${vehicle.nationalRef},А123ВС77,ВАЗ,синий\nRU-V-A11Y,В456ОР77,ГАЗ,чёрный\n`;
      const url = '/api/v1/reconciliations?category=vehicle&fileName=vehicles.csv';
      return (await app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'text/csv' }, payload: csv })).json().id as string;
    };
    compared = await uploadArray();
    uploaded = await uploadArray();
    await app.inject({ method: 'POST', url: `/api/v1/reconciliations/${compared}/run`, headers, payload: {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.destroy();
  });

  /** A new context for each screen; the one before is closed, with its open event stream. */
  const freshPage = async () => {
    await page?.context().close();
    const context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
  };

  const signIn = async (username: string) => {
    await freshPage();
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Имя пользователя').fill(username);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
  };

  /** Serious and critical violations of the screen as it is now. */
  const violations = async (): Promise<string[]> => {
    await page.addScriptTag({ content: AXE });
    const { violations: found, passes } = (await page.evaluate(async () => {
      // axe-core's global, put there by the script above.
      const axe = (
        window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[]; passes: unknown[] }> } }
      ).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return { violations: result.violations, passes: result.passes.length };
    })) as { violations: Violation[]; passes: number };
    // A screen on which no rule applied was not checked at all.
    expect(passes).toBeGreaterThan(5);
    return found
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  };

  it('the login page', async () => {
    await freshPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Вход в систему' }).waitFor();
    expect(await violations()).toEqual([]);
  });

  it("an operator's home, records list, record, history, form, check and reconciliation of an array", async () => {
    await signIn('ru.operator');
    const visit = async (path: string, ready: () => Promise<void>) => {
      await page.goto(`${baseUrl}${path}`);
      await ready();
    };
    const screens: [string, () => Promise<void>][] = [
      ['home', () => page.getByRole('heading', { name: 'Пора проверить' }).waitFor()],
      ['records', () => visit('/records', () => page.getByRole('columnheader', { name: 'Категория' }).waitFor())],
      [
        'record and its history',
        () =>
          visit(`/records/${record.id}`, async () => {
            await page.getByRole('button', { name: 'Показать историю' }).click();
            await page.getByRole('list', { name: 'История изменений' }).waitFor();
          }),
      ],
      ['form', () => visit(`/records/${record.id}/edit`, () => page.getByLabel('Основание').waitFor())],
      ['check', () => visit('/check', () => page.getByRole('heading', { level: 1 }).waitFor())],
      ['reconciliations', () => visit('/reconcile', () => page.getByRole('table', { name: 'Последние сверки' }).waitFor())],
      ['column mapping', () => visit(`/reconcile/${uploaded}`, () => page.getByRole('heading', { name: 'Сопоставление столбцов' }).waitFor())],
      [
        'reconciliation report',
        () =>
          visit(`/reconcile/${compared}`, async () => {
            await page.getByRole('tab', { name: /^Изменённые/ }).click();
            await page.locator('.reconcile-diff mark').first().waitFor();
          }),
      ],
    ];
    const found: string[] = [];
    for (const [name, open] of screens) {
      await open();
      for (const v of await violations()) found.push(`${name}: ${v}`);
    }
    expect(found).toEqual([]);
  });

  it('on a 390 px phone the records list is a card per record, with nothing wider than the screen', async () => {
    await signIn('ru.operator');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/records`);
    // A cell of a record's row (a row shown while the list loads has no label and is then replaced).
    const cell = page.locator('tbody td[data-label]').first();
    await cell.waitFor();
    expect(await cell.evaluate((td) => getComputedStyle(td).display)).toBe('block');
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toContain('Категория');
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > 391)
        .slice(0, 8)
        .map((el) => `${el.tagName}.${el.className}:${Math.round(el.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await violations()).toEqual([]);
  });

  it('prints a record without the console around it', async () => {
    await signIn('ru.operator');
    await page.goto(`${baseUrl}/records/${record.id}`);
    await page.getByRole('button', { name: 'Печать' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the administration screens', async () => {
    await signIn('ru.admin');
    await page.goto(`${baseUrl}/admin`);
    const found: string[] = [];
    for (const tab of ['Пользователи', 'Ключи API', 'Журнал аудита']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('table', { name: tab }).waitFor();
      for (const v of await violations()) found.push(`${tab}: ${v}`);
    }
    expect(found).toEqual([]);
  });
});
