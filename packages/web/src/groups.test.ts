/**
 * The console's joint investigative groups in a real Chromium against the real server on PGlite,
 * as the officers of two agencies work in one: a Russian supervisor forms the group and adds a
 * Kazakh officer, who writes to it and links a Russian record that is shown once a Russian
 * operator consents; tasks are set and done, each side seeing the other's steps live; a colleague
 * who is not a member finds nothing; once the group is ended every page turns read-only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { GroupView, RecordView } from '@svod/core';
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

const GROUP_PATH = /\/groups\/([0-9a-f-]{36})$/;
const DAY_MS = 86_400_000;
/** A day counted from today (UTC, as the bank counts the group's term), as the API writes it and as a Russian types it. */
const day = (offset: number) => {
  const iso = new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
  const [year, month, date] = iso.split('-');
  return { iso, typed: `${date}.${month}.${year}` };
};

const TITLE = 'ССГ по делу о разбойных нападениях на инкассаторов (тестовая)';
const MESSAGE = 'Коллеги, по Алматы есть новые сведения о месте проживания фигуранта.';
const TASK = 'Установить место работы Рахмонова Ф. И. в Алматы';

if (!hasChromium) console.warn(`[svod web tests] ${CHROMIUM} not found: the joint groups UI test in real Chromium is SKIPPED.`);

describe.skipIf(!hasChromium)('joint investigative groups in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let record: RecordView;
  /** The group the first test forms; the later ones work in it. */
  let groupId: string;
  /** One page per user, each in its own browser context, kept open so that events reach it. */
  const pages = new Map<string, Page>();
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const screens = new Screenshots('screens-groups');

  /** The user's page, signed in through the login form, its event stream open before it is handed over. */
  const pageOf = (username: string): Promise<Page> =>
    signedInPage(pages, username, {
      browser,
      server,
      troubles: { pageErrors, cspViolations },
      until: (page) => page.waitForResponse((response) => response.url().endsWith('/api/v1/events')),
    });

  const workspace = async (page: Page) => {
    await page.goto(`${server.baseUrl}/groups/${groupId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  };

  const section = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
  const linkedRecords = (page: Page) => section(page, 'Связанные карточки').getByRole('listitem');
  const taskRow = (page: Page, title: string) => section(page, 'Задачи').getByRole('row').filter({ hasText: title });

  /** Marks the page, so that a later check can tell it was not reloaded. */
  const mark = (page: Page) => page.evaluate(() => Object.assign(window, { svodTestMark: true }));
  const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { svodTestMark?: boolean }).svodTestMark === true);

  beforeAll(async () => {
    server = await startConsoleServer({
      users: [
        { participant: 'RU-MVD', username: 'ru.supervisor', displayName: 'Козлов Андрей Игоревич', role: 'supervisor' },
        { participant: 'RU-MVD', username: 'ru.operator', displayName: 'Иванов Сергей Петрович', role: 'operator' },
        { participant: 'RU-MVD', username: 'ru.analyst', displayName: 'Смирнова Ольга Павловна', role: 'analyst' },
        { participant: 'KZ-MVD', username: 'kz.operator', displayName: 'Ахметов Ерлан Болатович', role: 'operator' },
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

  it('a supervisor forms a group: a term ending before it starts is refused at its field, then the group is formed and its workspace opens', async () => {
    const leader = await pageOf('ru.supervisor');
    await leader.getByRole('navigation').getByRole('link', { name: 'Группы' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Совместные группы' }).waitFor();
    expect(await leader.title()).toMatch(/^Совместные группы — /);
    await leader.getByText('Вы пока не входите ни в одну группу.').waitFor();

    await leader.getByRole('button', { name: 'Сформировать группу' }).click();
    const form = leader.getByRole('form', { name: 'Новая группа' });
    const agencies = form.getByRole('group', { name: 'Ведомства-участники' });
    // The supervisor's own agency leads: always a participant.
    const own = agencies.getByRole('checkbox', { name: /\(RU-MVD\)$/ });
    expect(await own.isChecked()).toBe(true);
    expect(await own.isDisabled()).toBe(true);
    expect(await form.getByLabel('Вид группы').inputValue()).toBe('investigative');
    await form.getByLabel('Наименование', { exact: true }).fill(TITLE);
    await form.getByLabel('Цель создания').fill('Установление и задержание участников серии разбойных нападений в Москве и Алматы.');
    await form.getByLabel('Правовое основание').fill('Соглашение о создании ССГ от 01.02.2026 № 14/2');
    await agencies.getByRole('checkbox', { name: /\(KZ-MVD\)$/ }).check();
    await form.getByLabel('Начало работы').fill(day(-7).typed);
    await form.getByLabel('Окончание работы').fill(day(-8).typed);
    await form.getByRole('button', { name: 'Сформировать группу' }).click();

    const summary = leader.getByRole('alert').filter({ hasText: 'Группа не сформирована: исправьте поля ниже.' });
    await summary.getByRole('link', { name: /^Окончание работы: / }).waitFor();
    expect(await form.getByLabel('Окончание работы').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Начало работы').getAttribute('aria-invalid')).toBeNull();

    await form.getByLabel('Окончание работы').fill(day(60).typed);
    await form.getByRole('button', { name: 'Сформировать группу' }).click();
    await leader.waitForURL(GROUP_PATH);
    groupId = GROUP_PATH.exec(leader.url())![1]!;
    await leader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const hero = (await leader.locator('.record-hero').textContent()) ?? '';
    for (const fact of [
      'Совместная следственная группа',
      'Работает',
      'МВД России',
      'RU-MVD',
      'KZ-MVD',
      'Соглашение о создании ССГ от 01.02.2026 № 14/2',
    ])
      expect(hero, fact).toContain(fact);
    // The leader's controls, and the leader among the members.
    await leader.getByRole('button', { name: 'Изменить условия' }).waitFor();
    await section(leader, 'Состав группы').getByText('Козлов Андрей Игоревич').waitFor();
    await section(leader, 'Ход работы группы').getByText(`Сформирована группа «${TITLE}»`).waitFor();
  });

  it('the leader adds a Kazakh officer by login; the officer finds the group in his list, writes to it, and the message reaches the leader’s open page live', async () => {
    const leader = await pageOf('ru.supervisor');
    const members = section(leader, 'Состав группы');
    // A login the bank does not know is refused at its field.
    await members.getByLabel('Имя пользователя (логин)').fill('no.such.officer');
    await members.getByRole('button', { name: 'Включить', exact: true }).click();
    await members.getByRole('alert').waitFor();
    expect(await members.getByLabel('Имя пользователя (логин)').getAttribute('aria-invalid')).toBe('true');
    await members.getByLabel('Имя пользователя (логин)').fill('kz.operator');
    await members.getByRole('button', { name: 'Включить', exact: true }).click();
    await members.getByRole('listitem').filter({ hasText: 'Ахметов Ерлан Болатович' }).waitFor();
    expect(await members.getByLabel('Имя пользователя (логин)').inputValue()).toBe('');
    await section(leader, 'Ход работы группы')
      .getByText('В состав группы включён участник: Ахметов Ерлан Болатович (МВД Республики Казахстан)')
      .waitFor();
    await mark(leader);

    const officer = await pageOf('kz.operator');
    await officer.getByRole('navigation').getByRole('link', { name: 'Группы' }).click();
    const row = officer.getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const cell of ['Совместная следственная группа', 'МВД России', 'KZ-MVD, RU-MVD', 'Работает', `с ${day(-7).typed} по ${day(60).typed}`])
      expect(text, cell).toContain(cell);
    expect(await row.locator('td').last().textContent()).toBe('2');
    await row.getByRole('link', { name: TITLE }).click();
    await officer.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // Not a leader: no terms to change, no one else to take out.
    expect(await officer.getByRole('button', { name: 'Изменить условия' }).count()).toBe(0);
    expect(
      await section(officer, 'Состав группы')
        .getByRole('button', { name: /^Вывести из состава/ })
        .count(),
    ).toBe(0);

    const thread = section(officer, 'Переписка');
    await thread.getByRole('button', { name: 'Отправить' }).click();
    expect(await thread.getByLabel('Сообщение группе').getAttribute('aria-invalid')).toBe('true');
    await thread.getByLabel('Сообщение группе').fill(MESSAGE);
    await thread.getByRole('button', { name: 'Отправить' }).click();
    await thread.getByRole('list', { name: 'Сообщения группы' }).getByText(MESSAGE).waitFor();

    const received = section(leader, 'Переписка').getByRole('list', { name: 'Сообщения группы' }).getByRole('listitem').filter({ hasText: MESSAGE });
    await received.waitFor();
    expect(await received.textContent()).toContain('Ахметов Ерлан Болатович (МВД Республики Казахстан)');
    expect(await stillMarked(leader)).toBe(true);
  });

  it('a Russian record linked by the Kazakh officer awaits its owner’s consent, and its content is shown to him once a Russian operator consents', async () => {
    await server.call<GroupView>('ru.supervisor', 'POST', `/groups/${groupId}/members`, { username: 'ru.operator' });
    const officer = await pageOf('kz.operator');
    const link = section(officer, 'Связанные карточки');
    await link.getByLabel('Идентификатор карточки').fill(record.id);
    await link.getByLabel('Примечание').fill('Фигурант, предположительно, проживает в Алматы');
    await link.getByRole('button', { name: 'Связать', exact: true }).click();
    const pending = linkedRecords(officer).filter({ hasText: 'Розыск лица · МВД России' });
    await pending.waitFor();
    let text = (await pending.textContent()) ?? '';
    for (const words of [
      'ожидает согласия владельца',
      'Связал(а): Ахметов Ерлан Болатович (МВД Республики Казахстан)',
      'проживает в Алматы',
      'когда ведомство-владелец даст согласие',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain('Рахмонов');
    // Another agency's record: the officer decides nothing about it.
    expect(await pending.getByRole('button', { name: 'Дать согласие' }).count()).toBe(0);
    await section(officer, 'Ход работы группы')
      .getByText('С группой связана карточка «Розыск лица» ведомства «МВД России»: ожидает согласия владельца')
      .waitFor();
    await mark(officer);

    const owner = await pageOf('ru.operator');
    await workspace(owner);
    const toDecide = linkedRecords(owner).filter({ hasText: 'Розыск лица · МВД России' });
    await toDecide.getByRole('button', { name: 'Отказать' }).waitFor();
    await toDecide.getByRole('button', { name: 'Дать согласие' }).click();
    await toDecide.getByText('владелец согласен').waitFor();

    // The officer's page, not reloaded, shows what the record says.
    const shown = linkedRecords(officer).filter({ hasText: 'Рахмонов Фаррух Исмоилович' });
    await shown.waitFor();
    text = (await shown.textContent()) ?? '';
    for (const words of ['владелец согласен', 'Согласие дал(а): Иванов Сергей Петрович', 'Rakhmonov Farrukh', record.nationalRef, 'Дата рождения'])
      expect(text, words).toContain(words);
    expect(await stillMarked(officer)).toBe(true);
    await section(officer, 'Ход работы группы').getByText('Ведомство «МВД России» дало согласие показать группе карточку «Розыск лица»').waitFor();
  });

  it('a task set for the Kazakh officer with a due day is marked done by him, and a task past its due day is marked overdue', async () => {
    const leader = await pageOf('ru.supervisor');
    await workspace(leader);
    const tasks = section(leader, 'Задачи');
    await tasks.getByLabel('Задача', { exact: true }).fill(TASK);
    await tasks.getByLabel('Исполнитель').selectOption({ label: 'Ахметов Ерлан Болатович (МВД Республики Казахстан)' });
    await tasks.getByLabel('Срок исполнения').fill(day(5).typed);
    await tasks.getByRole('button', { name: 'Поставить задачу' }).click();
    const row = taskRow(leader, TASK);
    await row.waitFor();
    let text = (await row.textContent()) ?? '';
    for (const words of ['Ахметов Ерлан Болатович', day(5).typed, 'в работе', 'поставил(а): Козлов Андрей Игоревич'])
      expect(text, words).toContain(words);
    expect(text).not.toContain('Просрочена');

    const officer = await pageOf('kz.operator');
    const own = taskRow(officer, TASK);
    await own.getByRole('button', { name: `Отметить выполненной «${TASK}»` }).click();
    await own.getByText('выполнена', { exact: true }).waitFor();
    await own.getByRole('button', { name: `Вернуть в работу «${TASK}»` }).waitFor();
    // The leader's page follows by itself.
    await row.getByText('выполнена', { exact: true }).waitFor();
    await section(leader, 'Ход работы группы').getByText(`Задача «${TASK}» выполнена`).waitFor();

    const late = 'Направить запрос о судимостях (тестовая, просроченная)';
    await server.call('ru.supervisor', 'POST', `/groups/${groupId}/tasks`, { title: late, dueOn: day(-2).iso });
    const overdue = taskRow(leader, late);
    await overdue.getByText('Просрочена').waitFor();
    text = (await overdue.textContent()) ?? '';
    expect(text).toContain('не назначен');
    expect(text).toContain(day(-2).typed);
  });

  it('a member adds a document, and it is offered as a download', async () => {
    const officer = await pageOf('kz.operator');
    const documents = section(officer, 'Документы');
    await documents.getByText('PDF, JPEG, PNG, документы Word, Excel или OpenDocument, до 10 МБ').waitFor();
    await documents.getByLabel('Добавить документ').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('не документ') });
    await documents.getByText('Файлы такого вида не принимаются.').waitFor();
    expect(await documents.getByRole('button', { name: 'Загрузить' }).isDisabled()).toBe(true);
    await documents
      .getByLabel('Добавить документ')
      .setInputFiles({ name: 'справка-алматы.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% справка\n%%EOF\n') });
    await documents.getByRole('button', { name: 'Загрузить' }).click();
    const download = documents.getByRole('link', { name: 'справка-алматы.pdf' });
    await download.waitFor();
    const fetched = await officer.request.get(`${server.baseUrl}${await download.getAttribute('href')}`);
    expect(fetched.status()).toBe(200);
    expect((await fetched.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a colleague of the same agency who is not a member finds no group at its address, nor in his list', async () => {
    const colleague = await pageOf('ru.analyst');
    await colleague.goto(`${server.baseUrl}/groups/${groupId}`);
    await colleague.getByRole('alert').filter({ hasText: 'Группа не найдена или вы не входите в её состав.' }).waitFor();
    expect(await colleague.getByText(TITLE).count()).toBe(0);
    await colleague.getByRole('link', { name: 'Все группы' }).click();
    await colleague.getByText('Вы пока не входите ни в одну группу.').waitFor();
    // Only supervisors form groups.
    expect(await colleague.getByRole('button', { name: 'Сформировать группу' }).count()).toBe(0);
  });

  it('the leader extends the group’s term: the form opens on the terms as they are, and the header shows the new end', async () => {
    const leader = await pageOf('ru.supervisor');
    await workspace(leader);
    await leader.getByRole('button', { name: 'Изменить условия' }).click();
    const form = leader.getByRole('form', { name: 'Изменение условий работы группы' });
    expect(await form.getByLabel('Наименование', { exact: true }).inputValue()).toBe(TITLE);
    expect(await form.getByLabel('Окончание работы').inputValue()).toBe(day(60).typed);
    expect(await form.getByRole('checkbox', { name: /\(KZ-MVD\)$/ }).isChecked()).toBe(true);
    await form.getByLabel('Окончание работы').fill(day(120).typed);
    await form.getByRole('button', { name: 'Сохранить условия' }).click();
    await form.waitFor({ state: 'detached' });
    await leader
      .locator('.record-hero')
      .getByText(`с ${day(-7).typed} по ${day(120).typed}`)
      .waitFor();
    await section(leader, 'Ход работы группы')
      .getByText(`Изменены условия работы: срок — по ${day(120).typed}, участники — KZ-MVD, RU-MVD`)
      .waitFor();
  });

  it('a long thread and timeline show the newest thirty and the earlier ones on «Показать более ранние»', async () => {
    const headers = await server.login('kz.operator');
    for (let i = 1; i <= 31; i++) {
      const response = await server.app.inject({
        method: 'POST',
        url: `/api/v1/groups/${groupId}/messages`,
        headers,
        payload: { body: `Сводка за день № ${i}` },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const leader = await pageOf('ru.supervisor');
    await workspace(leader);
    const thread = section(leader, 'Переписка');
    const messages = thread.getByRole('list', { name: 'Сообщения группы' }).getByRole('listitem');
    await messages.first().getByText('Сводка за день № 31').waitFor();
    expect(await messages.count()).toBe(30);
    await thread.getByRole('button', { name: 'Показать более ранние' }).click();
    await messages.getByText(MESSAGE).waitFor();
    expect(await messages.count()).toBe(32);
    expect(await thread.getByRole('button', { name: 'Показать более ранние' }).count()).toBe(0);

    const timeline = section(leader, 'Ход работы группы');
    const entries = timeline.getByRole('listitem');
    expect(await entries.count()).toBe(30);
    await timeline.getByRole('button', { name: 'Показать более ранние' }).click();
    await entries.getByText(`Сформирована группа «${TITLE}»`).waitFor();
    expect(await entries.count()).toBeGreaterThan(30);
    expect(await timeline.getByRole('button', { name: 'Показать более ранние' }).count()).toBe(0);
  });

  it('the workspace and the form with its errors pass the accessibility checks (axe-core, WCAG 2 A/AA)', async () => {
    // axe is injected into the page: this context lets scripts past the Content-Security-Policy.
    const context = await browser.newContext({ bypassCSP: true, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, server, 'ru.supervisor');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${server.baseUrl}/groups/${groupId}`);
    await section(page, 'Ход работы группы').getByRole('listitem').first().waitFor();
    await section(page, 'Переписка').getByText('Сводка за день № 31').waitFor();
    await page.getByRole('button', { name: 'Изменить условия' }).click();
    await page.getByRole('form', { name: 'Изменение условий работы группы' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.baseUrl}/groups`);
    await page.getByRole('button', { name: 'Сформировать группу' }).click();
    await page.getByRole('form', { name: 'Новая группа' }).getByRole('button', { name: 'Сформировать группу' }).click();
    await page.getByRole('alert').filter({ hasText: 'Группа не сформирована' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('the leader ends the group: his page and the members’ turn read-only, and the linked record is no longer shown', async () => {
    const leader = await pageOf('ru.supervisor');
    await workspace(leader);
    const officer = await pageOf('kz.operator');
    await officer.getByRole('button', { name: 'Отправить' }).waitFor();

    await leader.getByRole('button', { name: 'Завершить работу группы' }).click();
    const form = leader.getByRole('form', { name: 'Досрочное завершение работы группы' });
    await form.getByRole('button', { name: 'Завершить работу группы' }).click();
    await form.getByText('Укажите причину завершения.').waitFor();
    await form.getByLabel('Причина завершения').fill('Фигурант задержан, материалы переданы в суд');
    await form.getByRole('button', { name: 'Завершить работу группы' }).click();
    await form.waitFor({ state: 'detached' });

    for (const page of [leader, officer]) {
      await page.getByRole('status').filter({ hasText: 'Работа группы завершена досрочно' }).waitFor();
      await page.locator('.record-hero').getByText('Работа завершена').waitFor();
      for (const control of [
        'Отправить',
        'Связать',
        'Загрузить',
        'Поставить задачу',
        'Включить',
        'Изменить условия',
        'Завершить работу группы',
        'Дать согласие',
      ])
        expect(await page.getByRole('button', { name: control, exact: true }).count(), control).toBe(0);
      expect(await page.getByRole('button', { name: /^(Отметить выполненной|Вернуть в работу|Вывести из состава|Выйти из группы)/ }).count()).toBe(0);
      expect(await page.getByRole('textbox').count()).toBe(0);
      // What was there stays readable, the record aside.
      await section(page, 'Переписка').getByText('Сводка за день № 31').waitFor();
      await section(page, 'Документы').getByRole('link', { name: 'справка-алматы.pdf' }).waitFor();
      const linked = linkedRecords(page).filter({ hasText: 'Розыск лица · МВД России' });
      await linked.getByText('Работа группы завершена: карточка больше не показывается.').waitFor();
      expect(await linked.textContent()).not.toContain('Рахмонов');
    }
    await section(leader, 'Ход работы группы')
      .getByText('Работа группы завершена досрочно. Причина: Фигурант задержан, материалы переданы в суд')
      .waitFor();

    // The same in English.
    await leader.getByRole('button', { name: 'EN', exact: true }).click();
    await leader.getByRole('status').filter({ hasText: 'The group was ended early on' }).waitFor();
    await leader
      .getByRole('region', { name: 'The group’s timeline' })
      .getByText('Group ended early. Reason: Фигурант задержан, материалы переданы в суд')
      .waitFor();
    expect(await leader.title()).toMatch(/^Joint groups — /);
    await leader.getByRole('button', { name: 'RU', exact: true }).click();
    await leader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('raised no script errors and nothing the Content-Security-Policy refused on the way', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
