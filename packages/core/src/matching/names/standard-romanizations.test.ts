/**
 * Real names against the standard romanizations the brief lists (GOST 7.79-2000 system B,
 * Turkmen Latin) and the Russian forms of Armenian surnames: pairs from the real-world set.
 */
import { describe, expect, it } from 'vitest';
import { compareNameParts } from './compare.ts';
import { nameKeys } from './keys.ts';
import { parsePersonName } from './parse.ts';
import type { NameLevel } from './types.ts';

type Kind = 'surname' | 'given';
const AGREE: readonly NameLevel[] = ['exact', 'translit', 'phonetic', 'gender_variant', 'surname_change'];

function expectAgree(kind: Kind, a: string, b: string, langA?: string): void {
  const parse = (text: string, lang?: string) =>
    parsePersonName(kind === 'given' ? { surname: 'Kuliev', given: text } : { surname: text, given: 'Ivan' }, lang ? { lang } : undefined);
  const x = parse(a, langA);
  const y = parse(b);
  const level = compareNameParts(x[kind]!, y[kind]!, kind).level;
  expect(AGREE, `${a} / ${b}: ${x[kind]!.skeleton} / ${y[kind]!.skeleton} → ${level}`).toContain(level);
  const ky = new Set(nameKeys(y));
  expect(
    nameKeys(x).filter((k) => ky.has(k)),
    `${a} / ${b} share no key`,
  ).not.toEqual([]);
}

describe('a GOST 7.79-2000 (system B) spelling finds the Cyrillic name', () => {
  it.each([
    ['Kuzneczov', 'Кузнецов'], // ц = cz
    ['Czvetkova', 'Цветкова'],
    ['Shherbakov', 'Щербаков'], // щ = shh
    ['Xrushhyov', 'Хрущёв'], // х = x, ё = yo
    ['Zajcev', 'Зайцев'], // й = j, ц = c before e
  ])('%s / %s', (a, b) => expectAgree('surname', a, b));
});

describe('a Turkmen Latin name finds its Russian form', () => {
  it.each([
    ['Nyýazow', 'Ниязов'], // w = в, ý = й: not German
    ['Amanow', 'Аманов'],
  ])('%s / %s', (a, b) => expectAgree('surname', a, b));

  it('reads w as в when the record says the name is Turkmen', () => expectAgree('surname', 'Orazowa', 'Orazova', 'tk'));
});

describe('an Armenian surname finds the Russian form that drops հ and softens the root', () => {
  it.each([
    ['Հարությունյան', 'Арутюнян'],
    ['Harutyunyan', 'Арутюнян'],
    ['Հակոբյան', 'Акопян'],
    ['Hakobyan', 'Akopian'],
    ['Սարգսյան', 'Саркисян'],
    ['Sargsyan', 'Sarkissian'],
  ])('%s / %s', (a, b) => expectAgree('surname', a, b));

  it('keeps Russian surnames that start with Х or Г apart from those that do not', () => {
    const sk = (s: string) => parsePersonName({ surname: s, given: 'Ivan' }).surname!.skeleton;
    expect(sk('Харитонов')).not.toBe(sk('Аритонов'));
    expect(sk('Галина')).not.toBe(sk('Алина'));
  });
});

describe('the French and Georgian forms of shared given names', () => {
  it.each([
    ['Alexandre', 'Александр'],
    ['Mikheil', 'Михаил'],
  ])('%s / %s', (a, b) => expectAgree('given', a, b));
});
