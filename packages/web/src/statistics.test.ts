/**
 * The statistics of cooperation: the period's arithmetic on its own, then the page in a real
 * Chromium against the real server on PGlite. Kazakhstan files two records, Russia checks one of
 * them (a hit) and sends Kazakhstan a request, which is answered; BKBOP's analyst reads it all in
 * figures, charts, tables and exported files, in Russian and in English.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, type CooperationStatistics, type ParticipantInfo, type RequestView } from '@svod/core';
import { buildApp, ensureAgreements, ensureParticipants, insertUser, migrateToLatest, openDatabase, refreshStatistics, type Db } from '@svod/server';
import { missingPerson, stolenVehicle } from '../../server/src/test/fixtures/records.ts';
import { bySide, defaultPeriod, flows, keyFigures, monthly, monthsOf, periodOf } from './pages/statistics/figures.ts';
import { matchRoute, statisticsPath } from './router/routes.ts';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../dist', import.meta.url));
const INDEX_HTML = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const MISSING_BUILD = 'packages/web/dist/index.html is missing: run `npm run build:web` first (npm test does it before vitest)';
/** Every test leaves a picture of the screen it ended on here, kept by CI when a run fails. */
const SCREENS = fileURLToPath(new URL('../../../test-results/screens-statistics', import.meta.url));
/** Passwords hashed at a token cost: the scenario logs in often, and the production cost has its own tests. */
const PASSWORD_POLICY = { N: 1024, r: 8, p: 1, keyLength: 32 };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[svod web tests] ${CHROMIUM} not found: the statistics UI test in real Chromium is SKIPPED.`);

describe.skipIf(!hasChromium)('the statistics of cooperation in the console', () => {
  const password = `pw-${randomBytes(12).toString('hex')}`;
  /** The UTC month the scenario's records, checks and requests fall in. */
  const month = new Date().toISOString().slice(0, 7);
  let db: Db;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let browser: Browser;
  let baseUrl: string;
  const pages = new Map<string, Page>();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  let screenNumber = 1;

  const login = async (username: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(response.statusCode, response.body).toBe(200);
    return { authorization: `Bearer ${(response.json() as { token: string }).token}` };
  };

  /** The same call as the console's, for what the scenario sets up before the screens. */
  const call = async <T>(username: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
    const headers = { ...(await login(username)), 'idempotency-key': randomBytes(16).toString('hex') };
    const response = await app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as T;
  };

  /** The user's page, signed in through the login form (in Russian); console errors count from then on. */
  const pageOf = async (username: string): Promise<Page> => {
    const existing = pages.get(username);
    if (existing) return existing;
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(`${username}: ${message.text()}`);
    });
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Имя пользователя').fill(username);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Статистика' }).waitFor();
    // Before login the console asks who is signed in and is told "nobody" (401): that one is expected.
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${username}: ${message.text()}`);
    });
    pages.set(username, page);
    return page;
  };

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

  /** The accessibility violations axe-core finds on the page that matter (serious or critical), WCAG 2 A/AA. */
  const seriousViolations = async (page: Page): Promise<string[]> => {
    await page.addScriptTag({ content: AXE });
    const found = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
    })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    return found
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  beforeAll(async () => {
    if (!existsSync(INDEX_HTML)) throw new Error(MISSING_BUILD);
    mkdirSync(SCREENS, { recursive: true });
    db = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(db);
    await ensureParticipants(db, DEFAULT_PARTICIPANTS);
    await ensureAgreements(db, DEMO_AGREEMENTS);
    const people = [
      ['KZ-MVD', 'kz.operator', 'Ахметов Ерлан Болатович', 'operator'],
      ['KZ-MVD', 'kz.supervisor', 'Сапарова Динара Маратовна', 'supervisor'],
      ['RU-MVD', 'ru.operator', 'Иванов Сергей Петрович', 'operator'],
      ['RU-MVD', 'ru.supervisor', 'Козлов Андрей Игоревич', 'supervisor'],
      ['MD-MAI', 'md.analyst', 'Русу Ион Васильевич', 'analyst'],
      ['BKBOP', 'bkbop.analyst', 'Петров Олег Николаевич', 'analyst'],
    ] as const;
    for (const [participant, username, displayName, role] of people) {
      await insertUser(db, { participant, username, displayName, role, password }, PASSWORD_POLICY);
    }
    app = await buildApp({ db, config: { webRoot: WEB_ROOT, passwordPolicy: PASSWORD_POLICY } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server did not report a TCP address');
    baseUrl = `http://127.0.0.1:${address.port}`;

    // Kazakhstan files a stolen car and a missing man; Russia checks the car's VIN and hits it.
    const vehicle = stolenVehicle();
    await call('kz.operator', 'POST', '/records', vehicle);
    await call('kz.operator', 'POST', '/records', missingPerson());
    await call('ru.operator', 'POST', '/checks', { vehicle: { vin: vehicle.vehicle?.vin } });
    // Russia asks Kazakhstan about the car; Kazakhstan works on it and answers.
    const draft = await call<RequestView>('ru.operator', 'POST', '/requests', {
      type: 'vehicle_information',
      recipient: 'KZ-MVD',
      priority: 'routine',
      legalBasis: { agreement: 'Соглашение о розыске транспортных средств' },
      subject: 'Сведения о ВАЗ 21099',
      body: 'Прошу сообщить сведения о транспортном средстве.',
      form: { vin: vehicle.vehicle?.vin },
    });
    await call('ru.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'sign' });
    await call('ru.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'send' });
    const { items: assignees } = await call<{ items: { id: string; name: string }[] }>('kz.supervisor', 'GET', '/requests/assignees');
    const assignee = assignees.find((a) => a.name === 'Ахметов Ерлан Болатович')!;
    await call('kz.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'assign', assignee: assignee.id });
    await call('kz.operator', 'POST', `/requests/${draft.id}/transitions`, { action: 'start' });
    await call('kz.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'answer', text: 'Транспортное средство значится в розыске.' });
    // What a running server does every minute.
    await refreshStatistics(db);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterEach(async ({ task }) => {
    const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    for (const [username, page] of pages) {
      if (!page.isClosed())
        await page.screenshot({ path: join(SCREENS, `${String(screenNumber).padStart(2, '0')}-${name}-${username}.png`), fullPage: true });
    }
    screenNumber++;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.destroy();
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
    const workbook = await analyst.request.get(`${baseUrl}${xlsx}`);
    expect(workbook.status()).toBe(200);
    expect((await workbook.body()).subarray(0, 2).toString()).toBe('PK');
  });

  it('shows another period when asked, keeps it in the address, and refuses one that ends before it starts', async () => {
    const analyst = await pageOf('bkbop.analyst');
    await analyst.getByLabel('Период с', { exact: true }).fill('01.01.2020');
    await analyst.getByLabel('по', { exact: true }).fill('31.12.2020');
    await analyst.getByRole('button', { name: 'Показать' }).click();
    await analyst.getByRole('status').filter({ hasText: 'Показано с 01.01.2020 по 31.12.2020 включительно.' }).waitFor();
    expect(analyst.url()).toBe(`${baseUrl}/statistics?from=2020-01-01&to=2020-12-31`);
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
    expect(analyst.url()).toBe(`${baseUrl}/statistics?from=2020-01-01&to=2020-12-31`);

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
    await analyst.goto(`${baseUrl}/statistics`);
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
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Имя пользователя').fill('bkbop.analyst');
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${baseUrl}/statistics`);
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
