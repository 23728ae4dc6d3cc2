/**
 * Errors of typing and scanning that change the characters of a name but not its spelling:
 * the wrong keyboard layout, OCR look-alikes, the whole name put into one field.
 */
import { LATIN_TWIN } from '../matching/names/repair.ts';
import { NAME_PART_PATTERN } from '../schemas/common.ts';
import type { PersonName } from '../schemas/person.ts';

/** ЙЦУКЕН keys and the QWERTY characters on the same keys (unshifted). */
const CYRILLIC_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";

const TO_LATIN = new Map<string, string>();
const TO_CYRILLIC = new Map<string, string>();
for (let i = 0; i < CYRILLIC_KEYS.length; i++) {
  const cyr = CYRILLIC_KEYS[i] as string;
  const lat = LATIN_KEYS[i] as string;
  TO_LATIN.set(cyr, lat);
  TO_CYRILLIC.set(lat, cyr);
  // Shift gives the capital letter on both layouts; on the punctuation keys it gives other signs.
  if (/[a-z]/.test(lat)) {
    TO_LATIN.set(cyr.toUpperCase(), lat.toUpperCase());
    TO_CYRILLIC.set(lat.toUpperCase(), cyr.toUpperCase());
  }
}
TO_LATIN.set('Х', '{').set('Ъ', '}').set('Ж', ':').set('Э', '"').set('Б', '<').set('Ю', '>').set('Ё', '~');

/**
 * The characters typed when `text` is keyed with the other layout active: Cyrillic on QWERTY
 * (Иванов → Bdfyjd, Жуков → ;erjd) or Latin on ЙЦУКЕН (Ivanov → Шмфтщм). Characters with no key
 * on the other layout are kept.
 */
export function otherLayout(text: string): string {
  const cyrillic = /\p{Script=Cyrillic}/u.test(text);
  const map = cyrillic ? TO_LATIN : TO_CYRILLIC;
  return Array.from(text, (ch) => map.get(ch) ?? ch).join('');
}

/**
 * The record schema's rule for a name part: the generator emits only slips that import accepts
 * (a name is kept as written, stray layout keys and OCR digits included, as long as it has a letter).
 */
const NAME_PART = new RegExp(NAME_PART_PATTERN, 'u');
export const isNamePart = (s: string) => s.length > 0 && s.length <= 80 && NAME_PART.test(s);

/**
 * The ways a word can come out with the other layout active and still validate as a name part:
 * the whole word first (when it validates), then its beginnings (the typist noticed and switched).
 */
export function layoutSlips(word: string): string[] {
  const chars = Array.from(word);
  const out: string[] = [];
  const whole = otherLayout(word);
  if (whole !== word && isNamePart(whole)) out.push(whole);
  for (let k = 2; k <= chars.length - 2; k++) {
    const slip = otherLayout(chars.slice(0, k).join('')) + chars.slice(k).join('');
    if (slip !== word && isNamePart(slip)) out.push(slip);
  }
  return out;
}

/** Digits an OCR pass reads for Cyrillic letters. */
const CYRILLIC_DIGIT: Readonly<Record<string, string>> = { о: '0', О: '0', з: '3', З: '3', б: '6' };

/** Latin OCR confusions, digits for letters included. */
const LATIN_OCR: readonly (readonly [RegExp, string])[] = [
  [/o/g, '0'],
  [/O/g, '0'],
  [/l/g, '1'],
  [/rn/g, 'm'],
  [/m/g, 'rn'],
  [/cl/g, 'd'],
  [/d/g, 'cl'],
  [/vv/g, 'w'],
  [/w/g, 'vv'],
  [/l/g, 'I'],
  [/I/g, 'l'],
];

/** Every single OCR confusion of a word: one Latin look-alike in a Cyrillic word, or one Latin confusion. */
export function ocrVariants(word: string): string[] {
  const out: string[] = [];
  if (/\p{Script=Cyrillic}/u.test(word)) {
    Array.from(word).forEach((ch, i, chars) => {
      for (const slip of [LATIN_TWIN.get(ch), CYRILLIC_DIGIT[ch]]) {
        if (slip) out.push([...chars.slice(0, i), slip, ...chars.slice(i + 1)].join(''));
      }
    });
  } else if (/\p{Script=Latin}/u.test(word)) {
    for (const [pattern, replacement] of LATIN_OCR) {
      for (const m of word.matchAll(pattern)) {
        const idx = m.index ?? 0;
        out.push(word.slice(0, idx) + replacement + word.slice(idx + m[0].length));
      }
    }
  }
  return out.filter((s) => s !== word && isNamePart(s));
}

/** Name parts in the order a state writes the full name: given name first in Moldova, surname first elsewhere. */
export function nameInOneField(name: PersonName): string {
  const parts = name.lang === 'ro' ? [name.given, name.surname, name.patronymic] : [name.surname, name.given, name.patronymic];
  return parts.filter(Boolean).join(' ');
}

/** Whether the whole name can be put into one field: two parts or more, and within the part's length. */
export const fitsOneField = (name: PersonName) =>
  [name.surname, name.given, name.patronymic].filter(Boolean).length >= 2 && isNamePart(nameInOneField(name));
