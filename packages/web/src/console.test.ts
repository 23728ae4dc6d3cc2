/**
 * The web console in a real Chromium against the real server on PGlite: what a user would
 * notice — the login error in Russian, the records table, the language switch, a record's
 * sections and photo, a field check (hit, explanation, refusal), cancelling (and the
 * stale-version message), and the owner-only button.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RecordInput, RecordView } from '@svod/core';
import { crossmatchQueued } from '@svod/server';
import { stolenVehicle, wantedPerson } from '../../server/src/test/fixtures/records.ts';
import {
  CHROMIUM,
  type ConsoleServer,
  hasChromium,
  INDEX_HTML,
  launchBrowser,
  MISSING_BUILD,
  openDesktopPage,
  Screenshots,
  signIn,
  startConsoleServer,
  watchPage,
} from './test/browser-harness.ts';

const SCREENSHOT = '/tmp/svod-console.png';

if (!hasChromium) {
  console.warn(
    `[svod web tests] ${CHROMIUM} not found: the console UI test in real Chromium is SKIPPED. ` +
      'Install it with `apt-get update && apt-get install -y chromium`.',
  );
}

describe('built web console', () => {
  it('exists, so that the server can serve it at /', () => {
    expect(existsSync(INDEX_HTML), MISSING_BUILD).toBe(true);
  });
});

describe.skipIf(!hasChromium)('web console in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const screens = new Screenshots('screens');
  let wanted: RecordView;
  let vehicleInput: RecordInput;
  let vehicle: RecordView;
  let firearm: RecordView;

  const create = async (headers: Record<string, string>, input: RecordInput): Promise<RecordView> => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: input });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as RecordView;
  };

  /** Another user in a browser page of their own, signed in through the login form (in Russian). */
  const signInOnNewPage = async (username: string): Promise<Page> => {
    const other = await browser.newPage();
    watchPage(other, { pageErrors, cspViolations });
    await signIn(other, server, username);
    return other;
  };

  beforeAll(async () => {
    server = await startConsoleServer({
      users: [
        { participant: 'RU-MVD', username: 'ru.operator', displayName: 'Иванов Сергей Петрович', role: 'operator' },
        { participant: 'RU-MVD', username: 'ru.supervisor', displayName: 'Козлов Андрей Игоревич', role: 'supervisor' },
        { participant: 'RU-MVD', username: 'ru.admin', displayName: 'Смирнова Ольга Викторовна', role: 'administrator' },
        { participant: 'KZ-MVD', username: 'kz.analyst', displayName: 'Нурланов Арман', role: 'analyst' },
        { participant: 'KZ-MVD', username: 'kz.operator', displayName: 'Ахметов Ерлан Болатович', role: 'operator' },
      ],
    });
    screens.prepare({ emptied: true });

    const ru = await server.login('ru.operator');
    const kz = await server.login('kz.operator');
    vehicleInput = stolenVehicle();
    vehicle = await create(ru, vehicleInput);
    firearm = await create(ru, {
      category: 'firearm',
      nationalRef: `RU-F-${Date.now().toString(36)}`,
      legalBasis: 'КУСП № 4410 от 02.02.2025',
      actionOnHit: 'seize',
      distribution: { kind: 'all' },
      firearm: {
        kind: 'lost_stolen',
        type: 'pistol',
        make: 'ИЖМЕХ',
        model: 'ПМ',
        calibre: '9×18 мм',
        serials: ['ТА 1234'],
        yearOfManufacture: 1978,
        eventDate: '2025-02-01',
        eventPlace: { country: 'RU', locality: 'Тверь' },
        legalOwner: 'ОМВД России по г. Твери',
      },
    });
    await create(kz, {
      category: 'missing_person',
      nationalRef: `KZ-M-${Date.now().toString(36)}`,
      legalBasis: 'Заявление матери от 03.05.2025',
      actionOnHit: 'locate_and_inform',
      distribution: { kind: 'all' },
      person: {
        names: [
          { kind: 'primary', script: 'Cyrl', lang: 'kk', surname: 'Сейтқали', given: 'Әлия' },
          { kind: 'latin', script: 'Latn', surname: 'Seitkali', given: 'Aliya' },
        ],
        sex: 'female',
        birthDate: '2012-09-14',
        citizenships: ['KZ'],
      },
      missing: {
        lastSeenOn: '2025-05-02',
        lastSeenPlace: { country: 'KZ', locality: 'Шымкент' },
        vulnerabilities: ['child'],
        biometrics: { dna: false, dental: false, fingerprints: false },
      },
    });
    wanted = await create(ru, wantedPerson());
    const photo = await server.app.inject({
      method: 'POST',
      url: `/api/v1/records/${wanted.id}/attachments?filename=${encodeURIComponent('фото-анфас.png')}`,
      headers: { ...ru, 'content-type': 'image/png' },
      payload: portraitPng(),
    });
    expect(photo.statusCode, photo.body).toBe(201);

    browser = await launchBrowser();
    page = await openDesktopPage(browser);
    watchPage(page, { pageErrors, cspViolations });
  });

  afterEach(async ({ task }) => {
    await screens.afterTest(task.name, page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the Russian error message for a wrong password', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: 'Вход в систему' }).waitFor();
    await page.getByLabel('Имя пользователя').fill('ru.operator');
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Неверное имя пользователя или пароль');
    expect(await page.getByLabel('Пароль').inputValue()).toBe('');
  });

  it('logs in and shows the records table with the Cyrillic name and its Latin form', async () => {
    await page.getByLabel('Пароль').fill(server.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    // An operator starts on the agency's home page: what is due for review, the newest records.
    await page.getByRole('heading', { name: 'Добрый день, Иванов Сергей Петрович' }).waitFor();
    await page.getByRole('heading', { name: 'Пора проверить' }).waitFor();
    const recent = page.getByRole('table', { name: 'Последние карточки вашего органа' });
    await recent.getByRole('row', { name: /Рахмонов/ }).waitFor();
    expect(
      await page
        .getByRole('table', { name: 'Действующие карточки по государствам' })
        .getByRole('row', { name: /KZ-MVD/ })
        .count(),
    ).toBe(1);
    await page.getByRole('navigation').getByRole('link', { name: 'Карточки' }).click();
    await page.getByRole('columnheader', { name: 'Категория' }).waitFor();
    for (const header of ['Сведения', 'Владелец', 'Статус', 'Обновлена']) {
      await page.getByRole('columnheader', { name: header }).waitFor();
    }
    const row = page.getByRole('row', { name: /Рахмонов Фаррух Исмоилович/ });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('Rakhmonov Farrukh');
    expect(text).toContain('Розыск лица');
    expect(text).toContain('Действует');
    expect(text).toContain('RU-MVD');
    // Other categories are summarised by their identifiers.
    expect(await page.getByRole('row', { name: /XTA210990Y2765432/ }).textContent()).toContain('ВАЗ 21099');
    expect(await page.getByRole('row', { name: /ТА 1234/ }).textContent()).toContain('ИЖМЕХ ПМ');
    expect(await page.getByRole('row', { name: /Сейтқали Әлия/ }).textContent()).toContain('KZ-MVD');
    // The header says who is working, by the display name the administrator gave.
    const header = page.getByRole('banner');
    expect(await header.textContent()).toContain('Иванов Сергей Петрович');
    expect(await header.textContent()).toContain('МВД России');
    expect(await header.textContent()).toContain('Оператор');
  });

  it('filters by category through the select', async () => {
    await page.getByLabel('Категория').selectOption('vehicle');
    await page.waitForURL(/category=vehicle/);
    await page.getByRole('row', { name: /Рахмонов/ }).waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Сбросить' }).click();
    await page.getByRole('row', { name: /Рахмонов/ }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(4);
  });

  it('narrows the list by birth dates typed as people type them, says plainly when one cannot be read, and orders the list', async () => {
    const filters = page.getByRole('search', { name: 'Фильтры' });
    await page.getByLabel('Дата рождения с').fill('1989');
    await page.getByLabel('Дата рождения по').fill('04.1989');
    await filters.getByRole('button', { name: 'Найти', exact: true }).click();
    await page.waitForURL(/bornFrom=1989&bornTo=1989-04/);
    await page.getByRole('row', { name: /Сейтқали/ }).waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr').textContent()).toContain('Рахмонов');
    // Shown back in the form the user types, not the API's.
    expect(await page.getByLabel('Дата рождения по').inputValue()).toBe('04.1989');

    await page.getByLabel('Дата рождения с').fill('31.31');
    await filters.getByRole('button', { name: 'Найти', exact: true }).click();
    await page.getByText('Введите дату, например 15.07.1984, 07.1984 или 1984.').waitFor();
    expect(await page.getByLabel('Дата рождения с').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toContain('bornFrom=1989&');

    await page.getByRole('button', { name: 'Сбросить' }).click();
    await page.getByRole('row', { name: /Сейтқали/ }).waitFor();
    await page.getByLabel('Внесены по').fill('01.01.2020');
    await filters.getByRole('button', { name: 'Найти', exact: true }).click();
    await page.waitForURL(/createdTo=2020-01-01/);
    await page.getByRole('row', { name: /Сейтқали/ }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Сбросить' }).click();
    await page.getByRole('row', { name: /Сейтқали/ }).waitFor();
    const firstRow = async () => (await page.locator('tbody tr').first().textContent()) ?? '';
    const newestFirst = await firstRow();
    await page.getByLabel('Порядок').selectOption('oldest');
    await page.waitForURL(/sort=oldest/);
    await page.waitForFunction((before) => document.querySelector('tbody tr')?.textContent !== before, newestFirst);
    expect(await page.locator('tbody tr').count()).toBe(4);
    await page.getByRole('button', { name: 'Сбросить' }).click();
    await page.waitForURL(`${server.baseUrl}/records`);
  });

  it('checks a person typed in Latin letters: a hit on the Cyrillic record, with why; too little is refused', async () => {
    await page.getByRole('link', { name: 'Проверка', exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/check`);
    await page.getByRole('heading', { level: 1, name: 'Проверка' }).waitFor();
    expect(await page.getByLabel('Лицо').isChecked()).toBe(true);
    await page.getByLabel('Фамилия', { exact: true }).fill('RAKHMONOV');
    await page.getByLabel('Имя', { exact: true }).fill('FARRUKH');
    await page.getByLabel('Дата рождения', { exact: true }).fill('1989-04-17');
    await page.getByRole('button', { name: 'Проверить', exact: true }).click();

    const banner = page.locator('.check-outcome');
    await banner.getByText('Совпадение — в розыске', { exact: true }).waitFor();
    expect(await banner.getAttribute('class')).toContain('alert--error');
    const candidate = page.locator('.check-candidate').first();
    const text = await candidate.textContent();
    expect(text).toContain('Рахмонов Фаррух Исмоилович');
    expect(text).toContain('Rakhmonov Farrukh');
    expect(text).toContain('Розыск лица');
    expect(text).toContain('Задержать');
    expect(text).toMatch(/\d+(,\d)? %/);
    // In plain words first; the weights in bits and the model only behind «Подробнее».
    expect(text).toMatch(/Совпадает: [^.]*Фамилия/);
    expect(await candidate.getByRole('row', { name: /^Фамилия/ }).isVisible()).toBe(false);
    await candidate.getByText('Подробнее: каждое поле и его вес').click();
    expect(await candidate.textContent()).toContain('Модель сопоставления');
    const surnameRow = candidate.getByRole('row', { name: /^Фамилия/ });
    expect(await surnameRow.textContent()).toMatch(/\+\d+(,\d)? бит/);
    expect(await candidate.getByRole('link', { name: 'Открыть карточку' }).getAttribute('href')).toBe(`/records/${wanted.id}`);

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await banner.getByText('Hit', { exact: true }).waitFor();
    expect(await candidate.getByRole('row', { name: /^Surname/ }).textContent()).toMatch(/\+\d+(\.\d)? bits/);
    expect(await candidate.textContent()).toContain('Wanted person');
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await banner.getByText('Совпадение — в розыске', { exact: true }).waitFor();

    await page.getByLabel('Фамилия', { exact: true }).fill('');
    await page.getByLabel('Дата рождения', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Проверить', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Недостаточно сведений для проверки');
    expect(await alert.textContent()).toContain('нужны фамилия и имя или дата рождения, либо документ');
    expect(await banner.count()).toBe(0);

    await page.getByRole('link', { name: 'Карточки', exact: true }).click();
    await page.getByRole('row', { name: /Рахмонов/ }).waitFor();
  });

  it('switches to English and remembers the choice', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    for (const header of ['Category', 'Subject', 'Owner', 'Status', 'Updated']) {
      await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
    }
    expect(await page.getByRole('columnheader', { name: 'Категория' }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /Rakhmonov/ }).textContent()).toContain('Wanted person');
    expect(await page.getByLabel('Category').count()).toBe(1);
    expect(await page.getByRole('banner').textContent()).toContain('Operator');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByRole('columnheader', { name: 'Category', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opens a record with all its sections, labels and photo', async () => {
    await page.getByRole('row', { name: /Rakhmonov/ }).click();
    await page.waitForURL(`${server.baseUrl}/records/${wanted.id}`);
    await page.getByRole('heading', { level: 1, name: 'Рахмонов Фаррух Исмоилович' }).waitFor();
    for (const section of [
      'Wanted',
      'Record',
      'Identity',
      'Names',
      'Identity documents',
      'Physical description',
      'Distinguishing marks',
      'Photos and documents',
    ]) {
      await page.getByRole('heading', { name: section, exact: true }).waitFor();
    }
    const main = await page.getByRole('main').textContent();
    for (const value of [
      'Arrest for extradition',
      'ст. 162 ч. 2 УК РФ',
      'Тверской районный суд г. Москвы',
      'Armed',
      'Passport (international)',
      '400123456',
      'Tajikistan',
      'Apr 1989',
      'Tattoo',
      'якорь',
      'Постановление о розыске от 12.03.2025',
      'All participants',
      'Ministry of Internal Affairs of Russia',
    ]) {
      expect(main, value).toContain(value);
    }
    const photoWidth = await page.locator('img.record-hero__photo').evaluate(async (img: HTMLImageElement) => {
      await img.decode().catch(() => undefined);
      return img.naturalWidth;
    });
    expect(photoWidth).toBeGreaterThan(0);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('cancels the record with a reason and shows the new status', async () => {
    await page.getByRole('button', { name: 'Cancel record' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the record' });
    await dialog.waitFor();
    await dialog.getByLabel('Reason for cancellation').fill('Задержан 12.05.2025 в г. Душанбе');
    await dialog.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByText('The record has been cancelled.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('.record-hero .badge--status-cancelled').textContent()).toBe('Cancelled');
    expect(await page.getByRole('main').textContent()).toContain('Задержан 12.05.2025 в г. Душанбе');
    expect(await page.getByRole('button', { name: 'Cancel record' }).count()).toBe(0);

    const stored = await server.app.inject({ method: 'GET', url: `/api/v1/records/${wanted.id}`, headers: await server.login('ru.operator') });
    expect((stored.json() as RecordView).status).toBe('cancelled');

    await page.getByRole('link', { name: 'Back to records' }).click();
    expect(await page.getByRole('row', { name: /Rakhmonov/ }).textContent()).toContain('Cancelled');
  });

  it('says so when the record changed meanwhile (409), and cancels after a reload', async () => {
    await page.getByRole('row', { name: /XTA210990Y2765432/ }).click();
    await page.getByRole('heading', { name: 'Vehicle', exact: true }).waitFor();
    // Someone else edits the record while it is on the screen.
    const { category: _category, nationalRef: _ref, ...content } = vehicleInput;
    const edit = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${vehicle.id}`,
      headers: await server.login('ru.operator'),
      payload: { ...content, version: vehicle.version, remarks: 'Уточнён цвет кузова' },
    });
    expect(edit.statusCode, edit.body).toBe(200);

    await page.getByRole('button', { name: 'Cancel record' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the record' });
    await dialog.getByLabel('Reason for cancellation').fill('Автомобиль возвращён владельцу');
    await dialog.getByRole('button', { name: 'Confirm cancellation' }).click();
    await dialog.getByText('Someone else changed this record').waitFor();
    await dialog.getByRole('button', { name: 'Reload the record' }).click();
    await page.getByText('Уточнён цвет кузова').waitFor();

    await page.getByRole('button', { name: 'Cancel record' }).click();
    await dialog.getByLabel('Reason for cancellation').fill('Автомобиль возвращён владельцу');
    await dialog.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByText('The record has been cancelled.').waitFor();
    expect(await page.locator('.record-hero .badge--status-cancelled').textContent()).toBe('Cancelled');
  });

  it("shows the record's history on request: each version, who wrote it, and what changed", async () => {
    await page.getByRole('button', { name: 'Show the history' }).click();
    const history = page.getByRole('list', { name: 'History of changes' });
    await history.waitFor();
    const versions = history.locator('.history__version');
    expect(await versions.count()).toBe(3);
    const cancelled = versions.nth(0);
    expect(await cancelled.textContent()).toContain('Version 3');
    expect(await cancelled.textContent()).toContain('Status changed: Active → Cancelled — Автомобиль возвращён владельцу');
    expect(await cancelled.textContent()).toContain('Иванов Сергей Петрович');
    const edited = versions.nth(1);
    const change = edited.getByRole('row', { name: /Remarks/ });
    expect(await change.locator('.history__after').textContent()).toBe('Уточнён цвет кузова');
    expect(await change.locator('.history__before').textContent()).toBe('—');
    expect(await versions.nth(2).textContent()).toContain('Record created.');
  });

  it('creates a missing person in the form: dates as typed, a Latin form offered, a refusal shown at its field', async () => {
    await page.goto(`${server.baseUrl}/records`);
    await page.getByRole('link', { name: 'New record' }).click();
    await page.getByRole('heading', { name: 'New record' }).waitFor();
    await page.getByLabel('Category', { exact: true }).selectOption('missing_person');
    await page.getByLabel('National reference').fill('RU-MVD-FORM-1');
    await page.getByLabel('Legal basis').fill('Заявление о безвестном исчезновении от 04.11.2024');
    await page.getByLabel('Surname', { exact: true }).first().fill('Ковальчук');
    await page.getByLabel('Given name', { exact: true }).first().fill('Олеся');
    await page.getByRole('button', { name: 'Suggest the Latin form' }).click();
    const latinSurname = await page.getByLabel('Surname', { exact: true }).nth(1).inputValue();
    expect(latinSurname).toMatch(/^KOVAL/);
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Date of birth', { exact: true }).fill('15.07.1984');
    // Typed key by key, as a person types a list, separators and all.
    await page.getByLabel('Citizenship').pressSequentially('ru, ua');
    await page.getByLabel('Last seen on').fill('31.02.2024');
    await page.getByLabel('Last seen at: country').fill('RU');
    await page.getByLabel('Last seen at: locality').fill('Брянск');
    await page.getByRole('button', { name: 'Create the record' }).click();

    const refusal = page.getByRole('alert').filter({ hasText: 'The record was not saved' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Disappearance › Last seen on: is not a real date');
    expect(await page.getByLabel('Last seen on').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Last seen on').fill('03.11.2024');
    await page.getByRole('button', { name: 'Create the record' }).click();
    await page.getByRole('heading', { name: /Ковальчук/ }).waitFor();
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).toContain('15 Jul 1984');
    expect(main).toContain(latinSurname);
    const created = await server.app.inject({
      method: 'GET',
      url: '/api/v1/records?nationalRef=RU-MVD-FORM-1',
      headers: await server.login('ru.operator'),
    });
    const [stored] = created.json().items as RecordView[];
    expect(stored?.person?.birthDate).toBe('1984-07-15');
    expect(stored?.missing?.lastSeenOn).toBe('2024-11-03');
    expect(stored?.person?.citizenships).toEqual(['RU', 'UA']);
  });

  it('edits a record, shows plainly what someone else saved meanwhile, and saves over it when asked', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: /Edit record RU-MVD-FORM-1/ }).waitFor();
    await page.getByLabel('Remarks').fill('Видели на вокзале');
    const current = (
      await (
        await server.app.inject({ method: 'GET', url: '/api/v1/records?nationalRef=RU-MVD-FORM-1', headers: await server.login('ru.operator') })
      ).json()
    ).items[0] as RecordView;
    const { id, version, category: _c, nationalRef: _n, owner: _o, status: _s, createdAt: _a, updatedAt: _u, attachments: _t, ...content } = current;
    const theirs = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${id}`,
      headers: await server.login('ru.operator'),
      payload: { ...content, version, remarks: 'Звонила сестра' },
    });
    expect(theirs.statusCode, theirs.body).toBe(200);

    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this record' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Remarks: — → Звонила сестра');
    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await page.getByRole('heading', { name: /Ковальчук/ }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Видели на вокзале');
  });

  it('marks the subject located with where and when, and makes the record active again', async () => {
    await page.getByRole('button', { name: 'Mark located' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark the subject located' });
    await dialog.getByLabel('Where and when located').fill('Обнаружена 06.11.2024 в г. Орёл, рапорт № 233');
    await dialog.getByRole('button', { name: 'Mark located' }).click();
    await page.getByText('The record is marked located.').waitFor();
    expect(await page.locator('.record-hero .badge--status-located').textContent()).toBe('Located');
    expect(await page.getByRole('main').textContent()).toContain('Status note: Обнаружена 06.11.2024 в г. Орёл, рапорт № 233');
    expect(await page.getByRole('button', { name: 'Mark located' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Make active again' }).click();
    const again = page.getByRole('dialog', { name: 'Make the record active again' });
    await again.getByLabel('Why the record is active again').fill('Обнаружена другая женщина');
    await again.getByRole('button', { name: 'Make active' }).click();
    await page.getByText('The record is active again.').waitFor();
    expect(await page.locator('.record-hero .badge--status-active').textContent()).toBe('Active');
  });

  it('adds a photo to the record after showing the limits and a preview, and refuses a file it cannot take', async () => {
    const input = page.getByLabel('Add a photo or document');
    expect(await page.getByText('JPEG, PNG or WebP photos and PDF documents, up to 5 MB each').count()).toBe(1);
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('не фото') });
    await page.getByText('This kind of file is not accepted').waitFor();
    expect(await page.getByRole('button', { name: 'Upload' }).isDisabled()).toBe(true);

    await input.setInputFiles({ name: 'ковальчук.png', mimeType: 'image/png', buffer: portraitPng() });
    await page.getByRole('img', { name: 'Preview of the chosen photo' }).waitFor();
    await page.getByRole('button', { name: 'Upload' }).click();
    await page
      .getByRole('img', { name: /ковальчук\.png/ })
      .first()
      .waitFor();
    expect(await page.locator('.record-hero__photo').count()).toBe(1);
  });

  it('edits a record again after its status changed, keeping the note and the photo', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Remarks').fill('Фото добавлено, статус подтверждён');
    await page.getByRole('button', { name: 'Link another record' }).click();
    await page.getByLabel('Relation').selectOption('related');
    const linked = page.getByLabel('Identifier of the linked record');
    await linked.fill('00000000-0000-4000-8000-000000000000');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'The record was not saved' }).waitFor();
    expect(await linked.getAttribute('aria-invalid')).toBe('true');
    await linked.fill(wanted.id);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Linked records' }).waitFor();
    await page.getByText('Фото добавлено, статус подтверждён').waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Status note: Обнаружена другая женщина');
    expect(await page.locator('.record-hero__photo').count()).toBe(1);
  });

  it('flags a record whose review date has passed, on its page and in the list', async () => {
    const overdue = await create(await server.login('ru.operator'), stolenVehicle({ reviewBy: '2025-01-31' }));
    await page.goto(`${server.baseUrl}/records/${overdue.id}`);
    await page.getByText('Review was due on 31 Jan 2025').waitFor();
    await page.getByRole('link', { name: 'Back to records' }).click();
    const row = page.getByRole('row', { name: new RegExp(overdue.nationalRef) });
    expect(await row.textContent()).toContain('Review overdue');
  });

  it("does not offer cancellation on another participant's record, and deep links work", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await context.newPage();
    watchPage(other, { pageErrors, cspViolations });
    await signIn(other, server, 'kz.operator', { path: `/records/${firearm.id}` });
    await other.getByRole('heading', { name: 'Оружие', exact: true }).waitFor();
    const main = await other.getByRole('main').textContent();
    expect(main).toContain('ТА 1234');
    expect(main).toContain('Утрачено или похищено');
    expect(main).toContain('Пистолет');
    expect(await other.getByRole('button', { name: 'Аннулировать карточку' }).count()).toBe(0);

    await other.getByRole('button', { name: 'Выйти' }).click();
    await other.getByRole('heading', { name: 'Вход в систему' }).waitFor();
    await context.close();
  });

  it.each([
    {
      category: 'wanted_person',
      fill: [
        ['Surname', 'Каримов'],
        ['Given name', 'Рустам'],
        ['Sex', 'male'],
        ['Document', 'passport'],
        ['Number', 'FA1234567'],
        ['Issuing state', 'UZ'],
        ['Criminal code article', 'ст. 158 УК РФ'],
        ['Offence', 'Кража'],
        ['Decision issued by', 'Следственный отдел'],
        ['Measure requested', 'arrest'],
      ],
      wrong: ['Decision date', '30.02.2025', '14.02.2025'],
      heading: /Каримов/,
    },
    {
      category: 'unidentified_corpse',
      fill: [
        ['Sex', 'male'],
        ['Found at: country', 'RU'],
        ['Found at: locality', 'Рязань'],
        ['Apparent age, years: from', '40'],
        ['Apparent age, years: to', '50'],
        ['Kind', 'tattoo'],
        ['Location', 'правое плечо'],
        ['Description', 'роза и надпись «Мама»'],
      ],
      wrong: ['Found on', '31.04.2025', '30.04.2025'],
      heading: /./,
      shows: 'роза и надпись «Мама»',
    },
    {
      category: 'unidentified_person',
      fill: [
        ['Sex', 'female'],
        ['Found at: country', 'RU'],
        ['Now at', 'hospital'],
        ['Institution', 'ГБУЗ ГКБ № 1'],
      ],
      wrong: ['Found on', '2025-13-01', '2025-11-01'],
      heading: /./,
    },
    {
      category: 'vehicle',
      fill: [
        ['Make', 'Toyota'],
        ['Model', 'Camry'],
      ],
      wrong: ['VIN', 'JTDBE32K0I0123456', 'JTDBE32K020123456'],
      heading: /JTDBE32K020123456/,
    },
    {
      category: 'firearm',
      fill: [
        ['Register', 'lost_stolen'],
        ['Type', 'pistol'],
        ['Date lost, stolen, found or seized', '01.03.2025'],
        ['Place: country', 'RU'],
      ],
      wrong: ['Serial numbers', '№ 4455', 'КА 4455'],
      heading: /КА 4455/,
    },
  ] as { category: string; fill: string[][]; wrong: string[]; heading: RegExp; shows?: string }[])(
    'creates a record of category $category in the form after one field it refuses is put right',
    async ({ category, fill, wrong, heading, shows }) => {
      await page.goto(`${server.baseUrl}/records/new?category=${category}`);
      await page.getByRole('heading', { name: 'New record' }).waitFor();
      await page.getByLabel('National reference').fill(`RU-MVD-FORM-${category}`);
      await page.getByLabel('Legal basis').fill('Материал проверки КУСП № 1234');
      const input = async (label: string, value: string) => {
        const field = page.getByLabel(label, { exact: true }).first();
        if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
        else await field.fill(value);
      };
      for (const [label, value] of fill) await input(label!, value!);
      const [wrongLabel, bad, good] = wrong as [string, string, string];
      await input(wrongLabel, bad);
      await page.getByRole('button', { name: 'Create the record' }).click();
      await page.getByRole('alert').filter({ hasText: 'The record was not saved' }).waitFor();
      expect(await page.getByLabel(wrongLabel, { exact: true }).first().getAttribute('aria-invalid')).toBe('true');
      await input(wrongLabel, good);
      await page.getByRole('button', { name: 'Create the record' }).click();
      await page.waitForURL(/\/records\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      if (shows) await page.getByText(shows).waitFor();
    },
  );

  it('finds records by a name in another script or by VIN, ranked, cancelled ones too', async () => {
    await page.goto(`${server.baseUrl}/records`);
    const search = page.getByRole('search', { name: 'Find a record' });
    await search.getByLabel('Search by').selectOption('name');
    await search.getByLabel(/Name in any script/).fill('Rahmonov Farruh');
    await search.getByLabel('Date of birth').fill('1989');
    await search.getByRole('button', { name: 'Find' }).click();
    const results = page.getByRole('table', { name: 'Records found' });
    await results.waitFor();
    const first = results.locator('tbody tr').first();
    expect(await first.textContent()).toContain('Rakhmonov');
    expect(await first.textContent()).toContain('Cancelled');

    // An operator may search but not export; a supervisor's or an analyst's search offers the spreadsheet.
    await page.locator('.record-search').getByRole('table', { name: 'Records found' }).waitFor();
    expect(await page.locator('.record-search').getByRole('button', { name: 'Export CSV' }).count()).toBe(0);

    await search.getByLabel('Search by').selectOption('vin');
    await search.getByLabel('VIN', { exact: true }).fill('XTA210990Y2765432');
    await search.getByRole('button', { name: 'Find' }).click();
    await results.locator('tbody tr', { hasText: 'XTA210990Y2765432' }).first().waitFor();
    await results.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Vehicle', exact: true }).waitFor();
  });

  it('loads the next page with the cursor', async () => {
    const ru = await server.login('ru.operator');
    for (let i = 0; i < 48; i++) await create(ru, stolenVehicle());
    const { count } = await server.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    const total = Number(count);
    expect(total).toBeGreaterThan(50);
    expect(total).toBeLessThanOrEqual(100);
    await page.goto(`${server.baseUrl}/records`);
    const more = page.getByRole('button', { name: 'Load more' });
    await more.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(50);
    await page.getByText(`Shown: 50 of ${total}`).waitFor();
    await more.click();
    await page.getByText(`Shown: ${total}`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(total);
    expect(await more.count()).toBe(0);
  });

  it('a name typed on the wrong keyboard layout is shown as written, with a note for the owner', async () => {
    const slipped = wantedPerson();
    slipped.person = { ...slipped.person!, names: [{ kind: 'primary', script: 'Cyrl', surname: ';erjd', given: 'Utjhubq' }] };
    const record = await create(await server.login('ru.operator'), slipped);
    await page.goto(`${server.baseUrl}/records/${record.id}`);
    await page.getByRole('note').getByText('Data quality').waitFor();
    expect(await page.getByRole('note').textContent()).toContain('typed on the wrong keyboard layout');
    expect(await page.getByRole('main').textContent()).toContain(';erjd');
  });

  it('shows the interactive API documentation under its own policy', async () => {
    const docs = await browser.newPage();
    watchPage(docs, { pageErrors, cspViolations });
    await docs.goto(`${server.baseUrl}/api/v1/docs`);
    await docs.getByText('/api/v1/auth/login').first().waitFor();
    expect(await docs.locator('.opblock').count()).toBeGreaterThan(10);
    await docs.close();
  });

  it("gives an administrator the agency's users, API keys and audit trail on screen, in Russian", async () => {
    const admin = await signInOnNewPage('ru.admin');
    admin.on('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('link', { name: 'Администрирование' }).click();
    const users = admin.getByRole('table', { name: 'Пользователи' });
    await users.getByRole('row', { name: /ru\.operator/ }).waitFor();

    await admin.getByLabel('Имя пользователя', { exact: true }).fill('ru-mvd.petrov');
    await admin.getByLabel('Фамилия, имя, отчество').fill('Петров Пётр Петрович');
    await admin.getByLabel('Роль', { exact: true }).selectOption('supervisor');
    await admin.getByLabel('Первоначальный пароль').fill('короткий');
    await admin.getByRole('button', { name: 'Добавить пользователя' }).click();
    await admin.locator('.form-field--invalid', { hasText: 'Первоначальный пароль' }).waitFor();
    await admin.getByLabel('Первоначальный пароль').fill('длинный-пароль-2026');
    await admin.getByRole('button', { name: 'Добавить пользователя' }).click();
    await admin.getByText('Пользователь ru-mvd.petrov добавлен.').waitFor();
    await users.getByRole('row', { name: /ru-mvd\.petrov/ }).waitFor();

    await admin.getByRole('tab', { name: 'Ключи API' }).click();
    await admin.getByLabel('Национальная система').fill('ИЦ МВД России');
    await admin.getByRole('button', { name: 'Выдать ключ' }).last().click();
    const issued = admin.getByRole('status').filter({ hasText: 'он показывается только один раз' });
    await issued.waitFor();
    expect((await issued.locator('.admin-key').textContent())?.length).toBeGreaterThan(20);
    const key = admin.getByRole('table', { name: 'Ключи API' }).getByRole('row', { name: /ИЦ МВД России/ });
    await key.getByRole('button', { name: 'Отозвать' }).click();
    await key.getByText(/Отозван/).waitFor();

    await admin.getByRole('tab', { name: 'Вебхуки' }).click();
    await admin.getByLabel('Адрес национальной системы').fill('https://ic.mvd.example/svod-events');
    await admin.getByRole('button', { name: 'Добавить', exact: true }).click();
    const secret = admin.getByRole('status').filter({ hasText: 'Секрет подписи показывается только сейчас' });
    expect((await secret.locator('.admin-key').textContent())?.length).toBeGreaterThan(30);
    await admin
      .getByRole('table', { name: 'Вебхуки' })
      .getByRole('row', { name: /ic\.mvd\.example/ })
      .getByText(/доставлено: 0/)
      .waitFor();

    await admin.getByRole('tab', { name: 'Журнал аудита' }).click();
    const trail = admin.getByRole('table', { name: 'Журнал аудита' });
    await trail
      .getByRole('row', { name: /user\.create/ })
      .first()
      .waitFor();
    expect(await trail.getByRole('row', { name: /apikey\.revoke/ }).count()).toBeGreaterThan(0);
    await admin.getByRole('button', { name: 'Проверить цепочку' }).click();
    await admin.getByText(/Цепочка цела/).waitFor();
    await admin.screenshot({ path: join(screens.dir, 'administration.png'), fullPage: true });
    await admin.close();
  });

  it('starts an analyst on what every state shares, as a chart and a table with the same numbers', async () => {
    const analyst = await signInOnNewPage('kz.analyst');
    const table = analyst.getByRole('table', { name: 'Действующие карточки по государствам' });
    await table.getByRole('row', { name: /RU-MVD/ }).waitFor();
    await analyst
      .getByRole('img', { name: /столбчатая диаграмма/ })
      .locator('canvas')
      .waitFor();
    expect(await table.getByRole('row', { name: /KZ-MVD/ }).textContent()).toMatch(/1/);
    expect(await analyst.getByRole('link', { name: 'Новая карточка' }).count()).toBe(0);
    await analyst.screenshot({ path: join(screens.dir, 'analyst-home.png'), fullPage: true });

    await analyst.goto(`${server.baseUrl}/records?category=vehicle`);
    const csv = analyst.getByRole('link', { name: 'Выгрузить CSV' });
    const href = (await csv.getAttribute('href')) ?? '';
    expect(href).toContain('format=csv');
    expect(href).toContain('category=vehicle');
    const download = await analyst.request.get(`${server.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    const exported = (await download.text()).replace(/^\uFEFF/, '');
    expect(exported.startsWith('id,category,')).toBe(true);
    expect(exported).toContain('XTA210990Y2765432');

    // The ranked search's result as a spreadsheet, in the order shown.
    const search = analyst.getByRole('search', { name: 'Поиск карточки' });
    await search.getByLabel('Искать по').selectOption('vin');
    await search.getByLabel('VIN', { exact: true }).fill('XTA210990Y2765432');
    await search.getByRole('button', { name: 'Найти' }).click();
    const [saved] = await Promise.all([
      analyst.waitForEvent('download'),
      analyst.locator('.record-search').getByRole('button', { name: 'Выгрузить CSV' }).click(),
    ]);
    expect(saved.suggestedFilename()).toMatch(/^svod-search-\d{4}-\d{2}-\d{2}\.csv$/);
    const { readFile } = await import('node:fs/promises');
    const sheet = (await readFile((await saved.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\n');
    expect(sheet[0]?.startsWith('id,category,')).toBe(true);
    expect(sheet[1]).toContain('XTA210990Y2765432');
    await analyst.close();
  });

  it("counts down a supervisor's records waiting to be cross-matched, then puts one man's records from two states side by side; confirmed, both records show one subject", async () => {
    const ru = await create(await server.login('ru.operator'), wantedPerson({ nationalRef: 'RU-W-TWIN' }));
    await create(
      await server.login('kz.operator'),
      wantedPerson({
        nationalRef: 'KZ-W-TWIN',
        person: {
          names: [{ kind: 'primary', script: 'Latn', surname: 'RAKHMONOV', given: 'FARRUKH' }],
          sex: 'male',
          birthDate: '1989-04-17',
          citizenships: ['TJ'],
          documents: [{ type: 'passport', number: '400123456', issuingState: 'TJ' }],
        },
      }),
    );
    const supervisor = await signInOnNewPage('ru.supervisor');
    const progress = supervisor.getByRole('region', { name: 'Сопоставление ваших карточек' });
    await progress.getByText(/Ожидают сопоставления с банком/).waitFor();
    await crossmatchQueued(server.db);
    // The count is asked again while records wait: the section goes once none do, without a reload.
    await progress.waitFor({ state: 'detached' });
    await supervisor.reload();
    const awaiting = supervisor.locator('section', { has: supervisor.getByRole('heading', { name: 'Ожидают вашего решения' }) });
    expect(await awaiting.locator('.home-card__figure').textContent()).toMatch(/^[1-9]/);
    await supervisor.getByRole('link', { name: 'Рассмотреть пары карточек' }).click();
    await supervisor.getByRole('heading', { level: 1, name: 'Пары карточек на рассмотрении' }).waitFor();
    const card = supervisor.locator('.match-card', { hasText: 'KZ-W-TWIN' }).filter({ hasText: 'RU-W-TWIN' });
    await card.waitFor();
    // The names are written in two scripts: the row is marked as differing for the reader.
    expect(await card.locator('.match-card__differs', { hasText: 'Фамилия' }).count()).toBe(1);
    await card.screenshot({ path: join(screens.dir, 'match-card.png') });
    await card.getByRole('button', { name: 'Подтвердить: одно лицо' }).click();
    await card.waitFor({ state: 'detached' });
    await supervisor.goto(`${server.baseUrl}/records/${ru.id}`);
    await supervisor.getByText(/Подтверждено как одно лицо/).waitFor();
    const cluster = supervisor.locator('.record-cluster');
    await cluster.getByRole('heading', { name: 'То же лицо или предмет по подтверждённым парам' }).waitFor();
    expect(await cluster.textContent()).toContain('RAKHMONOV');
    await supervisor.close();
  });

  it("sends a Kazakh officer's hit to the Russian owner live; the owner confirms it and the officer's screen shows the answer without a reload", async () => {
    const base = wantedPerson({ nationalRef: 'RU-W-HIT' });
    const wantedHere = await create(await server.login('ru.operator'), {
      ...base,
      person: { ...base.person!, documents: [{ type: 'passport', number: 'HT7777777', issuingState: 'TJ' }] },
    });
    const owner = await signInOnNewPage('ru.operator');
    await owner.getByRole('link', { name: 'Совпадения', exact: true }).waitFor();
    const officer = await signInOnNewPage('kz.operator');
    await officer.getByRole('navigation').getByRole('link', { name: 'Проверка', exact: true }).click();
    await officer.getByLabel('Фамилия', { exact: true }).fill('RAKHMONOV');
    await officer.getByLabel('Имя', { exact: true }).fill('FARRUKH');
    await officer.getByLabel('Номер документа').fill('HT7777777');
    await officer.getByLabel('Государство выдачи').fill('TJ');
    await officer.getByLabel(/Проверяемый задержан на месте/).check();
    await officer.getByRole('button', { name: 'Проверить', exact: true }).click();
    await officer.locator('.hit-follow-up', { hasText: 'должен ответить до' }).waitFor();

    const alert = owner.getByRole('alert').filter({ hasText: 'выявила карточку вашего ведомства' });
    await alert.waitFor();
    await owner.screenshot({ path: join(screens.dir, 'hit-alert.png') });
    await alert.getByRole('link', { name: 'Открыть' }).click();
    const card = owner.locator('.hit-card', { hasText: 'RAKHMONOV' }).filter({ hasText: 'Ожидает ответа' }).first();
    await card.getByText(/осталось \d+:\d\d/).waitFor();
    await card.getByLabel('Результат').selectOption('detained');
    await card.getByRole('button', { name: 'Подтвердить', exact: true }).click();

    await officer.locator('.hit-follow-up').getByText('Ответ владельца: Задержан').waitFor();
    await officer.getByRole('alert').filter({ hasText: 'подтвердило совпадение по вашей проверке' }).waitFor();
    // The owner's record page lists the hit with its answer.
    await owner.goto(`${server.baseUrl}/records/${wantedHere.id}`);
    await owner.getByRole('region', { name: 'Совпадения по этой карточке' }).getByText('Задержан').first().waitFor();
    await owner.close();
    await officer.close();
  });

  it("shows on an unidentified girl's record the missing girl she may be, and which biometric comparison to order; the pair waits in the review queue", async () => {
    const found = await create(await server.login('ru.operator'), {
      category: 'unidentified_person',
      nationalRef: 'RU-U-GIRL',
      legalBasis: 'Рапорт ППС от 10.05.2025',
      actionOnHit: 'identify',
      distribution: { kind: 'all' },
      person: { sex: 'female', description: { heightCm: 150 } },
      unidentifiedPerson: {
        foundOn: '2025-05-09',
        foundPlace: { country: 'KZ', locality: 'Шымкент' },
        currentLocation: { kind: 'hospital', name: 'Городская детская больница № 2' },
        estimatedAge: { min: 11, max: 14 },
      },
    });
    await page.goto(`${server.baseUrl}/records/${found.id}`);
    // The console is in English since the language test.
    const section = page.getByRole('region', { name: 'Missing persons this may be' });
    await section.getByText('Сейтқали Әлия').first().waitFor();
    expect(await section.textContent()).toContain('No biometric reference is held on both sides yet.');
    await section.screenshot({ path: join(screens.dir, 'nameless.png') });
    // The background matcher also puts the pair in the review queue, under its own kind.
    await crossmatchQueued(server.db);
    await page.goto(`${server.baseUrl}/matches`);
    await page.getByLabel('Kind').selectOption('nameless');
    const pair = page.locator('.match-card', { hasText: 'RU-U-GIRL' });
    await pair.getByText('No biometric reference is held on both sides yet.').waitFor();
    expect(await pair.textContent()).toContain('Missing person and unidentified person');
  });

  it("starts a supervisor on the agency's records due for review and what every state shares", async () => {
    const supervisor = await signInOnNewPage('ru.supervisor');
    await supervisor.getByRole('heading', { name: 'Пора проверить' }).waitFor();
    const reviewDue = supervisor.locator('section', { has: supervisor.getByRole('heading', { name: 'Пора проверить' }) });
    expect(await reviewDue.locator('.home-card__figure').textContent()).toMatch(/^[1-9]/);
    await supervisor.getByRole('table', { name: 'Действующие карточки по государствам' }).waitFor();
    await supervisor.getByRole('link', { name: 'Показать' }).click();
    await supervisor
      .getByRole('row', { name: /Срок проверки истёк/ })
      .first()
      .waitFor();
    await supervisor.close();
  });

  it('reconciles a national array of vehicles: the mapping offered from Russian headers, one new and one changed with the new colour highlighted, both applied', async () => {
    // A vehicle of its own in force: the one made in setup has been edited and cancelled by now.
    const { vin: _vin, ...withoutVin } = vehicleInput.vehicle!;
    const held = await create(
      await server.login('ru.operator'),
      stolenVehicle({ nationalRef: 'RU-V-ARRAY-1', vehicle: { ...withoutVin, plate: { number: 'В456ОР77', state: 'RU' } } }),
    );
    const file = join(tmpdir(), `svod-array-${randomBytes(4).toString('hex')}.csv`);
    writeFileSync(
      file,
      [
        'Рег. номер,Госномер,Марка,Модель,Цвет,Год выпуска',
        'RU-V-ARRAY-1,В456ОР77,ВАЗ,21099,синий,2000',
        'RU-V-ARRAY-2,Е789КХ77,ГАЗ,3110,чёрный,2003',
      ].join('\n'),
    );
    const officer = await signInOnNewPage('ru.operator');
    await officer.getByRole('navigation').getByRole('link', { name: 'Сверка массивов' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Сверка массивов' }).waitFor();
    await officer.getByLabel('Категория массива').selectOption('vehicle');
    await officer.getByLabel('Файл массива').setInputFiles(file);
    await officer.getByRole('button', { name: 'Загрузить файл' }).click();

    // The mapping the bank offers from the headers: «Госномер» feeds the plate.
    const plate = officer.getByLabel('Госномер', { exact: true });
    await plate.waitFor();
    expect(await plate.inputValue()).toBe('plate');
    expect(await plate.locator('option:checked').textContent()).toBe('Государственный номер');
    expect(officer.url()).toMatch(/\/reconcile\/[0-9a-f-]{36}$/);
    await officer.getByRole('button', { name: 'Запустить сравнение' }).click();

    const summary = officer.getByRole('table', { name: 'Число записей в каждой группе' });
    await summary.waitFor();
    const count = (group: string) =>
      summary
        .getByRole('row', { name: new RegExp(`^${group}`) })
        .locator('td')
        .first()
        .textContent();
    expect(await count('Новые')).toBe('1');
    expect(await count('Изменённые')).toBe('1');
    expect(await count('Противоречия')).toBe('0');
    await officer.getByRole('tab', { name: /^Изменённые/ }).click();
    const colour = officer.locator('.reconcile-item', { hasText: 'RU-V-ARRAY-1' }).getByRole('row', { name: /Цвет/ });
    expect(await colour.locator('td').first().textContent()).toBe('белый');
    expect(await colour.locator('mark').textContent()).toBe('синий');

    const apply = officer.getByRole('region', { name: 'Применение к банку' });
    expect(await apply.getByLabel(/Создать новые карточки/).isChecked()).toBe(true);
    expect(await apply.getByLabel(/Обновить изменённые/).isChecked()).toBe(true);
    await apply.getByRole('button', { name: 'Применить…' }).click();
    await apply.getByRole('button', { name: 'Да, применить' }).click();
    const applied = apply.getByRole('status').filter({ hasText: 'Сверка применена' });
    await applied.waitFor();
    expect(await applied.locator('div', { hasText: 'Создано карточек' }).locator('dd').textContent()).toBe('1');
    expect(await applied.locator('div', { hasText: 'Обновлено' }).locator('dd').textContent()).toBe('1');
    await officer.screenshot({ path: join(screens.dir, 'reconciliation.png'), fullPage: true });
    // The reconciliation has its own address: a reload comes back to it.
    await officer.reload();
    await applied.waitFor();
    const stored = await server.app.inject({ method: 'GET', url: `/api/v1/records/${held.id}`, headers: await server.login('ru.operator') });
    expect((stored.json() as RecordView).vehicle?.colour).toBe('синий');
    rmSync(file, { force: true });
    await officer.close();
  });

  it('does not show administration to an operator', async () => {
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/records`);
    await page.getByRole('columnheader', { name: 'Category' }).waitFor();
    expect(await page.getByRole('link', { name: 'Export CSV' }).count()).toBe(0);
  });

  it('raised no script errors and nothing the Content-Security-Policy refused on the way', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

/** A small passport-style placeholder portrait (PNG), so the record has a photo to show. */
function portraitPng(width = 150, height = 190): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const head = ((x - width / 2) / 34) ** 2 + ((y - 72) / 42) ** 2 <= 1;
      const shoulders = y > 122 && ((x - width / 2) / 68) ** 2 + ((y - 200) / 78) ** 2 <= 1;
      const shade = head || shoulders ? 112 : 214 - Math.round((y / height) * 18);
      const i = row + 1 + x * 3;
      raw[i] = shade;
      raw[i + 1] = shade + (head || shoulders ? 6 : 4);
      raw[i + 2] = shade + (head || shoulders ? 14 : 10);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
