import { createRequire } from 'node:module';
import type { BiometricReference, HistoryAction, HistoryEntry, Priority, RequestState, RequestType, RequestView } from '@svod/core';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';

export type PdfLang = 'ru' | 'en';

export interface RequestPdfOptions {
  lang: PdfLang;
  /** Participant code -> agency name, e.g. `KZ-MVD` -> «МВД Республики Казахстан». Codes alone are printed otherwise. */
  participantNames?: Record<string, string>;
  /** When the document is printed; fixed by tests so that the output is reproducible. */
  printedAt?: Date;
}

type Labels = Record<PdfLang, string>;

const TYPE_LABELS: Record<RequestType, Labels> = {
  person_information: { ru: 'о предоставлении сведений о лице', en: 'for information about a person' },
  vehicle_information: { ru: 'о предоставлении сведений о транспортном средстве', en: 'for information about a vehicle' },
  firearm_information: { ru: 'о предоставлении сведений об огнестрельном оружии', en: 'for information about a firearm' },
  search_whereabouts: { ru: 'об установлении местонахождения лица', en: 'to establish the whereabouts of a person' },
  search_detention_extradition: { ru: 'о розыске, задержании и выдаче лица', en: 'to search for, detain and extradite a person' },
  identity_confirmation: { ru: 'о подтверждении личности', en: 'to confirm an identity' },
  case_documents: { ru: 'о предоставлении материалов дела', en: 'for case documents' },
  hit_answer: { ru: 'по совпадению при проверке', en: 'concerning a hit found by a check' },
};

const STATE_LABELS: Record<RequestState, Labels> = {
  draft: { ru: 'проект', en: 'draft' },
  signed: { ru: 'подписан', en: 'signed' },
  sent: { ru: 'отправлен', en: 'sent' },
  received: { ru: 'получен', en: 'received' },
  assigned: { ru: 'назначен исполнитель', en: 'assigned' },
  in_work: { ru: 'в работе', en: 'in work' },
  clarification_requested: { ru: 'запрошено уточнение', en: 'clarification requested' },
  answered: { ru: 'исполнен', en: 'answered' },
  partly_answered: { ru: 'исполнен частично', en: 'partly answered' },
  refused: { ru: 'отказано в исполнении', en: 'refused' },
  withdrawn: { ru: 'отозван', en: 'withdrawn' },
};

const PRIORITY_LABELS: Record<Priority, Labels> = {
  urgent: { ru: 'СРОЧНО', en: 'URGENT' },
  routine: { ru: 'обычная', en: 'routine' },
};

const BIOMETRIC_LABELS: Record<BiometricReference, Labels> = {
  dna: { ru: 'ДНК', en: 'DNA' },
  fingerprints: { ru: 'дактилоскопическая карта', en: 'fingerprints' },
  dental: { ru: 'зубная формула', en: 'dental record' },
  photo: { ru: 'фотоизображение', en: 'photograph' },
};

/** Keys of every request form (and of the objects nested in them); an unknown key is printed as it is. */
const FIELD_LABELS: Record<string, Labels> = {
  subject: { ru: 'Лицо', en: 'Person' },
  surname: { ru: 'Фамилия', en: 'Surname' },
  givenName: { ru: 'Имя', en: 'Given name' },
  patronymic: { ru: 'Отчество', en: 'Patronymic' },
  birthDate: { ru: 'Дата рождения', en: 'Date of birth' },
  citizenship: { ru: 'Гражданство', en: 'Citizenship' },
  recordId: { ru: 'Запись в банке', en: 'Record in the bank' },
  vin: { ru: 'VIN (номер кузова, рамы)', en: 'VIN (body or frame number)' },
  plate: { ru: 'Регистрационный знак', en: 'Registration plate' },
  number: { ru: 'Номер', en: 'Number' },
  state: { ru: 'Государство', en: 'State' },
  serialNumber: { ru: 'Серийный номер', en: 'Serial number' },
  make: { ru: 'Производитель', en: 'Make' },
  model: { ru: 'Модель', en: 'Model' },
  calibre: { ru: 'Калибр', en: 'Calibre' },
  lastKnownAddress: { ru: 'Последний известный адрес', en: 'Last known address' },
  warrant: { ru: 'Решение об аресте', en: 'Arrest warrant' },
  reference: { ru: 'Номер', en: 'Reference' },
  date: { ru: 'Дата', en: 'Date' },
  issuedBy: { ru: 'Кем вынесено', en: 'Issued by' },
  offenceArticle: { ru: 'Статья уголовного кодекса', en: 'Article of the criminal code' },
  biometrics: { ru: 'Биометрические данные инициатора', en: 'Biometric references held' },
  candidateRecordIds: { ru: 'Записи для сравнения', en: 'Records to compare with' },
  caseNumber: { ru: 'Номер дела', en: 'Case number' },
  documents: { ru: 'Запрашиваемые документы', en: 'Documents requested' },
  certifiedCopies: { ru: 'Заверенные копии', en: 'Certified copies' },
  hitId: { ru: 'Совпадение', en: 'Hit' },
};

/** Form values that are dates and so are printed the way dates are read, day first. */
const DATE_FIELDS = new Set(['birthDate', 'date']);

const ANSWER_LABELS: Partial<Record<HistoryAction, Labels>> = {
  answer: { ru: 'Запрос исполнен', en: 'Answered' },
  answer_partly: { ru: 'Запрос исполнен частично', en: 'Partly answered' },
  refuse: { ru: 'В исполнении запроса отказано', en: 'Refused' },
};

const CLARIFICATION_LABELS: Partial<Record<HistoryAction, Labels>> = {
  ask_clarification: { ru: 'Запрос уточнения', en: 'Clarification asked' },
  clarify: { ru: 'Уточнение', en: 'Clarification given' },
};

const TEXT = {
  outgoing: { ru: 'Исх. №', en: 'Ref. No.' },
  dated: { ru: 'от', en: 'dated' },
  sender: { ru: 'Отправитель', en: 'From' },
  recipient: { ru: 'Кому', en: 'To' },
  title: { ru: 'ЗАПРОС', en: 'REQUEST' },
  draft: { ru: 'ПРОЕКТ', en: 'DRAFT' },
  draftNote: { ru: 'не зарегистрирован, юридической силы не имеет', en: 'not registered, of no legal force' },
  priority: { ru: 'Срочность', en: 'Priority' },
  state: { ru: 'Состояние', en: 'Status' },
  legalBasis: { ru: 'Правовое основание', en: 'Legal basis' },
  subject: { ru: 'Тема', en: 'Subject' },
  form: { ru: 'Сведения запроса', en: 'Request details' },
  links: { ru: 'Связанные записи и совпадения', en: 'Linked records and hits' },
  linkedRecords: { ru: 'Записи банка', en: 'Records' },
  linkedHits: { ru: 'Совпадения', en: 'Hits' },
  attachments: { ru: 'Приложения', en: 'Attachments' },
  filename: { ru: 'Файл', en: 'File' },
  size: { ru: 'Размер', en: 'Size' },
  sha256: { ru: 'SHA-256 (начало)', en: 'SHA-256 (first 16)' },
  dates: { ru: 'Даты', en: 'Dates' },
  createdAt: { ru: 'Создан', en: 'Created' },
  sentAt: { ru: 'Отправлен', en: 'Sent' },
  receivedAt: { ru: 'Получен', en: 'Received' },
  answeredAt: { ru: 'Ответ дан', en: 'Answered' },
  deadline: { ru: 'Срок исполнения', en: 'Deadline' },
  deadlineNote: {
    ru: 'окончание последнего рабочего дня; срок исчисляется в рабочих днях получателя',
    en: "end of the last working day; the term runs in the recipient's working days",
  },
  overdue: { ru: 'срок истёк', en: 'overdue' },
  answer: { ru: 'ОТВЕТ', en: 'ANSWER' },
  answerText: { ru: 'Текст ответа', en: 'Answer' },
  refusalReason: { ru: 'Причина отказа', en: 'Reason for refusal' },
  clarifications: { ru: 'Уточнения', en: 'Clarifications' },
  signatures: { ru: 'Подписи', en: 'Signatures' },
  signedBy: { ru: 'Подписал', en: 'Signed by' },
  answerSignedBy: { ru: 'Ответ подписал', en: 'Answer signed by' },
  notSigned: { ru: 'не подписан', en: 'not signed' },
  page: { ru: 'стр.', en: 'page' },
  of: { ru: 'из', en: 'of' },
  printed: { ru: 'Напечатано', en: 'Printed' },
  yes: { ru: 'да', en: 'yes' },
  no: { ru: 'нет', en: 'no' },
} satisfies Record<string, Labels>;

/**
 * pdfmake ships Roboto, which covers Cyrillic (Kazakh and other CIS letters included); it has no
 * bold face, so Medium stands in for it as in pdfmake's own defaults.
 */
const resolveFromHere = createRequire(import.meta.url);
const font = (file: string) => resolveFromHere.resolve(`pdfmake/fonts/Roboto/${file}`);
const ROBOTO = {
  normal: font('Roboto-Regular.ttf'),
  bold: font('Roboto-Medium.ttf'),
  italics: font('Roboto-Italic.ttf'),
  bolditalics: font('Roboto-MediumItalic.ttf'),
};
const FONT_FILES = new Set(Object.values(ROBOTO));

/** The printable document of a request (and of its answer, once there is one). */
export async function requestPdf(request: RequestView, options: RequestPdfOptions): Promise<Buffer> {
  const doc = documentDefinition(request, options);
  // pdfmake keeps fonts and access policies on one instance shared by the process: they are set
  // on each call (the fonts copied, since pdfmake rewrites them) so nothing else can change what
  // this document may load. It may load our fonts and nothing else: no URL, no other file.
  pdfmake.setFonts({ Roboto: { ...ROBOTO } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  return pdfmake.createPdf(doc).getBuffer();
}

function documentDefinition(request: RequestView, options: RequestPdfOptions): TDocumentDefinitions {
  const { lang } = options;
  const t = (key: keyof typeof TEXT) => TEXT[key][lang];
  const printedAt = options.printedAt ?? new Date();
  const participant = (code: string) => {
    const name = options.participantNames?.[code];
    return name ? `${code} — ${name}` : code;
  };
  const reference = request.registrationNumber ?? t('draft');
  const answer = request.history.findLast((entry) => entry.action in ANSWER_LABELS);
  const signature = request.history.findLast((entry) => entry.action === 'sign');

  const content: Content[] = [
    header(request, t, participant),
    { text: t('title'), style: 'title' },
    { text: TYPE_LABELS[request.type][lang], style: 'subtitle' },
    fieldTable([
      [t('priority'), priorityCell(request.priority, lang)],
      [t('state'), STATE_LABELS[request.state][lang]],
      [t('legalBasis'), [request.legalBasis.agreement, request.legalBasis.article].filter(Boolean).join(', ')],
      [t('subject'), { text: request.subject, bold: true }],
    ]),
    { text: request.body, style: 'body' },
    ...section(t('form'), formTable(request.form, lang)),
    ...section(t('links'), linksTable(request, t)),
    ...section(t('attachments'), attachmentsTable(request, t, lang)),
    ...section(t('dates'), datesTable(request, t)),
    ...section(t('answer'), answer ? answerBlock(answer, t, lang, participant) : null),
    ...section(t('clarifications'), clarificationsList(request.history, lang, participant)),
    // Kept on one page with its heading: a signature must not sit alone on a page of its own.
    { stack: section(t('signatures'), signaturesBlock(signature, answer, t, participant)), unbreakable: true },
  ];

  return {
    info: { title: reference, subject: request.subject, creator: 'Svod', producer: 'Svod', creationDate: printedAt },
    language: lang,
    pageSize: 'A4',
    // Left margin wider for binding, as official letters have it.
    pageMargins: [70, 50, 42, 60],
    watermark: request.registrationNumber === null ? { text: t('draft'), opacity: 0.08, bold: true } : undefined,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: reference, width: '*' },
        { text: `${t('page')} ${currentPage} ${t('of')} ${pageCount}`, width: 'auto', alignment: 'center' },
        { text: `${t('printed')} ${formatDateTime(printedAt.toISOString())}`, width: '*', alignment: 'right' },
      ],
      margin: [70, 20, 42, 0],
      fontSize: 8,
      color: '#555555',
    }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 18, 0, 2] },
      subtitle: { fontSize: 11, alignment: 'center', margin: [0, 0, 0, 12] },
      heading: { fontSize: 11, bold: true, margin: [0, 14, 0, 4] },
      body: { alignment: 'justify', margin: [0, 10, 0, 0] },
      label: { color: '#444444' },
      draft: { fontSize: 16, bold: true, color: '#b00020' },
      urgent: { bold: true, color: '#b00020' },
    },
  };
}

type Translate = (key: keyof typeof TEXT) => string;
type Participant = (code: string) => string;

function header(request: RequestView, t: Translate, participant: Participant): Content {
  const registration: Content[] =
    request.registrationNumber === null
      ? [
          { text: t('draft'), style: 'draft' },
          { text: t('draftNote'), fontSize: 8 },
        ]
      : [
          { text: `${t('outgoing')} ${request.registrationNumber}`, bold: true },
          ...(request.sentAt ? [`${t('dated')} ${formatDateTime(request.sentAt)}`] : []),
        ];
  return {
    stack: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: t('sender'), style: 'label', fontSize: 8 },
              { text: participant(request.sender), bold: true },
            ],
          },
          { width: 'auto', stack: registration, alignment: 'right' },
        ],
        columnGap: 12,
      },
      {
        margin: [220, 14, 0, 0],
        stack: [
          { text: t('recipient'), style: 'label', fontSize: 8 },
          { text: participant(request.recipient), bold: true },
        ],
      },
    ],
  };
}

function priorityCell(priority: Priority, lang: PdfLang): TableCell {
  const text = PRIORITY_LABELS[priority][lang];
  return priority === 'urgent' ? { text, style: 'urgent' } : text;
}

/** A heading and its content, or nothing at all when there is nothing to say under it. */
function section(title: string, body: Content | null): Content[] {
  return body === null ? [] : [{ text: title, style: 'heading' }, body];
}

function fieldTable(rows: [string, TableCell][]): Content {
  return {
    table: { widths: [150, '*'], body: rows.map(([label, value]) => [{ text: label, style: 'label' }, value]) },
    layout: 'lightHorizontalLines',
  };
}

function formTable(form: RequestView['form'], lang: PdfLang): Content | null {
  const rows = presentEntries(form).map(([key, value]): [string, TableCell] => [
    fieldLabel(key, lang),
    isObject(value)
      ? { stack: presentEntries(value).map(([k, v]) => `${fieldLabel(k, lang)}: ${formatValue(k, v, lang)}`) }
      : formatValue(key, value, lang),
  ]);
  return rows.length > 0 ? fieldTable(rows) : null;
}

function linksTable(request: RequestView, t: Translate): Content | null {
  const rows: [string, TableCell][] = [];
  if (request.links.recordIds.length > 0) rows.push([t('linkedRecords'), request.links.recordIds.join(', ')]);
  if (request.links.hitIds.length > 0) rows.push([t('linkedHits'), request.links.hitIds.join(', ')]);
  return rows.length > 0 ? fieldTable(rows) : null;
}

function attachmentsTable(request: RequestView, t: Translate, lang: PdfLang): Content | null {
  if (request.attachments.length === 0) return null;
  const head = [t('filename'), t('size'), t('sha256')].map((text) => ({ text, style: 'label' }));
  const rows = request.attachments.map((file) => [file.filename, formatSize(file.size, lang), file.sha256.slice(0, 16)]);
  return { table: { headerRows: 1, widths: ['*', 'auto', 'auto'], body: [head, ...rows] }, layout: 'lightHorizontalLines' };
}

function datesTable(request: RequestView, t: Translate): Content {
  const rows: [string, TableCell][] = [[t('createdAt'), formatDateTime(request.createdAt)]];
  if (request.sentAt) rows.push([t('sentAt'), formatDateTime(request.sentAt)]);
  if (request.receivedAt) rows.push([t('receivedAt'), formatDateTime(request.receivedAt)]);
  if (request.answeredAt) rows.push([t('answeredAt'), formatDateTime(request.answeredAt)]);
  if (request.deadline) {
    const overdue = request.overdue ? `, ${t('overdue')}` : '';
    rows.push([t('deadline'), `${formatDateTime(request.deadline)} (${t('deadlineNote')}${overdue})`]);
  }
  return fieldTable(rows);
}

function answerBlock(entry: HistoryEntry, t: Translate, lang: PdfLang, participant: Participant): Content {
  const rows: [string, TableCell][] = [
    [ANSWER_LABELS[entry.action]?.[lang] ?? entry.action, `${formatDateTime(entry.at)}, ${actor(entry, participant)}`],
  ];
  if (entry.text) rows.push([entry.action === 'refuse' ? t('refusalReason') : t('answerText'), entry.text]);
  return fieldTable(rows);
}

function clarificationsList(history: HistoryEntry[], lang: PdfLang, participant: Participant): Content | null {
  const steps = history.filter((entry) => entry.action in CLARIFICATION_LABELS);
  if (steps.length === 0) return null;
  return {
    ol: steps.map((entry) => ({
      stack: [
        { text: `${CLARIFICATION_LABELS[entry.action]?.[lang]}, ${formatDateTime(entry.at)}, ${actor(entry, participant)}`, style: 'label' },
        entry.text ?? '',
      ],
      margin: [0, 0, 0, 4],
    })),
  };
}

function signaturesBlock(signature: HistoryEntry | undefined, answer: HistoryEntry | undefined, t: Translate, participant: Participant): Content {
  const line = (label: string, entry: HistoryEntry): Content => ({
    columns: [
      { text: `${label}: ${entry.actor.name} (${participant(entry.actor.participant)}), ${formatDateTime(entry.at)}`, width: '*' },
      // The line is where a paper copy is signed by hand.
      { text: '______________________', width: 'auto' },
    ],
    margin: [0, 8, 0, 0],
  });
  return {
    stack: [
      signature ? line(t('signedBy'), signature) : { text: `${t('signedBy')}: ${t('notSigned')}` },
      ...(answer ? [line(t('answerSignedBy'), answer)] : []),
    ],
  };
}

function actor(entry: HistoryEntry, participant: Participant): string {
  return `${entry.actor.name} (${participant(entry.actor.participant)})`;
}

function fieldLabel(key: string, lang: PdfLang): string {
  return FIELD_LABELS[key]?.[lang] ?? key;
}

function formatValue(key: string, value: unknown, lang: PdfLang): string {
  if (typeof value === 'boolean') return value ? TEXT.yes[lang] : TEXT.no[lang];
  if (Array.isArray(value)) return value.map((item) => formatValue(key, item, lang)).join(', ');
  if (typeof value === 'string') {
    if (key === 'biometrics' && value in BIOMETRIC_LABELS) return BIOMETRIC_LABELS[value as BiometricReference][lang];
    return DATE_FIELDS.has(key) ? formatPartialDate(value) : value;
  }
  return isObject(value) ? JSON.stringify(value) : String(value);
}

function presentEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Always UTC, so that the same request prints the same wherever the server runs. */
function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** `1984-07-15` -> `15.07.1984`, `1984-07` -> `07.1984`, `1984` stays. */
function formatPartialDate(value: string): string {
  return /^\d{4}(-\d{2}){0,2}$/.test(value) ? value.split('-').reverse().join('.') : value;
}

function formatSize(bytes: number, lang: PdfLang): string {
  const units = lang === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const number = unit === 0 ? String(size) : size.toFixed(1);
  return `${lang === 'ru' ? number.replace('.', ',') : number} ${units[unit]}`;
}
