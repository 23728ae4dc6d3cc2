import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test/arbitraries.ts';
import { normalizeText } from './normalize.ts';
import { parsePersonName } from './parse.ts';
import { repairNameText } from './repair.ts';
import { consonantKey } from './skeleton.ts';
import type { NamePart, ParsedName } from './types.ts';

/** Letters of the members' scripts with their apostrophes, hyphens and diacritics: names as clerks type them. */
const NAME_CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
  ...'әғқңөұүһіӘҒҚҢӨҰҮҺІўЎҷҶҳҲӣӢӯӮ',
  ...'աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆևԱԲԳԴԵԶԷԸԹ',
  ...'şğçöüıİəŞĞÇÖÜƏșțăâîȘȚĂÂÎ',
  ..."'ʼʻ’‘`-‐–. ,\u00b4\u0301\u0306",
];
const nameLike = fc.string({ unit: fc.constantFrom(...NAME_CHARS), maxLength: 30 });
const anyName = fc.oneof(nameLike, anyText({ maxLength: 30 }));
const langHint = fc.option(fc.oneof(fc.constantFrom('ru', 'kk', 'uz', 'uz-Latn', 'az', 'hy', 'tg', 'ky', 'ro', 'be'), anyText({ maxLength: 8 })), {
  nil: undefined,
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not come out
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const parts = (name: ParsedName): [string, NamePart][] =>
  (['surname', 'given', 'patronymic'] as const).flatMap((k) => (name[k] ? [[k, name[k]] as [string, NamePart]] : []));

/** What every part of every parsed name promises, whatever the input. */
function expectWellFormedParts(name: ParsedName) {
  for (const [, part] of parts(name)) {
    expect(part.normalized).not.toBe('');
    expect(part.normalized).not.toMatch(CONTROL);
    expect(part.raw).toBe(part.raw.trim());
    expect(part.consonants).toBe(consonantKey(part.skeleton));
  }
  if (name.sex !== undefined) expect(['male', 'female']).toContain(name.sex);
}

describe('name normalization, for any text', () => {
  it('normalizeText never throws and gives words of letters joined by one space, hyphen or apostrophe', () => {
    fc.assert(
      fc.property(anyName, (text) => {
        const out = normalizeText(text);
        expect(out).not.toMatch(CONTROL);
        // No separator at an edge, none doubled.
        expect(out).not.toMatch(/^[ '-]|[ '-]$|[ '-]{2}/);
        expect(out).not.toMatch(/\s(?<! )|\s{2}/u);
        // Combining marks are dropped; characters beyond the BMP pass through as letters, by design.
        expect(out.replace(/[\u{10000}-\u{10ffff}]/gu, '')).not.toMatch(/\p{M}/u);
        expect(out).toBe(out.toLowerCase());
      }),
      { numRuns: 5000 },
    );
  });

  it('normalizeText is idempotent: the exact form of an exact form is itself', () => {
    fc.assert(
      fc.property(anyName, (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('name parsing, for any text', () => {
  it('parsePersonName never throws on free text, and every part it finds is well formed', () => {
    fc.assert(
      fc.property(anyName, langHint, (text, lang) => {
        const name = parsePersonName(text, lang === undefined ? undefined : { lang });
        expectWellFormedParts(name);
      }),
      { numRuns: 3000 },
    );
  });

  it('free text loses no word and invents none: the parts hold the words of the text as repaired', () => {
    fc.assert(
      fc.property(anyName, (text) => {
        const name = parsePersonName(text);
        // A name read on the other keyboard layout holds other letters by design.
        if (name.repairs?.includes('keyboard_layout')) return;
        const found = parts(name).flatMap(([, p]) => p.normalized.split(' '));
        const words = repairNameText(text)
          .text.split(/[\s,]+/)
          .map(normalizeText)
          .filter(Boolean)
          .flatMap((w) => w.split(' '));
        expect(found.sort()).toEqual(words.sort());
      }),
      { numRuns: 3000 },
    );
  });

  it('a structured name keeps each part in its field, as normalized, with the text as received', () => {
    fc.assert(
      fc.property(anyName, anyName, anyName, langHint, (surname, given, patronymic, lang) => {
        const name = parsePersonName({ surname, given, patronymic }, lang === undefined ? undefined : { lang });
        expectWellFormedParts(name);
        // With a patronymic given, no part moves to another field; look-alike letters and OCR
        // digits are read in the word's script; a name on the other layout is read on it.
        if (normalizeText(patronymic) === '' || name.repairs?.includes('keyboard_layout')) return;
        for (const [field, text] of [
          ['surname', surname],
          ['given', given],
          ['patronymic', patronymic],
        ] as const) {
          const part = name[field];
          const meant = normalizeText(repairNameText(text).text);
          expect(part?.normalized).toBe(meant === '' ? undefined : meant);
          if (part) expect(part.raw).toBe(text.trim());
        }
      }),
      { numRuns: 3000 },
    );
  });
});
