/** Names as forms receive them: in one field, with surnames that end like patronymics, double. */
import { describe, expect, it } from 'vitest';
import { checkSufficiency } from '../check.ts';
import { compareNames } from './compare.ts';
import { nameKeys } from './keys.ts';
import { parsePersonName } from './parse.ts';
import type { PersonNameInput } from './types.ts';

const sharesKey = (a: PersonNameInput, b: PersonNameInput) => {
  const kb = new Set(nameKeys(parsePersonName(b)));
  return nameKeys(parsePersonName(a)).some((k) => kb.has(k));
};

describe('surnames that end like patronymics', () => {
  it('Лукашевич, Карпович, Dashkevich before a given name are surnames', () => {
    for (const [text, surname] of [
      ['Лукашевич Александр', 'Лукашевич'],
      ['Карпович Иван', 'Карпович'],
      ['Dashkevich Pavel', 'Dashkevich'],
      ['Карпович Иван Петрович', 'Карпович'],
    ] as const) {
      const name = parsePersonName(text);
      expect(name.surname?.raw, text).toBe(surname);
      expect(name.patronymic?.raw, text).not.toBe(surname);
    }
  });

  it('a patronymic after a given name stays a patronymic', () => {
    expect(parsePersonName('Александр Сергеевич').patronymic?.raw).toBe('Сергеевич');
    expect(parsePersonName('Иванова Анна Сергеевна').patronymic?.raw).toBe('Сергеевна');
  });

  it('a check by such a surname and a given name, typed in the surname field, is enough to run', () => {
    expect(checkSufficiency({ person: { surname: 'Лукашевич Александр' } })).toEqual([]);
    expect(checkSufficiency({ person: { surname: 'Dashkevich', given: 'Pavel' } })).toEqual([]);
    expect(checkSufficiency({ person: { surname: 'Лукашевич' } })).not.toEqual([]);
  });
});

describe('a whole name typed into one field', () => {
  it('is split into its parts as a document’s name line would be', () => {
    const name = parsePersonName({ surname: 'Иванов Иван Иванович' });
    expect([name.surname?.raw, name.given?.raw, name.patronymic?.raw]).toEqual(['Иванов', 'Иван', 'Иванович']);
    expect(compareNames(name, parsePersonName({ surname: 'Ivanov', given: 'Ivan', patronymic: 'Ivanovich' })).level).toBe('translit');
  });

  it('one surname of two words or a Turkic patronymic in the surname field is not split', () => {
    expect(parsePersonName({ surname: 'Ter Petrosyan', given: 'Levon' }).surname?.raw).toBe('Ter Petrosyan');
    expect(parsePersonName({ surname: 'Mamadali uulu', given: 'Bakyt' }).patronymic?.raw).toBe('Mamadali uulu');
  });
});

describe('double surnames and two given names', () => {
  it('a double surname meets either half, in either gender', () => {
    const double = { surname: 'Петрова-Водкина', given: 'Анна' };
    expect(compareNames(parsePersonName(double), parsePersonName({ surname: 'Петрова', given: 'Анна' })).parts.surname?.level).toBe('surname_change');
    expect(compareNames(parsePersonName(double), parsePersonName({ surname: 'Vodkin', given: 'Anna' })).parts.surname?.level).toBe('surname_change');
    expect(sharesKey(double, { surname: 'Vodkina', given: 'Anna' })).toBe(true);
    expect(sharesKey({ surname: 'Ter-Petrosyan', given: 'Levon' }, { surname: 'Petrosyan', given: 'Levon' })).toBe(true);
  });

  it('two given names meet the one of them a document wrote', () => {
    const two = parsePersonName({ surname: 'Munteanu', given: 'Ion Vasile' });
    expect(compareNames(two, parsePersonName({ surname: 'Мунтяну', given: 'Ион' })).parts.given?.level).toBe('phonetic');
    expect(sharesKey({ surname: 'Munteanu', given: 'Ion Vasile' }, { surname: 'Munteanu', given: 'Ion' })).toBe(true);
  });

  it('different people with one shared word are not made one', () => {
    const c = compareNames(parsePersonName({ surname: 'Петров', given: 'Анна' }), parsePersonName({ surname: 'Водкин', given: 'Анна' }));
    expect(c.parts.surname?.level).toBe('different');
  });
});

describe('surname and given name written in each other’s field', () => {
  it('are recognised even when one of them is also spelt another way', () => {
    const a = parsePersonName({ surname: 'Babayeva', given: 'Nigar' });
    const b = parsePersonName({ surname: 'Нигяр', given: 'Бабаева' });
    expect(compareNames(a, b).level).toBe('swapped');
  });

  it('two different people whose names merely share stems are not taken for a swap', () => {
    const a = parsePersonName({ surname: 'Петров', given: 'Иван' });
    const b = parsePersonName({ surname: 'Иванов', given: 'Пётр' });
    expect(compareNames(a, b).level).not.toBe('swapped');
  });
});
