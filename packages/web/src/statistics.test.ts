/**
 * The statistics of cooperation: the period's arithmetic on its own, then the page in a real
 * Chromium against the real server on PGlite. Kazakhstan files two records, Russia checks one of
 * them (a hit) and sends Kazakhstan a request, which is answered; BKBOP's analyst reads it all in
 * figures, charts, tables and exported files, in Russian and in English.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CooperationStatistics, ParticipantInfo, RequestView } from '@svod/core';
import { refreshStatistics } from '@svod/server';
import { missingPerson, stolenVehicle } from '../../server/src/test/fixtures/records.ts';
import { bySide, defaultPeriod, flows, keyFigures, monthly, monthsOf, periodOf } from './pages/statistics/figures.ts';
import { matchRoute, statisticsPath } from './router/routes.ts';
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

describe('the figures of a period', () => {
  const participants: ParticipantInfo[] = [
    { code: 'KZ-MVD', state: 'KZ', nameRu: 'МВД РК', nameEn: 'MIA KZ' },
    { code: 'RU-MVD', state: 'RU', nameRu: 'МВД РФ', nameEn: 'MIA RU' },
    { code: 'RU-GP', state: 'RU', nameRu: 'ГП РФ', nameEn: 'PGO RU' },
    { code: 'BKBOP', state: null, nameRu: 'БКБОП', nameEn: 'BKBOP' },
  ];
  const empty: CooperationStatistics = {
    from: '2025-11-15',
    to: '2026-02-03',
    countedAt: null,
    recordsAdded: [],
    recordsActive: [],
    outcomes: [],
    checks: [],
    hits: [],
    requests: [],
    answerTimes: [],
    reconciliations: [],
  };

  it('defaults to the twelve calendar months up to today, and reads a valid period from the address only', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(defaultPeriod(now)).toEqual({ from: '2025-04-01', to: '2026-03-10' });
    expect(periodOf('?from=2025-01-01&to=2025-01-31', now)).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    for (const search of ['', '?from=2025-02-30&to=2025-03-01', '?from=2025-03-01&to=2025-01-01', '?from=yesterday&to=2025-01-01'])
      expect(periodOf(search, now), search).toEqual(defaultPeriod(now));
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(matchRoute(statisticsPath())).toEqual({ page: 'statistics' });
    expect(statisticsPath({ from: '2025-01-01', to: '2025-12-31' })).toBe('/statistics?from=2025-01-01&to=2025-12-31');
  });

  it('sums the agencies by state, BKBOP on its own, and keeps requests within one state out of the flows between states', () => {
    const stats: CooperationStatistics = {
      ...empty,
      recordsAdded: [
        { owner: 'RU-MVD', category: 'vehicle', month: '2025-12', count: 2 },
        { owner: 'RU-GP', category: 'wanted_person', month: '2026-01', count: 3 },
      ],
      outcomes: [
        { owner: 'KZ-MVD', category: 'wanted_person', month: '2026-01', count: 1 },
        { owner: 'KZ-MVD', category: 'vehicle', month: '2026-01', count: 2 },
      ],
      checks: [{ participant: 'BKBOP', month: '2026-01', count: 4 }],
      hits: [{ owner: 'KZ-MVD', requester: 'RU-MVD', month: '2026-01', count: 2, confirmed: 1 }],
      requests: [
        { sender: 'RU-MVD', recipient: 'KZ-MVD', month: '2025-12', sent: 2, answered: 1, overdue: 0 },
        { sender: 'RU-GP', recipient: 'KZ-MVD', month: '2026-01', sent: 1, answered: 1, overdue: 1 },
        { sender: 'RU-GP', recipient: 'RU-MVD', month: '2026-01', sent: 5, answered: 0, overdue: 0 },
      ],
      answerTimes: [
        { recipient: null, answered: 2, medianHours: 30, p90Hours: 47.5 },
        { recipient: 'KZ-MVD', answered: 2, medianHours: 30, p90Hours: 47.5 },
      ],
    };
    expect(bySide(stats, participants)).toEqual({
      sides: ['KZ', 'RU', 'BKBOP'],
      values: { recordsAdded: [0, 5, 0], checks: [0, 0, 4], hits: [0, 2, 0], requestsSent: [0, 8, 0] },
    });
    expect(flows(stats, participants)).toEqual({
      between: [{ sender: 'RU', recipient: 'KZ', sent: 3 }],
      within: [{ sender: 'RU', recipient: 'RU', sent: 5 }],
    });
    expect(monthly(stats, monthsOf(stats)).recordsAdded).toEqual([0, 2, 3, 0]);
    expect(keyFigures(stats)).toMatchObject({
      added: 5,
      hits: 2,
      confirmedHits: 1,
      sent: 8,
      answered: 2,
      overdue: 1,
      medianHours: 30,
      p90Hours: 47.5,
      outcomes: { detained: 1, found: 0, identified: 0, recovered: 2 },
      outcomesTotal: 3,
    });
  });
});

if (!hasChromium) console.warn(`[svod web tests] ${CHROMIUM} not found: the statistics UI test in real Chromium is SKIPPED.`);

describe.skipIf(!hasChromium)('the statistics of cooperation in the console', () => {
  /** The UTC month the scenario's records, checks and requests fall in. */
  const month = new Date().toISOString().slice(0, 7);
  let server: ConsoleServer;
  let browser: Browser;
  const pages = new Map<string, Page>();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  const screens = new Screenshots('screens-statistics');

  /** The user's page, signed in through the login form (in Russian); console errors count from then on. */
  const pageOf = (username: string): Promise<Page> =>
    signedInPage(pages, username, {
      browser,
      server,
      troubles: { pageErrors, cspViolations },
      until: async (page) => {
        await page.getByRole('navigation').getByRole('link', { name: 'Статистика' }).waitFor();
        // Before login the console asks who is signed in and is told "nobody" (401): that one is expected.
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(`${username}: ${message.text()}`);
        });
      },
    });

  /** The statistics opened from the header, once the key figures are on the screen. */
  const openStatistics = async (page: Page) => {
    await page.getByRole('navigation').getByRole('link', { name: 'Статистика' }).click();
    await page.getByRole('heading', { level: 1, name: 'Статистика взаимодействия' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Показано с / })
      .waitFor();
  };

  /** The big number of the key figure named `label`. */
  const figure = (page: Page, label: string): Promise<string | null> =>
    page
      .locator('.stat-figure')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('.stat-figure__value')
      .textContent();

  /** The cells of a table's row whose header is `name`. */
  const rowCells = (table: Locator, name: string): Promise<string[]> =>
    table
      .getByRole('row')
      .filter({ has: table.page().getByRole('rowheader', { name, exact: true }) })
      .getByRole('cell')
      .allTextContents();

  /** Whether the chart named `label` has drawn on a canvas of some size. */
  const drawn = async (chart: Locator): Promise<boolean> => {
    await chart.locator('canvas').first().waitFor();
    return chart
      .locator('canvas')
      .first()
      .evaluate((canvas) => (canvas as HTMLCanvasElement).width > 0 && (canvas as HTMLCanvasElement).height > 0);
  };

  beforeAll(async () => {
    server = await startConsoleServer({
      users: [
        { participant: 'KZ-MVD', username: 'kz.operator', displayName: 'Ахметов Ерлан Болатович', role: 'operator' },
        { participant: 'KZ-MVD', username: 'kz.supervisor', displayName: 'Сапарова Динара Маратовна', role: 'supervisor' },
        { participant: 'RU-MVD', username: 'ru.operator', displayName: 'Иванов Сергей Петрович', role: 'operator' },
        { participant: 'RU-MVD', username: 'ru.supervisor', displayName: 'Козлов Андрей Игоревич', role: 'supervisor' },
        { participant: 'MD-MAI', username: 'md.analyst', displayName: 'Русу Ион Васильевич', role: 'analyst' },
        { participant: 'BKBOP', username: 'bkbop.analyst', displayName: 'Петров Олег Николаевич', role: 'analyst' },
      ],
    });
    screens.prepare();

    // Kazakhstan files a stolen car and a missing man; Russia checks the car's VIN and hits it.
    const vehicle = stolenVehicle();
    await server.call('kz.operator', 'POST', '/records', vehicle);
    await server.call('kz.operator', 'POST', '/records', missingPerson());
    await server.call('ru.operator', 'POST', '/checks', { vehicle: { vin: vehicle.vehicle?.vin } });
    // Russia asks Kazakhstan about the car; Kazakhstan works on it and answers.
    const draft = await server.call<RequestView>('ru.operator', 'POST', '/requests', {
      type: 'vehicle_information',
      recipient: 'KZ-MVD',
      priority: 'routine',
      legalBasis: { agreement: 'Соглашение о розыске транспортных средств' },
      subject: 'Сведения о ВАЗ 21099',
      body: 'Прошу сообщить сведения о транспортном средстве.',
      form: { vin: vehicle.vehicle?.vin },
    });
    await server.call('ru.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'sign' });
    await server.call('ru.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'send' });
    const { items: assignees } = await server.call<{ items: { id: string; name: string }[] }>('kz.supervisor', 'GET', '/requests/assignees');
    const assignee = assignees.find((a) => a.name === 'Ахметов Ерлан Болатович')!;
    await server.call('kz.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'assign', assignee: assignee.id });
    await server.call('kz.operator', 'POST', `/requests/${draft.id}/transitions`, { action: 'start' });
    await server.call('kz.supervisor', 'POST', `/requests/${draft.id}/transitions`, {
      action: 'answer',
      text: 'Транспортное средство значится в розыске.',
    });
    // What a running server does every minute.
    await refreshStatistics(server.db);
    browser = await launchBrowser();
  });

  afterEach(async ({ task }) => {
    await screens.afterTest(task.name, pages);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("BKBOP's analyst opens the statistics from the header: the key figures count what was made over the last twelve months", async () => {
    const analyst = await pageOf('bkbop.analyst');
    await openStatistics(analyst);
    expect(await analyst.title()).toMatch(/^Статистика взаимодействия — /);
    await analyst.getByText('Взаимодействие всех органов — участников банка', { exact: false }).waitFor();
    expect(await analyst.getByLabel('Период с', { exact: true }).inputValue()).toMatch(/^01\.\d{2}\.\d{4}$/);
    expect(await figure(analyst, 'Внесено карточек за период')).toBe('2');
    expect(await figure(analyst, 'Действующих карточек')).toBe('2');
    expect(await figure(analyst, 'Проверок')).toBe('1');
    expect(await figure(analyst, 'Совпадений')).toBe('1');
    expect(await figure(analyst, 'Запросов направлено')).toBe('1');
    expect(await figure(analyst, 'Запросов исполнено')).toBe('1');
    expect(await figure(analyst, 'Запросов просрочено')).toBe('0');
    expect(await figure(analyst, 'Срок ответа, медиана')).toMatch(/^\d+(,\d)? ч$/);
  });

  it('draws the four charts, each named for screen readers, with its numbers in a table', async () => {
    const analyst = await pageOf('bkbop.analyst');
    const trends = analyst.getByRole('img', { name: /^Линейный график по месяцам: Внесено карточек, Проверки, Совпадения, Направлено запросов/ });
    const states = analyst.getByRole('img', { name: /^Столбчатая диаграмма по государствам/ });
    const requestFlows = analyst.getByRole('img', { name: /^Диаграмма потоков запросов/ });
    const outcomes = analyst.getByRole('img', { name: /^Столбчатая диаграмма: карточки, по которым достигнут результат/ });
    for (const chart of [trends, states, requestFlows, outcomes]) expect(await drawn(chart)).toBe(true);
    // A tooltip shown: drawn on the canvas, so nothing for the Content-Security-Policy to refuse (checked last).
    await trends.hover();
    await states.hover();

    const bySide = analyst.getByRole('region', { name: 'По государствам' });
    await bySide.getByText('Показать числа таблицей').click();
    const sideTable = bySide.getByRole('table', { name: 'По государствам' });
    // Records added, checks, hits (by the checking state), requests sent.
    expect(await rowCells(sideTable, 'Казахстан')).toEqual(['2', '0', '0', '0']);
    expect(await rowCells(sideTable, 'Россия')).toEqual(['0', '1', '1', '1']);
    expect(await rowCells(sideTable, 'BKBOP')).toEqual(['0', '0', '0', '0']);

    const byMonth = analyst.getByRole('region', { name: 'Динамика по месяцам' });
    await byMonth.getByText('Показать числа таблицей').click();
    const monthTable = byMonth.getByRole('table', { name: 'Динамика по месяцам' });
    expect(await monthTable.getByRole('row').count()).toBe(13);
    const [year, monthNumber] = month.split('-');
    expect(await rowCells(monthTable, `${monthNumber}.${year}`)).toEqual(['2', '1', '1', '1']);

    const flowRegion = analyst.getByRole('region', { name: 'Запросы между государствами' });
    await flowRegion.getByText('Показать числа таблицей').click();
    expect(await rowCells(flowRegion.getByRole('table'), 'Россия')).toEqual(['Казахстан', '1']);

    const answers = analyst.getByRole('table', { name: 'Сроки ответа по получателям' });
    const kazakh = await rowCells(answers, 'МВД Республики Казахстан KZ-MVD');
    expect(kazakh[0]).toBe('1');
  });

  it('exports a table of the same period as CSV, and as XLSX', async () => {
    const analyst = await pageOf('bkbop.analyst');
    const from = await analyst.getByLabel('Период с', { exact: true }).inputValue();
    const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.getByRole('link', { name: 'Внесённые карточки, CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^svod-statistics-recordsAdded-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
    const [day, mm, yyyy] = from.split('.');
    expect(download.url()).toContain(`from=${yyyy}-${mm}-${day}`);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('owner,category,month,count');
    expect(lines).toContain(`KZ-MVD,vehicle,${month},1`);
    expect(lines).toContain(`KZ-MVD,missing_person,${month},1`);

    const xlsx = await analyst.getByRole('link', { name: 'Запросы, XLSX' }).getAttribute('href');
    expect(xlsx).toContain('table=requests');
    expect(xlsx).toContain('format=xlsx');
    const workbook = await analyst.request.get(`${server.baseUrl}${xlsx}`);
    expect(workbook.status()).toBe(200);
    expect((await workbook.body()).subarray(0, 2).toString()).toBe('PK');
  });

  it('shows another period when asked, keeps it in the address, and refuses one that ends before it starts', async () => {
    const analyst = await pageOf('bkbop.analyst');
    await analyst.getByLabel('Период с', { exact: true }).fill('01.01.2020');
    await analyst.getByLabel('по', { exact: true }).fill('31.12.2020');
    await analyst.getByRole('button', { name: 'Показать' }).click();
    await analyst.getByRole('status').filter({ hasText: 'Показано с 01.01.2020 по 31.12.2020 включительно.' }).waitFor();
    expect(analyst.url()).toBe(`${server.baseUrl}/statistics?from=2020-01-01&to=2020-12-31`);
    expect(await figure(analyst, 'Внесено карточек за период')).toBe('0');
    // Records in force are counted now, whatever the period.
    expect(await figure(analyst, 'Действующих карточек')).toBe('2');
    expect(await analyst.getByRole('table', { name: 'Сроки ответа по получателям' }).count()).toBe(0);

    await analyst.reload();
    await analyst.getByRole('status').filter({ hasText: 'Показано с 01.01.2020 по 31.12.2020 включительно.' }).waitFor();
    expect(await analyst.getByLabel('Период с', { exact: true }).inputValue()).toBe('01.01.2020');

    await analyst.getByLabel('по', { exact: true }).fill('31.12.2019');
    await analyst.getByRole('button', { name: 'Показать' }).click();
    const to = analyst.getByLabel('по', { exact: true });
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    await analyst.getByText('Дата окончания раньше даты начала.').waitFor();
    expect(analyst.url()).toBe(`${server.baseUrl}/statistics?from=2020-01-01&to=2020-12-31`);

    await analyst.goBack();
    await expect.poll(() => figure(analyst, 'Внесено карточек за период')).toBe('2');
  });

  it('an agency reads the figures it is a party to: Kazakhstan its records, Moldova none of this', async () => {
    const officer = await pageOf('kz.operator');
    await openStatistics(officer);
    await officer.getByText('Взаимодействие, в котором участвует ваш орган', { exact: false }).waitFor();
    expect(await figure(officer, 'Внесено карточек за период')).toBe('2');
    expect(await figure(officer, 'Совпадений')).toBe('1');

    const moldovan = await pageOf('md.analyst');
    await openStatistics(moldovan);
    expect(await figure(moldovan, 'Внесено карточек за период')).toBe('0');
    expect(await figure(moldovan, 'Запросов направлено')).toBe('0');
    await moldovan.getByText('За период запросов между разными государствами не было.').waitFor();
  });

  it('the page works in English', async () => {
    const analyst = await pageOf('bkbop.analyst');
    await analyst.goto(`${server.baseUrl}/statistics`);
    await analyst.getByRole('button', { name: 'EN', exact: true }).click();
    await analyst.getByRole('heading', { level: 1, name: 'Statistics of cooperation' }).waitFor();
    expect(await analyst.title()).toMatch(/^Statistics of cooperation — /);
    await analyst.getByRole('navigation').getByRole('link', { name: 'Statistics' }).waitFor();
    expect(await figure(analyst, 'Records added in the period')).toBe('2');
    expect(await figure(analyst, 'Answer time, median')).toMatch(/^[\d.]+ h$/);
    for (const name of [/^Line chart by month: Records added, Checks, Hits, Requests sent/, /^Bar chart by state/, /^Flow diagram of requests/])
      expect(await drawn(analyst.getByRole('img', { name }))).toBe(true);
    const bySide = analyst.getByRole('region', { name: 'State by state' });
    await bySide.getByText('Show the numbers as a table').click();
    expect(await rowCells(bySide.getByRole('table'), 'Kazakhstan')).toEqual(['2', '0', '0', '0']);
    await analyst.getByRole('link', { name: 'Records added, CSV' }).waitFor();
    await analyst
      .getByText(
        `Shown from 1 ${new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(`${defaultPeriod().from}T00:00:00Z`))}`,
      )
      .waitFor();

    await analyst.getByRole('button', { name: 'RU', exact: true }).click();
    await analyst.getByRole('heading', { level: 1, name: 'Статистика взаимодействия' }).waitFor();
  });

  it('passes the accessibility checks (axe-core, WCAG 2 A/AA), its tables open too', async () => {
    // axe is injected into the page: this context lets scripts past the Content-Security-Policy.
    const context = await browser.newContext({ bypassCSP: true, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, server, 'bkbop.analyst');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${server.baseUrl}/statistics`);
    await page
      .getByRole('img', { name: /^Диаграмма потоков запросов/ })
      .locator('canvas')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const summary of await page.getByText('Показать числа таблицей').all()) await summary.click();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('raised no script errors, no console errors and nothing the Content-Security-Policy refused on the way', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
