import { describe, expect, it } from 'vitest';
import { compareNameParts, compareNames } from './compare.ts';
import { parsePersonName } from './parse.ts';

const surname = (s: string, lang?: string) => parsePersonName({ surname: s }, lang ? { lang } : undefined).surname!;

describe('compareNameParts: one level for each kind of difference', () => {
  it.each([
    ['Иванов', 'ИВАНОВ', 'exact'],
    ['Хрущёв', 'Хрущев', 'exact'], // ё written as е
    ['Ştefănescu', 'Stefanescu', 'exact'], // diacritics dropped (MRZ)
    ['Иванов', 'Ivanov', 'translit'],
    ['Иванов', 'Ivanoff', 'phonetic'],
    ['Иванова', 'Ivanov', 'gender_variant'],
    ['Раҳмонов', 'Rahmon', 'surname_change'],
    ['Urinboev', 'Ўринбоев', 'fuzzy'],
    ['Иванов', 'Ивонов', 'fuzzy'], // one letter
    ['Иванов', 'Петросян', 'different'],
  ] as const)('%s / %s → %s', (a, b, level) => {
    expect(compareNameParts(surname(a), surname(b), 'surname').level).toBe(level);
  });

  it.each([
    ['Bahodir oʻgʻli', 'Baxadıroviç'], // Uzbek o, Russian а
    ["Shohruh o'g'li", 'Шахрухович'],
    ['Հայկի', 'Айкович'], // Armenian genitive against the Russian form
  ])('a patronymic in another state’s form of the father’s name is close, not different: %s ~ %s', (a, b) => {
    const parsed = (text: string) => parsePersonName({ surname: 'X', given: 'Y', patronymic: text }).patronymic!;
    expect(compareNameParts(parsed(a), parsed(b), 'patronymic').level).toBe('fuzzy');
  });

  it.each([
    ['Petrovich', 'Pavlovich'],
    ['Vladimirovich', 'Vadimovich'],
    ['Denisovich', 'Danilovich'],
  ])('patronymics of two fathers stay different: %s ~ %s', (a, b) => {
    const parsed = (text: string) => parsePersonName({ surname: 'X', given: 'Y', patronymic: text }).patronymic!;
    expect(compareNameParts(parsed(a), parsed(b), 'patronymic').level).toBe('different');
  });

  it('compares a patronymic by its father-name stem', () => {
    const a = parsePersonName({ patronymic: 'Abishuly' }).patronymic!;
    const b = parsePersonName({ patronymic: 'Абишевич' }).patronymic!;
    expect(compareNameParts(a, b, 'patronymic').level).toBe('phonetic');
  });

  it('has no gender or surname-change level for given names', () => {
    const a = parsePersonName({ given: 'Александр' }).given!;
    const b = parsePersonName({ given: 'Aleksandra' }).given!;
    expect(compareNameParts(a, b, 'given').level).toBe('fuzzy');
  });

  it('reports the skeleton Jaro–Winkler as similarity', () => {
    const c = compareNameParts(surname('Иванов'), surname('Ivanov'), 'surname');
    expect(c.similarity).toBe(1);
    const d = compareNameParts(surname('Ivanov'), surname('Ivanenko'), 'surname');
    expect(d.similarity).toBeGreaterThan(0.8);
    expect(d.similarity).toBeLessThan(1);
  });

  it('ignores spaces and hyphens at the exact and translit levels', () => {
    expect(compareNameParts(surname('Ter-Petrosyan'), surname('Ter Petrosyan'), 'surname').level).toBe('exact');
    expect(compareNameParts(surname('Тер-Петросян'), surname('Terpetrosyan'), 'surname').level).toBe('translit');
  });
});

describe('compareNames', () => {
  it('is the worst level over the parts present in both names', () => {
    const c = compareNames(parsePersonName('Иванова Анна Сергеевна'), parsePersonName('Ivanov Anna'));
    expect(c.level).toBe('gender_variant');
    expect(c.parts).toEqual({
      surname: expect.objectContaining({ level: 'gender_variant' }),
      given: expect.objectContaining({ level: 'translit' }),
    });
  });

  it('reads the same person written in different orders and scripts', () => {
    const a = parsePersonName('Нұрсұлтан Әбішұлы Назарбаев');
    const b = parsePersonName('Nazarbayev Nursultan Abishevich');
    const c = compareNames(a, b);
    expect(c.level).toBe('phonetic');
    expect(c.parts.patronymic!.level).toBe('phonetic');
    expect(c.similarity).toBeGreaterThan(0.9);
  });

  it('calls an Azerbaijani name and its Russian form a phonetic match', () => {
    const c = compareNames(parsePersonName('Aliyev Elchin Vaqif oğlu'), parsePersonName('Алиев Эльчин Вагиф оглы'));
    expect(c.level).toBe('phonetic');
    expect(c.parts.surname!.level).toBe('translit');
    expect(c.parts.given!.level).toBe('translit');
  });

  it('recognises surname and given name recorded the other way round', () => {
    const a = parsePersonName({ surname: 'Alisher', given: 'Karimov' });
    const b = parsePersonName({ surname: 'Каримов', given: 'Алишер' });
    expect(compareNames(a, b)).toMatchObject({ level: 'swapped', similarity: 1 });
  });

  it('does not call two different people swapped', () => {
    const c = compareNames(parsePersonName('Ivanov Ivan'), parsePersonName('Petrov Petr'));
    expect(c.level).toBe('different');
  });

  it('is different with similarity 0 when the names share no part', () => {
    expect(compareNames(parsePersonName({ surname: 'Ivanov' }), parsePersonName({ given: 'Ivan' }))).toEqual({
      level: 'different',
      similarity: 0,
      parts: {},
    });
  });

  it('weights the parts surname 0.5, given 0.35, patronymic 0.15', () => {
    const a = parsePersonName({ surname: 'Ivanov', given: 'Ivan', patronymic: 'Petrovich' });
    const b = parsePersonName({ surname: 'Ivanov', given: 'Ivan', patronymic: 'Sergeyevich' });
    const c = compareNames(a, b);
    expect(c.level).toBe('different');
    expect(c.similarity).toBeCloseTo(0.85 + 0.15 * c.parts.patronymic!.similarity, 10);
  });
});
