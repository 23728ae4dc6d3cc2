/**
 * Cyrillic letters that look like Latin ones. Russian plates use only these twelve
 * (А В Е К М Н О Р С Т У Х), and clerks type serials and plates on either keyboard.
 */
const LOOK_ALIKE: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ү: 'Y',
};

/** Other Cyrillic letters of Soviet-era serial prefixes, by their usual Latin transliteration. */
const CYRILLIC_TRANSLIT: Record<string, string> = {
  Б: 'B',
  Г: 'G',
  Д: 'D',
  Ж: 'ZH',
  З: 'Z',
  И: 'I',
  Й: 'I',
  Л: 'L',
  П: 'P',
  Ф: 'F',
  Ц: 'TS',
  Ч: 'CH',
  Ш: 'SH',
  Щ: 'SHCH',
  Ъ: '',
  Ы: 'Y',
  Ь: '',
  Э: 'E',
  Ю: 'YU',
  Я: 'YA',
  Ғ: 'G',
  Қ: 'K',
  Ң: 'N',
  Ө: 'O',
  Ұ: 'U',
  Һ: 'H',
  Ә: 'A',
  Ӯ: 'U',
  Ӣ: 'I',
  Ҳ: 'H',
  Ҷ: 'J',
  Ў: 'U',
};

/**
 * Cyrillic look-alikes replaced by the Latin letters they stand for; everything else is left as
 * it is (NFKC, upper case). What a VIN or plate typed on a Russian keyboard layout means.
 */
export function latinLookAlikes(value: string): string {
  let out = '';
  // Upper-casing can decompose (ῒ → Ϊ̀), so the text is composed again after it: the fold must
  // give the same answer when applied to its own output.
  for (const ch of value.normalize('NFKC').toUpperCase().normalize('NFKC')) out += LOOK_ALIKE[ch] ?? ch;
  return out;
}

/**
 * A VIN folded for matching: Cyrillic look-alikes to Latin, separators dropped, and I, O, Q read
 * as 1, 0, 0 — the VIN alphabet (ISO 3779) has none of the three, so a VIN holding one was
 * mistyped and folding cannot join two real VINs. L is a VIN letter and stays (unlike in
 * `identifierKey`).
 */
export function vinKey(value: string): string {
  return latinLookAlikes(value)
    .replace(/[IOQ]/g, (ch) => (ch === 'I' ? '1' : '0'))
    .replace(/[^A-Z0-9]/g, '');
}

/** Characters that are read for one another in hand-copied identifiers. */
const CONFUSABLE: Record<string, string> = { O: '0', Q: '0', I: '1', L: '1' };

/**
 * Folds an identifier (plate, serial, document or engine number) to the form two clerks would
 * agree on: upper case, Cyrillic look-alikes to Latin, other Cyrillic transliterated, O/Q→0 and
 * I/L→1, separators dropped.
 *
 * @example identifierKey('ТО 1234') === identifierKey('T0-1234') // both 'T01234'
 */
export function identifierKey(value: string): string {
  let out = '';
  // № would become "No" under NFKC; it is a sign, not part of the number.
  for (const ch of value.replace(/№/g, '').normalize('NFKC').toUpperCase()) {
    const latin = LOOK_ALIKE[ch] ?? CYRILLIC_TRANSLIT[ch] ?? ch;
    for (const c of latin) {
      if (/[A-Z0-9]/.test(c)) out += CONFUSABLE[c] ?? c;
    }
  }
  return out;
}

/**
 * A plate with its state, folded: `RU:A123BC77`. The state is part of the key because the same
 * characters are a different car in another country.
 */
export const plateKey = (number: string, state: string): string => `${state.toUpperCase()}:${identifierKey(number)}`;
