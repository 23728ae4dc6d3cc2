/**
 * Names as clerks and scanners actually deliver them: a Cyrillic word with a Latin look-alike
 * letter in it (`Cергей` with a Latin C), a name typed with the keyboard on the wrong layout
 * (`;erjd` for Жуков, `Bdfyjd` for Иванов), digits an OCR pass read for letters (`Ив0нов`).
 * The record keeps what was written; matching reads the text these repairs give, and the
 * record's data-quality notes say which repair was needed.
 */

/** What a name needed before it could be read. */
export type NameRepair = 'keyboard_layout' | 'mixed_script' | 'ocr_digits';

// QWERTY keys and the letters of the Russian ЙЦУКЕН layout on the same keys, shifted keys
// included, so that a whole word typed on the wrong layout can be read back.
const LATIN_KEYS = 'qwertyuiop[]asdfghjkl;\'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~';
const CYRILLIC_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ';
const TO_CYRILLIC_LAYOUT = new Map<string, string>();
const TO_LATIN_LAYOUT = new Map<string, string>();
for (let i = 0; i < LATIN_KEYS.length; i++) {
  TO_CYRILLIC_LAYOUT.set(LATIN_KEYS[i]!, CYRILLIC_KEYS[i]!);
  TO_LATIN_LAYOUT.set(CYRILLIC_KEYS[i]!, LATIN_KEYS[i]!);
}

/** Letters the two scripts draw alike (upper and lower case), each with its twin. */
const LOOK_ALIKES: readonly (readonly [string, string])[] = [
  ['a', 'а'],
  ['c', 'с'],
  ['e', 'е'],
  ['o', 'о'],
  ['p', 'р'],
  ['x', 'х'],
  ['y', 'у'],
  ['k', 'к'],
  ['i', 'і'],
  ['j', 'ј'],
  ['s', 'ѕ'],
  ['A', 'А'],
  ['B', 'В'],
  ['C', 'С'],
  ['E', 'Е'],
  ['H', 'Н'],
  ['I', 'І'],
  ['K', 'К'],
  ['M', 'М'],
  ['O', 'О'],
  ['P', 'Р'],
  ['T', 'Т'],
  ['X', 'Х'],
  ['Y', 'У'],
];
/** Each Cyrillic look-alike letter and the Latin letter it is drawn like (the generator's OCR slips use it too). */
export const LATIN_TWIN = new Map<string, string>();
const CYRILLIC_TWIN = new Map<string, string>();
for (const [latin, cyrillic] of LOOK_ALIKES) {
  CYRILLIC_TWIN.set(latin, cyrillic);
  LATIN_TWIN.set(cyrillic, latin);
}

/** Digits an OCR pass or a hurried clerk puts for letters, per script of the word around them. */
const LATIN_DIGIT = new Map([
  ['0', 'o'],
  ['1', 'l'],
  ['5', 's'],
  ['8', 'b'],
]);
const CYRILLIC_DIGIT = new Map([
  ['0', 'о'],
  ['3', 'з'],
  ['4', 'ч'],
  ['6', 'б'],
  ['8', 'в'],
]);

// Scripts told by code point, not by a Unicode-property regex per character: this runs on every name.
const isCyrillic = (code: number) => code >= 0x400 && code <= 0x52f;
const isLatin = (code: number) =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
/**
 * Keys whose Cyrillic letter (ж х ъ) has no place in a Latin name, wherever they stand. Not the
 * backtick (ё): GOST 7.79 B writes ь and ъ with it (Ol`ga, Natal`ya).
 */
const LAYOUT_ONLY_KEYS = /[;:[\]{}<>"]/;
/** ASCII characters after which a text may need repair: digits, and the keys of the other layout. */
const SUSPECT_ASCII = new Uint8Array(128);
for (const ch of ';:[]{}`~<>",.\'0123456789') SUSPECT_ASCII[ch.charCodeAt(0)] = 1;
/** `,` `.` (б ю) inside a word, or `'` (э) opening it: no Latin spelling puts them there. */
const LAYOUT_IN_WORD = /\p{L}[,.<>]\p{L}|^['"]\p{L}/u;

interface Counts {
  latin: number;
  cyrillic: number;
  /** Letters of each script that have no look-alike in the other. */
  latinOwn: number;
  cyrillicOwn: number;
  digits: number;
}

function count(word: string): Counts {
  const c: Counts = { latin: 0, cyrillic: 0, latinOwn: 0, cyrillicOwn: 0, digits: 0 };
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    if (isDigit(code)) c.digits++;
    else if (isCyrillic(code)) {
      c.cyrillic++;
      if (!LATIN_TWIN.has(ch)) c.cyrillicOwn++;
    } else if (isLatin(code)) {
      c.latin++;
      if (!CYRILLIC_TWIN.has(ch)) c.latinOwn++;
    }
  }
  return c;
}

const mapChars = (word: string, table: ReadonlyMap<string, string>): string => {
  let out = '';
  for (const ch of word) out += table.get(ch) ?? ch;
  return out;
};

/** A word of Latin letters and layout-only keys is Russian typed on the English layout. */
function typedOnLatinLayout(word: string, c: Counts): boolean {
  return c.cyrillic === 0 && c.latin > 0 && (LAYOUT_ONLY_KEYS.test(word) || LAYOUT_IN_WORD.test(word));
}

/** The script a mixed word was meant in: the one with more letters the other cannot draw. */
function intendedCyrillic(c: Counts): boolean {
  if (c.cyrillicOwn !== c.latinOwn) return c.cyrillicOwn > c.latinOwn;
  return c.cyrillic >= c.latin;
}

/** One whitespace-free token of a name, repaired; the repairs it needed are added to `found`. */
function repairToken(token: string, found: Set<NameRepair>): string {
  const c = count(token);
  if (typedOnLatinLayout(token, c)) {
    found.add('keyboard_layout');
    return mapChars(token, TO_CYRILLIC_LAYOUT);
  }
  let word = token;
  const cyrillic = c.cyrillic > 0 && (c.latin === 0 || intendedCyrillic(c));
  if (c.cyrillic > 0 && c.latin > 0) {
    found.add('mixed_script');
    word = mapChars(word, cyrillic ? CYRILLIC_TWIN : LATIN_TWIN);
  }
  if (c.digits > 0 && c.cyrillic + c.latin > 0) {
    found.add('ocr_digits');
    word = mapChars(word, cyrillic ? CYRILLIC_DIGIT : LATIN_DIGIT);
    // A leading 1 is an I far more often than an l (1van, 1gor).
    if (!cyrillic && token.startsWith('1')) word = `I${word.slice(1)}`;
  }
  return word;
}

/**
 * The text of one name part as it was meant, and what it took to read it. Text that needs no
 * repair comes back as the same string, so the common case costs one scan.
 *
 * @example repairNameText('Cергей').text // "Сергей" (Latin C made Cyrillic)
 * @example repairNameText(';erjd').text // "жуков"
 */
export function repairNameText(text: string, found: Set<NameRepair> = new Set()): { text: string; repairs: Set<NameRepair> } {
  if (!needsRepair(text)) return { text, repairs: found };
  const out = text.replace(/\S+/g, (token) => repairToken(token, found));
  return { text: out, repairs: found };
}

/** A quick look for anything `repairToken` would change: digits, layout keys, or both scripts. */
function needsRepair(text: string): boolean {
  let latin = false;
  let cyrillic = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (SUSPECT_ASCII[code] === 1) return true;
      if (isLatin(code)) latin = true;
    } else if (isCyrillic(code)) cyrillic = true;
    if (latin && cyrillic) return true;
  }
  return false;
}

/**
 * The same keys read on the other layout: Latin letters as the Russian letters on their keys,
 * or Cyrillic letters as the Latin ones. Undefined when the text is not all one script's letters.
 */
export function otherLayout(text: string): string | undefined {
  return readOnOtherLayout(text)?.text;
}

function readOnOtherLayout(text: string): { text: string; toCyrillic: boolean } | undefined {
  let toCyrillic: boolean | undefined;
  let out = '';
  for (const ch of text) {
    const latin = TO_CYRILLIC_LAYOUT.get(ch);
    const cyrillic = latin === undefined ? TO_LATIN_LAYOUT.get(ch) : undefined;
    if (latin === undefined && cyrillic === undefined) {
      if (isLatin(ch.charCodeAt(0)) || isCyrillic(ch.charCodeAt(0)) || isDigit(ch.charCodeAt(0))) return undefined;
      out += ch;
      continue;
    }
    const direction = latin !== undefined;
    if (toCyrillic === undefined) toCyrillic = direction;
    else if (toCyrillic !== direction) return undefined;
    out += latin ?? cyrillic;
  }
  return toCyrillic === undefined ? undefined : { text: out, toCyrillic };
}

/**
 * The words of `text` typed on the same layout as `sample`, read on the other one; the others
 * left as typed. A clerk who forgot to switch layouts may have typed one word of a name so
 * («Кадыров Rfqhfn Асылбекович») or all of it («Bdfyjd Bdfy»).
 */
export function otherLayoutWords(text: string, sample: string): string {
  const direction = readOnOtherLayout(sample)?.toCyrillic;
  if (direction === undefined) return text;
  return text.replace(/\S+/g, (word) => {
    const read = readOnOtherLayout(word);
    return read?.toCyrillic === direction ? read.text : word;
  });
}
