import { describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../domain/record-table.ts';
import { CATEGORIES } from '../schemas/record.ts';
import { ARRAY_FIELDS, FIELD_HEADERS, fieldForHeader, guessMapping, headerKey, validateMapping } from './mapping.ts';

describe('guessMapping', () => {
  it('«Фамилия», «Имя», «Дата рождения» headers of a Kazakh array map to surname, given name and birth date', () => {
    expect(guessMapping(['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Тегі', 'Аты', 'Туған күні'], 'wanted_person')).toEqual({
      Фамилия: 'surname',
      Имя: 'given',
      Отчество: 'patronymic',
      'Дата рождения': 'birthDate',
      // the Kazakh headers of the same fields come second and are left out
      Тегі: undefined,
      Аты: undefined,
      'Туған күні': undefined,
    });
    expect(guessMapping(['Тегі', 'Аты', 'Әкесінің аты', 'Туған күні'], 'missing_person')).toEqual({
      Тегі: 'surname',
      Аты: 'given',
      'Әкесінің аты': 'patronymic',
      'Туған күні': 'birthDate',
    });
  });

  it('reads headers whatever their case, punctuation, spacing or ё', () => {
    const mapping = guessMapping(['Д.р.', 'ГОС. НОМЕР', 'рег.знак', ' Номер  дела ', 'Дата рождения (дд.мм.гггг)', 'Рост (см)'], 'missing_person');
    expect(mapping['Д.р.']).toBe('birthDate');
    expect(mapping[' Номер  дела ']).toBe('nationalRef');
    expect(mapping['Дата рождения (дд.мм.гггг)']).toBeUndefined(); // birthDate already taken by «Д.р.»
    expect(mapping['Рост (см)']).toBe('heightCm');
    expect(headerKey('Гос. номер')).toBe(headerKey('Госномер'));
    expect(headerKey('Отчёт')).toBe(headerKey('отчет'));
    expect(fieldForHeader('1. Фамилия', 'wanted_person')).toBe('surname');
  });

  it('a full name in one column («ФИО») maps to fullName, and its Latin form to latinName', () => {
    expect(guessMapping(['ФИО', 'Ф.И.О. (лат.)', 'Д/р'], 'wanted_person')).toEqual({
      ФИО: 'fullName',
      'Ф.И.О. (лат.)': 'latinName',
      'Д/р': 'birthDate',
    });
    expect(guessMapping(['Фамилия (лат.)', 'Фамилия'], 'wanted_person')).toEqual({ 'Фамилия (лат.)': 'latinSurname', Фамилия: 'surname' });
  });

  it('English headers map like the Russian ones', () => {
    expect(
      guessMapping(['Last name', 'First name', 'Middle name', 'DOB', 'Place of birth', 'Nationality', 'Passport No', 'Sex'], 'wanted_person'),
    ).toEqual({
      'Last name': 'surname',
      'First name': 'given',
      'Middle name': 'patronymic',
      DOB: 'birthDate',
      'Place of birth': 'birthPlace',
      Nationality: 'citizenship',
      'Passport No': 'passportNumber',
      Sex: 'sex',
    });
    expect(guessMapping(['Plate', 'Registration', 'Make', 'Model', 'Color', 'VIN'], 'vehicle')).toEqual({
      Plate: 'plate',
      Registration: undefined,
      Make: 'make',
      Model: 'model',
      Color: 'colour',
      VIN: 'vin',
    });
    expect(guessMapping(['Serial number', 'Caliber', 'Weapon type'], 'firearm')).toEqual({
      'Serial number': 'serial',
      Caliber: 'calibre',
      'Weapon type': 'firearmType',
    });
  });

  it('the state languages of the members name surname, given name and birth date', () => {
    const cases: [string[], string[]][] = [
      [
        ['Прізвище', "Ім'я", 'По батькові', 'Дата народження'],
        ['surname', 'given', 'patronymic', 'birthDate'],
      ],
      [
        ['Прозвішча', 'Імя', 'Імя па бацьку', 'Дата нараджэння'],
        ['surname', 'given', 'patronymic', 'birthDate'],
      ],
      [
        ['Familiya', 'Ismi', 'Otasining ismi', 'Tugʻilgan sana'],
        ['surname', 'given', 'patronymic', 'birthDate'],
      ],
      [
        ['Ազգանուն', 'Անուն', 'Հայրանուն', 'Ծննդյան ամսաթիվ'],
        ['surname', 'given', 'patronymic', 'birthDate'],
      ],
      [
        ['Soyadı', 'Adı', 'Atasının adı', 'Doğum tarixi'],
        ['surname', 'given', 'patronymic', 'birthDate'],
      ],
      [
        ['Фамилиясы', 'Аты', 'Атасынын аты', 'Туулган күнү'],
        ['surname', 'given', 'patronymic', 'birthDate'],
      ],
      [
        ['Насаб', 'Ном', 'Номи падар', 'Санаи таваллуд'],
        ['surname', 'given', 'patronymic', 'birthDate'],
      ],
      [
        ['Nume', 'Prenume', 'Data nașterii', 'Data naşterii'],
        ['surname', 'given', 'birthDate', 'birthDate'],
      ],
    ];
    for (const [headers, fields] of cases) {
      expect(headers.map((h) => fieldForHeader(h, 'missing_person'))).toEqual(fields);
    }
  });

  it('vehicle headers «Госномер», «Гос. номер», «Рег. знак», «Марка», «Год выпуска» map to plate, make and year', () => {
    for (const header of ['Госномер', 'Гос. номер', 'Рег. знак', 'ГРЗ', 'Государственный регистрационный знак']) {
      expect(fieldForHeader(header, 'vehicle')).toBe('plate');
    }
    expect(guessMapping(['Марка', 'Модель', 'Цвет', 'Год выпуска', 'Дата угона'], 'vehicle')).toEqual({
      Марка: 'make',
      Модель: 'model',
      Цвет: 'colour',
      'Год выпуска': 'year',
      'Дата угона': 'theftDate',
    });
  });

  it('firearm headers «Серийный номер», «Заводской номер», «Калибр», «Тип оружия» map to serial, calibre and type', () => {
    expect(guessMapping(['Заводской номер', 'Серийный номер', 'Калибр', 'Тип оружия', 'Дата утраты'], 'firearm')).toEqual({
      'Заводской номер': 'serial',
      'Серийный номер': undefined,
      Калибр: 'calibre',
      'Тип оружия': 'firearmType',
      'Дата утраты': 'eventDate',
    });
  });

  it('«Номер дела», «Рег. номер» and «ID» name the national reference, «Основание» the legal basis', () => {
    for (const header of ['Номер дела', 'Рег. номер', 'ID'])
      expect(guessMapping([header, 'Основание'], 'vehicle')).toEqual({ [header]: 'nationalRef', Основание: 'legalBasis' });
  });

  it('a header is mapped only within its category: «Дата исчезновения» is no field of a vehicle', () => {
    expect(fieldForHeader('Дата исчезновения', 'missing_person')).toBe('lastSeenOn');
    expect(fieldForHeader('Дата исчезновения', 'vehicle')).toBeUndefined();
    expect(fieldForHeader('Дата обнаружения', 'unidentified_corpse')).toBe('foundOn');
    expect(fieldForHeader('Место обнаружения', 'unidentified_person')).toBe('foundPlace');
  });

  it('an array exported by the bank maps back to the same fields', () => {
    const expected: Record<string, Record<string, string | undefined>> = {
      wanted_person: { eventDate: 'warrantDate', eventPlace: undefined, vin: undefined, plate: undefined, makeModel: undefined, serials: undefined },
      missing_person: { eventDate: 'lastSeenOn', eventPlace: 'lastSeenPlace' },
      vehicle: { eventDate: 'theftDate', eventPlace: 'theftPlace', vin: 'vin', plate: 'plate', makeModel: 'makeModel', surname: undefined },
      firearm: { eventDate: 'eventDate', eventPlace: 'eventPlace', serials: 'serial', makeModel: 'makeModel' },
    };
    for (const [category, special] of Object.entries(expected)) {
      const mapping = guessMapping([...RECORD_COLUMNS], category as 'vehicle');
      // The bank's own id, owner and time of change are not the state's to send.
      expect(mapping.id).toBeUndefined();
      expect(mapping.owner).toBeUndefined();
      expect(mapping.updatedAt).toBeUndefined();
      expect(mapping.nationalRef).toBe('nationalRef');
      expect(mapping.legalBasis).toBe('legalBasis');
      expect(mapping.status).toBe('status');
      for (const [column, field] of Object.entries(special)) expect(mapping[column], column).toBe(field);
    }
    const person = guessMapping([...RECORD_COLUMNS], 'wanted_person');
    expect([
      person.surname,
      person.given,
      person.patronymic,
      person.latinName,
      person.sex,
      person.birthDate,
      person.citizenships,
      person.documents,
    ]).toEqual(['surname', 'given', 'patronymic', 'latinName', 'sex', 'birthDate', 'citizenship', 'documents']);
  });

  it('never maps two headers to one field', () => {
    const headers = ['Фамилия', 'Surname', 'ФИО', 'Госномер', 'Plate', 'Марка', 'Make', 'ID', 'nationalRef', 'Номер дела'];
    for (const category of CATEGORIES) {
      const fields = Object.values(guessMapping(headers, category)).filter(Boolean);
      expect(new Set(fields).size).toBe(fields.length);
    }
    expect(guessMapping(['ID', 'nationalRef'], 'vehicle')).toEqual({ ID: undefined, nationalRef: 'nationalRef' });
  });

  it('maps to nothing a header it does not know, or one too vague to guess («Номер», «Дата», «Name»)', () => {
    expect(guessMapping(['Номер', 'Дата', 'Name', 'Колонка 7'], 'wanted_person')).toEqual({
      Номер: undefined,
      Дата: undefined,
      Name: undefined,
      'Колонка 7': undefined,
    });
  });

  it('no header of the catalogue names two fields of one category', () => {
    for (const category of CATEGORIES) {
      for (const field of ARRAY_FIELDS[category]) {
        for (const header of [field, ...FIELD_HEADERS[field]]) expect(fieldForHeader(header, category), `${category}: ${header}`).toBe(field);
      }
    }
  });
});

describe('validateMapping', () => {
  it('asks for the national reference in every category', () => {
    for (const category of CATEGORIES) {
      expect(validateMapping({}, category)).toContainEqual({ path: '/mapping', code: 'required_column', field: 'nationalRef' });
    }
  });

  it('a wanted or missing array needs a surname or a full name; an unidentified one does not', () => {
    const issue = { path: '/mapping', code: 'required_column', field: 'surname', anyOf: ['surname', 'fullName', 'latinSurname', 'latinName'] };
    expect(validateMapping({ Имя: 'given' }, 'missing_person')).toContainEqual(issue);
    expect(validateMapping({ ФИО: 'fullName' }, 'missing_person')).not.toContainEqual(issue);
    expect(validateMapping({}, 'unidentified_corpse').map((i) => i.field)).toEqual(['nationalRef', 'foundOn', 'foundPlace']);
  });

  it('a vehicle array needs a VIN or a plate, a firearm array a serial', () => {
    expect(validateMapping({ Ref: 'nationalRef', Марка: 'make' }, 'vehicle')).toEqual([
      { path: '/mapping', code: 'required_column', field: 'vin', anyOf: ['vin', 'plate', 'bodyNumber', 'engineNumber'] },
    ]);
    expect(validateMapping({ Ref: 'nationalRef', Госномер: 'plate', Марка: 'make' }, 'vehicle')).toEqual([]);
    expect(validateMapping({ Ref: 'nationalRef' }, 'firearm').map((i) => i.field)).toContain('serial');
  });

  it('a default stands for a column the array does not have', () => {
    const mapping = { Ref: 'nationalRef', 'Серийный номер': 'serial', Тип: 'firearmType', Дата: 'eventDate', Место: 'eventPlace' } as const;
    expect(validateMapping(mapping, 'firearm')).toEqual([{ path: '/mapping', code: 'required_column', field: 'firearmKind' }]);
    expect(validateMapping(mapping, 'firearm', { firearmKind: 'lost_stolen' })).toEqual([]);
  });

  it('names a field two columns were mapped to', () => {
    expect(validateMapping({ Ref: 'nationalRef', Госномер: 'plate', Номер: 'plate', Марка: 'make' }, 'vehicle')).toEqual([
      { path: '/mapping', code: 'duplicate_field', field: 'plate', columns: ['Госномер', 'Номер'] },
    ]);
  });

  it('every required field is one the category can map', () => {
    for (const category of CATEGORIES) {
      for (const issue of validateMapping({}, category)) {
        for (const field of issue.anyOf ?? [issue.field]) expect(ARRAY_FIELDS[category]).toContain(field);
      }
    }
  });
});
