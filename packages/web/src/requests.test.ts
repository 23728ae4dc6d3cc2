/**
 * The console's interstate requests in a real Chromium against the real server on PGlite, as
 * the officers of two agencies use them: a Russian officer drafts, a supervisor signs and
 * sends, the Kazakh side assigns, works and answers, each seeing the other's steps live.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RecordView, RequestCreate, RequestView } from '@svod/core';
import { wantedPerson } from '../../server/src/test/fixtures/records.ts';
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

const UUID_PATH = /\/requests\/([0-9a-f-]{36})$/;

if (!hasChromium) console.warn(`[svod web tests] ${CHROMIUM} not found: the requests UI test in real Chromium is SKIPPED.`);

describe.skipIf(!hasChromium)('interstate requests in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let record: RecordView;
  /** The person request the first test drafts; the later ones follow it. */
  let requestId: string;
  /** One page per user, each in its own browser context, kept open so that events reach it. */
  const pages = new Map<string, Page>();
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const screens = new Screenshots('screens-requests');

  /** A request drafted, signed and sent by the Russian side over the API. */
  const sendRequest = async (content: RequestCreate): Promise<RequestView> => {
    const draft = await server.call<RequestView>('ru.operator', 'POST', '/requests', content);
    await server.call('ru.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'sign' });
    return server.call<RequestView>('ru.supervisor', 'POST', `/requests/${draft.id}/transitions`, { action: 'send' });
  };

  const content = (subject: string, overrides: Partial<RequestCreate> = {}): RequestCreate =>
    ({
      type: 'person_information',
      recipient: 'KZ-MVD',
      priority: 'routine',
      legalBasis: { agreement: 'Минская конвенция 1993 г.' },
      subject,
      body: 'Прошу сообщить имеющиеся сведения.',
      form: { subject: { surname: 'Сапаров', givenName: 'Нуржан' } },
      ...overrides,
    }) as RequestCreate;

  /**
   * The user's page, signed in through the login form (in Russian), its event stream open
   * before it is handed over, so that nothing sent afterwards is missed.
   */
  const pageOf = (username: string): Promise<Page> =>
    signedInPage(pages, username, {
      browser,
      server,
      troubles: { pageErrors, cspViolations },
      until: (page) => page.waitForResponse((response) => response.url().endsWith('/api/v1/events')),
    });

  const openRequests = async (page: Page) => {
    await page.getByRole('navigation').getByRole('link', { name: 'Запросы' }).click();
    await page.getByRole('heading', { level: 1, name: 'Запросы' }).waitFor();
  };

  beforeAll(async () => {
    server = await startConsoleServer({
      users: [
        { participant: 'RU-MVD', username: 'ru.operator', displayName: 'Иванов Сергей Петрович', role: 'operator' },
        { participant: 'RU-MVD', username: 'ru.supervisor', displayName: 'Козлов Андрей Игоревич', role: 'supervisor' },
        { participant: 'KZ-MVD', username: 'kz.operator', displayName: 'Ахметов Ерлан Болатович', role: 'operator' },
        { participant: 'KZ-MVD', username: 'kz.supervisor', displayName: 'Сапарова Динара Маратовна', role: 'supervisor' },
      ],
    });
    screens.prepare();
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: await server.login('ru.operator'),
      payload: wantedPerson(),
    });
    expect(created.statusCode, created.body).toBe(201);
    record = created.json() as RecordView;
    browser = await launchBrowser();
  });

  afterEach(async ({ task }) => {
    await screens.afterTest(task.name, pages);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an officer drafts a person request with field errors shown next to the fields, fixes them, a supervisor signs and sends it, and it appears in the recipient’s inbox with its due date', async () => {
    // The Kazakh supervisor watches the inbox: the request must arrive there without a reload.
    const recipient = await pageOf('kz.supervisor');
    await openRequests(recipient);
    await recipient.getByText('Входящих запросов нет.').waitFor();

    const officer = await pageOf('ru.operator');
    await openRequests(officer);
    await officer.getByRole('link', { name: 'Новый запрос' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Новый запрос' }).waitFor();

    // Nothing filled in: the form says what is missing before anything is sent.
    await officer.getByRole('button', { name: 'Сохранить проект' }).click();
    await officer.getByRole('alert').filter({ hasText: 'заполните отмеченные поля' }).waitFor();
    expect(await officer.getByLabel('Получатель').getAttribute('aria-invalid')).toBe('true');
    expect(await officer.getByLabel('Предмет запроса').getAttribute('aria-invalid')).toBe('true');
    await officer.getByRole('group', { name: 'Сведения о лице' }).getByText('Укажите фамилию и имя лица либо идентификатор карточки.').waitFor();

    await officer.getByLabel('Получатель').selectOption('KZ-MVD');
    await officer.getByLabel('Срочность').selectOption('urgent');
    await officer.getByLabel('Соглашение (правовое основание)').fill('Минская конвенция 1993 г.');
    await officer.getByLabel('Статья соглашения').fill('ст. 6');
    await officer.getByLabel('Предмет запроса').fill('Сведения о Рахмонове Ф. И.');
    await officer.getByLabel('Текст запроса').fill('Прошу сообщить, значится ли лицо по учётам МВД Республики Казахстан.');
    await officer.getByLabel('Фамилия', { exact: true }).fill('Рахмонов');
    await officer.getByLabel('Имя', { exact: true }).fill('Фаррух');
    await officer.getByLabel('Гражданство').fill('tj');
    // A date the bank cannot read: refused by the server, at its field.
    await officer.getByLabel('Дата рождения').fill('17.4.89');
    await officer.getByRole('button', { name: 'Сохранить проект' }).click();
    const refusal = officer.getByRole('alert').filter({ hasText: 'Запрос не сохранён' });
    await refusal.waitFor();
    expect(await refusal.getByRole('link', { name: 'Дата рождения' }).count()).toBe(1);
    const birthDate = officer.getByLabel('Дата рождения');
    expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(await officer.locator('.form-field--invalid', { has: birthDate }).locator('.form-field__error').textContent()).not.toBe('');
    expect(await officer.getByLabel('Фамилия', { exact: true }).getAttribute('aria-invalid')).toBeNull();

    await birthDate.fill('17.04.1989');
    await officer.getByRole('button', { name: 'Сохранить проект' }).click();
    await officer.waitForURL(UUID_PATH);
    requestId = UUID_PATH.exec(officer.url())![1]!;
    await officer.getByRole('heading', { level: 1, name: 'Проект запроса' }).waitFor();
    const hero = (await officer.locator('.record-hero').textContent()) ?? '';
    for (const fact of ['Сведения о лице', 'Сведения о Рахмонове Ф. И.', 'Проект', 'Срочный', 'МВД Республики Казахстан'])
      expect(hero).toContain(fact);
    const particulars = (await officer.getByRole('region', { name: 'Сведения запроса' }).textContent()) ?? '';
    expect(particulars).toContain('Рахмонов');
    expect(particulars).toContain('17.04.1989');
    expect(particulars).toContain('Таджикистан');
    // Signing is a supervisor's: the officer is not offered it.
    await officer.getByRole('button', { name: 'Изменить проект' }).waitFor();
    expect(await officer.getByRole('button', { name: 'Подписать' }).count()).toBe(0);

    const supervisor = await pageOf('ru.supervisor');
    await openRequests(supervisor);
    await supervisor.getByRole('tab', { name: 'Исходящие' }).click();
    const draftRow = supervisor.getByRole('row', { name: /Сведения о Рахмонове/ });
    expect(await draftRow.textContent()).toContain('Проект');
    await draftRow.getByRole('link', { name: 'проект' }).click();
    await supervisor.getByRole('button', { name: 'Подписать' }).click();
    await supervisor.getByText('Готово: Подписан.').waitFor();
    await supervisor.getByRole('button', { name: 'Отправить' }).click();
    const title = supervisor.getByRole('heading', { level: 1, name: /^Запрос № / });
    await title.waitFor();
    const number = ((await title.textContent()) ?? '').replace('Запрос № ', '');
    expect(await supervisor.locator('.record-hero').textContent()).toContain('Получен');

    // The recipient's inbox: the row arrived live, with its due date, and a notice says so.
    await recipient
      .getByRole('status')
      .filter({ hasText: `Поступил запрос № ${number}` })
      .waitFor();
    const row = recipient.getByRole('row', { name: /Сведения о Рахмонове/ });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const cell of [number, 'МВД России → МВД Республики Казахстан', 'Срочный', 'Получен']) expect(text).toContain(cell);
    const stored = await server.call<RequestView>('kz.supervisor', 'GET', `/requests/${requestId}`);
    expect(stored.deadline).not.toBeNull();
    expect(await row.locator(`time[datetime="${stored.deadline}"]`).textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    expect(text).not.toContain('Просрочен');
  });

  it('the recipient assigns the request to an officer, who takes it up and attaches a file; a supervisor answers, and the sender sees the answer in the history', async () => {
    const recipient = await pageOf('kz.supervisor');
    await recipient.getByRole('status').getByRole('link', { name: 'Открыть запрос' }).click();
    await recipient.waitForURL(`${server.baseUrl}/requests/${requestId}`);
    await recipient.getByRole('button', { name: 'Назначить исполнителя' }).click();
    await recipient.getByLabel('Исполнитель').selectOption({ label: 'Ахметов Ерлан Болатович' });
    await recipient.getByRole('button', { name: 'Назначить', exact: true }).click();
    await recipient.getByText('Готово: Назначен исполнитель.').waitFor();
    expect(await recipient.locator('.record-hero').textContent()).toContain('Ахметов Ерлан Болатович');

    const worker = await pageOf('kz.operator');
    await worker.goto(`${server.baseUrl}/requests/${requestId}`);
    await worker.getByRole('button', { name: 'Взять в работу' }).click();
    await worker.getByText('Готово: Взят в работу.').waitFor();
    // An officer may not sign the answer: that is the supervisor's.
    expect(await worker.getByRole('button', { name: 'Ответить', exact: true }).count()).toBe(0);
    await worker.getByText('PDF, JPEG, PNG, документы Word, Excel или OpenDocument, до 10 МБ').waitFor();
    const file = worker.getByLabel('Добавить файл');
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('не документ') });
    await worker.getByText('Файлы такого вида не принимаются.').waitFor();
    expect(await worker.getByRole('button', { name: 'Загрузить' }).isDisabled()).toBe(true);
    await file.setInputFiles({ name: 'справка-рахмонов.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% справка\n%%EOF\n') });
    await worker.getByRole('button', { name: 'Загрузить' }).click();
    const download = worker.getByRole('link', { name: 'справка-рахмонов.pdf' });
    await download.waitFor();
    const fetched = await worker.request.get(`${server.baseUrl}${await download.getAttribute('href')}`);
    expect(fetched.status()).toBe(200);
    expect((await fetched.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The sender's officer keeps the request open: the answer arrives there by itself.
    const officer = await pageOf('ru.operator');
    await officer.goto(`${server.baseUrl}/requests/${requestId}`);
    await officer.getByRole('heading', { level: 1, name: /^Запрос № / }).waitFor();

    await recipient.reload();
    await recipient.getByRole('button', { name: 'Ответить', exact: true }).click();
    await recipient.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
    expect(await recipient.getByLabel('Текст ответа').getAttribute('aria-invalid')).toBe('true');
    await recipient.getByLabel('Текст ответа').fill('По учётам МВД Республики Казахстан Рахмонов Ф. И. не значится.');
    await recipient.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
    await recipient.getByText('Готово: Дан ответ.').waitFor();

    await officer.getByRole('status').filter({ hasText: 'ответило на запрос' }).waitFor();
    const history = officer.getByRole('list', { name: 'История запроса' });
    const answer = history.getByRole('listitem').filter({ hasText: 'Дан ответ' });
    await answer.waitFor();
    const said = (await answer.textContent()) ?? '';
    expect(said).toContain('Сапарова Динара Маратовна');
    expect(said).toContain('МВД Республики Казахстан');
    expect(said).toContain('В работе → Исполнен');
    expect(said).toContain('не значится');
    // The bank's own delivery is a step of its own, between sending and the recipient's work.
    expect(await history.locator('.history__heading .strong').allTextContents()).toEqual([
      'Создан проект',
      'Подписан',
      'Отправлен',
      'Получен',
      'Назначен исполнитель',
      'Взят в работу',
      'Дан ответ',
    ]);
    expect(await officer.locator('.record-hero').textContent()).toContain('Исполнен');
    expect(await officer.getByRole('link', { name: 'справка-рахмонов.pdf' }).count()).toBe(1);

    // The official document in either language, whatever the screen's.
    const print = officer.getByRole('group', { name: 'Печать (PDF)' });
    for (const lang of ['RU', 'EN']) {
      const pdf = await officer.request.get(`${server.baseUrl}${await print.getByRole('link', { name: lang }).getAttribute('href')}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
    }
  });

  it('a step someone else took first is said plainly, and the request is shown as it now is', async () => {
    const sent = await sendRequest(content('Сведения о Сапарове Н.'));
    const recipient = await pageOf('kz.supervisor');
    // This page does not hear the event stream: it has not learnt of the refusal below.
    await recipient.route('**/api/v1/events', (route) => route.abort());
    await recipient.goto(`${server.baseUrl}/requests/${sent.id}`);
    await recipient.getByRole('button', { name: 'Назначить исполнителя' }).waitFor();
    await server.call('kz.supervisor', 'POST', `/requests/${sent.id}/transitions`, { action: 'refuse', text: 'Запрос не подлежит исполнению' });

    await recipient.getByRole('button', { name: 'Назначить исполнителя' }).click();
    await recipient.getByLabel('Исполнитель').selectOption({ label: 'Ахметов Ерлан Болатович' });
    await recipient.getByRole('button', { name: 'Назначить', exact: true }).click();
    await recipient.getByRole('alert').filter({ hasText: 'Это действие недоступно в нынешнем состоянии запроса' }).waitFor();
    await recipient.locator('.record-hero').getByText('Отказано').waitFor();
    expect(await recipient.getByRole('button', { name: 'Назначить исполнителя' }).count()).toBe(0);
    await recipient.unroute('**/api/v1/events');
  });

  it('an overdue request is highlighted in the inbox, and the overdue filter shows it alone', async () => {
    const late = await sendRequest(content('Сведения о Нурланове А.', { priority: 'urgent' }));
    await server.db
      .updateTable('requests')
      .set({ deadline_at: new Date(Date.now() - 86_400_000) })
      .where('id', '=', late.id)
      .execute();
    const recipient = await pageOf('kz.supervisor');
    await recipient.goto(`${server.baseUrl}/requests`);
    const row = recipient.getByRole('row', { name: /Сведения о Нурланове/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Просрочен');
    const background = await row.evaluate((tr) => getComputedStyle(tr).backgroundColor);
    const plain = await recipient.getByRole('row', { name: /Сведения о Рахмонове/ }).evaluate((tr) => getComputedStyle(tr).backgroundColor);
    expect(background).not.toBe(plain);
    expect(await recipient.getByRole('row', { name: /Сведения о Рахмонове/ }).textContent()).not.toContain('Просрочен');

    await recipient.getByLabel('Только просроченные').check();
    await recipient.waitForURL(/overdue=true/);
    await recipient.getByRole('row', { name: /Сведения о Рахмонове/ }).waitFor({ state: 'detached' });
    expect(await recipient.locator('tbody tr').count()).toBe(1);
    await recipient.getByRole('button', { name: 'Сбросить' }).click();
    await recipient.getByRole('row', { name: /Сведения о Рахмонове/ }).waitFor();
  });

  it.each([
    {
      type: 'vehicle_information',
      fill: [
        ['Государственный номер', 'А123ВС77'],
        ['Государство регистрации', 'ru'],
      ],
      shows: ['А123ВС77', 'Россия'],
    },
    {
      type: 'case_documents',
      fill: [
        ['Номер дела', '12501450001000123'],
        ['Документ №1', 'Копия постановления о возбуждении уголовного дела'],
      ],
      add: 'Добавить документ',
      more: ['Документ №2', 'Протокол допроса свидетеля'],
      check: 'Нужны заверенные копии',
      shows: ['12501450001000123', 'Протокол допроса свидетеля', 'Нужны заверенные копии'],
    },
    {
      type: 'identity_confirmation',
      fill: [['Идентификатор карточки в банке', 'RECORD']],
      check: 'Отпечатки пальцев',
      shows: ['Отпечатки пальцев'],
    },
  ] as { type: string; fill: string[][]; add?: string; more?: string[]; check?: string; shows: string[] }[])(
    'a $type request is drafted in its own form and shown on its page',
    async ({ type, fill, add, more, check, shows }) => {
      const officer = await pageOf('ru.operator');
      await officer.goto(`${server.baseUrl}/requests/new?type=${type}&recipient=KZ-MVD`);
      await officer.getByRole('heading', { level: 1, name: 'Новый запрос' }).waitFor();
      expect(await officer.getByLabel('Получатель').inputValue()).toBe('KZ-MVD');
      await officer.getByLabel('Соглашение (правовое основание)').fill('Минская конвенция 1993 г.');
      await officer.getByLabel('Предмет запроса').fill(`Запрос вида ${type}`);
      await officer.getByLabel('Текст запроса').fill('Прошу исполнить.');
      for (const [label, value] of fill) await officer.getByLabel(label!, { exact: true }).fill(value === 'RECORD' ? record.id : value!);
      if (add && more) {
        await officer.getByRole('button', { name: add }).click();
        await officer.getByLabel(more[0]!, { exact: true }).fill(more[1]!);
      }
      if (check) await officer.getByLabel(check).check();
      await officer.getByRole('button', { name: 'Сохранить проект' }).click();
      await officer.waitForURL(UUID_PATH);
      const particulars = (await officer.getByRole('region', { name: 'Сведения запроса' }).textContent()) ?? '';
      for (const value of shows) expect(particulars).toContain(value);
    },
  );

  it('a form opened from a hit is prefilled, and a hit the bank does not know is refused at its field', async () => {
    const officer = await pageOf('ru.operator');
    const hitId = '00000000-0000-4000-8000-000000000001';
    await officer.goto(`${server.baseUrl}/requests/new?type=hit_answer&hitId=${hitId}&recipient=KZ-MVD`);
    expect(await officer.getByLabel('Вид запроса').inputValue()).toBe('hit_answer');
    const hit = officer.getByLabel('Идентификатор совпадения');
    expect(await hit.inputValue()).toBe(hitId);
    await officer.getByLabel('Соглашение (правовое основание)').fill('Соглашение 2019 г.');
    await officer.getByLabel('Предмет запроса').fill('Ответ по совпадению');
    await officer.getByLabel('Текст запроса').fill('Сообщаем результаты проверки.');
    await officer.getByRole('button', { name: 'Сохранить проект' }).click();
    await officer.getByRole('alert').filter({ hasText: 'Запрос не сохранён' }).waitFor();
    expect(await hit.getAttribute('aria-invalid')).toBe('true');
  });

  it('editing a draft reopens the form with what it says, refuses a wrong field at its input, and saves the change', async () => {
    const draft = await server.call<RequestView>('ru.operator', 'POST', '/requests', content('Сведения о Каримове Р.'));
    const officer = await pageOf('ru.operator');
    await officer.goto(`${server.baseUrl}/requests/${draft.id}`);
    await officer.getByRole('button', { name: 'Изменить проект' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Изменение проекта запроса' }).waitFor();
    expect(await officer.getByLabel('Предмет запроса').inputValue()).toBe('Сведения о Каримове Р.');
    expect(await officer.getByLabel('Фамилия', { exact: true }).inputValue()).toBe('Сапаров');
    await officer.getByLabel('Фамилия', { exact: true }).fill('Каримов');
    await officer.getByLabel('Имя', { exact: true }).fill('Рустам');
    await officer.getByLabel('Гражданство').fill('u1');
    await officer.getByRole('button', { name: 'Сохранить изменения' }).click();
    await officer.getByRole('alert').filter({ hasText: 'Запрос не сохранён' }).waitFor();
    expect(await officer.getByLabel('Гражданство').getAttribute('aria-invalid')).toBe('true');
    await officer.getByLabel('Гражданство').fill('uz');
    await officer.getByRole('button', { name: 'Сохранить изменения' }).click();
    await officer.waitForURL(`${server.baseUrl}/requests/${draft.id}`);
    const particulars = officer.getByRole('region', { name: 'Сведения запроса' });
    await particulars.getByText('Каримов').waitFor();
    expect(await particulars.textContent()).toContain('Узбекистан (UZ)');
    await officer.getByRole('list', { name: 'История запроса' }).getByText('Проект изменён').waitFor();
  });

  it('the outbox shows fifty requests at a time and the rest on «Показать ещё»', async () => {
    const headers = await server.login('ru.operator');
    for (let i = 0; i < 52; i++) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: { ...headers, 'idempotency-key': randomBytes(16).toString('hex') },
        payload: content(`Проверка № ${i + 1}`),
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const total = (await server.call<{ items: unknown[] }>('ru.operator', 'GET', '/requests?box=outbox&limit=200')).items.length;
    const officer = await pageOf('ru.operator');
    await officer.goto(`${server.baseUrl}/requests?box=outbox`);
    const more = officer.getByRole('button', { name: 'Показать ещё' });
    await more.waitFor();
    expect(await officer.locator('tbody tr').count()).toBe(50);
    await more.click();
    await officer.getByText(`Показано: ${total}`).waitFor();
    expect(await officer.locator('tbody tr').count()).toBe(total);
    expect(await more.count()).toBe(0);
  });

  it('the pages work in English', async () => {
    const officer = await pageOf('ru.operator');
    await officer.goto(`${server.baseUrl}/requests?box=outbox&state=answered`);
    await officer.getByRole('button', { name: 'EN', exact: true }).click();
    await officer.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await officer.getByRole('tab', { name: 'Outbox' }).waitFor();
    for (const header of ['Reg. number', 'Kind', 'Sender → recipient', 'Subject', 'State', 'Due', 'Assignee']) {
      await officer.getByRole('columnheader', { name: header, exact: true }).waitFor();
    }
    const row = officer.getByRole('row', { name: /Сведения о Рахмонове/ });
    const text = (await row.textContent()) ?? '';
    for (const cell of ['Information on a person', 'Ministry of Internal Affairs of Russia', 'Urgent', 'Answered']) expect(text).toContain(cell);
    expect(await officer.getByLabel('State').inputValue()).toBe('answered');

    await row.getByRole('link').click();
    await officer.getByRole('heading', { level: 1, name: /^Request No\. / }).waitFor();
    await officer.getByRole('region', { name: 'History of the request' }).getByText('Answered', { exact: true }).waitFor();
    const page = (await officer.getByRole('main').textContent()) ?? '';
    for (const words of ['Particulars of the request', 'Date of birth', '17 Apr 1989', 'Files', 'Print (PDF)', 'Draft created']) {
      expect(page, words).toContain(words);
    }
    await officer.getByRole('button', { name: 'RU', exact: true }).click();
    await officer.getByRole('heading', { level: 1, name: /^Запрос № / }).waitFor();
  });

  it('the inbox, the form with its errors and a request with an action open pass the accessibility checks (axe-core, WCAG 2 A/AA)', async () => {
    // axe is injected into the page: this context lets scripts past the Content-Security-Policy.
    const context = await browser.newContext({ bypassCSP: true, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, server, 'kz.supervisor');
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.goto(`${server.baseUrl}/requests`);
    await page.getByRole('row', { name: /Сведения о Нурланове/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.baseUrl}/requests/new?type=identity_confirmation`);
    await page.getByRole('button', { name: 'Сохранить проект' }).click();
    await page.getByRole('alert').filter({ hasText: 'заполните отмеченные поля' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const sent = await sendRequest(content('Сведения о Юсупове Т.'));
    await page.goto(`${server.baseUrl}/requests/${sent.id}`);
    await page.getByRole('button', { name: 'Переадресовать' }).click();
    await page.getByLabel('Кому переадресовать').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('raised no script errors and nothing the Content-Security-Policy refused on the way', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
