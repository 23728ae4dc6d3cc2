import { describe, expect, it } from 'vitest';
import { nameKeys } from './keys.ts';
import { parsePersonName } from './parse.ts';

const keys = (input: Parameters<typeof parsePersonName>[0]) => nameKeys(parsePersonName(input));
const shared = (a: Parameters<typeof parsePersonName>[0], b: Parameters<typeof parsePersonName>[0]) => {
  const kb = new Set(keys(b));
  return keys(a).filter((k) => kb.has(k));
};

describe('nameKeys', () => {
  it('makes the documented keys', () => {
    expect(keys('Иванов Иван Иванович')).toEqual(['sg:ivan.i', 'gp:ivan.ivan', 't:ivan.ivan', 'c:avn.a']);
    expect(keys({ surname: 'Ivanov' })).toEqual(['s:ivan', 'c:avn']);
    expect(keys({ given: 'Ivan' })).toEqual(['g:ivan']);
    expect(keys({})).toEqual([]);
  });

  it('makes at most six short ASCII keys without duplicates', () => {
    for (const input of [
      'Иванов Иван Иванович',
      'Нұрсұлтан Әбішұлы Назарбаев',
      'Aliyev Elchin Vaqif oğlu',
      'Mamadali uulu Bakyt',
      'Հովհաննիսյան Հովհաննես',
      { surname: 'Константинопольская-Преображенская', given: 'Александра-Елизавета', patronymic: 'Константиновна' },
    ]) {
      const k = keys(input);
      expect(k.length).toBeGreaterThan(0);
      expect(k.length).toBeLessThanOrEqual(6);
      expect(new Set(k).size).toBe(k.length);
      for (const key of k) {
        expect(key).toMatch(/^[a-z]{1,2}:[a-z.]+$/);
        expect(key.length).toBeLessThanOrEqual(3 + 20 + 1 + 20);
      }
    }
  });

  it('is stable: the same name gives the same keys, whatever the script and order', () => {
    expect(keys('Ivan Ivanovich Ivanov')).toEqual(keys('Иванов Иван Иванович'));
    expect(keys({ surname: 'Иванов', given: 'Иван' })).toEqual(keys('Ivanov, Ivan'));
  });

  it('links a surname change by marriage through given name and patronymic', () => {
    expect(shared('Иванова Анна Сергеевна', 'Петрова Анна Сергеевна')).toEqual(['gp:ana.serh']);
  });

  it('links Kyrgyz "X uulu" with the Soviet-era surname made from the same father', () => {
    expect(shared('Mamadali uulu Bakyt', 'Mamadaliev Bakyt')).toEqual(expect.arrayContaining(['sg:mamedal.b']));
  });

  it('links surname and given name recorded the other way round', () => {
    expect(shared({ surname: 'Alisher', given: 'Karimov' }, { surname: 'Karimov', given: 'Alisher' })).toEqual(['t:alixer.karim']);
  });

  it('keeps different surnames apart', () => {
    expect(shared('Иванов Иван', 'Петров Иван')).toEqual([]);
    expect(shared('Алиев Эльчин', 'Алимов Эльчин')).toEqual([]);
  });
});
