/**
 * The console's main screens checked by axe-core in real Chromium: labels, roles, names,
 * contrast (WCAG 2 A and AA). axe is injected into the page, so this page's context lets
 * scripts past the Content-Security-Policy; the console test checks the policy itself.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RecordView } from '@svod/core';
import { stolenVehicle, wantedPerson } from '../../server/src/test/fixtures/records.ts';
import { type ConsoleServer, hasChromium, INDEX_HTML, launchBrowser, runAxe, signIn, startConsoleServer } from './test/browser-harness.ts';

const canRun = hasChromium && existsSync(INDEX_HTML);
if (!canRun) console.warn('[svod web tests] Chromium or the built console is missing: the accessibility checks are SKIPPED.');

describe.skipIf(!canRun)('accessibility of the main screens (axe-core, WCAG 2 A/AA)', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  let record: RecordView;
  /** A reconciliation compared (its report) and one only uploaded (its column mapping). */
  let compared: string;
  let uploaded: string;

  beforeAll(async () => {
    server = await startConsoleServer({
      users: [
        { participant: 'RU-MVD', username: 'ru.operator', displayName: 'Иванов Сергей Петрович', role: 'operator' },
        { participant: 'RU-MVD', username: 'ru.admin', displayName: 'Иванов Сергей Петрович', role: 'administrator' },
      ],
    });
    const { app, password } = server;
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
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new context for each screen; the one before is closed, with its open event stream. */
  const freshPage = async () => {
    await page?.context().close();
    const context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
  };

  const signInAs = async (username: string) => {
    await freshPage();
    await signIn(page, server, username);
    await page.getByRole('heading', { level: 1 }).waitFor();
  };

  /** Serious and critical violations of the screen as it is now. */
  const violations = async (): Promise<string[]> => {
    const { violations: found, passes } = await runAxe(page);
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
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: 'Вход в систему' }).waitFor();
    expect(await violations()).toEqual([]);
  });

  it("an operator's home, records list, record, history, form, check and reconciliation of an array", async () => {
    await signInAs('ru.operator');
    const visit = async (path: string, ready: () => Promise<void>) => {
      await page.goto(`${server.baseUrl}${path}`);
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
    await signInAs('ru.operator');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/records`);
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
    await signInAs('ru.operator');
    await page.goto(`${server.baseUrl}/records/${record.id}`);
    await page.getByRole('button', { name: 'Печать' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the administration screens', async () => {
    await signInAs('ru.admin');
    await page.goto(`${server.baseUrl}/admin`);
    const found: string[] = [];
    for (const tab of ['Пользователи', 'Ключи API', 'Журнал аудита']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('table', { name: tab }).waitFor();
      for (const v of await violations()) found.push(`${tab}: ${v}`);
    }
    expect(found).toEqual([]);
  });
});
