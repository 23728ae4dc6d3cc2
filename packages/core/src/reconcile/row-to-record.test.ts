import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { recordTableRow } from '../domain/record-table.ts';
import { generateRecords } from '../generator/index.ts';
import type { PersonName } from '../schemas/person.ts';
import { type Category, RecordInput, type RecordView } from '../schemas/record.ts';
import { checkRecordRules } from '../validation/record-rules.ts';
import { type ArrayMapping, guessMapping } from './mapping.ts';
import { type RowContext, type RowResult, rowToRecord } from './row-to-record.ts';

const validator = Compile(RecordInput);
const TODAY = '2026-11-01';

const context = (category: Category, extra: Partial<RowContext> = {}): RowContext => ({
  category,
  legalBasis: 'Постановление об объявлении в розыск',
  actionOnHit: category === 'vehicle' || category === 'firearm' ? 'seize' : 'locate_and_inform',
  distribution: { kind: 'all' },
  ...extra,
});

/** A row through the guessed mapping of its own headers, as an upload would go. */
const convert = (cells: Record<string, string>, ctx: RowContext, mapping: ArrayMapping = guessMapping(Object.keys(cells), ctx.category)) =>
  rowToRecord(cells, mapping, ctx);

/** The record of a result, checked to pass the schema and the record rules. */
function recordOf(result: RowResult): RecordInput {
  if (!('record' in result)) throw new Error(`expected a record, got ${JSON.stringify(result.issues)}`);
  expect([...validator.Errors(result.record)]).toEqual([]);
  const { category, nationalRef: _ref, ...content } = result.record;
  expect(checkRecordRules(category, content, TODAY)).toEqual([]);
  return result.record;
}

const issuesOf = (result: RowResult) => {
  if (!('issues' in result)) throw new Error(`expected issues, got ${JSON.stringify(result.record)}`);
  return result.issues;
};

const WANTED_ROW = {
  'Номер дела': 'KZ-2024-00017',
  Фамилия: 'Сейткали',
  Имя: 'Нурлан',
  Отчество: 'Маратович',
  'Дата рождения': '14.03.1985',
  Пол: 'М',
  Гражданство: 'Казахстан',
  'Номер паспорта': 'N12345678',
  Статья: 'ст. 188 ч. 2 УК РК',
  Фабула: 'Кража в крупном размере',
  'Инициатор розыска': 'ДП г. Алматы',
  'Дата объявления в розыск': '2024-02-01',
  'Мера пресечения': 'арест',
};

describe('rowToRecord: persons', () => {
  it('a Kazakh wanted-person row builds a valid record with a Cyrillic primary name', () => {
    const record = recordOf(convert(WANTED_ROW, context('wanted_person', { country: 'KZ' })));
    expect(record).toMatchObject({
      category: 'wanted_person',
      nationalRef: 'KZ-2024-00017',
      legalBasis: 'Постановление об объявлении в розыск',
      person: {
        names: [{ kind: 'primary', script: 'Cyrl', surname: 'Сейткали', given: 'Нурлан', patronymic: 'Маратович' }],
        sex: 'male',
        birthDate: '1985-03-14',
        citizenships: ['KZ'],
        documents: [{ type: 'passport', number: 'N12345678', issuingState: 'KZ' }],
      },
      wanted: {
        offence: { article: 'ст. 188 ч. 2 УК РК', description: 'Кража в крупном размере' },
        warrant: { issuedBy: 'ДП г. Алматы', issuedOn: '2024-02-01' },
        measure: 'arrest',
      },
    });
  });

  it('a row with 31.02.1990 names the column and the value', () => {
    expect(issuesOf(convert({ ...WANTED_ROW, 'Дата рождения': '31.02.1990' }, context('wanted_person')))).toEqual([
      { column: 'Дата рождения', code: 'bad_date', value: '31.02.1990' },
    ]);
  });

  it('reads dates as dd.mm.yyyy, yyyy-mm-dd and dd/mm/yyyy, and a birth date known to the year or month', () => {
    const birth = (text: string) => recordOf(convert({ ...WANTED_ROW, 'Дата рождения': text }, context('wanted_person'))).person?.birthDate;
    expect(birth('01.02.1990')).toBe('1990-02-01');
    expect(birth('1990-02-01')).toBe('1990-02-01');
    expect(birth('01/02/1990')).toBe('1990-02-01');
    expect(birth('1.2.1990 г.')).toBe('1990-02-01');
    expect(birth('1990-02-01T00:00:00')).toBe('1990-02-01');
    expect(birth('02.1990')).toBe('1990-02');
    expect(birth('1990')).toBe('1990');
  });

  it('refuses a month or a year alone where the schema needs the day, and American month-first dates', () => {
    expect(issuesOf(convert({ ...WANTED_ROW, 'Дата объявления в розыск': '02.2024' }, context('wanted_person')))).toEqual([
      { column: 'Дата объявления в розыск', code: 'incomplete_date', value: '02.2024' },
    ]);
    expect(issuesOf(convert({ ...WANTED_ROW, 'Дата рождения': '12/31/1990' }, context('wanted_person')))).toEqual([
      { column: 'Дата рождения', code: 'bad_date', value: '12/31/1990' },
    ]);
    expect(issuesOf(convert({ ...WANTED_ROW, 'Дата рождения': '29.02.1985' }, context('wanted_person')))[0]?.code).toBe('bad_date');
  });

  it('a birth known between two years, as the bank exports it, is a birth date range', () => {
    const record = recordOf(convert({ ...WANTED_ROW, 'Дата рождения': '1980/1985' }, context('wanted_person')));
    expect(record.person?.birthDate).toBeUndefined();
    expect(record.person?.birthDateRange).toEqual({ from: '1980', to: '1985' });
  });

  it('reads sex from «М», «Ж», «муж», «жен», M, F, male and female; an empty cell is unknown; anything else is bad_sex', () => {
    const sex = (text: string) => recordOf(convert({ ...WANTED_ROW, Пол: text }, context('wanted_person'))).person?.sex;
    for (const text of ['М', 'м.', 'муж', 'Мужской', 'M', 'male', 'ер']) expect(sex(text), text).toBe('male');
    for (const text of ['Ж', 'жен.', 'женский', 'F', 'Female', 'әйел']) expect(sex(text), text).toBe('female');
    expect(sex('')).toBe('unknown');
    expect(sex('-')).toBe('unknown');
    expect(issuesOf(convert({ ...WANTED_ROW, Пол: 'мужч/жен' }, context('wanted_person')))).toEqual([
      { column: 'Пол', code: 'bad_sex', value: 'мужч/жен' },
    ]);
  });

  it('splits «ФИО» in Russian order, a Turkic patronymic of two words kept whole', () => {
    const { Фамилия: _s, Имя: _g, Отчество: _p, ...rest } = WANTED_ROW;
    const names = (full: string) => recordOf(convert({ ...rest, ФИО: full }, context('wanted_person'))).person?.names;
    expect(names('Иванов Иван Иванович')).toEqual([{ kind: 'primary', script: 'Cyrl', surname: 'Иванов', given: 'Иван', patronymic: 'Иванович' }]);
    expect(names('Мамедов Эльчин Тофик оглы')).toEqual([
      { kind: 'primary', script: 'Cyrl', surname: 'Мамедов', given: 'Эльчин', patronymic: 'Тофик оглы' },
    ]);
    expect(names('  Петрова   Анна ')).toEqual([{ kind: 'primary', script: 'Cyrl', surname: 'Петрова', given: 'Анна' }]);
  });

  it("detects a name's script: an Uzbek Latin array's names are Latin, an Armenian one's Armenian", () => {
    const names = (surname: string, given: string) =>
      recordOf(convert({ ...WANTED_ROW, Фамилия: surname, Имя: given, Отчество: '' }, context('wanted_person'))).person?.names?.[0];
    expect(names('Karimov', 'Oʻtkir')).toEqual({ kind: 'primary', script: 'Latn', surname: 'Karimov', given: 'Oʻtkir' });
    expect(names('Петросян', 'Арам')?.script).toBe('Cyrl');
    expect(names('Պետրոսյան', 'Արամ')?.script).toBe('Armn');
  });

  it('a Latin form of the name becomes a second, latin, name; Cyrillic there is refused', () => {
    const record = recordOf(convert({ ...WANTED_ROW, 'Фамилия (лат.)': 'SEITKALI', 'Имя (лат.)': 'NURLAN' }, context('wanted_person')));
    expect(record.person?.names?.[1]).toEqual({ kind: 'latin', script: 'Latn', surname: 'SEITKALI', given: 'NURLAN' });
    expect(issuesOf(convert({ ...WANTED_ROW, 'Фамилия (лат.)': 'СЕЙТКАЛИ' }, context('wanted_person')))).toEqual([
      { column: 'Фамилия (лат.)', code: 'not_latin', value: 'СЕЙТКАЛИ' },
    ]);
  });

  it('reads states from names, Soviet republics and ISO alpha-3 codes as the alpha-2 codes the schema takes', () => {
    const citizenships = (text: string) =>
      recordOf(convert({ ...WANTED_ROW, Гражданство: text }, context('wanted_person', { country: 'KZ' }))).person?.citizenships;
    expect(citizenships('Россия')).toEqual(['RU']);
    expect(citizenships('Республика Беларусь')).toEqual(['BY']);
    expect(citizenships('Узбекистан, Кыргызская Республика')).toEqual(['UZ', 'KG']);
    expect(citizenships('RUS; kaz')).toEqual(['RU', 'KZ']);
    expect(citizenships('РФ, Российская Федерация')).toEqual(['RU']);
    expect(citizenships('kz')).toEqual(['KZ']);
    expect(issuesOf(convert({ ...WANTED_ROW, Гражданство: 'Атлантида' }, context('wanted_person', { country: 'KZ' })))).toEqual([
      { column: 'Гражданство', code: 'bad_country', value: 'Атлантида' },
    ]);
  });

  it('a birth place in a Soviet republic names its state today; a place without a state is in the uploading state', () => {
    const record = recordOf(
      convert(
        { ...WANTED_ROW, 'Место рождения': 'г. Фрунзе, Киргизская ССР', Адрес: 'Алматинская обл., г. Талгар, ул. Абая 5' },
        context('wanted_person', { country: 'KZ' }),
      ),
    );
    expect(record.person?.birthPlace).toEqual({ country: 'KG', locality: 'г. Фрунзе' });
    expect(record.person?.lastKnownAddress).toEqual({ country: 'KZ', region: 'Алматинская обл.', locality: 'г. Талгар', address: 'ул. Абая 5' });
    expect(issuesOf(convert({ ...WANTED_ROW, 'Место рождения': 'г. Талгар' }, context('wanted_person')))).toEqual([
      { column: 'Место рождения', code: 'bad_country', value: 'г. Талгар' },
    ]);
  });

  it('omits empty and placeholder cells and trims the rest', () => {
    const record = recordOf(
      convert(
        { ...WANTED_ROW, Фамилия: '  Сейткали\u00a0 ', Отчество: '', Гражданство: 'н/д', 'Место рождения': ' — ', Рост: '  ' },
        context('wanted_person', { country: 'KZ' }),
      ),
    );
    expect(record.person?.names).toEqual([{ kind: 'primary', script: 'Cyrl', surname: 'Сейткали', given: 'Нурлан' }]);
    expect(record.person).not.toHaveProperty('citizenships');
    expect(record.person).not.toHaveProperty('birthPlace');
    expect(record.person).not.toHaveProperty('description');
  });

  it('a wanted row without a surname or the warrant says which columns are wanting', () => {
    const { 'Инициатор розыска': _by, ...rest } = WANTED_ROW;
    expect(issuesOf(convert({ ...rest, Фамилия: '', Имя: '' }, context('wanted_person')))).toEqual([
      { column: 'warrantIssuedBy', code: 'required' },
      { column: 'Фамилия', code: 'required' },
    ]);
  });

  it('a passport number keeps its series; the state comes from its column, the sole citizenship or the uploading state', () => {
    const documents = (row: Record<string, string>, country?: string) =>
      recordOf(convert({ ...WANTED_ROW, ...row }, context('wanted_person', country ? { country } : {}))).person?.documents;
    expect(documents({ 'Номер паспорта': 'MP 1234567', Гражданство: 'Беларусь' })).toEqual([
      { type: 'passport', number: 'MP 1234567', issuingState: 'BY' },
    ]);
    expect(documents({ 'Номер паспорта': '№ 1234567', Гражданство: 'RU, KZ', 'Государство выдачи': 'Россия' })).toEqual([
      { type: 'passport', number: '1234567', issuingState: 'RU' },
    ]);
    expect(
      documents({ 'Номер паспорта': '', 'Номер документа': '012345678', 'Тип документа': 'удостоверение личности', Гражданство: '' }, 'KZ'),
    ).toEqual([{ type: 'national_id', number: '012345678', issuingState: 'KZ' }]);
  });

  it('a value the schema cannot store is reported against its column', () => {
    expect(issuesOf(convert({ ...WANTED_ROW, Фамилия: 'Ж'.repeat(81) }, context('wanted_person')))).toEqual([
      { column: 'Фамилия', code: 'too_long', value: 'Ж'.repeat(81) },
    ]);
    expect(issuesOf(convert({ ...WANTED_ROW, 'Номер паспорта': 'N1234*5678' }, context('wanted_person')))).toEqual([
      { column: 'Номер паспорта', code: 'bad_characters', value: 'N1234*5678' },
    ]);
  });

  it('a missing person is last seen where and when the row says', () => {
    const record = recordOf(
      convert(
        {
          'Рег. номер': 'BY-77/2023',
          ФИО: 'Ковальчук Ольга Петровна',
          Пол: 'жен',
          'Д.р.': '05.05.1971',
          Рост: '165 см',
          'Дата исчезновения': '12.09.2023',
          'Место исчезновения': 'Минская обл., Борисов',
          Одежда: 'синяя куртка,\nчёрные брюки',
        },
        context('missing_person', { country: 'BY' }),
      ),
    );
    expect(record.person).toMatchObject({ sex: 'female', birthDate: '1971-05-05', description: { heightCm: 165 } });
    expect(record.missing).toEqual({
      lastSeenOn: '2023-09-12',
      lastSeenPlace: { country: 'BY', region: 'Минская обл.', locality: 'Борисов' },
      clothing: 'синяя куртка,\nчёрные брюки',
    });
  });

  it('an unidentified body carries a person section only when the row describes one', () => {
    const row = { 'Номер дела': 'RU-UC-1', 'Дата обнаружения': '03.04.2024', 'Место обнаружения': 'Россия, Тверская обл., д. Гнездово' };
    const bare = recordOf(convert(row, context('unidentified_corpse')));
    expect(bare).not.toHaveProperty('person');
    expect(bare.unidentifiedCorpse).toEqual({
      foundOn: '2024-04-03',
      foundPlace: { country: 'RU', region: 'Тверская обл.', locality: 'д. Гнездово' },
    });
    const described = recordOf(convert({ ...row, Пол: 'М', Возраст: '30-35 лет', Рост: '1,78' }, context('unidentified_corpse')));
    expect(described.person).toEqual({ sex: 'male', description: { heightCm: 178 } });
    expect(described.unidentifiedCorpse?.estimatedAge).toEqual({ min: 30, max: 35 });
  });

  it('an unidentified living person needs the institution that holds them', () => {
    const row = { ID: 'AM-UP-3', 'Дата обнаружения': '2024-01-10', 'Место обнаружения': 'Армения, Ереван', Местонахождение: 'Больница №1' };
    expect(recordOf(convert(row, context('unidentified_person'))).unidentifiedPerson?.currentLocation).toEqual({
      kind: 'other',
      name: 'Больница №1',
    });
    expect(issuesOf(convert({ ...row, Местонахождение: '' }, context('unidentified_person')))).toEqual([
      { column: 'Местонахождение', code: 'required' },
    ]);
  });
});

describe('rowToRecord: vehicles and firearms', () => {
  it('a vehicle array with «Госномер» and «VIN» builds a valid wanted-vehicle record', () => {
    const record = recordOf(
      convert(
        {
          'Номер дела': 'KZ-V-501',
          Госномер: '777 ABC 02',
          VIN: '1M8GDM9AXKP042788',
          Марка: 'Toyota',
          Модель: 'Camry',
          Цвет: 'белый',
          'Год выпуска': '2019',
          'Дата угона': '15.06.2024',
          'Место угона': 'г. Алматы',
        },
        context('vehicle', { country: 'KZ' }),
      ),
    );
    expect(record.vehicle).toEqual({
      vin: '1M8GDM9AXKP042788',
      plate: { number: '777 ABC 02', state: 'KZ' },
      make: 'Toyota',
      model: 'Camry',
      colour: 'белый',
      year: 2019,
      theft: { date: '2024-06-15', place: { country: 'KZ', locality: 'г. Алматы' } },
    });
    expect(record.actionOnHit).toBe('seize');
  });

  it('a plate needs its state: from its column, the bank’s «(RU)», or the uploading state', () => {
    const row = { 'Номер дела': 'V-1', Госномер: 'А123ВС77', Марка: 'ВАЗ' };
    expect(issuesOf(convert(row, context('vehicle')))).toEqual([{ column: 'plateState', code: 'required' }]);
    expect(recordOf(convert({ ...row, Госномер: 'А123ВС77 (RU)' }, context('vehicle'))).vehicle?.plate).toEqual({ number: 'А123ВС77', state: 'RU' });
    expect(recordOf(convert({ ...row, 'Страна регистрации': 'Россия' }, context('vehicle'))).vehicle?.plate).toEqual({
      number: 'А123ВС77',
      state: 'RU',
    });
  });

  it('a vehicle row with no identifier at all is refused', () => {
    expect(issuesOf(convert({ 'Номер дела': 'V-1', Госномер: '', VIN: '', Марка: 'ВАЗ' }, context('vehicle', { country: 'RU' })))).toEqual([
      { column: 'VIN', code: 'required' },
    ]);
  });

  it('a firearm array of one kind takes it as a default, and reads the weapon type from its words', () => {
    const row = {
      'Номер дела': 'UZ-F-9',
      'Серийный номер': 'ТК 1234; 56789',
      'Тип оружия': 'Пистолет Макарова',
      Калибр: '9 мм',
      'Дата утраты': '01.03.2022',
      'Место утраты': 'Ташкент',
    };
    const ctx = context('firearm', { country: 'UZ', defaults: { firearmKind: 'утрачено' } });
    expect(recordOf(convert(row, ctx)).firearm).toEqual({
      kind: 'lost_stolen',
      type: 'pistol',
      calibre: '9 мм',
      serials: ['ТК 1234', '56789'],
      eventDate: '2022-03-01',
      eventPlace: { country: 'UZ', locality: 'Ташкент' },
    });
    expect(recordOf(convert({ ...row, 'Тип оружия': 'Пистолет-пулемёт ППШ' }, ctx)).firearm?.type).toBe('submachine_gun');
    expect(recordOf(convert({ ...row, 'Тип оружия': 'Охотничье ружьё' }, ctx)).firearm?.type).toBe('shotgun');
    expect(issuesOf(convert({ ...row, 'Тип оружия': 'арбалет' }, ctx))).toEqual([{ column: 'Тип оружия', code: 'bad_value', value: 'арбалет' }]);
    expect(issuesOf(convert(row, context('firearm', { country: 'UZ' })))).toEqual([{ column: 'firearmKind', code: 'required' }]);
  });
});

describe('rowToRecord: the bank’s own export', () => {
  /** A generated record as the bank would show it, for `recordTableRow`. */
  const view = (record: RecordInput): RecordView => ({
    ...record,
    id: '00000000-0000-4000-8000-000000000001',
    owner: 'KZ-MVD',
    status: 'active',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    attachments: [],
  });

  it('an array exported by the bank maps back to the same fields', () => {
    const seen = new Set<string>();
    for (const generated of generateRecords({ seed: 7, count: 400 })) {
      const { owner: _o, truth: _t, corruptions: _c, ...record } = generated;
      if (record.category === 'wanted_person' || record.category === 'unidentified_person') continue;
      // The export has no column for an engine or body number: a vehicle known by one alone cannot come back.
      if (record.vehicle && !record.vehicle.vin && !record.vehicle.plate) continue;
      const row = recordTableRow(view(record));
      // The export has no firearm kind and type, nor a document's type: an operator gives them.
      const defaults = record.firearm ? { firearmKind: record.firearm.kind, firearmType: record.firearm.type } : {};
      const back = recordOf(convert(row, context(record.category, { defaults, legalBasis: 'x' })));
      seen.add(record.category);

      expect(back.nationalRef).toBe(record.nationalRef);
      expect(back.legalBasis).toBe(record.legalBasis);
      expect(back.actionOnHit).toBe(record.actionOnHit);
      const primary = record.person?.names?.find((n) => n.kind === 'primary') ?? record.person?.names?.[0];
      const parts = (n: PersonName | undefined) => [n?.surname, n?.given, n?.patronymic];
      if (primary) expect(parts(back.person?.names?.[0])).toEqual(parts(primary));
      const latin = record.person?.names?.find((n) => n.kind === 'latin');
      // The export joins the Latin name into one cell: its words come back, where one part ends cannot.
      const words = (n: PersonName | undefined) => parts(n).filter(Boolean).join(' ');
      if (latin) expect(words(back.person?.names?.find((n) => n.kind === 'latin'))).toBe(words(latin));
      if (record.person?.sex && back.person) expect(back.person.sex).toBe(record.person.sex);
      expect(back.person?.birthDate).toBe(record.person?.birthDate);
      expect(back.person?.citizenships).toEqual(record.person?.citizenships);
      expect(back.person?.documents?.map((d) => [d.issuingState, d.number])).toEqual(
        record.person?.documents?.map((d) => [d.issuingState, d.number]),
      );
      expect(back.vehicle?.vin).toBe(record.vehicle?.vin);
      expect(back.vehicle?.plate).toEqual(record.vehicle?.plate);
      expect(back.vehicle?.theft).toEqual(
        record.vehicle?.theft && { date: record.vehicle.theft.date, place: expect.objectContaining({ country: record.vehicle.theft.place.country }) },
      );
      expect([back.vehicle?.make, back.vehicle?.model].join(' ')).toBe([record.vehicle?.make, record.vehicle?.model].join(' '));
      expect(back.firearm?.serials).toEqual(record.firearm?.serials);
      expect(back.missing?.lastSeenOn).toBe(record.missing?.lastSeenOn);
      expect(back.missing?.lastSeenPlace.country).toBe(record.missing?.lastSeenPlace.country);
      expect(back.unidentifiedCorpse?.foundOn).toBe(record.unidentifiedCorpse?.foundOn);
    }
    expect([...seen].sort()).toEqual(['firearm', 'missing_person', 'unidentified_corpse', 'vehicle']);
  });

  it('undoes the apostrophe the bank’s CSV puts before a leading = + - @', () => {
    const record = recordOf(convert({ ...WANTED_ROW, Фабула: "'-Кража" }, context('wanted_person')));
    expect(record.wanted?.offence.description).toBe('-Кража');
  });

  it('says which top-level fields the row gave, so that a comparison leaves the context’s alone', () => {
    const result = convert(WANTED_ROW, context('wanted_person', { country: 'KZ' }));
    expect('record' in result && [...result.carried].sort()).toEqual(['category', 'nationalRef', 'person', 'wanted']);
    const withBasis = convert({ ...WANTED_ROW, Основание: 'Постановление № 5' }, context('wanted_person', { country: 'KZ' }));
    expect('record' in withBasis && withBasis.carried.has('legalBasis')).toBe(true);
  });

  it('the array’s status comes back beside the record; a row of another category is refused', () => {
    const result = convert({ ...WANTED_ROW, Статус: 'Разыскивается' }, context('wanted_person'));
    expect('record' in result && result.status).toBe('active');
    expect(issuesOf(convert({ ...WANTED_ROW, category: 'vehicle' }, context('wanted_person')))).toEqual([
      { column: 'category', code: 'wrong_category', value: 'vehicle' },
    ]);
  });
});
