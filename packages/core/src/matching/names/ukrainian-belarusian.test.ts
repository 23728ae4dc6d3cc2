/**
 * Ukrainian and Belarusian names (і ї є ґ ў ʼ, дз, ці, akanye) against their Russian forms and
 * the Russian-based Latin spellings of those forms, and the reverse: real published pairs.
 */
import { describe, expect, it } from 'vitest';
import { compareNameParts } from './compare.ts';
import { nameKeys } from './keys.ts';
import { parsePersonName } from './parse.ts';
import type { NameLevel } from './types.ts';

type Kind = 'surname' | 'given' | 'patronymic';
const AGREE: readonly NameLevel[] = ['exact', 'translit', 'phonetic', 'gender_variant', 'surname_change'];

function part(kind: Kind, text: string, lang?: string) {
  const input = kind === 'given' ? { surname: 'Шевчук', given: text } : { [kind]: text, given: 'Іван' };
  const parsed = parsePersonName(input, lang ? { lang } : undefined);
  return { parsed, part: parsed[kind]! };
}

/** Both spellings name the same part of one person's name: phonetic agreement or better. */
function expectAgree(kind: Kind, a: string, b: string, langA?: string, langB?: string): void {
  const x = part(kind, a, langA).part;
  const y = part(kind, b, langB).part;
  const level = compareNameParts(x, y, kind).level;
  expect(AGREE, `${a} / ${b}: ${x.skeleton} / ${y.skeleton} → ${level}`).toContain(level);
}

describe('a Ukrainian given name finds its Russian form and the Russian-based Latin spelling', () => {
  it.each([
    ['Сергій', 'Сергей'], // -ій = -ей
    ['Сергій', 'Sergey'],
    ['Serhii', 'Sergei'], // KMU-2010 against ICAO
    ['Андрій', 'Andrei'],
    ['Andriy', 'Андрей'],
    ['Олексій', 'Алексей'], // Олекс- = Алекс-
    ['Oleksii', 'Aleksey'],
    ['Олександр', 'Alexander'],
    ['Oleksandr', 'Александр'],
    ['Володимир', 'Владимир'],
    ['Volodymyr', 'Vladimir'],
    ['Микола', 'Николай'],
    ['Mykola', 'Nikolay'],
    ['Дмитро', 'Dmitry'],
    ['Петро', 'Пётр'],
    ['Василь', 'Vasiliy'],
    ['Євген', 'Evgenii'],
    ['Кирило', 'Kirill'],
    ['Олена', 'Елена'],
    ['Тетяна', 'Tatiana'],
  ])('%s / %s', (a, b) => expectAgree('given', a, b));
});

describe('a Belarusian given name finds its Russian form and the Russian-based Latin spelling', () => {
  it.each([
    ['Аляксандр', 'Александр'],
    ['Aliaksandr', 'Alexander'],
    ['Сяргей', 'Sergey'],
    ['Siarhei', 'Сергей'],
    ['Уладзімір', 'Владимир'],
    ['Uladzimir', 'Vladimir'],
    ['Святлана', 'Светлана'],
    ['Sviatlana', 'Svetlana'],
    ['Мікалай', 'Николай'],
    ['Mikalai', 'Nikolai'],
    ['Вольга', 'Ольга'],
    ['Volha', 'Olga'],
    ['Віктар', 'Виктор'],
    ['Раман', 'Roman'],
    ['Ігар', 'Игорь'],
    ['Ягор', 'Yegor'],
  ])('%s / %s', (a, b) => expectAgree('given', a, b));
});

describe('a Ukrainian or Belarusian patronymic finds the Russian one', () => {
  it.each([
    ['Миколаївна', 'Николаевна'],
    ['Миколайович', 'Николаевич'],
    ['Олександрович', 'Александрович'],
    ['Аляксандраўна', 'Александровна'], // ў before a consonant = в
    ['Георгіеўна', 'Георгиевна'],
    ['Уладзіміравіч', 'Владимирович'],
  ])('%s / %s', (a, b) => expectAgree('patronymic', a, b));
});

describe('Belarusian ў inside a surname is the Russian в', () => {
  it.each([
    ['Ціханоўская', 'Тихановская', 'be'], // ці = ти as well
    ['Tsikhanouskaya', 'Tikhanovskaya', 'be'],
    ['Ціханоўскі', 'Tikhanovsky', 'be'],
    ['Паўлюкевіч', 'Павлюкевич', undefined],
  ] as const)('%s / %s', (a, b, lang) => expectAgree('surname', a, b, lang));
});

describe('a Belarusian surname with akanye still meets the Russian one in a blocking key', () => {
  it.each([
    ['Калеснікава', 'Колесникова'], // -ава = -ова
    ['Kalesnikava', 'Kolesnikova'],
    ['Быкаў', 'Быков'], // -аў = -ов
    ['Marozau', 'Morozov'],
  ])('%s / %s', (a, b) => {
    const x = parsePersonName({ surname: a, given: 'Ivan' });
    const y = parsePersonName({ surname: b, given: 'Ivan' });
    const shared = nameKeys(x).filter((k) => nameKeys(y).includes(k));
    expect(shared, `${nameKeys(x).join(' ')} / ${nameKeys(y).join(' ')}`).not.toEqual([]);
    expect(compareNameParts(x.surname!, y.surname!, 'surname').level).not.toBe('different');
  });
});

describe('Ukrainian and Belarusian forms do not merge different names', () => {
  it.each([
    ['Олександр', 'Олексій'],
    ['Aliaksandr', 'Aleksei'],
    ['Микола', 'Никита'],
    ['Сергій', 'Семен'],
    ['Андрій', 'Андриан'],
    ['Олена', 'Алла'],
    ['Володимир', 'Вадим'],
    ['Цитович', 'Титович'], // ці = ти only in Belarusian text
  ])('%s / %s', (a, b) => {
    const x = parsePersonName({ surname: 'Шевчук', given: a });
    const y = parsePersonName({ surname: 'Шевчук', given: b });
    expect(x.given!.skeleton).not.toBe(y.given!.skeleton);
  });
});
