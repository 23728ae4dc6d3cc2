/**
 * The phonetic skeleton: folds the usual transliteration variants of a name onto one form.
 *
 * Pipeline for each word: romanize (canonical, `romanize.ts`) → if the word was written in
 * Latin, read it in the transliteration style it shows (English/ICAO, German, French, Polish)
 * → tokenize into sound classes → glide rules → collapse doubles → suffix rules → root table.
 *
 * Skeleton alphabet (lower-case ASCII): vowels `a e i o u`; consonants `b d f k l m n p r s t v z`
 * as themselves, and five classes:
 * - `h` — г/х/ғ/ҳ/һ/ղ/խ/հ and Latin g, gh, h, kh, x (see README, "g/h/kh/x")
 * - `j` — ж, дж, ҷ, ջ and Latin zh, j, dj, dzh
 * - `x` — ш (sh, German sch, French ch, Polish sz, š)
 * - `c` — ч (ch, tch, tsch, cz, č); щ is `xc`
 * - `k` — к, қ, Latin k, q, ck, hard c
 * ц is the two letters `ts` (German z, tz, Polish c all land there).
 *
 * Every rule is listed with the real-world variant it folds in README.md.
 */
import { prepare } from './normalize.ts';
import { isLatinWord, langContext, romanizeWord, type LangContext } from './romanize.ts';

// Letter codes.
// biome-ignore format: a table reads better on three lines
const A = 97, B = 98, C = 99, D = 100, E = 101, F = 102, H = 104, I = 105, J = 106, K = 107;
// biome-ignore format: a table reads better on three lines
const L = 108, M = 109, N = 110, O = 111, P = 112, S = 115, T = 116, U = 117, V = 118;
// biome-ignore format: a table reads better on three lines
const X = 120, Y = 121, Z = 122;

const DEFAULT = 0;
const GERMAN = 1;
const FRENCH = 2;
const POLISH = 3;
/** GOST 7.79-2000 system B: ц = cz (c before e i y j), х = x, щ = shh, й = j, ь = ` or '. */
const GOST = 4;

const isVowel = (c: number): boolean => c === A || c === E || c === I || c === O || c === U || c === Y;
const isFront = (c: number): boolean => c === E || c === I || c === Y;
const isSibilantCode = (c: number): boolean => c === X || c === C || c === J;
/**
 * A Latin `j` before a vowel after these letters is a glide (Marija, Andrejev, Fjodor, Pjotr,
 * Ljudmila); after m, n, r, d and at a word start it is Turkic дж (Sanjar, Ilhomjon, Jasur).
 */
const isGlideJContext = (prev: number): boolean =>
  prev === I ||
  prev === E ||
  prev === F ||
  prev === P ||
  prev === B ||
  prev === V ||
  prev === L ||
  prev === T ||
  prev === S ||
  prev === Z ||
  prev === K;

/**
 * Which transliteration a Latin word follows. Polish: `sz`, or `cz` with a `w`. GOST 7.79 B:
 * `cz` without `w`, `shh`, `j` before a consonant, or `y'` (ы) in the source word (`primed`).
 * German: `w`, `tz`, `tsch`, or `sch` in a word without English markers (`kh zh ts y`).
 * French: `ou` (not word-final, where it is Belarusian `-оў`), `tch`, `gue`/`gui`. Otherwise
 * English/ICAO/BGN.
 */
function detectStyle(w: string, primed: boolean): number {
  const n = w.length;
  let cz = false;
  let gost = primed;
  let german = false;
  let sch = false;
  let english = false;
  let french = false;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    const n1 = i + 1 < n ? w.charCodeAt(i + 1) : 0;
    switch (c) {
      case 119: // w
        german = true;
        break;
      case 106: // j
        if (n1 !== 0 && !isVowel(n1)) gost = true; // й before a consonant: Zajcev
        break;
      case 121: // y
        english = true;
        break;
      case 107: // k
      case 122: // z
        if (n1 === H) english = true;
        break;
      case 115: // s
        if (n1 === Z) return POLISH;
        if (n1 === C && i + 2 < n && w.charCodeAt(i + 2) === H) sch = true;
        if (n1 === H && i + 2 < n && w.charCodeAt(i + 2) === H) gost = true; // shh
        break;
      case 99: // c
        if (n1 === Z) cz = true;
        break;
      case 116: // t
        if (n1 === Z) german = true;
        else if (n1 === S) {
          english = true;
          if (w.startsWith('ch', i + 2)) german = true;
        } else if (n1 === C && i + 2 < n && w.charCodeAt(i + 2) === H && (i === 0 || w.charCodeAt(i - 1) !== S)) {
          french = true;
        }
        break;
      case 111: // o
        if (n1 === U && i + 2 !== n) french = true;
        break;
      case 103: // g
        if (n1 === U && i + 2 < n && (w.charCodeAt(i + 2) === E || w.charCodeAt(i + 2) === I)) french = true;
        break;
    }
  }
  if (cz) return german ? POLISH : GOST; // Polish writes в as w: Gorbaczow; GOST B: Kuzneczov
  if (gost && !german) return GOST;
  if (german || (sch && !english)) return GERMAN;
  return french ? FRENCH : DEFAULT;
}

/** Words whose Latin `x` is `ks` (European spellings of Russian names), not Uzbek/Azerbaijani `х`. */
const X_AS_KS = ['alex', 'maxim', 'xeni', 'oxan', 'roxan', 'felix'];
/** Word starts whose Latin `j` is `й` (German/Polish/Serbian spellings), not Turkic `дж`. */
const J_AS_Y = [
  'jaroslav',
  'jakov',
  'jakub',
  'jegor',
  'jevgen',
  'jekater',
  'jelen',
  'jelizav',
  'jefim',
  'jemel',
  'jermol',
  'juli',
  'jurij',
  'jurje',
  'jurji',
  'jana',
  'josif',
  'jozef',
];
/** Whole words likewise (`jura` is left out: Uzbek Jo'ra/Жура is as common as Юра). */
const J_AS_Y_WORDS = new Set(['jan', 'juri']);

function startsWithAny(w: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (w.startsWith(p)) return true;
  return false;
}

// Scratch buffers reused by every call (the functions are synchronous, so never shared).
let tokens = new Uint8Array(256);
let glided = new Uint8Array(256);
let consonants = new Uint8Array(64);

/**
 * After the vowel at `i`, the length of a word-final spelling of the в of -ов/-ев other than
 * `v`/`w`: Belarusian `u` (-оў, -еў: Ivanou, Lebedzeu), `ff` (Smirnoff), or `f` in a word of
 * six letters or more (Ivanof); 0 when there is none.
 */
function finalV(w: string, i: number): number {
  const n = w.length;
  const n1 = i + 1 < n ? w.charCodeAt(i + 1) : 0;
  if (i + 2 === n) return n1 === U || (n1 === F && n >= 6) ? 1 : 0;
  return i + 3 === n && n1 === F && w.charCodeAt(i + 2) === F ? 2 : 0;
}

/**
 * Sound-class tokens of one romanized word (ASCII a–z only); `y` marks a glide/`ы`. `latin`:
 * the word was written in Latin letters; `be`: the name is Belarusian.
 */
function tokenize(w: string, style: number, jAsY: boolean, latin: boolean, be: boolean): number {
  const out = tokens;
  let p = 0;
  let v = 0;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    const n1 = i + 1 < n ? w.charCodeAt(i + 1) : 0;
    const n2 = i + 2 < n ? w.charCodeAt(i + 2) : 0;
    const n3 = i + 3 < n ? w.charCodeAt(i + 3) : 0;
    switch (c) {
      case 97: // a
        // Belarusian ў after а is the Russian в before a consonant and at the word's end:
        // Станіслаў/Станислав, Быкаў/Bykau/Быков (akanye aside), Паўлюкевіч/Павлюкевич.
        out[p++] = A;
        if (n1 === U && (n2 === 0 || !isVowel(n2))) {
          out[p++] = V;
          i++;
        }
        break;
      case 99: // c
        if (style === GOST && (n1 === Z || isFront(n1) || n1 === J)) {
          out[p++] = T; // ц: cz, and c before e i y j
          out[p++] = S;
          if (n1 === Z) i++;
        } else if (n1 === H) {
          out[p++] = style === FRENCH ? X : style === DEFAULT || style === GOST ? C : H;
          i++;
        } else if (n1 === K) {
          out[p++] = K;
          i++;
        } else if (n1 === Z) {
          out[p++] = C;
          i++;
        } else if (isFront(n1)) {
          if (style === FRENCH) out[p++] = S;
          else if (style === DEFAULT) {
            out[p++] = C; // Romanian/Moldovan ce, ci = че, чи (Cebotari, Ciobanu)
            if (n1 === I && isVowel(n2) && n2 !== I && n2 !== Y) i++; // ci + vowel: the i is silent
          } else {
            out[p++] = T;
            out[p++] = S;
          }
        } else if (style === POLISH) {
          out[p++] = T;
          out[p++] = S;
        } else out[p++] = K;
        break;
      case 100: // d
        if (n1 === Z && n2 === H) {
          out[p++] = J;
          i += 2;
        } else if (style === GERMAN && n1 === S && n2 === C && n3 === H) {
          out[p++] = J;
          i += 3;
        } else if (n1 === J && (style === DEFAULT || style === FRENCH)) {
          out[p++] = J;
          i++;
        } else if (n1 === Z && ((i === 0 && n2 === M) || isFront(n2))) {
          out[p++] = D; // Belarusian дз = Russian д: Lebedzeu, Dzmitry
          i++;
        } else out[p++] = D;
        break;
      case 101: // e
        v = finalV(w, i);
        if (n1 === A)
          out[p++] = Y; // Romanian ea = я (Munteanu)
        else if (v > 0) {
          out[p++] = E;
          out[p++] = V;
          i += v;
        } else if (n1 === U && n2 !== 0 && !isVowel(n2)) {
          out[p++] = E; // Belarusian еў before a consonant = ев: Георгіеўна/Георгиевна
          out[p++] = V;
          i++;
        } else if (style === FRENCH && i === n - 1 && i > 0 && !isVowel(w.charCodeAt(i - 1))) {
          // French mute final e: Chtchoukine
        } else out[p++] = E;
        break;
      case 103: // g
        if (style === FRENCH && n1 === U && isFront(n2)) i++;
        else if (n1 === H) i++;
        out[p++] = H;
        break;
      case 106: // j
        if (style === GERMAN || style === POLISH || style === GOST) out[p++] = Y;
        else if (style === FRENCH) out[p++] = J;
        else if (!isVowel(n1)) out[p++] = Y;
        else if (i > 0 && isGlideJContext(w.charCodeAt(i - 1))) out[p++] = Y;
        else if (i === 0 && jAsY) out[p++] = Y;
        else if (n1 === A && n2 === N && i >= 4 && !isVowel(w.charCodeAt(i - 1)) && (i + 3 === n || n3 === T || n3 === Z)) {
          out[p++] = Y; // Armenian -jan, -janz (Petrosjan)
        } else out[p++] = J;
        break;
      case 107: // k
        if (n1 === H) {
          out[p++] = H;
          i++;
        } else out[p++] = K;
        break;
      case 111: // o
        v = finalV(w, i);
        if (v > 0) {
          out[p++] = O;
          out[p++] = V;
          i += v;
        } else if (n1 === U && ((!latin && n2 !== 0 && !isVowel(n2)) || (latin && w.startsWith('usk', i + 1)))) {
          // Cyrillic оу before a consonant is Belarusian оў = ов (Ціханоўская/Тихановская); in Latin
          // only -ousk- is (Tsikhanouskaya): elsewhere ou is French у.
          out[p++] = O;
          out[p++] = V;
          i++;
        } else if (n1 === U) {
          out[p++] = U; // French ou
          i++;
        } else out[p++] = O;
        break;
      case 112: // p
        if (n1 === H) {
          out[p++] = F;
          i++;
        } else out[p++] = P;
        break;
      case 113: // q
        out[p++] = K;
        break;
      case 115: // s
        if (style === GERMAN) {
          if (n1 === H) {
            out[p++] = J; // Duden: ж = sh (Shukow), ш = sch
            i++;
          } else if (n1 === C && n2 === H && n3 === T && w.startsWith('sch', i + 4)) {
            out[p++] = X; // schtsch
            out[p++] = C;
            i += 6;
          } else if (n1 === C && n2 === H) {
            out[p++] = X;
            i += 2;
          } else if (n1 === S) {
            out[p++] = S;
            i++;
          } else if (i > 0 && isVowel(w.charCodeAt(i - 1)) && isVowel(n1)) out[p++] = Z;
          else out[p++] = S;
        } else if (style === POLISH) {
          if (n1 === Z && n2 === C && n3 === Z) {
            out[p++] = X;
            out[p++] = C;
            i += 3;
          } else if (n1 === Z) {
            out[p++] = X;
            i++;
          } else out[p++] = S;
        } else if (n1 === H && n2 === C && n3 === H) {
          out[p++] = X;
          out[p++] = C;
          i += 3;
        } else if (style === GOST && n1 === H && n2 === H) {
          out[p++] = X; // GOST щ = shh
          out[p++] = C;
          i += 2;
        } else if (n1 === C && n2 === H) {
          out[p++] = X;
          out[p++] = C; // sch in an English-styled word: щ (Khruschev)
          i += 2;
        } else if (n1 === H) {
          out[p++] = X;
          i++;
        } else out[p++] = S;
        break;
      case 116: // t
        if (be && n1 === S && (n2 === I || n2 === E)) {
          out[p++] = T; // Belarusian ць, ці, це, ця = Russian ть, ти, те, тя: Ціханоўскі/Тихановский, Кацярына
          i++;
        } else if (n1 === S && n2 === C && n3 === H) {
          out[p++] = C;
          i += 3;
        } else if (n1 === C && n2 === H && style !== GERMAN) {
          out[p++] = C;
          i += 2;
        } else if (n1 === Z) {
          out[p++] = T;
          out[p++] = S;
          i++;
        } else if (n1 === H) {
          out[p++] = T;
          i++;
        } else out[p++] = T;
        break;
      case 119: // w
        out[p++] = V;
        break;
      case 120: // x
        if (style === DEFAULT || style === GOST) out[p++] = H;
        else {
          out[p++] = K;
          out[p++] = S;
        }
        break;
      case 122: // z
        if (n1 === H) {
          out[p++] = J;
          i++;
        } else if (style === GERMAN) {
          out[p++] = T;
          out[p++] = S;
        } else out[p++] = Z;
        break;
      default:
        if (c >= A && c <= Z) out[p++] = c; // a b f h i l m n r u v y
    }
  }
  return p;
}

/**
 * Glide rules on a token array: a run of `i`/`y` before `e` disappears (ye/ie/je/e, and ICAO
 * dropping ь: Yuryev/Yurev, Aliyev/Aliev); before `o` it disappears and the `o` becomes `e`
 * (yo/io/jo/ё: Fyodor/Fiodor/Fjodor/Fedor), except a word-initial plain `io` (Ion, Iosif);
 * before `u` after a consonant it disappears (Lyudmila/Ludmila); anywhere else it is one `i`
 * (ya/ia/ja → ia, -iy/-ii/-yi/-y → i, ы → i).
 */
function glides(n: number): number {
  const a = tokens;
  const out = glided;
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = a[i]!;
    if (c !== I && c !== Y) {
      if (len === 0 || out[len - 1] !== c) out[len++] = c; // doubles collapse: Petrossian, Mammadov
      i++;
      continue;
    }
    let r = i;
    while (r < n && (a[r] === I || a[r] === Y)) r++;
    const next = r < n ? a[r]! : 0;
    if (next === E) {
      // dropped
    } else if (next === O) {
      if (i === 0 && r === 1 && c === I)
        out[len++] = I; // word start, so nothing to collapse with
      else a[r] = E;
    } else if (next === U && len > 0 && !isVowel(out[len - 1]!)) {
      // dropped
    } else if (len === 0 || out[len - 1] !== I) out[len++] = I;
    i = r;
  }
  return len;
}

/**
 * Irregular correspondences between frequent name roots that no letter rule can fold, as
 * skeleton prefixes → canonical prefix. Grow it from data (README, "Root table").
 */
const ROOTS: readonly (readonly [string, string])[] = [
  // Հովհաննես: Hovhannes / Ovanes / Oganes / Hovannes (Hovhannisyan, Ovannisyan, Oganesyan)
  ...['hovhanes', 'hovhanis', 'hovanes', 'hovanis', 'ovhanes', 'ovhanis', 'ovanis', 'ohanes', 'ohanis', 'hohanes', 'hohanis'].map(
    (v) => [v, 'ovanes'] as const,
  ),
  // Ղազար: Ghazar / Kazar / Gazar (Ghazaryan, Казарян, Газарян)
  ['hazar', 'kazar'],
  // Azerbaijani Məmməd: Mammad / Mamed / Mamad
  ['mamad', 'mamed'],
  // Muhammad: Mukhamed / Muhammad / Magomed / Mohammed
  ...['muhamad', 'mohamad', 'mohamed', 'mahamad', 'mahamed', 'mahomed', 'mahamet', 'muhamet'].map((v) => [v, 'muhamed'] as const),
  // Ahmad: Akhmed / Ahmad / Əhməd
  ['ahmad', 'ahmed'],
  // Husayn: Huseyn / Guseyn / Husain / Gusein (Tatar Khusainov)
  ...['husain', 'husein', 'hosein'].map((v) => [v, 'husein'] as const),
  // Ukrainian and Belarusian forms of given names shared with Russian, which also start the
  // patronymics made from them: Олександр/Аляксандр/Александр, Олексійович, Мікалаевіч.
  ['aleksander', 'aleksandr'], // English and German Alexander
  ['aleksandre', 'aleksandr'], // French and Georgian Alexandre, Aleksandre
  // Armenian roots as Russian writes them: Hakob/Акоп (Hakobyan/Акопян), Sargis/Саркис
  // (Sargsyan/Саргсян/Саркисян/Sarkissian).
  ['akob', 'akop'],
  ['sarhs', 'sarkis'],
  ['oleks', 'aleks'],
  ['aliaks', 'aleks'],
  ['alaks', 'aleks'], // Łacinka Alaksandr
  ['volodimir', 'vladimir'],
  ['ulad', 'vlad'], // Уладзімір, Уладзіслаў
  ['mikol', 'nikol'], // Микола, Миколайович
  ['mikal', 'nikol'], // Мікалай
  ['siarh', 'serh'], // Сяргей
  ['sviatl', 'svetl'], // Святлана
  ['tetian', 'tatian'], // Тетяна
  ['viktar', 'viktor'], // Віктар, Віктаравіч
  ['rihor', 'hrihor'], // Рыгор, Рыгоравіч
];

/**
 * Whole-word Ukrainian and Belarusian forms of shared given names whose Russian form differs in
 * its ending (or in a vowel no rule may fold), after the root table: Микола = Николай.
 */
const WORDS = new Map<string, string>([
  ['nikola', 'nikolai'], // Микола, Mykola (Serbian Nikola is the same name)
  ['dmitro', 'dmitri'], // Дмитро
  ['petro', 'petr'], // Петро
  ['piatro', 'petr'], // Пятро
  ['pavlo', 'pavel'], // Павло
  ['vasil', 'vasili'], // Василь, Васіль
  ['evhen', 'evheni'], // Євген, Yevhen (Romanian Eugen as well)
  ['iavhen', 'evheni'], // Яўген
  ['kirilo', 'kiril'], // Кирило
  ['mihailo', 'mihail'], // Михайло
  ['fedir', 'fedor'], // Федір
  ['fedar', 'fedor'], // Фёдар
  ['iakiv', 'iakov'], // Яків
  ['olena', 'elena'], // Олена
  ['volha', 'olha'], // Вольга
  ['hana', 'ana'], // Ганна
  ['ihar', 'ihor'], // Ігар
  ['raman', 'roman'], // Раман
  ['aleh', 'oleh'], // Алег
  ['iahor', 'ehor'], // Ягор
  ['miheil', 'mihail'], // Georgian Mikheil
]);

/** ROOTS indexed by the code of their first letter. */
const ROOTS_BY_INITIAL: ((readonly [string, string])[] | undefined)[] = new Array<undefined>(128).fill(undefined);
for (const entry of ROOTS) {
  const initial = entry[0].charCodeAt(0);
  ROOTS_BY_INITIAL[initial] ??= [];
  ROOTS_BY_INITIAL[initial].push(entry);
}

/**
 * `String.fromCharCode` over the first `n` codes. Spelling the arguments out for short words is
 * about twice as fast as concatenating characters or `apply`, and skeletons are short.
 */
function codesToString(b: Uint8Array, n: number): string {
  switch (n) {
    case 0:
      return '';
    case 1:
      return String.fromCharCode(b[0]!);
    case 2:
      return String.fromCharCode(b[0]!, b[1]!);
    case 3:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!);
    case 4:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!);
    case 5:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!);
    case 6:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!);
    case 7:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!);
    case 8:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!, b[7]!);
    case 9:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!, b[7]!, b[8]!);
    case 10:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!, b[7]!, b[8]!, b[9]!);
    default:
      return String.fromCharCode.apply(null, b.subarray(0, n) as unknown as number[]);
  }
}

function rootOf(s: string): string | undefined {
  const candidates = ROOTS_BY_INITIAL[s.charCodeAt(0)];
  if (candidates) {
    for (const [variant, canon] of candidates) if (s.startsWith(variant)) return canon + s.slice(variant.length);
  }
  return undefined;
}

/**
 * Russian drops the initial հ of Armenian surnames (Harutyunyan/Арутюнян, Hakobyan/Акопян,
 * Hayrapetyan/Айрапетян): an `h` + vowel at the start of a word in `-ian` (Armenian -յան) goes.
 * Russian names never end in -ian, so Харитонов, Галина keep theirs.
 */
const armenianH = (s: string): boolean => s.length >= 7 && s.charCodeAt(0) === H && isVowel(s.charCodeAt(1)) && s.endsWith('ian');

function applyRoots(s: string): string {
  let rooted = rootOf(s);
  if (rooted === undefined && armenianH(s)) {
    const w = s.slice(1);
    rooted = rootOf(w) ?? w;
  }
  rooted ??= s;
  return WORDS.get(rooted) ?? rooted;
}

/**
 * Skeleton of one romanized hyphen-free word; `latin` when the source word was Latin script in
 * no known national orthography, `be` when the name is known to be Belarusian.
 */
export function skeletonOfRomanized(romanized: string, latin: boolean, be = false, primed = false): string {
  let w = romanized; // ASCII letters and perhaps digits, which tokenize skips
  if (w.length === 0) return '';
  let style = DEFAULT;
  let jAsY = false;
  if (latin) {
    style = detectStyle(w, primed);
    if (style === DEFAULT) {
      if (w.includes('x') && startsWithAny(w, X_AS_KS)) w = w.replace('x', 'ks');
      if (w.charCodeAt(0) === J) jAsY = J_AS_Y_WORDS.has(w) || startsWithAny(w, J_AS_Y);
    }
  }
  if (tokens.length < 3 * w.length + 8) {
    tokens = new Uint8Array(3 * w.length + 8);
    glided = new Uint8Array(3 * w.length + 8);
  }
  let len = glides(tokenize(w, style, jAsY, latin, be));
  // Ukrainian -ій, Belarusian and Russian -ей: Сергій/Сергей/Serhii/Sergei, Андрій/Andrei, Олексій/Алексей.
  if (len >= 4 && glided[len - 1] === I && glided[len - 2] === E && !isVowel(glided[len - 3]!)) {
    glided[len - 2] = I;
    len--;
  }
  // -ov after ш ж ч щ is the spelling of -ёв: Khrushchov/Khrushchev, Gorbatschow/Gorbachev.
  if (len >= 4) {
    const fem = glided[len - 1] === A ? 1 : 0;
    const o = len - 2 - fem;
    if (glided[o + 1] === V && glided[o] === O && isSibilantCode(glided[o - 1]!)) glided[o] = E;
    // Belarusian/Ukrainian -enka = -enko: Lukashenka/Lukashenko.
    if (len >= 5 && glided[len - 1] === A && glided[len - 2] === K && glided[len - 3] === N && glided[len - 4] === E) {
      glided[len - 1] = O;
    }
  }
  return applyRoots(codesToString(glided, len));
}

/** Skeleton of one prepared word (hyphen parts concatenated): `ter-petrosyan` → `terpetrosian`. */
export function skeletonOfWord(word: string, ctx: LangContext, romanized?: string): string {
  const rom = romanized ?? romanizeWord(word, ctx);
  const latin = ctx.latin === 'plain' && isLatinWord(word);
  // `y'` in plain Latin is GOST 7.79's ы (Solzhenicy'n); a lone prime may be Tajik ъ (Jumʼa).
  const primed = latin && word.indexOf("y'") !== -1;
  if (rom.indexOf('-') === -1) return skeletonOfRomanized(rom, latin, ctx.be, primed);
  let out = '';
  for (const part of rom.split('-')) out += skeletonOfRomanized(part, latin, ctx.be, primed);
  return out;
}

/**
 * The phonetic skeleton of a text: words (and hyphen parts) separated by single spaces.
 *
 * @example phoneticSkeleton('Щукин') // "xcukin"
 * @example phoneticSkeleton('Chtchoukine') // "xcukin"
 * @example phoneticSkeleton('Schtschukin') // "xcukin"
 * @example phoneticSkeleton('Хрущёв') === phoneticSkeleton('Chruschtschow') // true
 */
export function phoneticSkeleton(s: string, lang?: string): string {
  const prepared = prepare(s);
  const ctx = langContext(prepared, lang);
  const parts: string[] = [];
  for (const word of prepared.split(' ')) {
    if (!word) continue;
    const rom = romanizeWord(word, ctx);
    const latin = ctx.latin === 'plain' && isLatinWord(word);
    const primed = latin && word.indexOf("y'") !== -1;
    for (const part of rom.split('-')) {
      const sk = skeletonOfRomanized(part, latin, ctx.be, primed);
      if (sk) parts.push(sk);
    }
  }
  return parts.join(' ');
}

/**
 * A coarser key over a skeleton for blocking and the `fuzzy` level: vowels dropped (an initial
 * vowel becomes `a`), `x → s` and `c → k` (diacritics lost in MRZ: Şükürov/SUKUROV,
 * Ţurcanu/TURCANU), `ts → t`, an initial `h` merged with `k` (Ghazaryan/Kazarian,
 * Гулиев/Quliyev), doubles collapsed. Catches Uzbek/Tajik o/a/u and Azerbaijani ə variation
 * (Orinbaev/Urinboev/Oʻrinboyev, Mammadov/Mamedov).
 *
 * @example consonantKey('orinboev') // "arnbv"
 */
export function consonantKey(skeleton: string): string {
  const n = skeleton.length;
  if (consonants.length < n) consonants = new Uint8Array(2 * n);
  const out = consonants;
  let len = 0;
  let last = 0;
  for (let i = 0; i < n; i++) {
    let c = skeleton.charCodeAt(i);
    if (isVowel(c)) {
      if (i === 0) out[len++] = A;
      last = 0;
      continue;
    }
    if (c === X) c = S;
    else if (c === C) c = K;
    else if (c === H && i === 0) c = K;
    if (c === S && i > 0 && skeleton.charCodeAt(i - 1) === T) continue;
    if (c === last || c < A || c > Z) continue;
    out[len++] = c;
    last = c;
  }
  return codesToString(out, len);
}
