import { describe, expect, it } from 'vitest';
import type { RecordView } from '../domain.ts';
import { createI18n } from '../i18n/index.ts';
import { formatPartialDate, formatTimestamp } from './dates.ts';
import { displayNames, fullName } from './names.ts';
import { countryName, formatPlace } from './place.ts';
import { summarizeRecord } from './summary.ts';

describe('dates', () => {
  it('never invents a day for a partial date', () => {
    expect(formatPartialDate('1989', 'ru')).toBe('1989');
    expect(formatPartialDate('1989-04', 'ru')).toBe('04.1989');
    expect(formatPartialDate('1989-04', 'en')).toBe('Apr 1989');
    expect(formatPartialDate('2025-03-12', 'ru')).toBe('12.03.2025');
    expect(formatPartialDate('2025-03-12', 'en')).toBe('12 Mar 2025');
    expect(formatPartialDate('sometime', 'en')).toBe('sometime');
  });

  it('shows a moment to the minute', () => {
    expect(formatTimestamp('not a date', 'ru')).toBe('not a date');
    expect(formatTimestamp('2025-03-12T10:20:00Z', 'ru')).toMatch(/^12\.03\.2025, \d{2}:\d{2}$/);
  });
});

describe('places', () => {
  it('names states in the interface language', () => {
    expect(countryName('KZ', 'ru')).toBe('Казахстан');
    expect(countryName('KZ', 'en')).toBe('Kazakhstan');
    expect(formatPlace({ country: 'TJ', locality: 'Душанбе', address: 'ул. Рудаки, 1' }, 'en')).toBe('ул. Рудаки, 1, Душанбе, Tajikistan');
  });
});

describe('names', () => {
  const primary = { kind: 'primary', script: 'Cyrl', surname: 'Рахмонов', given: 'Фаррух', patronymic: 'Исмоилович' } as const;
  const latin = { kind: 'latin', script: 'Latn', surname: 'Rakhmonov', given: 'Farrukh' } as const;

  it('takes the primary name in its script and the Latin form', () => {
    expect(fullName(primary)).toBe('Рахмонов Фаррух Исмоилович');
    expect(displayNames([latin, primary])).toEqual({ original: 'Рахмонов Фаррух Исмоилович', latin: 'Rakhmonov Farrukh' });
  });

  it('does not repeat a primary name already written in Latin', () => {
    const uzbek = { kind: 'primary', script: 'Latn', surname: 'Xoʻjayev', given: 'Sardor' } as const;
    expect(displayNames([uzbek])).toEqual({ original: 'Xoʻjayev Sardor' });
    expect(displayNames(undefined)).toEqual({});
  });
});

describe('summarizeRecord', () => {
  const base = {
    id: '0d9c7a2e-4f1b-4a7e-9a51-6b0f1f2d3c4e',
    owner: 'RU-MVD',
    nationalRef: 'RU-1',
    status: 'active',
    version: 1,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    attachments: [],
    legalBasis: 'x',
    actionOnHit: 'seize',
    distribution: { kind: 'all' },
  } satisfies Partial<RecordView>;

  it('describes vehicles, firearms and unidentified persons by what identifies them', async () => {
    const i18n = await createI18n();
    await i18n.changeLanguage('ru');
    const vehicle: RecordView = {
      ...base,
      category: 'vehicle',
      vehicle: { vin: 'XTA210990Y2765432', plate: { number: 'А123ВС77', state: 'RU' }, make: 'ВАЗ', model: '21099', year: 2000 },
    };
    expect(summarizeRecord(vehicle, i18n.t, 'ru')).toEqual({
      primary: 'XTA210990Y2765432 · А123ВС77 (RU)',
      secondary: 'ВАЗ 21099, 2000',
      identifier: true,
    });

    const firearm: RecordView = {
      ...base,
      category: 'firearm',
      firearm: {
        kind: 'found_seized',
        type: 'pistol',
        make: 'ИЖМЕХ',
        model: 'ПМ',
        serials: ['ТА 1234', 'A77'],
        eventDate: '2025-02-01',
        eventPlace: { country: 'RU' },
      },
    };
    expect(summarizeRecord(firearm, i18n.t, 'ru')).toMatchObject({ primary: '№ ТА 1234 · № A77', secondary: 'Пистолет, ИЖМЕХ ПМ' });

    const corpse: RecordView = {
      ...base,
      category: 'unidentified_corpse',
      person: { sex: 'male' },
      unidentifiedCorpse: { foundOn: '2025-04-03', foundPlace: { country: 'KG', locality: 'Ош' }, estimatedAge: { min: 30, max: 40 } },
    };
    await i18n.changeLanguage('en');
    expect(summarizeRecord(corpse, i18n.t, 'en')).toEqual({
      primary: 'Male, 30–40 years',
      secondary: '3 Apr 2025 · Ош, Kyrgyzstan',
      identifier: false,
    });
  });
});
