/**
 * The console's register of agreements in a real Chromium against the real server on PGlite,
 * seeded with the demo agreements: each agency reads the agreements it is a party to, BKBOP all
 * of them, and the matrix says who shares an array with whom today, in words as well as marks.
 * BKBOP's administrator, and no one else, enters and changes agreements in the same page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_AGREEMENTS } from '@svod/core';
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

/** The demo's agreements by what the scenario needs of them. */
const title = (documentRef: string): string => {
  const found = DEMO_AGREEMENTS.find((a) => a.documentRef === documentRef);
  if (!found) throw new Error(`no demo agreement ${documentRef}`);
  return found.title;
};
const BILATERAL_KZ_UZ = title('ДЕМО-2018-KZ-UZ');
const MINISTRIES = title('ДЕМО-1992-МВД');
const VEHICLES = title('ДЕМО-2004-ТС');
const MINSK = title('ДЕМО-1993-МИНСК');
const BKBOP = title('ДЕМО-1993-БКБОП');

if (!hasChromium) console.warn(`[svod web tests] ${CHROMIUM} not found: the agreements UI test in real Chromium is SKIPPED.`);

describe.skipIf(!hasChromium)('the register of agreements in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  /** One page per user, each in its own browser context. */
  const pages = new Map<string, Page>();
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const screens = new Screenshots('screens-agreements');

  /** The user's page, signed in through the login form (in Russian). */
  const pageOf = (username: string): Promise<Page> =>
    signedInPage(pages, username, {
      browser,
      server,
      troubles: { pageErrors, cspViolations },
      until: (page) => page.getByRole('navigation').getByRole('link', { name: 'Соглашения' }).waitFor(),
    });

  /** The register opened from the header, once its table is on the screen. */
  const openAgreements = async (page: Page) => {
    await page.getByRole('navigation').getByRole('link', { name: 'Соглашения' }).click();
    await page.getByRole('heading', { level: 1, name: 'Соглашения' }).waitFor();
    await page.getByRole('table', { name: 'Реестр соглашений' }).waitFor();
  };

  /** The titles of the agreements in the register, as the table lists them. */
  const registerTitles = async (page: Page): Promise<string[]> =>
    (await page.getByRole('table', { name: 'Реестр соглашений' }).locator('tbody th[scope="row"]').allTextContents()).sort();

  /** The matrix cell of `row` (the agency) and `column` (the agency it shares with). */
  const cell = async (matrix: Locator, row: string, column: string): Promise<Locator> => {
    const columns = await matrix.locator('thead th').allTextContents();
    const index = columns.indexOf(column);
    expect(index, `${column} is a column of the matrix: ${columns.join(', ')}`).toBeGreaterThanOrEqual(0);
    return matrix
      .locator('tbody tr')
      .filter({ has: matrix.page().locator('th[scope="row"]', { hasText: new RegExp(`^${row}$`) }) })
      .locator('td')
      .nth(index);
  };

  /** What the cell shows at a glance (its words for screen readers aside). */
  const mark = async (cell: Locator): Promise<string | null> => cell.locator('[aria-hidden="true"]').textContent();

  /** The texts an input is described by: its hint and, when the bank refused it, the bank's message. */
  const description = (input: Locator): Promise<string> =>
    input.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );

  /** The register's form, filled in as the administrator would: the parties and arrays by their checkboxes. */
  const fillAgreement = async (
    form: Locator,
    agreement: { title: string; documentRef: string; parties: string[]; categories: string[]; from: string; to?: string },
  ) => {
    await form.getByLabel('Название', { exact: true }).fill(agreement.title);
    await form.getByLabel('Документ', { exact: true }).fill(agreement.documentRef);
    const parties = form.getByRole('group', { name: 'Стороны' });
    for (const code of agreement.parties) await parties.getByRole('checkbox', { name: new RegExp(`\\(${code}\\)$`) }).check();
    const arrays = form.getByRole('group', { name: 'Массивы, которыми обмениваются стороны' });
    for (const category of agreement.categories) await arrays.getByRole('checkbox', { name: category, exact: true }).check();
    await form.getByLabel('Действует с', { exact: true }).fill(agreement.from);
    if (agreement.to) await form.getByLabel('Действует по (если не бессрочно)', { exact: true }).fill(agreement.to);
  };

  /** Moldova and Uzbekistan share no firearms under the demo's agreements: the administrator's new one makes them. */
  const FIREARMS_MD_UZ = 'Соглашение между МВД Республики Молдова и МВД Республики Узбекистан об обмене сведениями об оружии (тестовое)';
  const FIREARMS_MD_UZ_RENAMED = 'Соглашение об обмене сведениями об оружии между Молдовой и Узбекистаном (тестовое, в новой редакции)';

  beforeAll(async () => {
    server = await startConsoleServer({
      users: [
        { participant: 'KZ-MVD', username: 'kz.operator', displayName: 'Ахметов Ерлан Болатович', role: 'operator' },
        { participant: 'MD-MAI', username: 'md.analyst', displayName: 'Русу Ион Васильевич', role: 'analyst' },
        { participant: 'RU-GP', username: 'rugp.administrator', displayName: 'Орлова Марина Сергеевна', role: 'administrator' },
        { participant: 'BKBOP', username: 'bkbop.analyst', displayName: 'Петров Олег Николаевич', role: 'analyst' },
        { participant: 'BKBOP', username: 'bkbop.administrator', displayName: 'Соколова Анна Викторовна', role: 'administrator' },
      ],
    });
    screens.prepare();
    browser = await launchBrowser();
  });

  afterEach(async ({ task }) => {
    await screens.afterTest(task.name, pages);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a Kazakh officer sees the agreements Kazakhstan is party to and, in the matrix, that Kazakhstan shares vehicles with Uzbekistan but Moldova does not with Russia', async () => {
    const officer = await pageOf('kz.operator');
    await openAgreements(officer);
    expect(officer.url()).toBe(`${server.baseUrl}/agreements`);
    expect(await registerTitles(officer)).toEqual([BILATERAL_KZ_UZ, BKBOP, MINISTRIES, MINSK, VEHICLES].sort());

    // The bilateral agreement in words: its reference, its parties, what it covers, in force today.
    const register = officer.getByRole('table', { name: 'Реестр соглашений' });
    const bilateral = register.getByRole('row').filter({ hasText: BILATERAL_KZ_UZ });
    const text = (await bilateral.textContent()) ?? '';
    for (const words of [
      'ДЕМО-2018-KZ-UZ',
      'KZ-MVD',
      'UZ-MVD',
      'Транспортное средство',
      'Сведения о транспортном средстве',
      'с 15.03.2018',
      'бессрочно',
      'действует',
    ]) {
      expect(text, words).toContain(words);
    }
    expect(text).not.toContain('не действует');
    // BKBOP's coordinating access names its coordinator.
    const coordinating = register.getByRole('row').filter({ hasText: BKBOP });
    await coordinating.getByText('координатор', { exact: true }).waitFor();
    expect(await coordinating.getByRole('cell').nth(1).textContent()).toMatch(/^BKBOP координатор, /);

    // The matrix opens on wanted persons: the ministries share them, Moldova with Russia too.
    const matrix = officer.getByRole('table', { name: /^Обмен сведениями массива «Розыск лица»/ });
    expect(await officer.getByLabel('Массив', { exact: true }).inputValue()).toBe('wanted_person');
    const mdRuWanted = await cell(matrix, 'MD-MAI', 'RU-MVD');
    expect(await mdRuWanted.getAttribute('title')).toBe(MINISTRIES);
    expect(await mark(mdRuWanted)).toBe('✓');
    expect(await (await cell(matrix, 'KZ-MVD', 'KZ-MVD')).textContent()).toBe('своё');

    // Vehicles: Kazakhstan and Uzbekistan under their bilateral, Moldova and Russia under none.
    await officer.getByLabel('Массив', { exact: true }).selectOption('vehicle');
    const vehicles = officer.getByRole('table', { name: /^Обмен сведениями массива «Транспортное средство»/ });
    await vehicles.waitFor();
    const kzUz = await cell(vehicles, 'KZ-MVD', 'UZ-MVD');
    expect(await mark(kzUz)).toBe('✓');
    expect(await kzUz.getAttribute('title')).toBe(BILATERAL_KZ_UZ);
    await vehicles.getByRole('cell', { name: `KZ-MVD и UZ-MVD: обмен по соглашению «${BILATERAL_KZ_UZ}»` }).waitFor();
    expect(await (await cell(vehicles, 'UZ-MVD', 'KZ-MVD')).getAttribute('title')).toBe(BILATERAL_KZ_UZ);
    const mdRu = await cell(vehicles, 'MD-MAI', 'RU-MVD');
    expect(await mark(mdRu)).toBe('—');
    expect(await mdRu.getAttribute('title')).toBeNull();
    await vehicles.getByRole('cell', { name: 'MD-MAI и RU-MVD: обмена нет' }).waitFor();
    // Uzbekistan and Russia have no vehicle agreement; BKBOP coordinates with each.
    expect(await mark(await cell(vehicles, 'UZ-MVD', 'RU-MVD'))).toBe('—');
    expect(await (await cell(vehicles, 'BKBOP', 'UZ-MVD')).getAttribute('title')).toBe(BKBOP);
    expect(await (await cell(vehicles, 'KZ-MVD', 'RU-MVD')).getAttribute('title')).toBe(VEHICLES);
  });

  it('each agency sees only the agreements it is a party to, BKBOP all five, and every role has the link', async () => {
    const moldovan = await pageOf('md.analyst');
    await openAgreements(moldovan);
    expect(await registerTitles(moldovan)).toEqual([BKBOP, MINISTRIES, MINSK].sort());

    const prosecutor = await pageOf('rugp.administrator');
    await openAgreements(prosecutor);
    expect(await registerTitles(prosecutor)).toEqual([BKBOP, MINSK].sort());
    // The prosecutor's office shares wanted persons with the ministries under the Minsk convention.
    const matrix = prosecutor.getByRole('table', { name: /^Обмен сведениями массива «Розыск лица»/ });
    expect(await (await cell(matrix, 'RU-GP', 'KZ-MVD')).getAttribute('title')).toBe(MINSK);

    const coordinator = await pageOf('bkbop.analyst');
    await openAgreements(coordinator);
    expect(await registerTitles(coordinator)).toEqual([BILATERAL_KZ_UZ, BKBOP, MINISTRIES, MINSK, VEHICLES].sort());
  });

  it('the page works in English', async () => {
    const officer = await pageOf('kz.operator');
    await officer.goto(`${server.baseUrl}/agreements`);
    await officer.getByRole('button', { name: 'EN', exact: true }).click();
    await officer.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
    expect(await officer.title()).toMatch(/^Agreements — /);
    await officer.getByRole('navigation').getByRole('link', { name: 'Agreements' }).waitFor();
    const register = officer.getByRole('table', { name: 'Register of agreements' });
    for (const header of ['Agreement', 'Document', 'Parties', 'Arrays', 'Requests', 'In force', 'Today']) {
      await register.getByRole('columnheader', { name: header, exact: true }).waitFor();
    }
    const bilateral = (await register.getByRole('row').filter({ hasText: BILATERAL_KZ_UZ }).textContent()) ?? '';
    for (const words of ['Vehicle', 'Information on a vehicle', 'from 15 Mar 2018', 'indefinitely', 'in force'])
      expect(bilateral, words).toContain(words);
    await register.getByRole('row').filter({ hasText: BKBOP }).getByText('coordinator', { exact: true }).waitFor();

    await officer.getByLabel('Array', { exact: true }).selectOption('vehicle');
    const matrix = officer.getByRole('table', { name: /^Sharing of the «Vehicle» array on / });
    await matrix.getByRole('cell', { name: `KZ-MVD and UZ-MVD: shared under «${BILATERAL_KZ_UZ}»` }).waitFor();
    await matrix.getByRole('cell', { name: 'MD-MAI and RU-MVD: not shared' }).waitFor();
    expect(await (await cell(matrix, 'KZ-MVD', 'KZ-MVD')).textContent()).toBe('own');

    await officer.getByRole('button', { name: 'RU', exact: true }).click();
    await officer.getByRole('heading', { level: 1, name: 'Соглашения' }).waitFor();
  });

  it("BKBOP's administrator enters an agreement between two agencies on one array, and sees it in the register and in the matrix", async () => {
    const keeper = await pageOf('bkbop.administrator');
    await openAgreements(keeper);
    await keeper.getByLabel('Массив', { exact: true }).selectOption('firearm');
    const matrix = keeper.getByRole('table', { name: /^Обмен сведениями массива «Оружие»/ });
    expect(await mark(await cell(matrix, 'MD-MAI', 'UZ-MVD'))).toBe('—');

    await keeper.getByRole('button', { name: 'Новое соглашение' }).click();
    const form = keeper.getByRole('form', { name: 'Новое соглашение' });
    await fillAgreement(form, {
      title: FIREARMS_MD_UZ,
      documentRef: 'ТЕСТ-2020-MD-UZ',
      parties: ['MD-MAI', 'UZ-MVD'],
      categories: ['Оружие'],
      from: '01.01.2020',
    });
    await form.getByRole('button', { name: 'Внести в реестр' }).click();
    await keeper
      .getByRole('status')
      .filter({ hasText: `Соглашение «${FIREARMS_MD_UZ}» внесено в реестр.` })
      .waitFor();
    await form.waitFor({ state: 'detached' });

    const row = keeper.getByRole('table', { name: 'Реестр соглашений' }).getByRole('row').filter({ hasText: FIREARMS_MD_UZ });
    const text = (await row.textContent()) ?? '';
    for (const words of ['ТЕСТ-2020-MD-UZ', 'MD-MAI, UZ-MVD', 'Оружие', 'с 01.01.2020', 'бессрочно', 'действует'])
      expect(text, words).toContain(words);
    const mdUz = await cell(matrix, 'MD-MAI', 'UZ-MVD');
    await expect.poll(() => mark(mdUz)).toBe('✓');
    expect(await mdUz.getAttribute('title')).toBe(FIREARMS_MD_UZ);
    expect(await (await cell(matrix, 'UZ-MVD', 'MD-MAI')).getAttribute('title')).toBe(FIREARMS_MD_UZ);
    // One array only: the same two still share no vehicles.
    await keeper.getByLabel('Массив', { exact: true }).selectOption('vehicle');
    expect(await mark(await cell(keeper.getByRole('table', { name: /^Обмен сведениями массива «Транспортное средство»/ }), 'MD-MAI', 'UZ-MVD'))).toBe(
      '—',
    );
  });

  it('an agreement that ends before it starts is refused at its "to" field, and nothing is entered', async () => {
    const keeper = await pageOf('bkbop.administrator');
    await openAgreements(keeper);
    const backwards = 'Соглашение, которое кончается раньше, чем начинается (тестовое)';
    await keeper.getByRole('button', { name: 'Новое соглашение' }).click();
    const form = keeper.getByRole('form', { name: 'Новое соглашение' });
    await fillAgreement(form, {
      title: backwards,
      documentRef: 'ТЕСТ-2025-MD-TJ',
      parties: ['MD-MAI', 'TJ-MVD'],
      categories: ['Транспортное средство'],
      from: '01.06.2025',
      to: '01.01.2025',
    });
    await form.getByRole('button', { name: 'Внести в реестр' }).click();

    const summary = keeper.getByRole('alert').filter({ hasText: 'Соглашение не сохранено: исправьте поля ниже.' });
    await summary.getByRole('link', { name: 'Действует по (если не бессрочно): дата не может быть раньше 2025-06-01' }).waitFor();
    const to = form.getByLabel('Действует по (если не бессрочно)', { exact: true });
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(await description(to)).toContain('дата не может быть раньше 2025-06-01');
    const from = form.getByLabel('Действует с', { exact: true });
    expect(await from.getAttribute('aria-invalid')).toBeNull();
    expect(await description(from)).not.toContain('дата не может');

    await form.getByRole('button', { name: 'Отмена' }).click();
    await form.waitFor({ state: 'detached' });
    await keeper.reload();
    await keeper.getByRole('table', { name: 'Реестр соглашений' }).waitFor();
    expect(await registerTitles(keeper)).not.toContain(backwards);
    expect(await registerTitles(keeper)).toContain(FIREARMS_MD_UZ);
  });

  it("BKBOP's administrator changes an agreement's title: the form opens on the agreement as it is, and the register shows the new title", async () => {
    const keeper = await pageOf('bkbop.administrator');
    await openAgreements(keeper);
    const register = keeper.getByRole('table', { name: 'Реестр соглашений' });
    await register
      .getByRole('row')
      .filter({ hasText: FIREARMS_MD_UZ })
      .getByRole('button', { name: `Изменить «${FIREARMS_MD_UZ}»` })
      .click();
    const form = keeper.getByRole('form', { name: 'Изменение соглашения' });
    const title = form.getByLabel('Название', { exact: true });
    expect(await title.inputValue()).toBe(FIREARMS_MD_UZ);
    expect(await form.getByLabel('Действует с', { exact: true }).inputValue()).toBe('01.01.2020');
    const parties = form.getByRole('group', { name: 'Стороны' });
    expect(await parties.getByRole('checkbox', { name: /\(MD-MAI\)$/ }).isChecked()).toBe(true);
    expect(await parties.getByRole('checkbox', { name: /\(KZ-MVD\)$/ }).isChecked()).toBe(false);

    await title.fill(FIREARMS_MD_UZ_RENAMED);
    await form.getByRole('button', { name: 'Сохранить изменения' }).click();
    await keeper
      .getByRole('status')
      .filter({ hasText: `Изменения соглашения «${FIREARMS_MD_UZ_RENAMED}» сохранены.` })
      .waitFor();
    await register.getByRole('row').filter({ hasText: FIREARMS_MD_UZ_RENAMED }).waitFor();
    const titles = await registerTitles(keeper);
    expect(titles).toContain(FIREARMS_MD_UZ_RENAMED);
    expect(titles).not.toContain(FIREARMS_MD_UZ);
    expect(titles).toHaveLength(6);
  });

  it('a change saved by someone else meanwhile is told as such, and the register read again', async () => {
    const keeper = await pageOf('bkbop.administrator');
    await openAgreements(keeper);
    const register = keeper.getByRole('table', { name: 'Реестр соглашений' });
    await register
      .getByRole('row')
      .filter({ hasText: FIREARMS_MD_UZ_RENAMED })
      .getByRole('button', { name: /^Изменить/ })
      .click();
    const form = keeper.getByRole('form', { name: 'Изменение соглашения' });
    // Another session of the register's keeper changes the agreement first, through the API.
    const status = await keeper.evaluate(async (title) => {
      const { items } = (await (await fetch('/api/v1/agreements')).json()) as { items: { id: string; title: string; version: number }[] };
      const found = items.find((a) => a.title === title)!;
      const body = {
        title,
        documentRef: 'ТЕСТ-2020-MD-UZ/2',
        parties: ['MD-MAI', 'UZ-MVD'],
        categories: ['firearm'],
        requestTypes: [],
        inForceFrom: '2020-01-01',
        version: found.version,
      };
      const response = await fetch(`/api/v1/agreements/${found.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.status;
    }, FIREARMS_MD_UZ_RENAMED);
    expect(status).toBe(200);

    await form.getByLabel('Документ', { exact: true }).fill('ТЕСТ-2020-MD-UZ/3');
    await form.getByRole('button', { name: 'Сохранить изменения' }).click();
    const conflict = keeper.getByRole('alert').filter({ hasText: 'Пока вы редактировали соглашение, его изменил другой пользователь.' });
    await conflict.getByRole('button', { name: 'Перечитать реестр' }).click();
    await form.waitFor({ state: 'detached' });
    await register.getByRole('row').filter({ hasText: 'ТЕСТ-2020-MD-UZ/2' }).waitFor();
  });

  it("no one but BKBOP's administrator is offered to enter or change an agreement: not an officer, not another agency's administrator, not a BKBOP analyst", async () => {
    for (const username of ['kz.operator', 'rugp.administrator', 'bkbop.analyst']) {
      const page = await pageOf(username);
      await openAgreements(page);
      expect(await page.getByRole('button', { name: 'Новое соглашение' }).count(), username).toBe(0);
      expect(await page.getByRole('button', { name: /^Изменить/ }).count(), username).toBe(0);
      expect(await page.getByRole('form').count(), username).toBe(0);
    }
  });

  it('the register and its matrix pass the accessibility checks (axe-core, WCAG 2 A/AA), the form open with its errors too', async () => {
    // axe is injected into the page: this context lets scripts past the Content-Security-Policy.
    const context = await browser.newContext({ bypassCSP: true, locale: 'ru-RU' });
    const page = await context.newPage();
    const signInAs = async (username: string) => {
      await signIn(page, server, username);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.goto(`${server.baseUrl}/agreements`);
      await page.getByRole('table', { name: /^Обмен сведениями массива/ }).waitFor();
    };
    await signInAs('kz.operator');
    expect(await seriousViolations(page)).toEqual([]);

    await context.clearCookies();
    await signInAs('bkbop.administrator');
    await page.getByRole('button', { name: 'Новое соглашение' }).click();
    const form = page.getByRole('form', { name: 'Новое соглашение' });
    await form.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Sent empty: every field refused at once.
    await form.getByRole('button', { name: 'Внести в реестр' }).click();
    await page.getByRole('alert').filter({ hasText: 'Соглашение не сохранено' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('raised no script errors and nothing the Content-Security-Policy refused on the way', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
