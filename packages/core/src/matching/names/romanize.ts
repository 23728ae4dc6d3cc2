/**
 * One canonical romanization of every script the member states write names in.
 *
 * The canonical system (documented in README.md, "Canonical romanization"):
 * - Cyrillic: BGN/PCGN without diacritics or primes (`х kh`, `ц ts`, `ч ch`, `ш sh`, `щ shch`,
 *   `ж zh`, `й y`, `ы y`, `ю yu`, `я ya`, `е` → `ye` at word start, after a vowel and after
 *   `ь ъ '`), with ICAO 9303's simplifications: `ё` is written like `е` (Russian documents
 *   routinely drop the dots), `ь ъ` are dropped.
 *   Belarusian/Ukrainian `г → h`, `ў → u` after a vowel, Ukrainian `и → y`, `є ye`, `ї yi`.
 *   Turkic and Tajik letters as the national Latin alphabets write them, diacritics folded:
 *   `ә a`, `ғ gh`, `қ q`, `ң n`, `ө o`, `ұ ү u`, `һ ҳ h`, `і ӣ i`, `ӯ u`, `ҷ j`,
 *   Uzbek `ў → o` (Uzbek Latin `oʻ`).
 * - Armenian: the romanization of Armenian passports (close to ICAO 9303): `ե ye/e`,
 *   `ո vo/o`, `ու u`, `և yev/ev`, `ղ gh`, `խ kh`, `ծ ց ts`, `ձ dz`, `ջ j`, `ճ չ ch`, `ժ zh`,
 *   aspirates folded (`թ t`, `փ p`, `ք k`).
 * - Latin: kept, with the national letters spelled out: Azerbaijani `ə a`, `ğ gh`, `ı y`,
 *   `ş sh`, `ç ch`, and `c j`, `x kh`, `q g` once the text is known to be Azerbaijani;
 *   Uzbek `oʻ o`, `gʻ gh`, `x kh`; Romanian `ș sh`, `ț ts`, `ă a`, `â î y` and, once the text is
 *   known to be Romanian, `ce ci → ch`, `che chi → k`, `ge gi → dzh`, `ghe ghi → g`,
 *   `ea → ya`, `j zh`, `h kh`, `x ks`; Turkmen (`ý ň`, or `lang: tk`) `w v`;
 *   ISO 9 / Łacinka / Polish `š sh`, `č ch`, `ž ż zh`,
 *   `ŝ shch`, `ł l`, `ŭ u`. Other diacritics are dropped.
 *
 * Output is lower-case ASCII letters, digits, single spaces and inner hyphens.
 */
import { foldDiacritics, prepare } from './normalize.ts';

/** How Latin letters are read: by a national orthography or as plain transliteration. */
export type LatinMode = 'plain' | 'az' | 'ro' | 'uz' | 'tk';

/** What is known about the language of a name, from a hint and from its letters. */
export interface LangContext {
  latin: LatinMode;
  /** Cyrillic text is Belarusian (`г → h`, `ў → u`). */
  be: boolean;
  /** Cyrillic text is Ukrainian (`г → h`, `и → y`). */
  uk: boolean;
  /** Cyrillic text is Uzbek (`ў → o`). */
  uz: boolean;
}

/** Primary subtag of a BCP 47 tag, lower-cased: `uz-Latn` → `uz`. */
function primaryLang(hint: string | undefined): string {
  if (!hint) return '';
  const dash = hint.indexOf('-');
  return (dash === -1 ? hint : hint.slice(0, dash)).toLowerCase();
}

const CYR_VOWELS = new Set('аеёиоуыэюяіїєәөұүӣӯѐѝ'.split('').map((c) => c.charCodeAt(0)));

/**
 * Reads the language hint (`kk`, `uz-Latn`, `az`, `ro`, `be`…) and the letters of a prepared
 * text: `ə ı ğ` mean Azerbaijani, `ș ț ţ ă` Romanian, `oʻ gʻ` Uzbek, `є ї ґ` Ukrainian,
 * `ў` after a vowel (Belarusian `-оў`) Belarusian. A hint wins over the letters. Several
 * texts (the parts of one name) are read together.
 */
export function langContext(prepared: string | readonly string[], hint?: string): LangContext {
  const lang = primaryLang(hint);
  let az = lang === 'az' || lang === 'tr';
  let ro = lang === 'ro' || lang === 'mo';
  let uz = lang === 'uz';
  let be = lang === 'be';
  let uk = lang === 'uk';
  let tk = lang === 'tk';
  let roWeak = false;
  if (!lang || lang === 'ru' || lang === 'kk' || lang === 'ky' || lang === 'tg' || lang === 'hy') {
    const texts = typeof prepared === 'string' ? [prepared] : prepared;
    for (const text of texts) {
      let prev = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xc0) {
          if (c === 0x259 || c === 0x131 || c === 0x11f) az = true;
          else if (c === 0x219 || c === 0x21b || c === 0x163 || c === 0x103) ro = true;
          else if (c === 0xe2 || c === 0xee) roWeak = true;
          else if (c === 0x454 || c === 0x457 || c === 0x491) uk = true;
          else if (c === 0x45e && CYR_VOWELS.has(prev)) be = true;
          else if (c === 0xfd || c === 0x148) tk = true; // Turkmen ý, ň
        } else if (c === 39 && (prev === 0x6f || prev === 0x67)) uz = true;
        prev = c;
      }
    }
  }
  const latin: LatinMode = az ? 'az' : ro || (roWeak && !uz) ? 'ro' : uz ? 'uz' : tk ? 'tk' : 'plain';
  return { latin, be, uk, uz: lang === 'uz' };
}

// ---------------------------------------------------------------------------------------------
// Tables

const CYR_BASE = 0x400;
const CYR: (string | undefined)[] = new Array<string | undefined>(0x130).fill(undefined);
const CYR_MAP: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ѐ: 'e',
  ё: 'e',
  ђ: 'dj',
  ѓ: 'g',
  є: 'ye',
  ѕ: 'dz',
  і: 'i',
  ї: 'yi',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'ch',
  ќ: 'k',
  ѝ: 'i',
  ў: 'u',
  џ: 'dzh',
  ґ: 'g',
  ғ: 'gh',
  ҕ: 'gh',
  җ: 'zh',
  ҙ: 'z',
  қ: 'q',
  ҝ: 'k',
  ҟ: 'k',
  ҡ: 'q',
  ң: 'n',
  ҥ: 'n',
  ҧ: 'p',
  ҫ: 's',
  ҭ: 't',
  ү: 'u',
  ұ: 'u',
  ҳ: 'h',
  ҵ: 'ts',
  ҷ: 'j',
  ҹ: 'ch',
  һ: 'h',
  ҽ: 'ch',
  ҿ: 'ch',
  ӏ: '',
  ӂ: 'zh',
  ӄ: 'q',
  ӈ: 'n',
  ӑ: 'a',
  ӓ: 'a',
  ӕ: 'ae',
  ӗ: 'e',
  ә: 'a',
  ӛ: 'a',
  ӝ: 'zh',
  ӟ: 'z',
  ӡ: 'dz',
  ӣ: 'i',
  ӥ: 'i',
  ӧ: 'o',
  ө: 'o',
  ӫ: 'o',
  ӭ: 'e',
  ӯ: 'u',
  ӱ: 'u',
  ӳ: 'u',
  ӵ: 'ch',
  ӹ: 'y',
};
for (const [k, v] of Object.entries(CYR_MAP)) CYR[k.charCodeAt(0) - CYR_BASE] = v;

const ARM: Record<number, string> = {};
const ARM_MAP: Record<string, string> = {
  ա: 'a',
  բ: 'b',
  գ: 'g',
  դ: 'd',
  ե: 'e',
  զ: 'z',
  է: 'e',
  ը: 'y',
  թ: 't',
  ժ: 'zh',
  ի: 'i',
  լ: 'l',
  խ: 'kh',
  ծ: 'ts',
  կ: 'k',
  հ: 'h',
  ձ: 'dz',
  ղ: 'gh',
  ճ: 'ch',
  մ: 'm',
  յ: 'y',
  ն: 'n',
  շ: 'sh',
  ո: 'o',
  չ: 'ch',
  պ: 'p',
  ջ: 'j',
  ռ: 'r',
  ս: 's',
  վ: 'v',
  տ: 't',
  ր: 'r',
  ց: 'ts',
  ւ: 'v',
  փ: 'p',
  ք: 'k',
  օ: 'o',
  ֆ: 'f',
  և: 'ev',
};
for (const [k, v] of Object.entries(ARM_MAP)) ARM[k.charCodeAt(0)] = v;
const ARM_E = 'ե'.charCodeAt(0);
const ARM_VO = 'ո'.charCodeAt(0);
const ARM_YIWN = 'ւ'.charCodeAt(0);
const ARM_EV = 'և'.charCodeAt(0);

/** Latin letters beyond ASCII that become more than their base letter. */
const LATIN_SPECIAL: Record<string, string> = {
  š: 'sh',
  č: 'ch',
  ž: 'zh',
  ş: 'sh',
  ș: 'sh',
  ţ: 'ts',
  ț: 'ts',
  ç: 'ch',
  ğ: 'gh',
  ǧ: 'gh',
  ə: 'a',
  ǝ: 'a',
  ı: 'y',
  ŭ: 'u',
  ć: 'ch',
  ż: 'zh',
  ŝ: 'shch',
  ĉ: 'ch',
  ĵ: 'zh',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'dj',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ł: 'l',
  ŀ: 'l',
};
const LATIN_LIMIT = 0x260; // Latin-1 to Latin Extended-B, and ə
const LATIN: (string | undefined)[] = new Array<string | undefined>(LATIN_LIMIT).fill(undefined);
for (let c = 0xc0; c < LATIN_LIMIT; c++) {
  const folded = foldDiacritics(String.fromCharCode(c));
  if (/^[a-z]+$/.test(folded)) LATIN[c] = folded;
}
for (const [k, v] of Object.entries(LATIN_SPECIAL)) {
  const c = k.charCodeAt(0);
  if (c < LATIN_LIMIT) LATIN[c] = v;
}

const isAsciiVowel = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
/** Romanian vowels for the `ci`/`gi` + vowel rule, including ă â î. */
const isRoVowel = (c: number): boolean => isAsciiVowel(c) || c === 0x103 || c === 0xe2 || c === 0xee;

/** ASCII without apostrophes: what a plain Latin word romanizes to unchanged. */
function isPlainAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x80 || c === 39) return false;
  }
  return true;
}

/** True when a prepared word has no Cyrillic and no Armenian letter. */
export function isLatinWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x400 && c <= 0x58f) return false;
  }
  return true;
}

/**
 * Romanizes one prepared word (lower case, diacritics intact, may hold inner `-` and `'`).
 * Letters of different scripts may be mixed (typed with the wrong keyboard layout): each is
 * romanized by its own table.
 */
export function romanizeWord(w: string, ctx: LangContext): string {
  if (ctx.latin === 'plain' && isPlainAscii(w)) return w;
  let out = '';
  let prev = 0; // previous source letter, 0 at a word start
  let prevVowel = false; // the previous Cyrillic letter was a vowel
  const n = w.length;
  const latin = ctx.latin;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x80) {
      if (c === 45) {
        out += '-';
        prev = 0;
        continue;
      }
      if (c === 39) {
        // Uzbek gʻ → gh (oʻ → o); elsewhere an apostrophe only marks a boundary.
        if (prev === 0x67 && latin === 'uz') out += 'h';
        prev = c;
        continue;
      }
      if (latin === 'plain' || c < 0x61) out += w[i];
      else if (latin === 'az') {
        // Azerbaijani c = дж, x = х, q = г; a `ch` is an English spelling inside an Azerbaijani name (Elchin).
        if (c === 0x63) out += i + 1 < n && w.charCodeAt(i + 1) === 0x68 ? 'c' : 'j';
        else out += c === 0x78 ? 'kh' : c === 0x71 ? 'g' : w[i];
      } else if (latin === 'uz') out += c === 0x78 ? 'kh' : w[i];
      else if (latin === 'tk')
        out += c === 0x77 ? 'v' : w[i]; // Turkmen w = в (Nyýazow, Orazowa): not German
      else {
        const r = romanian(w, i);
        out += r.text;
        i += r.skip;
      }
      prev = c;
      prevVowel = false;
      continue;
    }
    if (c >= CYR_BASE && c < CYR_BASE + 0x130) {
      const r = cyrillic(c, prev, prevVowel, ctx);
      out += r;
      prev = c;
      // Uzbek ў (read as o) is a vowel; Belarusian ў is not.
      prevVowel = c === 0x45e ? r === 'o' : CYR_VOWELS.has(c);
      continue;
    }
    prevVowel = false;
    if (c >= 0x531 && c <= 0x58f) {
      if (c === ARM_VO) {
        if (i + 1 < n && w.charCodeAt(i + 1) === ARM_YIWN) {
          out += 'u';
          i++;
        } else out += prev === 0 ? 'vo' : 'o';
      } else if (c === ARM_E) out += prev === 0 ? 'ye' : 'e';
      else if (c === ARM_EV) out += prev === 0 ? 'yev' : 'ev';
      else out += ARM[c] ?? '';
    } else if (c < LATIN_LIMIT) {
      if (latin === 'ro' && (c === 0xe2 || c === 0xee)) out += 'y';
      else out += LATIN[c] ?? '';
    } else {
      const folded = foldDiacritics(w[i]!);
      if (/^[a-z]+$/.test(folded)) out += folded;
    }
    prev = c;
  }
  return out;
}

function cyrillic(c: number, prev: number, prevVowel: boolean, ctx: LangContext): string {
  switch (c) {
    case 0x435: // е
    case 0x451: // ё
      return prev === 0 || prevVowel || prev === 0x44c || prev === 0x44a || prev === 39 ? 'ye' : 'e';
    case 0x433: // г
      return ctx.be || ctx.uk ? 'h' : 'g';
    case 0x438: // и
      return ctx.uk ? 'y' : 'i';
    case 0x45e: // ў: Belarusian non-syllabic u after a vowel, Uzbek oʻ elsewhere
      if (ctx.uz) return 'o';
      if (ctx.be) return 'u';
      return CYR_VOWELS.has(prev) ? 'u' : 'o';
    default:
      return CYR[c - CYR_BASE] ?? '';
  }
}

/** Romanian spelling of the ASCII letter at `i`; `skip` is how many following letters it consumed. */
function romanian(w: string, i: number): { text: string; skip: number } {
  const c = w.charCodeAt(i);
  const n1 = i + 1 < w.length ? w.charCodeAt(i + 1) : 0;
  const n2 = i + 2 < w.length ? w.charCodeAt(i + 2) : 0;
  switch (c) {
    case 0x63: // c
      if (n1 === 0x68) return { text: 'k', skip: 1 }; // che, chi
      if (n1 === 0x65 || n1 === 0x69) return { text: 'ch', skip: n1 === 0x69 && isRoVowel(n2) ? 1 : 0 };
      return { text: 'k', skip: 0 };
    case 0x67: // g
      if (n1 === 0x68 && (n2 === 0x65 || n2 === 0x69)) return { text: 'g', skip: 1 }; // ghe, ghi
      if (n1 === 0x65 || n1 === 0x69) return { text: 'dzh', skip: n1 === 0x69 && isRoVowel(n2) ? 1 : 0 };
      return { text: 'g', skip: 0 };
    case 0x65: // e
      return n1 === 0x61 ? { text: 'ya', skip: 1 } : { text: 'e', skip: 0 };
    case 0x6a:
      return { text: 'zh', skip: 0 };
    case 0x68:
      return { text: 'kh', skip: 0 };
    case 0x78:
      return { text: 'ks', skip: 0 };
    case 0x71:
      return { text: 'k', skip: 0 };
    case 0x77:
      return { text: 'v', skip: 0 };
    default:
      return { text: w[i]!, skip: 0 };
  }
}

/**
 * The canonical romanization of a text in any of the members' scripts (see the module comment
 * and README.md): lower-case ASCII, words separated by single spaces.
 *
 * `lang` is an optional BCP 47 hint (`kk`, `uz-Latn`, `az`, `ro`, `be`, `uk`, `hy`…); without it
 * the language is read from the letters, which is enough whenever national letters are present.
 *
 * @example romanize('Нұрсұлтан Әбішұлы') // "nursultan abishuly"
 * @example romanize('Հովհաննիսյան') // "hovhannisyan"
 * @example romanize('Məmmədov') // "mammadov"
 * @example romanize('Іваноў') // "ivanou"
 */
export function romanize(s: string, lang?: string): string {
  const prepared = prepare(s);
  const ctx = langContext(prepared, lang);
  let out = '';
  let start = 0;
  for (let i = 0; i <= prepared.length; i++) {
    if (i === prepared.length || prepared.charCodeAt(i) === 32) {
      if (i > start) {
        const r = romanizeWord(prepared.slice(start, i), ctx);
        if (r) out += out ? ` ${r}` : r;
      }
      start = i + 1;
    }
  }
  return out;
}
