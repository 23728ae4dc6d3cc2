import { describe, expect, it } from 'vitest';
import { parsePersonName } from './parse.ts';
import type { ParsedName } from './types.ts';

/** The raw parts, for order assertions. */
const roles = (name: ParsedName): { surname?: string; given?: string; patronymic?: string } => ({
  ...(name.surname && { surname: name.surname.raw }),
  ...(name.given && { given: name.given.raw }),
  ...(name.patronymic && { patronymic: name.patronymic.raw }),
});

describe('parsePersonName: free text in any order', () => {
  it.each([
    ['Иванов Иван Иванович', { surname: 'Иванов', given: 'Иван', patronymic: 'Иванович' }],
    ['Ivan Ivanovich Ivanov', { surname: 'Ivanov', given: 'Ivan', patronymic: 'Ivanovich' }],
    ['Иван Иванов', { surname: 'Иванов', given: 'Иван' }],
    ['Ivanov, Ivan Ivanovich', { surname: 'Ivanov', given: 'Ivan', patronymic: 'Ivanovich' }],
    ['Nazarbayev Nursultan Abishuly', { surname: 'Nazarbayev', given: 'Nursultan', patronymic: 'Abishuly' }],
    ['Нұрсұлтан Әбішұлы Назарбаев', { surname: 'Назарбаев', given: 'Нұрсұлтан', patronymic: 'Әбішұлы' }],
    ["Alisher Karimov Bahodir o'g'li", { surname: 'Karimov', given: 'Alisher', patronymic: "Bahodir o'g'li" }],
    ['Aliyev Elchin Vaqif oğlu', { surname: 'Aliyev', given: 'Elchin', patronymic: 'Vaqif oğlu' }],
    ['Mamadali uulu Bakyt', { given: 'Bakyt', patronymic: 'Mamadali uulu' }],
    ['Бакыт Мамадали уулу', { given: 'Бакыт', patronymic: 'Мамадали уулу' }],
    ['Marina Ivanova', { surname: 'Ivanova', given: 'Marina' }],
    ['Ivanova Marina Petrovna', { surname: 'Ivanova', given: 'Marina', patronymic: 'Petrovna' }],
    ['Shushkevich Stanislav Stanislavovich', { surname: 'Shushkevich', given: 'Stanislav', patronymic: 'Stanislavovich' }],
    ['Levon Ter-Petrosyan', { surname: 'Ter-Petrosyan', given: 'Levon' }],
    ['Ter Petrosyan Levon', { surname: 'Ter Petrosyan', given: 'Levon' }],
    ['Ion Ciobanu', { surname: 'Ciobanu', given: 'Ion' }],
    ['Раҳмон Эмомалӣ Шарифович', { surname: 'Раҳмон', given: 'Эмомалӣ', patronymic: 'Шарифович' }],
    ['Иванов', { surname: 'Иванов' }],
    ['Mamadali uulu', { patronymic: 'Mamadali uulu' }],
  ])('%s', (input, expected) => {
    expect(roles(parsePersonName(input))).toEqual(expected);
  });

  it('puts extra words of a long name into the given name', () => {
    expect(roles(parsePersonName('Anna Maria Ivanova Petrovna Extra'))).toEqual({
      surname: 'Ivanova',
      given: 'Anna Maria Extra',
      patronymic: 'Petrovna',
    });
  });

  it('returns an empty name for text without letters', () => {
    expect(parsePersonName('  ,. ')).toEqual({});
  });
});

describe('parsePersonName: structured input', () => {
  it('computes every form of each part', () => {
    const name = parsePersonName({ surname: ' Иванова ', given: 'Анна', patronymic: 'Сергеевна' });
    expect(name.surname).toEqual({
      raw: 'Иванова',
      normalized: 'иванова',
      romanized: 'ivanova',
      skeleton: 'ivanova',
      consonants: 'avnv',
      stem: 'ivan',
      masculine: 'ivanov',
    });
    expect(name.given).toMatchObject({ raw: 'Анна', romanized: 'anna', skeleton: 'ana', stem: 'ana' });
    expect(name.patronymic).toMatchObject({ romanized: 'sergeyevna', stem: 'serh' });
    expect(name.sex).toBe('female');
  });

  it('omits empty parts', () => {
    expect(parsePersonName({ surname: 'Ivanov', given: ' ', patronymic: '' })).toEqual({
      surname: expect.objectContaining({ raw: 'Ivanov' }),
      sex: 'male',
    });
  });

  it('concatenates the skeletons of a several-word part', () => {
    const name = parsePersonName({ surname: 'Ter-Petrosyan', given: 'Anna Maria' });
    expect(name.surname!.skeleton).toBe('terpetrosian');
    expect(name.given!.skeleton).toBe('anamaria');
    expect(name.given!.normalized).toBe('anna maria');
  });

  it('treats "X uulu" in the surname field as the patronymic it is', () => {
    const name = parsePersonName({ surname: 'Mamadali uulu', given: 'Bakyt' });
    expect(name.surname).toBeUndefined();
    expect(name.patronymic).toMatchObject({ raw: 'Mamadali uulu', stem: 'mamedal' });
  });

  it('reads the language from all parts and from the hint', () => {
    // oğlu marks the name Azerbaijani, so Vaqif's q is read as г
    expect(parsePersonName({ given: 'Elchin', patronymic: 'Vaqif oğlu' }).patronymic!.romanized).toBe('vagif oghlu');
    expect(parsePersonName({ surname: 'Ciobanu' }, { lang: 'ro' }).surname!.romanized).toBe('chobanu');
    expect(parsePersonName({ surname: 'Ciobanu' }).surname!.romanized).toBe('ciobanu');
  });
});

describe('parsePersonName: sex', () => {
  it.each([
    ['Иванов Иван Иванович', 'male'],
    ['Иванова Анна Ивановна', 'female'],
    ['Nazarbayeva Dariga Nursultanqyzy', 'female'],
    ['Aliyeva Leyla Ilham qızı', 'female'],
    ['Karimov Alisher', 'male'],
    ['Petrosyan Levon', undefined],
  ])('%s → %s', (input, sex) => {
    expect(parsePersonName(input).sex).toBe(sex);
  });
});
