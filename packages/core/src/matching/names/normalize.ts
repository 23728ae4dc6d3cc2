/**
 * Text preparation shared by every name function, and `normalizeText`, the form used for the
 * `exact` comparison level.
 *
 * `prepare` keeps letters as they are (diacritics included) so that romanization can still see
 * `ş`, `ğ`, `ә`, `ў`; `normalizeText` then folds Latin diacritics away.
 */

const LETTER = 1;
const MARK = 2;
const APOS = 3;
const HYPH = 4;
const SEP = 0;

const TABLE_SIZE = 0x2000;
const CLASS = new Uint8Array(TABLE_SIZE);

const APOSTROPHES = [0x27, 0x60, 0xb4, 0x2b9, 0x2bb, 0x2bc, 0x2bd, 0x2be, 0x2bf, 0x2c8, 0x55a, 0x2018, 0x2019, 0x201b, 0x2032, 0x2035, 0xff07];
const HYPHENS = [0x2d, 0x58a, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d];

function inRanges(c: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) if (c >= lo && c <= hi) return true;
  return false;
}

const MARK_RANGES = [
  [0x300, 0x36f],
  [0x483, 0x489],
  [0x591, 0x5c7],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
] as const;

const LETTER_RANGES = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xc0, 0x24f],
  [0x250, 0x2af],
  [0x370, 0x3ff],
  [0x400, 0x482],
  [0x48a, 0x52f],
  [0x531, 0x556],
  [0x560, 0x588],
  [0x1e00, 0x1eff],
] as const;

for (let c = 0; c < TABLE_SIZE; c++) {
  if (inRanges(c, LETTER_RANGES) && c !== 0xd7 && c !== 0xf7) CLASS[c] = LETTER;
  else if (inRanges(c, MARK_RANGES)) CLASS[c] = MARK;
  else if (c >= 0x2b0 && c <= 0x2ff)
    CLASS[c] = MARK; // spacing modifier letters other than the apostrophes
  else CLASS[c] = SEP;
}
// Armenian emphasis, exclamation, question and abbreviation marks sit *inside* words.
for (const c of [0x559, 0x55b, 0x55c, 0x55e, 0x55f]) CLASS[c] = MARK;
for (const c of APOSTROPHES) if (c < TABLE_SIZE) CLASS[c] = APOS;
for (const c of HYPHENS) if (c < TABLE_SIZE) CLASS[c] = HYPH;

/**
 * Characters below U+0590 that NFKC leaves alone and that never combine with a neighbour: a
 * string made only of them skips `normalize('NFKC')` (an ICU call that dominates short inputs).
 */
const NFKC_SAFE = new Uint8Array(0x590);
for (let c = 0; c < 0x590; c++) {
  const ch = String.fromCharCode(c);
  NFKC_SAFE[c] = CLASS[c] !== MARK && ch.normalize('NFKC') === ch ? 1 : 0;
}

function needsNfkc(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x590 || NFKC_SAFE[c] === 0) return true;
  }
  return false;
}

const HIGH_APOS = new Set(APOSTROPHES.filter((c) => c >= TABLE_SIZE));
const HIGH_HYPH = new Set(HYPHENS.filter((c) => c >= TABLE_SIZE));
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/u;

function classOfHigh(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return LETTER; // astral letters pass through untouched
  if (HIGH_APOS.has(c)) return APOS;
  if (HIGH_HYPH.has(c)) return HYPH;
  if (inRanges(c, MARK_RANGES)) return MARK;
  const ch = String.fromCharCode(c);
  if (LETTER_OR_NUMBER.test(ch)) return LETTER;
  return COMBINING.test(ch) ? MARK : SEP;
}

/**
 * NFKC, lower case, combining marks dropped, apostrophe variants unified to `'`, hyphen variants
 * to `-`, everything else that is not a letter or digit turned into a single space.
 *
 * A hyphen or apostrophe survives only *between* two letters (`ter-petrosyan`, `o'g'li`,
 * `jum'a`); at a word edge it is dropped. Diacritics are kept: this is the input of
 * `romanize`, which needs them.
 *
 * @example prepare(' Oʻrinboyev,  Ali-Ýusuf ') // "o'rinboyev ali-ýusuf"
 */
export function prepare(input: string): string {
  let s = input;
  if (needsNfkc(s)) {
    // NFKC turns the acute accent U+00B4 into space + combining acute: it is used as an apostrophe.
    if (s.indexOf('\u00b4') !== -1) s = s.replace(/\u00b4/g, "'");
    s = s.normalize('NFKC');
  }
  s = s.toLowerCase();
  // Copy runs of letters as slices; separators between runs become one space, hyphen or apostrophe.
  let out = '';
  let run = -1; // start of the current run of letters, -1 outside one
  let pending = 0; // 0 none, 1 apostrophe, 2 hyphen, 3 space: the strongest separator seen wins
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c < TABLE_SIZE ? CLASS[c]! : classOfHigh(c);
    if (k === LETTER) {
      if (run === -1) {
        if (pending !== 0 && out.length > 0) out += pending === 3 ? ' ' : pending === 2 ? '-' : "'";
        pending = 0;
        run = i;
      }
    } else {
      if (run !== -1) {
        out += s.slice(run, i);
        run = -1;
      }
      if (k !== MARK) {
        const p = k === APOS ? 1 : k === HYPH ? 2 : 3;
        if (p > pending) pending = p;
      }
    }
  }
  if (run !== -1) out += run === 0 ? s : s.slice(run);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Diacritic folding for `normalizeText`.

const FOLD: (string | undefined)[] = new Array<string | undefined>(0x460).fill(undefined);

function buildFold(): void {
  for (let c = 0xc0; c <= 0x24f; c++) {
    const base = String.fromCharCode(c).normalize('NFD').replace(/\p{M}/gu, '');
    if (/^[a-z]+$/i.test(base) && base !== String.fromCharCode(c)) FOLD[c] = base.toLowerCase();
  }
  const manual: Record<string, string> = {
    ß: 'ss',
    æ: 'ae',
    ø: 'o',
    œ: 'oe',
    ł: 'l',
    đ: 'd',
    ð: 'd',
    þ: 'th',
    ħ: 'h',
    ı: 'i',
    ə: 'a',
    ǝ: 'a',
    ŀ: 'l',
    ŧ: 't',
    ƒ: 'f',
    ĸ: 'k',
    ŉ: 'n',
    ſ: 's',
    ɨ: 'i',
    ɵ: 'o',
    ʒ: 'z',
    // Cyrillic: only the letter whose diacritic is optional in practice (Russian writes ё as е).
    ё: 'е',
    ѐ: 'е',
    ѝ: 'и',
  };
  for (const [k, v] of Object.entries(manual)) FOLD[k.charCodeAt(0)] = v;
}
buildFold();
const FOLD_LIMIT = FOLD.length;

/** Folds Latin diacritics (and Cyrillic ё → е) in an already prepared string. */
export function foldDiacritics(prepared: string): string {
  let i = 0;
  const n = prepared.length;
  while (i < n) {
    const c = prepared.charCodeAt(i);
    if (c >= 0xc0 && (c < FOLD_LIMIT ? FOLD[c] !== undefined : c >= 0x1e00 && c <= 0x1eff)) break;
    i++;
  }
  if (i === n) return prepared;
  let out = prepared.slice(0, i);
  for (; i < n; i++) {
    const c = prepared.charCodeAt(i);
    if (c < 0xc0) out += prepared[i];
    else if (c < FOLD_LIMIT) out += FOLD[c] ?? prepared[i];
    else if (c >= 0x1e00 && c <= 0x1eff) out += foldExtended(c);
    else out += prepared[i];
  }
  return out;
}

function foldExtended(c: number): string {
  const base = String.fromCharCode(c).normalize('NFD').replace(/\p{M}/gu, '');
  return base.toLowerCase();
}

/**
 * The `exact` comparison form of a text: NFKC, lower case, punctuation stripped, spaces
 * collapsed, apostrophes unified to `'`, inner hyphens kept, and Latin diacritics folded to a
 * diacritic-free skeleton (`ş ș → s`, `ț ţ → t`, `ă â → a`, `î ı → i`, `ö → o`, `ü → u`,
 * `ç → c`, `ğ → g`, `ə → a`). The script is kept: Cyrillic stays Cyrillic (only `ё → е` and
 * stress marks are folded, `й ў ї ӣ ӯ` are distinct letters) and Armenian stays Armenian
 * (`և` becomes `եւ` through NFKC).
 *
 * @example normalizeText('  Ștefan  ŞTEFAN-Ţurcanu ') // "stefan stefan-turcanu"
 * @example normalizeText('Хрущёв') // "хрущев"
 */
export function normalizeText(s: string): string {
  return foldDiacritics(prepare(s));
}
