import { Compile, type Validator } from 'typebox/compile';
import { Value } from 'typebox/value';
import { scriptOf } from '../matching/nameless/text.ts';
import type { Place } from '../schemas/common.ts';
import type { FirearmPart, VehiclePart } from '../schemas/object.ts';
import type { IdentityDocument, PersonName, PersonPart } from '../schemas/person.ts';
import { ACTIONS, CATEGORIES, type Category, type Distribution, RecordInput, type RecordStatus } from '../schemas/record.ts';
import { parsePartialDate } from '../validation/dates.ts';
import { PERSON_FIELDS, type ArrayField, type ArrayMapping } from './mapping.ts';

export interface RowContext {
  category: Category;
  /** The legal basis of every row whose array has no column for it. */
  legalBasis: string;
  actionOnHit: RecordInput['actionOnHit'];
  distribution: Distribution;
  /**
   * The uploading state (`KZ`): a national array writes its own places and plates without the
   * country, so a place or plate that names none is taken to be in this state.
   */
  country?: string;
  /**
   * Values for a field the row has nothing for — no column, or an empty cell — read like a
   * cell: `{ measure: 'locate', firearmKind: 'утрачено' }` for an array that is all of one kind.
   */
  defaults?: Partial<Record<ArrayField, string>>;
}

export type RowIssueCode =
  | 'required'
  | 'bad_date'
  | 'incomplete_date'
  | 'bad_sex'
  | 'bad_country'
  | 'bad_number'
  | 'bad_value'
  | 'not_latin'
  | 'unknown_script'
  | 'wrong_category'
  // the schema's own, when a value parsed but cannot be stored (see the server's ajv translation)
  | 'too_long'
  | 'too_many'
  | 'bad_characters'
  | 'bad_format'
  | 'out_of_range'
  | 'duplicate_items';

/** What is wrong with a row: the header of the cell (or the field, for a default or a missing column). */
export interface RowIssue {
  column: string;
  code: RowIssueCode;
  value?: string;
}

export type RowResult =
  | {
      record: RecordInput;
      /** The array's own word for the record's state, where it has a column. */
      status?: RecordStatus;
      /**
       * The record's top-level fields the row (or an operator's default) gave; the rest — a legal
       * basis, an action or a distribution from the context — only complete a new record.
       */
      carried: ReadonlySet<string>;
    }
  | { issues: RowIssue[] };

/** A text key for looking values up: lower case, ё as е, no diacritics or punctuation. */
const valueKey = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Spreadsheets fill blanks with dashes and «н/д»: such a cell holds nothing. */
const PLACEHOLDERS = new Set(['', 'нд', 'нетданных', 'неизвестно', 'неустановлено', 'na', 'null', 'unknown', 'none']);

/** A cell as the bank reads it; the bank's CSV export escapes a leading `=+-@` with an apostrophe. */
const cleanCell = (raw: string | undefined): string => (raw ?? '').replace(/^'(?=[=+\-@])/, '').trim();

const oneLine = (text: string) => text.replace(/\s+/gu, ' ');

const lookup = <T>(entries: readonly (readonly [T, readonly string[]])[]): Map<string, T> => {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const word of words) map.set(valueKey(word), value);
  return map;
};

const SEX = lookup([
  [
    'male',
    [
      'male',
      'm',
      'man',
      'м',
      'муж',
      'мужской',
      'мужчина',
      'ч',
      'чол',
      'чоловіча',
      'чоловік',
      'мужчынскі',
      'ер',
      'еркек',
      'erkak',
      'эркак',
      'արական',
      'kişi',
      'bărbătesc',
    ],
  ],
  [
    'female',
    [
      'female',
      'f',
      'woman',
      'w',
      'ж',
      'жен',
      'женский',
      'женщина',
      'жін',
      'жіноча',
      'жінка',
      'жаночы',
      'әйел',
      'аял',
      'ayol',
      'аёл',
      'իգական',
      'qadın',
      'femeiesc',
    ],
  ],
  ['unknown', ['неизв', 'не установлен', 'u', 'x']],
] as const);

/**
 * Country names as arrays write them, including the Soviet republics a birth place often still
 * names. «РК» and «РБ» are left out: Kazakhstan or Korea, Belarus or Bashkortostan.
 */
const COUNTRIES = lookup([
  ['RU', ['Россия', 'Российская Федерация', 'РФ', 'РСФСР', 'Russia', 'Russian Federation', 'RUS']],
  ['BY', ['Беларусь', 'Белоруссия', 'Республика Беларусь', 'Белорусская ССР', 'БССР', 'Belarus', 'BLR']],
  ['KZ', ['Казахстан', 'Республика Казахстан', 'Қазақстан', 'Казахская ССР', 'КазССР', 'Kazakhstan', 'Qazaqstan', 'KAZ']],
  ['KG', ['Кыргызстан', 'Киргизия', 'Кыргызская Республика', 'Киргизская ССР', 'Kyrgyzstan', 'Kyrgyz Republic', 'KGZ']],
  ['TJ', ['Таджикистан', 'Республика Таджикистан', 'Тоҷикистон', 'Таджикская ССР', 'Tajikistan', 'TJK']],
  ['UZ', ['Узбекистан', 'Республика Узбекистан', 'Ўзбекистон', 'Oʻzbekiston', 'Узбекская ССР', 'Uzbekistan', 'UZB']],
  ['TM', ['Туркменистан', 'Туркмения', 'Туркменская ССР', 'Turkmenistan', 'TKM']],
  ['AZ', ['Азербайджан', 'Азербайджанская Республика', 'Азербайджанская ССР', 'Azərbaycan', 'Azerbaijan', 'AZE']],
  ['AM', ['Армения', 'Республика Армения', 'Армянская ССР', 'Հայաստան', 'Armenia', 'ARM']],
  ['MD', ['Молдова', 'Молдавия', 'Республика Молдова', 'Молдавская ССР', 'Moldova', 'MDA']],
  ['UA', ['Украина', 'Україна', 'Украинская ССР', 'Ukraine', 'UKR']],
  ['GE', ['Грузия', 'Грузинская ССР', 'Georgia', 'GEO']],
  ['LT', ['Литва', 'Lithuania', 'LTU']],
  ['LV', ['Латвия', 'Latvia', 'LVA']],
  ['EE', ['Эстония', 'Estonia', 'EST']],
  ['CN', ['Китай', 'КНР', 'China', 'CHN']],
  ['TR', ['Турция', 'Turkey', 'Türkiye', 'TUR']],
  ['AF', ['Афганистан', 'Afghanistan', 'AFG']],
  ['IR', ['Иран', 'Iran', 'IRN']],
  ['MN', ['Монголия', 'Mongolia', 'MNG']],
  ['IN', ['Индия', 'India', 'IND']],
  ['PK', ['Пакистан', 'Pakistan', 'PAK']],
  ['DE', ['Германия', 'Germany', 'DEU']],
  ['PL', ['Польша', 'Poland', 'POL']],
  ['US', ['США', 'United States', 'USA']],
] as const);

/** A state as the schema stores it, ISO 3166-1 alpha-2, from a code or a name. */
function countryCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  return COUNTRIES.get(valueKey(trimmed));
}

const DOCUMENT_TYPES = lookup([
  ['passport', ['passport', 'паспорт', 'заграничный паспорт', 'загранпаспорт', 'национальный паспорт']],
  ['internal_passport', ['internal_passport', 'внутренний паспорт', 'паспорт гражданина РФ', 'общегражданский паспорт']],
  ['national_id', ['national_id', 'удостоверение личности', 'ID-карта', 'ID card', 'id-карта', 'идентификационная карта']],
  ['birth_certificate', ['birth_certificate', 'свидетельство о рождении', 'birth certificate']],
  ['driving_licence', ['driving_licence', 'водительское удостоверение', 'driving licence', 'driver license']],
  ['residence_permit', ['residence_permit', 'вид на жительство', 'residence permit']],
  ['seaman_book', ['seaman_book', 'паспорт моряка', "seaman's book"]],
  ['other', ['other', 'иной', 'другой', 'прочее']],
] as const);

const MEASURES = lookup([
  ['arrest_for_extradition', ['arrest_for_extradition', 'арест для экстрадиции', 'задержание для выдачи', 'экстрадиция', 'выдача', 'extradition']],
  ['arrest', ['arrest', 'арест', 'задержание', 'задержать', 'заключение под стражу']],
  ['locate', ['locate', 'установление местонахождения', 'установить местонахождение', 'местонахождение']],
] as const);

const ACTIONS_ON_HIT = lookup(ACTIONS.map((a) => [a, [a]] as const));

const STATUS_WORDS = lookup([
  ['active', ['active', 'активна', 'активный', 'в розыске', 'разыскивается', 'действует', 'на учете']],
  ['located', ['located', 'найден', 'найдена', 'обнаружен', 'обнаружена', 'задержан', 'задержана', 'установлен', 'установлена']],
  ['cancelled', ['cancelled', 'прекращен', 'прекращено', 'розыск прекращен', 'снят с учета', 'аннулирован', 'отменен']],
  ['expired', ['expired', 'истек', 'срок истек']],
] as const);

const FIREARM_KINDS = lookup([
  ['lost_stolen', ['lost_stolen', 'утрачено', 'утрачен', 'утеряно', 'утерян', 'похищено', 'похищен', 'утрата', 'хищение', 'lost', 'stolen']],
  ['found_seized', ['found_seized', 'изъято', 'изъят', 'найдено', 'найден', 'обнаружено', 'изъятие', 'found', 'seized']],
] as const);

/**
 * Weapon types by the words arrays use, most specific first: «пистолет-пулемёт» is a submachine
 * gun, not a pistol. An «автомат» (Kalashnikov) is a rifle, as iARMS types it.
 */
const FIREARM_TYPE_WORDS: readonly (readonly [FirearmPart['type'], readonly string[]])[] = [
  ['submachine_gun', ['submachine_gun', 'пистолетпулемет', 'submachinegun', 'smg']],
  ['grenade_launcher', ['grenade_launcher', 'гранатомет', 'grenadelauncher']],
  ['machine_gun', ['machine_gun', 'пулемет', 'machinegun']],
  ['revolver', ['revolver', 'револьвер']],
  ['pistol', ['pistol', 'пистолет']],
  ['carbine', ['carbine', 'карабин']],
  ['shotgun', ['shotgun', 'ружье', 'гладкоствольное', 'дробовик']],
  ['rifle', ['rifle', 'винтовка', 'автомат', 'нарезное']],
  ['other', ['other', 'иное', 'другое', 'прочее']],
];

function firearmType(text: string): FirearmPart['type'] | undefined {
  const key = valueKey(text);
  return FIREARM_TYPE_WORDS.find(([, words]) => words.some((w) => key.includes(valueKey(w))))?.[0];
}

const LOCATION_KINDS = lookup([
  ['hospital', ['hospital', 'больница', 'госпиталь', 'стационар']],
  ['care_home', ['care_home', 'дом престарелых', 'интернат', 'care home']],
  ['orphanage', ['orphanage', 'детский дом', 'детдом']],
  ['police', ['police', 'полиция', 'отдел полиции', 'овд']],
  ['other', ['other', 'иное']],
] as const);

const pad = (n: string) => n.padStart(2, '0');

/** The formats a date cell is read in, each to an ISO (partial) date. */
const DATE_FORMATS: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/, (m) => `${m[4]}-${pad(m[3]!)}-${pad(m[1]!)}`],
  [/^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/, (m) => `${m[1]}-${pad(m[3]!)}-${pad(m[4]!)}`],
  [/^(\d{1,2})[./](\d{4})$/, (m) => `${m[2]}-${pad(m[1]!)}`],
  [/^(\d{4})-(\d{1,2})$/, (m) => `${m[1]}-${pad(m[2]!)}`],
  [/^\d{4}$/, (m) => m[0]],
];

type DateResult = { date: string } | { error: 'bad_date' | 'incomplete_date' };

/**
 * A date cell as ISO: `dd.mm.yyyy`, `dd/mm/yyyy`, `dd-mm-yyyy`, `yyyy-mm-dd` (a spreadsheet's
 * time of day and a Russian «г.» dropped), and with `partial` also `mm.yyyy`, `yyyy-mm`, `yyyy`.
 * Day first, always: CIS arrays do not write American dates, and `12/31/1990` is refused.
 */
function parseDate(text: string, partial: boolean): DateResult {
  const t = text
    .replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '')
    .replace(/\s*(г\.?|года?)$/u, '')
    .trim();
  let iso: string | undefined;
  for (const [pattern, toIso] of DATE_FORMATS) {
    const m = pattern.exec(t);
    if (m) {
      iso = toIso(m);
      break;
    }
  }
  const parts = iso === undefined ? null : parsePartialDate(iso);
  if (!parts || iso === undefined) return { error: 'bad_date' };
  if (!partial && parts.day === undefined) return { error: 'incomplete_date' };
  return { date: iso };
}

/** A birth known only between two dates, as the bank exports it (`1980/1985`) or as written (`1980–1985`). */
function parseDateRange(text: string): { from: string; to: string } | undefined {
  for (const separator of ['/', '–', '—', ' - ', '-', '..']) {
    const halves = text.split(separator);
    if (halves.length !== 2) continue;
    const from = parseDate(halves[0]!.trim(), true);
    const to = parseDate(halves[1]!.trim(), true);
    if ('date' in from && 'date' in to) return { from: from.date, to: to.date };
  }
  return undefined;
}

/** A whole number, with a unit or a decimal comma as a form may add it: «175 см», «1,75 м». */
function parseInteger(text: string): number | undefined {
  const t = text.replace(/\s*(см|cm|лет|года?|years?|г\.?)$/iu, '').trim();
  if (/^\d{1,4}$/.test(t)) return Number(t);
  const metres = /^([12])[.,](\d{1,2})\s*(м|m)?$/u.exec(t);
  return metres ? Math.round(Number(`${metres[1]}.${metres[2]}`) * 100) : undefined;
}

/** An estimated age as one cell: «25-30», «от 25 до 30 лет», «около 30». */
function parseAgeRange(text: string): { min: number; max: number } | undefined {
  const t = text.toLowerCase().replace(/лет|года?|years?|около|примерно|about|~|от/gu, ' ');
  const m = /^\s*(\d{1,3})\s*(?:(?:-|–|—|до|to)\s*(\d{1,3}))?\s*$/u.exec(t);
  if (!m) return undefined;
  const min = Number(m[1]);
  return { min, max: m[2] === undefined ? min : Number(m[2]) };
}

/** The word that ends a Turkic patronymic: «Тофик оглы», «Mansur ogʻli», «Әбіш ұлы». */
const PATRONYMIC_MARKERS = new Set(
  [
    'оглы',
    'огли',
    'угли',
    'уғли',
    'кызы',
    'қызы',
    'гызы',
    'улы',
    'ұлы',
    'уулу',
    'ogli',
    'ogʻli',
    "o'g'li",
    'ogly',
    'oglu',
    'qizi',
    'kizi',
    'kyzy',
    'gyzy',
    'uly',
    'uulu',
  ].map((w) => w.replace(/['ʻʼ]/g, '')),
);

/**
 * The Russian order, «Фамилия Имя Отчество». With a Turkic patronymic its marker ends the
 * name, and the words between surname and patronymic are the given names (Gulomov Mansur
 * Asilbek Mansur ogli); without one, a fourth word is taken as part of the patronymic.
 */
function splitFullName(text: string): { surname?: string; given?: string; patronymic?: string } {
  const words = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const last = words
    .at(-1)
    ?.toLowerCase()
    .replace(/['ʻʼ‘’]/g, '');
  if (words.length >= 4 && last !== undefined && PATRONYMIC_MARKERS.has(last)) {
    return { surname: words[0], given: words.slice(1, -2).join(' '), patronymic: words.slice(-2).join(' ') };
  }
  const [surname, given, ...rest] = words;
  return { surname, given, patronymic: rest.length ? rest.join(' ') : undefined };
}

/** Drops the keys whose value is undefined: records are compared and stored as JSON. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

interface Cell {
  column: string;
  text: string;
}

/**
 * Reads a row's cells by field, and remembers which column each record path came from so that
 * a schema error can name the column.
 */
function rowReader(cells: Record<string, string>, mapping: ArrayMapping, context: RowContext) {
  const values = new Map<ArrayField, Cell>();
  const columns = new Map<ArrayField, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (field === undefined) continue;
    if (!columns.has(field)) columns.set(field, column);
    const text = cleanCell(cells[column]);
    if (!values.has(field) && !PLACEHOLDERS.has(valueKey(text)) && /[\p{L}\p{N}]/u.test(text)) values.set(field, { column, text });
  }
  for (const [field, raw] of Object.entries(context.defaults ?? {}) as [ArrayField, string | undefined][]) {
    const text = cleanCell(raw);
    if (!values.has(field) && text !== '') values.set(field, { column: field, text });
  }
  const issues: RowIssue[] = [];
  const origins = new Map<string, string>();
  const columnOf = (field: ArrayField) => values.get(field)?.column ?? columns.get(field) ?? field;

  const r = {
    issues,
    origins,
    has: (field: ArrayField) => values.has(field),
    cell: (field: ArrayField) => values.get(field),
    columnOf,
    /** Records that `path` was built from `field`'s column. */
    from(path: string, field: ArrayField) {
      origins.set(path, columnOf(field));
    },
    fail(field: ArrayField, code: RowIssueCode, value?: string) {
      issues.push(value === undefined ? { column: columnOf(field), code } : { column: columnOf(field), code, value });
    },
    /** Single-line text: a cell's line breaks and runs of spaces become one space. */
    line(field: ArrayField, path: string): string | undefined {
      const cell = values.get(field);
      if (!cell) return undefined;
      r.from(path, field);
      return oneLine(cell.text);
    },
    text(field: ArrayField, path: string): string | undefined {
      const cell = values.get(field);
      if (!cell) return undefined;
      r.from(path, field);
      return cell.text.replace(/\r\n?/g, '\n');
    },
    required<T>(field: ArrayField, value: T | undefined): T | undefined {
      if (value === undefined && !values.has(field)) r.fail(field, 'required');
      return value;
    },
    date(field: ArrayField, path: string, partial = false): string | undefined {
      const cell = values.get(field);
      if (!cell) return undefined;
      const parsed = parseDate(cell.text, partial);
      if ('error' in parsed) return void r.fail(field, parsed.error, cell.text);
      r.from(path, field);
      return parsed.date;
    },
    choice<T>(field: ArrayField, path: string, parse: (text: string) => T | undefined): T | undefined {
      const cell = values.get(field);
      if (!cell) return undefined;
      const value = parse(cell.text);
      if (value === undefined) return void r.fail(field, 'bad_value', cell.text);
      r.from(path, field);
      return value;
    },
    integer(field: ArrayField, path: string): number | undefined {
      const cell = values.get(field);
      if (!cell) return undefined;
      const value = parseInteger(cell.text);
      if (value === undefined) return void r.fail(field, 'bad_number', cell.text);
      r.from(path, field);
      return value;
    },
    country(field: ArrayField, path: string): string | undefined {
      const cell = values.get(field);
      if (!cell) return undefined;
      const code = countryCode(cell.text);
      if (code === undefined) return void r.fail(field, 'bad_country', cell.text);
      r.from(path, field);
      return code;
    },
    /**
     * «Country, region, locality, address» in either direction; the country is found by name at
     * either end, else it is the uploading state's. The bank exports `KZ, region, locality`.
     */
    place(field: ArrayField, path: string): Place | undefined {
      const cell = values.get(field);
      if (!cell) return undefined;
      const parts = oneLine(cell.text)
        .split(/[,;]/)
        .map((p) => p.trim())
        .filter(Boolean);
      const leading = parts.length > 0 ? countryCode(parts[0]!) : undefined;
      const trailing = leading === undefined && parts.length > 1 ? countryCode(parts.at(-1)!) : undefined;
      if (leading !== undefined) parts.shift();
      if (trailing !== undefined) parts.pop();
      const country = leading ?? trailing ?? context.country;
      if (country === undefined) return void r.fail(field, 'bad_country', cell.text);
      for (const key of ['', '/country', '/region', '/locality', '/address']) r.from(path + key, field);
      const [first, second, ...rest] = parts;
      if (second === undefined) return defined({ country, locality: first });
      return defined({ country, region: first, locality: second, address: rest.length ? rest.join(', ') : undefined });
    },
  };
  return r;
}

type Reader = ReturnType<typeof rowReader>;

function names(r: Reader): PersonName[] | undefined {
  const out: PersonName[] = [];
  const add = (kind: 'primary' | 'latin', parts: Record<'surname' | 'given' | 'patronymic', [ArrayField, string | undefined]>) => {
    const present = Object.entries(parts).filter(([, [, v]]) => v !== undefined);
    if (present.length === 0) return;
    const firstField = present[0]![1][0];
    const script = scriptOf(present.map(([, [, v]]) => v).join(' '));
    if (script === undefined) return r.fail(firstField, 'unknown_script', present[0]![1][1]);
    if (kind === 'latin' && script !== 'Latn') return r.fail(firstField, 'not_latin', present[0]![1][1]);
    const i = out.length;
    for (const [part, [field]] of present) r.from(`/person/names/${i}/${part}`, field);
    out.push(defined({ kind, script, surname: parts.surname[1], given: parts.given[1], patronymic: parts.patronymic[1] }));
  };

  const word = (field: ArrayField) => (r.has(field) ? oneLine(r.cell(field)!.text) : undefined);
  if (r.has('surname') || r.has('given') || r.has('patronymic')) {
    add('primary', { surname: ['surname', word('surname')], given: ['given', word('given')], patronymic: ['patronymic', word('patronymic')] });
  } else if (r.has('fullName')) {
    const split = splitFullName(r.cell('fullName')!.text);
    add('primary', { surname: ['fullName', split.surname], given: ['fullName', split.given], patronymic: ['fullName', split.patronymic] });
  }
  if (r.has('latinSurname') || r.has('latinGiven')) {
    add('latin', {
      surname: ['latinSurname', word('latinSurname')],
      given: ['latinGiven', word('latinGiven')],
      patronymic: ['latinGiven', undefined],
    });
  } else if (r.has('latinName')) {
    const split = splitFullName(r.cell('latinName')!.text);
    add('latin', { surname: ['latinName', split.surname], given: ['latinName', split.given], patronymic: ['latinName', split.patronymic] });
  }
  return out.length ? out : undefined;
}

function documents(r: Reader, citizenships: string[] | undefined, context: RowContext): IdentityDocument[] | undefined {
  const out: IdentityDocument[] = [];
  const type = r.choice('documentType', '/person/documents', (t) => DOCUMENT_TYPES.get(valueKey(t)));
  // A passport is issued by the state of its holder's citizenship; failing both, a national array's document is its own state's.
  const sole = citizenships?.length === 1 ? citizenships[0] : undefined;
  const issuing = r.country('issuingState', '/person/documents') ?? sole ?? context.country;
  const add = (field: ArrayField, docType: IdentityDocument['type'], number: string, issuingState = issuing) => {
    if (issuingState === undefined) return r.fail('issuingState', 'required');
    r.from(`/person/documents/${out.length}`, field);
    out.push({ type: docType, number: number.replace(/^(№|N°|#)\s*/u, ''), issuingState });
  };
  const passport = r.line('passportNumber', '/person/documents');
  if (passport !== undefined) add('passportNumber', 'passport', passport);
  const number = r.line('documentNumber', '/person/documents');
  if (number !== undefined) add('documentNumber', type ?? 'other', number);
  // The bank's export, `KZ N1234567; RU 751234567`: the state first, the type not kept.
  for (const item of r.line('documents', '/person/documents')?.split(';') ?? []) {
    const prefixed = /^\s*([A-Z]{2})\s+(.+?)\s*$/.exec(item);
    if (prefixed) add('documents', type ?? 'other', prefixed[2]!, prefixed[1]!);
    else if (item.trim()) add('documents', type ?? 'other', item.trim());
  }
  return out.length ? out : undefined;
}

/** What says something of a person; a document's type or issuing state alone does not. */
const DESCRIBING_FIELDS: readonly ArrayField[] = PERSON_FIELDS.filter((field) => field !== 'documentType' && field !== 'issuingState');

function person(r: Reader, context: RowContext, named: boolean): PersonPart | undefined {
  // An unidentified body or person gets a person section only when the row says something of them.
  if (!named && !DESCRIBING_FIELDS.some(r.has)) return undefined;

  const nameList = names(r);
  if (named && !nameList?.some((n) => n.surname || n.given)) r.fail(r.has('fullName') ? 'fullName' : 'surname', 'required');

  const sexCell = r.cell('sex');
  let sex: PersonPart['sex'] = 'unknown';
  if (sexCell) {
    const value = SEX.get(valueKey(sexCell.text));
    if (value === undefined) r.fail('sex', 'bad_sex', sexCell.text);
    else {
      sex = value;
      r.from('/person/sex', 'sex');
    }
  }

  let birthDate: string | undefined;
  let birthDateRange: { from: string; to: string } | undefined;
  const birth = r.cell('birthDate');
  if (birth) {
    const parsed = parseDate(birth.text, true);
    if ('date' in parsed) birthDate = parsed.date;
    else birthDateRange = parseDateRange(birth.text);
    if (birthDate === undefined && birthDateRange === undefined) r.fail('birthDate', 'bad_date', birth.text);
    r.from(birthDate ? '/person/birthDate' : '/person/birthDateRange', 'birthDate');
  }

  let citizenships: string[] | undefined;
  const citizenshipCell = r.cell('citizenship');
  if (citizenshipCell) {
    const codes = new Set<string>();
    for (const item of citizenshipCell.text.split(/[,;/]/).map((s) => s.trim())) {
      if (!item) continue;
      const code = countryCode(item);
      if (code === undefined) r.fail('citizenship', 'bad_country', item);
      else codes.add(code);
    }
    citizenships = codes.size ? [...codes] : undefined;
    r.from('/person/citizenships', 'citizenship');
  }

  const heightCm = r.integer('heightCm', '/person/description/heightCm');
  const hairColour = r.line('hairColour', '/person/description/hairColour');
  const eyeColour = r.line('eyeColour', '/person/description/eyeColour');
  const description = heightCm !== undefined || hairColour || eyeColour ? defined({ heightCm, hairColour, eyeColour }) : undefined;

  return defined({
    names: nameList,
    sex,
    birthDate,
    birthDateRange,
    birthPlace: r.place('birthPlace', '/person/birthPlace'),
    citizenships,
    documents: documents(r, citizenships, context),
    description,
    lastKnownAddress: r.place('address', '/person/lastKnownAddress'),
  });
}

function estimatedAge(r: Reader, path: string): { min: number; max: number } | undefined {
  const cell = r.cell('age');
  if (cell) {
    const range = parseAgeRange(cell.text);
    if (range === undefined) return void r.fail('age', 'bad_number', cell.text);
    r.from(path, 'age');
    return range;
  }
  const min = r.integer('ageMin', path);
  const max = r.integer('ageMax', path);
  // One bound alone leaves the other open, as far as the schema's 0..120 allows.
  if (min === undefined && max === undefined) return undefined;
  return { min: min ?? 0, max: max ?? 120 };
}

function vehicle(r: Reader, context: RowContext): VehiclePart | undefined {
  let make = r.line('make', '/vehicle/make');
  let model = r.line('model', '/vehicle/model');
  const makeModel = r.line('makeModel', '/vehicle/model');
  if (makeModel !== undefined) {
    // `makeModel` is the bank's export of both; the make is its first word.
    const [first, ...rest] = makeModel.split(' ');
    if (make === undefined) {
      make = first;
      r.from('/vehicle/make', 'makeModel');
    }
    model ??= rest.length ? rest.join(' ') : undefined;
  }
  r.required('make', make);

  let plate: VehiclePart['plate'];
  const plateText = r.line('plate', '/vehicle/plate');
  if (plateText !== undefined) {
    // The bank exports a plate as `А123ВС77 (RU)`.
    const suffixed = /^(.*?)\s*\(([A-Z]{2})\)$/.exec(plateText);
    const number = suffixed ? suffixed[1]! : plateText;
    const state = r.country('plateState', '/vehicle/plate/state') ?? suffixed?.[2] ?? context.country;
    if (state === undefined) r.fail('plateState', 'required');
    else plate = { number, state };
  }

  const vin = r.line('vin', '/vehicle/vin');
  const engineNumber = r.line('engineNumber', '/vehicle/engineNumber');
  const bodyNumber = r.line('bodyNumber', '/vehicle/bodyNumber');
  if (vin === undefined && plateText === undefined && engineNumber === undefined && bodyNumber === undefined) r.fail('vin', 'required');

  let theft: VehiclePart['theft'];
  if (r.has('theftDate') || r.has('theftPlace')) {
    const date = r.required('theftDate', r.date('theftDate', '/vehicle/theft/date'));
    const place = r.required('theftPlace', r.place('theftPlace', '/vehicle/theft/place'));
    if (date && place) theft = { date, place };
  }
  if (make === undefined) return undefined;
  return defined({
    vin,
    plate,
    make,
    model,
    colour: r.line('colour', '/vehicle/colour'),
    year: r.integer('year', '/vehicle/year'),
    engineNumber,
    bodyNumber,
    theft,
  });
}

function firearm(r: Reader): FirearmPart | undefined {
  const kind = r.required(
    'firearmKind',
    r.choice('firearmKind', '/firearm/kind', (t) => FIREARM_KINDS.get(valueKey(t))),
  );
  const type = r.required('firearmType', r.choice('firearmType', '/firearm/type', firearmType));
  const serialText = r.line('serial', '/firearm/serials');
  const serials = serialText
    ?.split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  r.required('serial', serials);
  const eventDate = r.required('eventDate', r.date('eventDate', '/firearm/eventDate'));
  const eventPlace = r.required('eventPlace', r.place('eventPlace', '/firearm/eventPlace'));
  let make = r.line('make', '/firearm/make');
  let model = r.line('model', '/firearm/model');
  const makeModel = r.line('makeModel', '/firearm/model');
  if (makeModel !== undefined) {
    const [first, ...rest] = makeModel.split(' ');
    if (make === undefined) r.from('/firearm/make', 'makeModel');
    make ??= first;
    model ??= rest.length ? rest.join(' ') : undefined;
  }
  if (!kind || !type || !serials?.length || !eventDate || !eventPlace) return undefined;
  return defined({
    kind,
    type,
    make,
    model,
    calibre: r.line('calibre', '/firearm/calibre'),
    serials,
    yearOfManufacture: r.integer('year', '/firearm/yearOfManufacture'),
    eventDate,
    eventPlace,
    legalOwner: r.line('legalOwner', '/firearm/legalOwner'),
  });
}

type Sections = Pick<RecordInput, 'person' | 'wanted' | 'missing' | 'unidentifiedCorpse' | 'unidentifiedPerson' | 'vehicle' | 'firearm'>;

function sections(r: Reader, context: RowContext): Sections {
  switch (context.category) {
    case 'wanted_person': {
      const article = r.required('article', r.line('article', '/wanted/offence/article'));
      const description = r.required('offence', r.text('offence', '/wanted/offence/description'));
      const issuedBy = r.required('warrantIssuedBy', r.line('warrantIssuedBy', '/wanted/warrant/issuedBy'));
      const issuedOn = r.required('warrantDate', r.date('warrantDate', '/wanted/warrant/issuedOn'));
      const measure = r.required(
        'measure',
        r.choice('measure', '/wanted/measure', (t) => MEASURES.get(valueKey(t))),
      );
      const number = r.line('warrantNumber', '/wanted/warrant/number');
      const wanted =
        article && description && issuedBy && issuedOn && measure
          ? { offence: { article, description }, warrant: defined({ issuedBy, issuedOn, number }), measure }
          : undefined;
      return defined({ person: person(r, context, true), wanted });
    }
    case 'missing_person': {
      const lastSeenOn = r.required('lastSeenOn', r.date('lastSeenOn', '/missing/lastSeenOn'));
      const lastSeenPlace = r.required('lastSeenPlace', r.place('lastSeenPlace', '/missing/lastSeenPlace'));
      const missing =
        lastSeenOn && lastSeenPlace
          ? defined({
              lastSeenOn,
              lastSeenPlace,
              circumstances: r.text('circumstances', '/missing/circumstances'),
              clothing: r.text('clothing', '/missing/clothing'),
            })
          : undefined;
      return defined({ person: person(r, context, true), missing });
    }
    case 'unidentified_corpse': {
      const foundOn = r.required('foundOn', r.date('foundOn', '/unidentifiedCorpse/foundOn'));
      const foundPlace = r.required('foundPlace', r.place('foundPlace', '/unidentifiedCorpse/foundPlace'));
      const found =
        foundOn && foundPlace
          ? defined({
              foundOn,
              foundPlace,
              estimatedAge: estimatedAge(r, '/unidentifiedCorpse/estimatedAge'),
              clothing: r.text('clothing', '/unidentifiedCorpse/clothing'),
            })
          : undefined;
      return defined({ person: person(r, context, false), unidentifiedCorpse: found });
    }
    case 'unidentified_person': {
      const foundOn = r.required('foundOn', r.date('foundOn', '/unidentifiedPerson/foundOn'));
      const foundPlace = r.required('foundPlace', r.place('foundPlace', '/unidentifiedPerson/foundPlace'));
      const name = r.required('currentLocation', r.line('currentLocation', '/unidentifiedPerson/currentLocation/name'));
      // An array that does not type the institution says nothing about it: `other`.
      const kind = r.choice('locationKind', '/unidentifiedPerson/currentLocation/kind', (t) => LOCATION_KINDS.get(valueKey(t))) ?? 'other';
      const found =
        foundOn && foundPlace && name
          ? defined({ foundOn, foundPlace, currentLocation: { kind, name }, estimatedAge: estimatedAge(r, '/unidentifiedPerson/estimatedAge') })
          : undefined;
      return defined({ person: person(r, context, false), unidentifiedPerson: found });
    }
    case 'vehicle':
      return defined({ vehicle: vehicle(r, context) });
    case 'firearm':
      return defined({ firearm: firearm(r) });
  }
}

/** The schema's failures in the row's terms: the column the value came from, the code the server would give. */
let compiledRecordInput: Validator | undefined;

function schemaIssues(record: RecordInput, origins: ReadonlyMap<string, string>): RowIssue[] {
  // Compiled once, on the first row: checking a million rows by interpreting the schema took longer than reading them.
  compiledRecordInput ??= Compile(RecordInput);
  if (compiledRecordInput.Check(record)) return [];
  const codes: Record<string, RowIssueCode> = {
    maxLength: 'too_long',
    minLength: 'required',
    maxItems: 'too_many',
    pattern: 'bad_characters',
    minimum: 'out_of_range',
    maximum: 'out_of_range',
    uniqueItems: 'duplicate_items',
  };
  return Value.Errors(RecordInput, record).map((error) => {
    let path = error.instancePath;
    while (path && !origins.has(path)) path = path.slice(0, path.lastIndexOf('/'));
    const column = origins.get(path) ?? error.instancePath;
    const value = Value.Pointer.Get(record, error.instancePath);
    const issue: RowIssue = { column, code: codes[error.keyword] ?? 'bad_format' };
    if (typeof value === 'string' || typeof value === 'number') issue.value = String(value);
    return issue;
  });
}

/**
 * One row of a national array as a record of the array's category, or what stops it: each issue
 * names the column and the value. Cells are trimmed and empty ones (and «-», «н/д») left out;
 * dates are read day first, partial where the schema allows (a birth date); sex, states and
 * enumerations are read from the words arrays use. A record returned passes the `RecordInput`
 * schema; the record rules (dates not in the future, VIN check digits) are the import's to apply.
 *
 * @example rowToRecord({ 'Госномер': '777ABC02', 'Марка': 'Toyota', 'Номер дела': 'KZ-1' },
 *   { 'Госномер': 'plate', 'Марка': 'make', 'Номер дела': 'nationalRef' },
 *   { category: 'vehicle', legalBasis: 'УПК РК ст. 197', actionOnHit: 'seize', distribution: { kind: 'all' }, country: 'KZ' })
 * // { record: { category: 'vehicle', nationalRef: 'KZ-1', …, vehicle: { plate: { number: '777ABC02', state: 'KZ' }, make: 'Toyota' } } }
 */
export function rowToRecord(cells: Record<string, string>, mapping: ArrayMapping, context: RowContext): RowResult {
  const r = rowReader(cells, mapping, context);

  const category = r.choice('category', '/category', (t) => CATEGORIES.find((c) => c === t.trim()));
  if (category !== undefined && category !== context.category) r.fail('category', 'wrong_category', category);
  const status = r.choice('status', '/status', (t) => STATUS_WORDS.get(valueKey(t)));
  const nationalRef = r.required('nationalRef', r.line('nationalRef', '/nationalRef'));
  const legalBasis = r.line('legalBasis', '/legalBasis') ?? context.legalBasis;
  const actionOnHit = r.choice('actionOnHit', '/actionOnHit', (t) => ACTIONS_ON_HIT.get(valueKey(t))) ?? context.actionOnHit;
  const reviewBy = r.date('reviewBy', '/reviewBy');
  const remarks = r.text('remarks', '/remarks');
  const parts = sections(r, context);

  if (r.issues.length > 0 || nationalRef === undefined) return { issues: r.issues };
  const record: RecordInput = defined({
    category: context.category,
    nationalRef,
    legalBasis: oneLine(legalBasis),
    actionOnHit,
    reviewBy,
    distribution: context.distribution,
    remarks,
    ...parts,
  });
  const issues = schemaIssues(record, r.origins);
  if (issues.length > 0) return { issues };
  const carried = new Set(['category', ...[...r.origins.keys()].map((path) => path.split('/')[1]!).filter((key) => key in record)]);
  return status === undefined ? { record, carried } : { record, status, carried };
}
