import type { HistoryEntry, RequestView } from '@svod/core';
import { extractText, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { requestPdf } from './pdf.ts';

const PRINTED_AT = new Date('2026-03-20T09:05:00Z');
const NAMES = { 'KZ-MVD': 'МВД Республики Казахстан', 'RU-MVD': 'МВД России' };

const PEOPLE = {
  operator: ['Сериков А. Б.', 'KZ-MVD', 'operator'],
  signer: ['Жумабаев Е. К.', 'KZ-MVD', 'supervisor'],
  answerer: ['Петров И. С.', 'RU-MVD', 'supervisor'],
  worker: ['Смирнова О. В.', 'RU-MVD', 'operator'],
} as const;

const entry = (
  at: string,
  action: HistoryEntry['action'],
  from: HistoryEntry['from'],
  to: HistoryEntry['to'],
  who: string,
  text?: string,
): HistoryEntry => {
  const [name, participant, role] = PEOPLE[who as keyof typeof PEOPLE];
  return { at, action, from, to, actor: { id: who, name, participant, role }, ...(text === undefined ? {} : { text }) };
};

const signedAndSent: HistoryEntry[] = [
  entry('2026-03-02T08:00:00Z', 'create', null, 'draft', 'operator'),
  entry('2026-03-02T09:30:00Z', 'sign', 'draft', 'signed', 'signer'),
  entry('2026-03-02T09:31:00Z', 'send', 'signed', 'sent', 'signer'),
  entry('2026-03-02T10:00:00Z', 'acknowledge', 'sent', 'received', 'worker'),
];

/** A person request sent from Kazakhstan to Russia, not yet answered. */
function personRequest(overrides: Partial<RequestView> = {}): RequestView {
  return {
    id: '0b7f2a52-8a0e-4f0e-9d6c-1b2a3c4d5e6f',
    type: 'person_information',
    registrationNumber: 'KZ-MVD/2026/000123',
    sender: 'KZ-MVD',
    recipient: 'RU-MVD',
    priority: 'urgent',
    subject: 'Сведения о Ахметове Нурлане',
    state: 'received',
    version: 4,
    createdAt: '2026-03-02T08:00:00Z',
    sentAt: '2026-03-02T09:31:00Z',
    receivedAt: '2026-03-02T10:00:00Z',
    assignee: null,
    deadline: '2026-03-16T14:00:00Z',
    overdue: false,
    answeredAt: null,
    legalBasis: { agreement: 'Соглашение о взаимодействии министерств внутренних дел 1992 года', article: 'статья 4' },
    body: 'Прошу установить местонахождение указанного лица и сообщить сведения о его судимости.',
    links: { recordIds: [], hitIds: [] },
    attachments: [],
    history: signedAndSent,
    allowedActions: [],
    form: { subject: { surname: 'Ахметов', givenName: 'Нурлан', patronymic: 'Серикович', birthDate: '1984-07-15', citizenship: 'KZ' } },
    ...overrides,
  } as RequestView;
}

/** The document's text as a reader would copy it out, whitespace folded. */
async function read(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

describe('requestPdf', () => {
  it('prints the letter head: registration number, date sent, sender and recipient with names, legal basis, subject, body', async () => {
    const pdf = await requestPdf(personRequest(), { lang: 'ru', participantNames: NAMES, printedAt: PRINTED_AT });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await read(pdf);
    expect(text).toContain('Исх. № KZ-MVD/2026/000123');
    expect(text).toContain('от 02.03.2026 09:31 UTC');
    expect(text).toContain('KZ-MVD — МВД Республики Казахстан');
    expect(text).toContain('RU-MVD — МВД России');
    expect(text).toContain('ЗАПРОС');
    expect(text).toContain('о предоставлении сведений о лице');
    expect(text).toContain('Соглашение о взаимодействии министерств внутренних дел 1992 года, статья 4');
    expect(text).toContain('Сведения о Ахметове Нурлане');
    expect(text).toContain('Прошу установить местонахождение');
    expect(text).toContain('сообщить сведения о его судимости.');
  });

  it('prints codes alone when no participant names are given', async () => {
    const { text } = await read(await requestPdf(personRequest(), { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('KZ-MVD');
    expect(text).toContain('RU-MVD');
    expect(text).not.toContain('МВД России');
  });

  it('prints priority, state, dates and the deadline in the recipient working days', async () => {
    const { text } = await read(await requestPdf(personRequest({ overdue: true }), { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('СРОЧНО');
    expect(text).toContain('получен');
    expect(text).toContain('Создан 02.03.2026 08:00 UTC');
    expect(text).toContain('Получен 02.03.2026 10:00 UTC');
    expect(text).toContain('16.03.2026 14:00 UTC');
    expect(text).toContain('в рабочих днях получателя');
    expect(text).toContain('срок истёк');
    expect(text).toContain('Напечатано 20.03.2026 09:05 UTC');
  });

  it("prints the person form's nested subject as labelled values", async () => {
    const { text } = await read(await requestPdf(personRequest(), { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('Фамилия: Ахметов');
    expect(text).toContain('Имя: Нурлан');
    expect(text).toContain('Отчество: Серикович');
    expect(text).toContain('Дата рождения: 15.07.1984');
    expect(text).toContain('Гражданство: KZ');
  });

  it('prints a vehicle request with its VIN and plate', async () => {
    const request = personRequest({
      type: 'vehicle_information',
      priority: 'routine',
      form: { vin: 'XTA21099043576182', plate: { number: '123ABC02', state: 'KZ' } },
    } as Partial<RequestView>);
    const { text } = await read(await requestPdf(request, { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('о предоставлении сведений о транспортном средстве');
    expect(text).toContain('обычная');
    expect(text).not.toContain('СРОЧНО');
    expect(text).toContain('XTA21099043576182');
    expect(text).toContain('Номер: 123ABC02');
    expect(text).toContain('Государство: KZ');
  });

  it('prints a detention request with its warrant and article', async () => {
    const request = personRequest({
      type: 'search_detention_extradition',
      form: {
        recordId: '6d1f0c3e-3b7a-4a51-9d1e-2f3a4b5c6d7e',
        warrant: { reference: '2-145/2026', date: '2026-02-11', issuedBy: 'Алмалинский районный суд г. Алматы' },
        offenceArticle: 'ч. 2 ст. 190 УК РК',
      },
    } as Partial<RequestView>);
    const { text } = await read(await requestPdf(request, { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('о розыске, задержании и выдаче лица');
    expect(text).toContain('6d1f0c3e-3b7a-4a51-9d1e-2f3a4b5c6d7e');
    expect(text).toContain('Номер: 2-145/2026');
    expect(text).toContain('Дата: 11.02.2026');
    expect(text).toContain('Алмалинский районный суд г. Алматы');
    expect(text).toContain('ч. 2 ст. 190 УК РК');
  });

  it('prints the forms of the identity and case documents requests, arrays joined and enums in words', async () => {
    const identity = personRequest({
      type: 'identity_confirmation',
      form: { recordId: '6d1f0c3e-3b7a-4a51-9d1e-2f3a4b5c6d7e', biometrics: ['dna', 'fingerprints'] },
    } as Partial<RequestView>);
    expect((await read(await requestPdf(identity, { lang: 'ru', printedAt: PRINTED_AT }))).text).toContain('ДНК, дактилоскопическая карта');
    const documents = personRequest({
      type: 'case_documents',
      form: { caseNumber: '202600123', documents: ['приговор', 'постановление о розыске'], certifiedCopies: true },
    } as Partial<RequestView>);
    const { text } = await read(await requestPdf(documents, { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('Номер дела 202600123');
    expect(text).toContain('приговор, постановление о розыске');
    expect(text).toContain('Заверенные копии да');
  });

  it('prints the answer with its date and who gave it, and both signatures', async () => {
    const request = personRequest({
      state: 'answered',
      answeredAt: '2026-03-05T12:40:00Z',
      history: [
        ...signedAndSent,
        entry('2026-03-05T12:40:00Z', 'answer', 'in_work', 'answered', 'answerer', 'Лицо проживает по адресу: г. Омск, ул. Ленина, 5.'),
      ],
    });
    const { text } = await read(await requestPdf(request, { lang: 'ru', participantNames: NAMES, printedAt: PRINTED_AT }));
    expect(text).toContain('ОТВЕТ');
    expect(text).toContain('Запрос исполнен');
    expect(text).toContain('Лицо проживает по адресу: г. Омск, ул. Ленина, 5.');
    expect(text).toContain('Ответ дан 05.03.2026 12:40 UTC');
    expect(text).toContain('Подписал: Жумабаев Е. К. (KZ-MVD — МВД Республики Казахстан), 02.03.2026 09:30 UTC');
    expect(text).toContain('Ответ подписал: Петров И. С. (RU-MVD — МВД России), 05.03.2026 12:40 UTC');
  });

  it('prints a refusal with its reason', async () => {
    const request = personRequest({
      state: 'refused',
      history: [
        ...signedAndSent,
        entry('2026-03-04T07:15:00Z', 'refuse', 'in_work', 'refused', 'answerer', 'Запрос не соответствует статье 4 Соглашения.'),
      ],
    });
    const { text } = await read(await requestPdf(request, { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('В исполнении запроса отказано');
    expect(text).toContain('Причина отказа Запрос не соответствует статье 4 Соглашения.');
    expect(text).toContain('Ответ подписал: Петров И. С. (RU-MVD), 04.03.2026 07:15 UTC');
  });

  it('lists clarification questions and answers in order', async () => {
    const request = personRequest({
      history: [
        ...signedAndSent,
        entry('2026-03-03T08:00:00Z', 'ask_clarification', 'in_work', 'clarification_requested', 'worker', 'Уточните год рождения.'),
        entry('2026-03-03T11:00:00Z', 'clarify', 'clarification_requested', 'in_work', 'operator', 'Год рождения 1984.'),
      ],
    });
    const { text } = await read(await requestPdf(request, { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('Уточнения');
    const question = text.indexOf('Уточните год рождения.');
    const reply = text.indexOf('Год рождения 1984.');
    expect(question).toBeGreaterThan(-1);
    expect(reply).toBeGreaterThan(question);
    expect(text).toContain('Запрос уточнения, 03.03.2026 08:00 UTC, Смирнова О. В. (RU-MVD)');
  });

  it('lists attachments, linked records and hits', async () => {
    const request = personRequest({
      links: { recordIds: ['6d1f0c3e-3b7a-4a51-9d1e-2f3a4b5c6d7e'], hitIds: ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'] },
      attachments: [
        {
          id: '11111111-2222-4333-8444-555555555555',
          filename: 'фото_Ахметов.jpg',
          contentType: 'image/jpeg',
          size: 245_760,
          sha256: 'a3f1c2d4e5b6978812345678900abcdef0123456789abcdef0123456789abcd',
          addedBy: 'KZ-MVD',
          createdAt: '2026-03-02T08:30:00Z',
        },
      ],
    });
    const { text } = await read(await requestPdf(request, { lang: 'ru', printedAt: PRINTED_AT }));
    expect(text).toContain('6d1f0c3e-3b7a-4a51-9d1e-2f3a4b5c6d7e');
    expect(text).toContain('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
    expect(text).toContain('фото_Ахметов.jpg');
    expect(text).toContain('240,0 КБ');
    expect(text).toContain('a3f1c2d4e5b69788');
    expect(text).not.toContain('a3f1c2d4e5b697881');
  });

  it('gives English labels with lang en', async () => {
    const request = personRequest({
      history: [
        ...signedAndSent,
        entry('2026-03-05T12:40:00Z', 'answer_partly', 'in_work', 'partly_answered', 'answerer', 'Only the address is known.'),
      ],
    });
    const { text } = await read(
      await requestPdf(request, { lang: 'en', participantNames: { 'RU-MVD': 'Ministry of Internal Affairs of Russia' }, printedAt: PRINTED_AT }),
    );
    expect(text).toContain('Ref. No. KZ-MVD/2026/000123');
    expect(text).toContain('REQUEST');
    expect(text).toContain('for information about a person');
    expect(text).toContain('URGENT');
    expect(text).toContain('Legal basis');
    expect(text).toContain('Surname: Ахметов');
    expect(text).toContain('ANSWER');
    expect(text).toContain('Partly answered');
    expect(text).toContain('Only the address is known.');
    expect(text).toContain('Signed by: Жумабаев Е. К. (KZ-MVD), 02.03.2026 09:30 UTC');
    expect(text).toContain('Answer signed by: Петров И. С. (RU-MVD — Ministry of Internal Affairs of Russia)');
    expect(text).toContain("the recipient's working days");
    expect(text).toContain('page 1 of 1');
    expect(text).not.toContain('Исх.');
    expect(text).not.toContain('ЗАПРОС');
  });

  it('paginates a 20,000-character body and keeps its last words, with the number on every page', async () => {
    const ending = ' Конец текста запроса.';
    const paragraph = 'Прошу установить местонахождение лица и проверить его по учётам органов внутренних дел. ';
    const body = paragraph.repeat(Math.ceil(20_000 / paragraph.length)).slice(0, 20_000 - ending.length) + ending;
    expect(body).toHaveLength(20_000);
    const pdf = await requestPdf(personRequest({ body }), { lang: 'ru', printedAt: PRINTED_AT });
    const { text, pages } = await read(pdf);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain('Конец текста запроса.');
    expect(text).toContain(`стр. 1 из ${pages}`);
    expect(text).toContain(`стр. ${pages} из ${pages}`);
    expect(text.split('KZ-MVD/2026/000123').length - 1).toBeGreaterThanOrEqual(pages);
  });

  it('marks a draft ПРОЕКТ (DRAFT in English) instead of a number, unsigned', async () => {
    const draft = personRequest({
      registrationNumber: null,
      state: 'draft',
      sentAt: null,
      receivedAt: null,
      deadline: null,
      history: [entry('2026-03-02T08:00:00Z', 'create', null, 'draft', 'operator')],
    });
    const ru = await requestPdf(draft, { lang: 'ru', printedAt: PRINTED_AT });
    const { text } = await read(ru);
    expect(text).toContain('ПРОЕКТ');
    expect(text).toContain('не зарегистрирован');
    expect(text).not.toContain('Исх. №');
    expect(text).toContain('Подписал: не подписан');
    expect(text).not.toContain('Срок исполнения');
    expect((await getMeta(new Uint8Array(ru))).info).toMatchObject({ Title: 'ПРОЕКТ' });

    const en = await requestPdf(draft, { lang: 'en', printedAt: PRINTED_AT });
    expect((await read(en)).text).toContain('DRAFT');
    expect((await getMeta(new Uint8Array(en))).info).toMatchObject({ Title: 'DRAFT' });
  });

  it('sets the metadata title to the registration number and the subject', async () => {
    const pdf = await requestPdf(personRequest(), { lang: 'ru', printedAt: PRINTED_AT });
    const { info } = await getMeta(new Uint8Array(pdf));
    expect(info).toMatchObject({ Title: 'KZ-MVD/2026/000123', Subject: 'Сведения о Ахметове Нурлане' });
  });

  it('renders the same bytes for the same request and print time', async () => {
    const options = { lang: 'ru', printedAt: PRINTED_AT } as const;
    const [a, b] = [await requestPdf(personRequest(), options), await requestPdf(personRequest(), options)];
    expect(a.equals(b)).toBe(true);
  });
});
