import { RECORD_COLUMNS, type RecordColumn } from '../domain/record-table.ts';
import type { Category } from '../schemas/record.ts';

/** What every array carries whatever its category. */
const RECORD_FIELDS = ['nationalRef', 'category', 'status', 'legalBasis', 'actionOnHit', 'reviewBy', 'remarks'] as const;

/**
 * A person as national arrays hold one. `fullName` is the one-column «ФИО», split in Russian
 * order; `passportNumber` is a document known to be a passport, `documentNumber` one whose type
 * comes from `documentType` (or is `other`); `documents` is the bank's own export of them all,
 * `KZ N1234567; RU 751234567`.
 */
export const PERSON_FIELDS = [
  'surname',
  'given',
  'patronymic',
  'fullName',
  'latinSurname',
  'latinGiven',
  'latinName',
  'sex',
  'birthDate',
  'birthPlace',
  'citizenship',
  'passportNumber',
  'documentNumber',
  'documentType',
  'issuingState',
  'documents',
  'address',
  'heightCm',
  'hairColour',
  'eyeColour',
] as const;

const WANTED_FIELDS = ['article', 'offence', 'warrantIssuedBy', 'warrantDate', 'warrantNumber', 'measure'] as const;
const MISSING_FIELDS = ['lastSeenOn', 'lastSeenPlace', 'circumstances', 'clothing'] as const;
/** `age` is a range written in one cell («25-30»); `ageMin`/`ageMax` are two columns. */
const FOUND_FIELDS = ['foundOn', 'foundPlace', 'age', 'ageMin', 'ageMax'] as const;
const VEHICLE_FIELDS = [
  'vin',
  'plate',
  'plateState',
  'make',
  'model',
  'makeModel',
  'colour',
  'year',
  'engineNumber',
  'bodyNumber',
  'theftDate',
  'theftPlace',
] as const;
const FIREARM_FIELDS = [
  'serial',
  'firearmKind',
  'firearmType',
  'make',
  'model',
  'makeModel',
  'calibre',
  'year',
  'eventDate',
  'eventPlace',
  'legalOwner',
] as const;

export type ArrayField =
  | (typeof RECORD_FIELDS)[number]
  | (typeof PERSON_FIELDS)[number]
  | (typeof WANTED_FIELDS)[number]
  | (typeof MISSING_FIELDS)[number]
  | (typeof FOUND_FIELDS)[number]
  | 'currentLocation'
  | 'locationKind'
  | (typeof VEHICLE_FIELDS)[number]
  | (typeof FIREARM_FIELDS)[number];

/**
 * The flat fields a column of a national array can map to, per category: what states really
 * hold in their arrays, not every field of the record (no photos, marks or biometrics).
 *
 * @example ARRAY_FIELDS.vehicle.includes('vin') // true
 */
export const ARRAY_FIELDS: Readonly<Record<Category, readonly ArrayField[]>> = {
  wanted_person: [...RECORD_FIELDS, ...PERSON_FIELDS, ...WANTED_FIELDS],
  missing_person: [...RECORD_FIELDS, ...PERSON_FIELDS, ...MISSING_FIELDS],
  unidentified_corpse: [...RECORD_FIELDS, ...PERSON_FIELDS, ...FOUND_FIELDS, 'clothing'],
  unidentified_person: [...RECORD_FIELDS, ...PERSON_FIELDS, ...FOUND_FIELDS, 'currentLocation', 'locationKind'],
  vehicle: [...RECORD_FIELDS, ...VEHICLE_FIELDS],
  firearm: [...RECORD_FIELDS, ...FIREARM_FIELDS],
};

/** Which field each column of an array feeds; `undefined` for a column left out. */
export type ArrayMapping = Record<string, ArrayField | undefined>;

/**
 * Headers as officers write them. Russian and English for every field; for names, sex and
 * birth date also the state languages of the members (uk, be, kk, uz, hy, az, ky, tg, ro), as
 * printed on their passports and forms. Compared by `headerKey`, so case, spaces, dots and ё
 * do not matter. A header listed under two fields of one category would be ambiguous: the
 * tests check none is.
 */
/** Every field a column can be mapped to, whatever the category. */
export const MAPPABLE_FIELDS: readonly ArrayField[] = [...new Set(Object.values(ARRAY_FIELDS).flat())];

export const FIELD_HEADERS: Readonly<Record<ArrayField, readonly string[]>> = {
  nationalRef: [
    'Номер дела',
    'Рег. номер',
    'Регистрационный номер',
    'ID',
    'Идентификатор',
    'Номер записи',
    'Номер учета',
    'Учетный номер',
    'Номер розыскного дела',
    'Номер РД',
    'Номер карточки',
    'Reference',
    'Ref',
    'Ref. No',
    'Reference number',
    'National reference',
    'Case No',
    'Case number',
    'Record ID',
  ],
  category: ['Категория', 'Category'],
  status: ['Статус', 'Состояние', 'Status'],
  legalBasis: ['Основание', 'Основание розыска', 'Основание постановки на учет', 'Правовое основание', 'Legal basis', 'Basis'],
  actionOnHit: ['Действия при обнаружении', 'Action on hit', 'Action'],
  reviewBy: ['Срок проверки', 'Проверить до', 'Review by'],
  remarks: ['Примечание', 'Примечания', 'Комментарий', 'Дополнительная информация', 'Remarks', 'Comment', 'Comments', 'Notes'],

  surname: [
    'Фамилия',
    'Surname',
    'Last name',
    'Family name',
    'Прізвище',
    'Прозвішча',
    'Тегі',
    'Familiya',
    'Фамилияси',
    'Ազգանուն',
    'Soyadı',
    'Soyad',
    'Фамилиясы',
    'Насаб',
    'Nume',
    'Numele',
  ],
  given: [
    'Имя',
    'Given name',
    'Given names',
    'First name',
    'Forename',
    "Ім'я",
    'Імя',
    'Аты',
    'Ismi',
    'Исми',
    'Անուն',
    'Adı',
    'Ном',
    'Prenume',
    'Prenumele',
  ],
  patronymic: [
    'Отчество',
    'Patronymic',
    'Middle name',
    'Father’s name',
    'По батькові',
    'Імя па бацьку',
    'Әкесінің аты',
    'Otasining ismi',
    'Отасининг исми',
    'Հայրանուն',
    'Atasının adı',
    'Атасынын аты',
    'Номи падар',
    'Patronimic',
  ],
  fullName: ['ФИО', 'Ф.И.О.', 'Фамилия, имя, отчество', 'Фамилия имя отчество', 'Full name', 'ПІБ', 'Аты-жөні', 'Fullname'],
  latinSurname: ['Фамилия (лат.)', 'Фамилия латиницей', 'Фамилия на латинице', 'Surname (Latin)', 'Latin surname'],
  latinGiven: ['Имя (лат.)', 'Имя латиницей', 'Имя на латинице', 'Given name (Latin)', 'Latin given name'],
  latinName: ['ФИО (лат.)', 'ФИО латиницей', 'ФИО на латинице', 'Name in Latin', 'Latin name', 'Full name (Latin)'],
  sex: ['Пол', 'Sex', 'Gender', 'Стать', 'Жынысы', 'Jinsi', 'Սեռ', 'Cinsi', 'Sexul', 'Ҷинс'],
  birthDate: [
    'Дата рождения',
    'Д.р.',
    'Д/р',
    'Дата рожд.',
    'Год рождения',
    'Date of birth',
    'DOB',
    'Birth date',
    'Birthdate',
    'Дата народження',
    'Дата нараджэння',
    'Туған күні',
    'Туылған күні',
    'Tugʻilgan sana',
    'Tugʻilgan sanasi',
    'Туғилган сана',
    'Ծննդյան ամսաթիվ',
    'Doğum tarixi',
    'Туулган күнү',
    'Санаи таваллуд',
    'Data nașterii',
  ],
  birthPlace: ['Место рождения', 'Place of birth', 'Birthplace', 'POB', 'Місце народження', 'Месца нараджэння', 'Туған жері'],
  citizenship: ['Гражданство', 'Citizenship', 'Nationality', 'Громадянство', 'Грамадзянства', 'Азаматтығы'],
  passportNumber: ['Номер паспорта', 'Паспорт', 'Серия и номер паспорта', 'Серия, номер паспорта', 'Passport', 'Passport No', 'Passport number'],
  documentNumber: ['Номер документа', 'Документ', 'Документы', 'Документ, удостоверяющий личность', 'Document number', 'Document No', 'Document'],
  documents: [],
  documentType: ['Тип документа', 'Вид документа', 'Document type'],
  issuingState: ['Государство выдачи', 'Страна выдачи', 'Issuing state', 'Issuing country', 'Country of issue'],
  address: ['Адрес', 'Место жительства', 'Адрес регистрации', 'Адрес проживания', 'Address', 'Last known address', 'Place of residence'],
  heightCm: ['Рост', 'Рост, см', 'Height', 'Height, cm'],
  hairColour: ['Цвет волос', 'Hair colour', 'Hair color', 'Hair'],
  eyeColour: ['Цвет глаз', 'Eye colour', 'Eye color', 'Eyes'],

  article: ['Статья', 'Статья УК', 'Квалификация', 'Article'],
  offence: ['Фабула', 'Краткая фабула', 'Преступление', 'Offence', 'Offense', 'Crime'],
  warrantIssuedBy: ['Инициатор розыска', 'Инициатор', 'Орган, объявивший розыск', 'Кем объявлен в розыск', 'Issued by', 'Warrant issued by'],
  warrantDate: ['Дата объявления в розыск', 'Дата розыска', 'Дата постановления', 'Warrant date', 'Date of warrant'],
  warrantNumber: ['Номер постановления', 'Warrant number', 'Warrant No'],
  measure: ['Мера пресечения', 'Мера', 'Measure'],

  lastSeenOn: [
    'Дата исчезновения',
    'Дата безвестного исчезновения',
    'Дата пропажи',
    'Last seen',
    'Last seen on',
    'Date of disappearance',
    'Date missing',
  ],
  lastSeenPlace: ['Место исчезновения', 'Место пропажи', 'Last seen at', 'Place last seen', 'Place of disappearance'],
  circumstances: ['Обстоятельства', 'Обстоятельства исчезновения', 'Circumstances'],
  clothing: ['Одежда', 'Описание одежды', 'Clothing', 'Clothes'],
  foundOn: ['Дата обнаружения', 'Дата нахождения', 'Date found', 'Found on'],
  foundPlace: ['Место обнаружения', 'Place found', 'Found at'],
  age: ['Возраст', 'Примерный возраст', 'Предполагаемый возраст', 'Age', 'Estimated age'],
  ageMin: ['Возраст от', 'Age from', 'Age min', 'Minimum age'],
  ageMax: ['Возраст до', 'Age to', 'Age max', 'Maximum age'],
  currentLocation: ['Местонахождение', 'Текущее местонахождение', 'Где находится', 'Учреждение', 'Current location'],
  locationKind: ['Тип учреждения', 'Location kind', 'Location type'],

  vin: ['VIN', 'VIN-код', 'VIN код', 'Номер VIN', 'Идентификационный номер (VIN)'],
  plate: [
    'Госномер',
    'Гос. номер',
    'Гос. рег. знак',
    'Рег. знак',
    'ГРЗ',
    'Государственный регистрационный знак',
    'Регистрационный знак',
    'Номерной знак',
    'Plate',
    'Plate number',
    'Licence plate',
    'License plate',
    'Registration',
    'Registration number',
    'Reg. No',
  ],
  plateState: [
    'Страна регистрации',
    'Государство регистрации',
    'Страна номера',
    'Государство номера',
    'Plate state',
    'Plate country',
    'Country of registration',
  ],
  make: ['Марка', 'Марка ТС', 'Марка оружия', 'Make', 'Brand', 'Manufacturer'],
  model: ['Модель', 'Модель ТС', 'Model'],
  makeModel: ['Марка, модель', 'Марка и модель', 'Марка/модель', 'Make and model', 'Make/model'],
  colour: ['Цвет', 'Цвет ТС', 'Цвет кузова', 'Colour', 'Color'],
  year: ['Год выпуска', 'Год изготовления', 'Year', 'Year of manufacture', 'Model year'],
  engineNumber: ['Номер двигателя', 'Engine number', 'Engine No'],
  bodyNumber: ['Номер кузова', 'Номер шасси', 'Номер рамы', 'Body number', 'Chassis number', 'Frame number'],
  theftDate: ['Дата угона', 'Дата хищения', 'Дата угона (хищения)', 'Date of theft', 'Date stolen', 'Theft date'],
  theftPlace: ['Место угона', 'Место хищения', 'Место угона (хищения)', 'Place of theft', 'Theft place'],

  serial: ['Серийный номер', 'Заводской номер', 'Номер оружия', 'Серия, номер', 'Serial number', 'Serial No', 'Serial'],
  firearmKind: ['Вид учета', 'Событие', 'Утрачено/изъято', 'Firearm kind', 'Kind'],
  firearmType: ['Тип оружия', 'Вид оружия', 'Firearm type', 'Weapon type', 'Type of firearm'],
  calibre: ['Калибр', 'Calibre', 'Caliber'],
  eventDate: ['Дата утраты', 'Дата изъятия', 'Дата события', 'Дата утраты (изъятия)', 'Date of loss', 'Date seized', 'Event date'],
  eventPlace: ['Место утраты', 'Место изъятия', 'Место события', 'Место утраты (изъятия)', 'Place of loss', 'Place seized', 'Event place'],
  legalOwner: ['Владелец', 'Законный владелец', 'Legal owner'],
};

/**
 * A header reduced to what tells headers apart: lower case, ё as е, no diacritics, spaces or
 * punctuation (so «Гос. номер» is «Госномер» and «Д.р.» is «др»), no leading «1.» numbering.
 * A BOM or a non-breaking space from a spreadsheet falls out with the punctuation.
 *
 * @example headerKey('Гос. номер') // 'госномер'
 */
export function headerKey(header: string): string {
  return (
    header
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Uzbek writes its apostrophe (Tugʻilgan) with modifier letters, which \p{L} would keep.
      .replace(/[^\p{L}\p{N}]|[ʻʼ]/gu, '')
      .replace(/^\d+(?=\p{L})/u, '')
  );
}

/**
 * The bank's own export columns (`RECORD_COLUMNS`) as fields of a category, so that an array the
 * bank exported maps back 1:1. `eventDate`/`eventPlace` hold each category's own event; `id`,
 * `owner` and `updatedAt` are the bank's, not the state's, and map to nothing.
 */
function bankColumnField(column: RecordColumn, category: Category): ArrayField | undefined {
  const event = EVENT_FIELDS[category];
  const fields: Partial<Record<RecordColumn, ArrayField>> = {
    citizenships: 'citizenship',
    serials: 'serial',
    eventDate: event.date,
    eventPlace: event.place,
  };
  const field = column in fields ? fields[column] : (column as ArrayField);
  return field && ARRAY_FIELDS[category].includes(field) ? field : undefined;
}

const EVENT_FIELDS: Readonly<Record<Category, { date: ArrayField; place?: ArrayField }>> = {
  wanted_person: { date: 'warrantDate' },
  missing_person: { date: 'lastSeenOn', place: 'lastSeenPlace' },
  unidentified_corpse: { date: 'foundOn', place: 'foundPlace' },
  unidentified_person: { date: 'foundOn', place: 'foundPlace' },
  vehicle: { date: 'theftDate', place: 'theftPlace' },
  firearm: { date: 'eventDate', place: 'eventPlace' },
};

const BANK_COLUMN_KEYS = new Map<string, RecordColumn>(RECORD_COLUMNS.map((c) => [headerKey(c), c]));

/** Header key -> field, per category; a field's own name counts as one of its headers. */
const HEADER_INDEX: Readonly<Record<Category, ReadonlyMap<string, ArrayField>>> = Object.fromEntries(
  Object.entries(ARRAY_FIELDS).map(([category, fields]) => {
    const index = new Map<string, ArrayField>();
    for (const field of fields) {
      for (const header of [field, ...FIELD_HEADERS[field]]) {
        const key = headerKey(header);
        if (!index.has(key)) index.set(key, field);
      }
    }
    return [category, index];
  }),
) as Record<Category, Map<string, ArrayField>>;

/** Which field a header names in a category, if any; exported for the tests of the catalogue. */
export function fieldForHeader(header: string, category: Category): ArrayField | undefined {
  const index = HEADER_INDEX[category];
  // «Фамилия (лат.)» is its own header; «Рост (см)» is «Рост» with its unit.
  return index.get(headerKey(header)) ?? index.get(headerKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, '')));
}

/**
 * Guesses which field each header of an array feeds. No two headers get one field: the first
 * wins, except that a header spelled exactly like the bank's own export column or field name
 * wins over a synonym anywhere — in the bank's export `id` comes before `nationalRef`, and it is
 * `nationalRef` that is the state's reference.
 *
 * @example guessMapping(['ФИО', 'Д.р.', 'Гражданство'], 'wanted_person')
 * // { 'ФИО': 'fullName', 'Д.р.': 'birthDate', 'Гражданство': 'citizenship' }
 */
export function guessMapping(headers: readonly string[], category: Category): ArrayMapping {
  const mapping: ArrayMapping = Object.fromEntries(headers.map((h) => [h, undefined]));
  const taken = new Set<ArrayField>();
  const claim = (header: string, field: ArrayField | undefined) => {
    if (field === undefined || taken.has(field) || mapping[header] !== undefined) return;
    mapping[header] = field;
    taken.add(field);
  };
  const exact = new Set<string>();
  for (const header of headers) {
    const key = headerKey(header);
    const column = BANK_COLUMN_KEYS.get(key);
    const field = column ? bankColumnField(column, category) : ARRAY_FIELDS[category].find((f) => headerKey(f) === key);
    if (field === undefined) continue;
    exact.add(header);
    claim(header, field);
  }
  for (const header of headers) {
    if (!exact.has(header)) claim(header, fieldForHeader(header, category));
  }
  return mapping;
}

export interface MappingIssue {
  path: '/mapping';
  code: 'required_column' | 'duplicate_field';
  field: ArrayField;
  /** With `required_column`: any one of these fields will do. */
  anyOf?: ArrayField[];
  /** With `duplicate_field`: the headers mapped to it. */
  columns?: string[];
}

const NAME_FIELDS: readonly ArrayField[] = ['surname', 'fullName', 'latinSurname', 'latinName'];

/**
 * The columns (or defaults) a category needs, each a list of alternatives: what the brief
 * requires of an array, and what the record schema cannot do without (a wanted person's warrant,
 * the date and place of a disappearance or discovery, a vehicle's make, a firearm's type).
 */
export const REQUIRED_FIELDS: Readonly<Record<Category, readonly (readonly ArrayField[])[]>> = {
  wanted_person: [['nationalRef'], NAME_FIELDS, ['article'], ['offence'], ['warrantIssuedBy'], ['warrantDate'], ['measure']],
  missing_person: [['nationalRef'], NAME_FIELDS, ['lastSeenOn'], ['lastSeenPlace']],
  unidentified_corpse: [['nationalRef'], ['foundOn'], ['foundPlace']],
  unidentified_person: [['nationalRef'], ['foundOn'], ['foundPlace'], ['currentLocation']],
  vehicle: [['nationalRef'], ['vin', 'plate', 'bodyNumber', 'engineNumber'], ['make', 'makeModel']],
  firearm: [['nationalRef'], ['serial'], ['firearmType'], ['firearmKind'], ['eventDate'], ['eventPlace']],
};

/**
 * What a mapping lacks to build records of a category: a required field with neither a column
 * nor a default (`defaults`, as `rowToRecord` takes them), and a field fed by two columns.
 *
 * @example validateMapping({ 'Имя': 'given' }, 'wanted_person')[0]
 * // { path: '/mapping', code: 'required_column', field: 'nationalRef' }
 */
export function validateMapping(mapping: ArrayMapping, category: Category, defaults: Partial<Record<ArrayField, string>> = {}): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const columns = new Map<ArrayField, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field !== undefined) columns.set(field, [...(columns.get(field) ?? []), header]);
  }
  const has = (field: ArrayField) => columns.has(field) || (defaults[field] ?? '').trim() !== '';
  for (const anyOf of REQUIRED_FIELDS[category]) {
    if (anyOf.some(has)) continue;
    const field = anyOf[0]!;
    issues.push(
      anyOf.length > 1
        ? { path: '/mapping', code: 'required_column', field, anyOf: [...anyOf] }
        : { path: '/mapping', code: 'required_column', field },
    );
  }
  for (const [field, headers] of columns) {
    if (headers.length > 1) issues.push({ path: '/mapping', code: 'duplicate_field', field, columns: headers });
  }
  return issues;
}
