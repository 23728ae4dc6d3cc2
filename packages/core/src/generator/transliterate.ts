/**
 * Script conversions the member states really apply to names: passport romanizations, the
 * older French- and German-style spellings still found in archives, Russian renderings of
 * Central Asian, Azerbaijani and Armenian names, and the Latin/Armenian renderings the
 * Latin- and Armenian-script states give to Russian names.
 *
 * These are generators of realistic variants, not reference implementations of the
 * standards: each table follows its system closely enough that two states' records of the
 * same person differ the way they do in life.
 */

interface Context {
  /** The previous source character (lower case), '' at the start of a word. */
  prev: string;
  /** The next source character (lower case), '' at the end of a word. */
  next: string;
  start: boolean;
  end: boolean;
}

type Output = string | ((c: Context) => string);

interface Table {
  map: Readonly<Record<string, Output>>;
  /** Word-final source endings replaced as a whole (e.g. -ий → -i). Longest first. */
  finals?: readonly (readonly [string, string])[];
  /** How the output is upper-cased: Azerbaijani needs the dotted İ. */
  upper?: (s: string) => string;
}

const CYR_VOWELS = 'аеёиоуыэюяіўәөұүӣӯ';
const LAT_VOWELS = 'aeiouyəıöüâîă';
const ARM_VOWELS = 'աեէըիոօ';
const isVowel = (ch: string) => ch !== '' && (CYR_VOWELS.includes(ch) || LAT_VOWELS.includes(ch) || ARM_VOWELS.includes(ch));
/** Letters after which a Cyrillic iotated vowel is pronounced with y-: vowels, signs, apostrophe. */
const iotates = (c: Context) => c.start || isVowel(c.prev) || "ъь'ʼ’йў".includes(c.prev);

/** Per-language lower-casing: Turkic dotted capital İ must become plain i, not i + U+0307. */
const lower = (s: string) => (s.includes('İ') ? s.replace(/İ/g, 'i') : s).toLowerCase();

/** The longest source key of each table, so the matcher does not try impossible lengths. */
const keyLengths = new WeakMap<Table, number>();
function maxKey(table: Table): number {
  let n = keyLengths.get(table);
  if (n === undefined) {
    n = Math.max(1, ...Object.keys(table.map).map((k) => k.length));
    keyLengths.set(table, n);
  }
  return n;
}

const azUpper = (s: string) => s.replace(/i/g, 'İ').replace(/ı/g, 'I').toUpperCase();

function transliterateWord(word: string, table: Table): string {
  const src = lower(word);
  let end = src.length;
  let tail = '';
  for (const [ending, out] of table.finals ?? []) {
    if (src.length > ending.length + 1 && src.endsWith(ending)) {
      end = src.length - ending.length;
      tail = out;
      break;
    }
  }
  let out = '';
  let i = 0;
  const longest = maxKey(table);
  while (i < end) {
    let matched = false;
    for (let len = longest; len >= 1; len--) {
      if (i + len > end) continue;
      const key = src.slice(i, i + len);
      const rule = table.map[key];
      if (rule === undefined) continue;
      const ctx: Context = { prev: src[i - 1] ?? '', next: src[i + len] ?? '', start: i === 0, end: i + len === src.length };
      out += typeof rule === 'string' ? rule : rule(ctx);
      i += len;
      matched = true;
      break;
    }
    if (!matched) {
      out += src[i];
      i += 1;
    }
  }
  out += tail;
  return recase(word, out, table.upper ?? ((s) => s.toUpperCase()));
}

/** Carries the source word's capitalisation (Title, UPPER or lower) over to its rendering. */
function recase(source: string, out: string, upper: (s: string) => string): string {
  if (out === '') return out;
  const isUpper = source.length > 1 && source === source.toUpperCase() && source !== source.toLowerCase();
  if (isUpper) return upper(out);
  const first = source.charAt(0);
  if (first !== first.toLowerCase()) {
    const cp = out.codePointAt(0) ?? 0;
    const head = String.fromCodePoint(cp);
    return upper(head) + out.slice(head.length);
  }
  return out;
}

/** Applies a table word by word; spaces and hyphens are kept (Ter-Petrosyan, Bakyt uulu). */
function apply(text: string, table: Table): string {
  return text
    .split(/([\s-]+)/)
    .map((part, idx) => (idx % 2 === 1 || part === '' ? part : transliterateWord(part, table)))
    .join('');
}

/* ---------- Russian Cyrillic → Latin: the systems found in members' archives ---------- */

const RU_BASE: Record<string, Output> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  з: 'z',
  и: 'i',
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
  і: 'i',
  ў: 'u',
};

/** ICAO Doc 9303 (Russian passports since 2014): ia, iu, ie for ъ, i for й. */
const ICAO: Table = {
  map: {
    ...RU_BASE,
    е: 'e',
    ё: 'e',
    ж: 'zh',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: 'ie',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'iu',
    я: 'ia',
  },
};

/** BGN/PCGN 1947 as commonly applied (soft and hard signs dropped): ye-, yu, ya, -iy. */
const BGN: Table = {
  map: {
    ...RU_BASE,
    е: (c) => (iotates(c) ? 'ye' : 'e'),
    ё: (c) => (iotates(c) ? 'yë' : 'ë'),
    ж: 'zh',
    й: 'y',
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
  },
};

/** GOST 7.79-2000 system B: x for х, cz/c for ц, backticks for the signs. */
const GOST: Table = {
  map: {
    ...RU_BASE,
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    й: 'j',
    х: 'x',
    ц: (c) => ('еиыйі'.includes(c.next) ? 'c' : 'cz'),
    ч: 'ch',
    ш: 'sh',
    щ: 'shh',
    ъ: '``',
    ы: 'y`',
    ь: '`',
    э: 'e`',
    ю: 'yu',
    я: 'ya',
  },
};

/** The French-style spelling of Soviet-era and émigré documents: ou, tch, ch, -off. */
const FRENCH: Table = {
  map: {
    ...RU_BASE,
    г: (c) => ('еиёэ'.includes(c.next) ? 'gu' : 'g'),
    е: 'e',
    ё: 'io',
    ж: 'j',
    й: 'i',
    с: (c) => (isVowel(c.prev) && isVowel(c.next) ? 'ss' : 's'),
    у: 'ou',
    х: 'kh',
    ц: 'ts',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'iou',
    я: 'ia',
  },
  finals: [
    ['ов', 'off'],
    ['ев', 'eff'],
    ['ёв', 'ioff'],
    ['ий', 'i'],
    ['ый', 'y'],
  ],
};

/** The German (Duden) spelling: w, sch, tsch, z, -ow. */
const GERMAN: Table = {
  map: {
    ...RU_BASE,
    в: 'w',
    е: (c) => (iotates(c) ? 'je' : 'e'),
    ё: 'jo',
    ж: 'sh',
    з: 's',
    й: (c) => (c.end || isVowel(c.next) ? 'j' : 'i'),
    с: (c) => (isVowel(c.prev) && isVowel(c.next) ? 'ss' : 's'),
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'ju',
    я: 'ja',
  },
  finals: [
    ['ий', 'i'],
    ['ый', 'y'],
  ],
};

/** Belarusian passports (national system): h for г, ia/ie/iu after consonants, u for ў. */
const BELARUSIAN: Table = {
  map: {
    ...RU_BASE,
    г: 'h',
    ґ: 'g',
    е: (c) => (iotates(c) ? 'ye' : 'e'),
    ё: (c) => (iotates(c) ? 'yo' : 'io'),
    ю: (c) => (iotates(c) ? 'yu' : 'iu'),
    я: (c) => (iotates(c) ? 'ya' : 'ia'),
    ж: 'zh',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    "'": '',
    ʼ: '',
  },
  finals: [['ый', 'y']],
};

/**
 * Ukrainian passports since 2010 (the Cabinet of Ministers' table): h for г, y for и, initial
 * ye-/yi-/yu-/ya- and medial ie/i/iu/ia, apostrophe and soft sign dropped — Dmytro, Serhii, Olena.
 */
const UKRAINIAN_LATIN: Table = {
  map: {
    ...RU_BASE,
    г: 'h',
    ґ: 'g',
    е: 'e',
    є: (c) => (c.start ? 'ye' : 'ie'),
    ж: 'zh',
    зг: 'zgh',
    и: 'y',
    ї: (c) => (c.start ? 'yi' : 'i'),
    й: (c) => (c.start ? 'y' : 'i'),
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ь: '',
    ю: (c) => (c.start ? 'yu' : 'iu'),
    я: (c) => (c.start ? 'ya' : 'ia'),
    "'": '',
    ʼ: '',
    '’': '',
  },
};

/** Kazakh passports before the 2021 Latin alphabet: Kazakh letters folded, initial ye-. */
const KAZAKH: Table = {
  map: {
    ...RU_BASE,
    ә: 'a',
    ғ: 'g',
    қ: 'k',
    ң: 'n',
    ө: 'o',
    ұ: 'u',
    ү: 'u',
    һ: 'h',
    е: (c) => (c.start ? 'ye' : 'e'),
    ё: 'yo',
    ж: 'zh',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'sch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  },
};

/** Kyrgyz passports: ng for ң, Kyrgyz vowels folded. */
const KYRGYZ: Table = {
  map: {
    ...RU_BASE,
    ң: 'ng',
    ө: 'o',
    ү: 'u',
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'sch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  },
};

/** Tajik passports: j for ҷ, gh for ғ, q for қ, h for ҳ. */
const TAJIK: Table = {
  map: {
    ...RU_BASE,
    ғ: 'gh',
    ӣ: 'i',
    қ: 'q',
    ӯ: 'u',
    ҳ: 'h',
    ҷ: 'j',
    е: (c) => (c.start ? 'ye' : 'e'),
    ё: 'yo',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'sh',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  },
};

/* ---------- Russian Cyrillic → the Latin and Armenian scripts of the other members ---------- */

/** How Uzbek records spell Russian names: x for х, j for ж, ye-. */
const RU_TO_UZ: Table = {
  map: {
    ...RU_BASE,
    дж: 'j',
    е: (c) => (iotates(c) ? 'ye' : 'e'),
    ё: 'yo',
    ж: 'j',
    й: 'y',
    х: 'x',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'sh',
    ъ: "'",
    ы: 'i',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  },
};

/** How Azerbaijani records spell Russian names: q for г, ç, ş, ı. */
const RU_TO_AZ: Table = {
  map: {
    ...RU_BASE,
    дж: 'c',
    г: 'q',
    е: (c) => (iotates(c) ? 'ye' : 'e'),
    ё: 'yo',
    ж: 'j',
    й: 'y',
    х: 'x',
    ц: 'ts',
    ч: 'ç',
    ш: 'ş',
    щ: 'şç',
    ъ: '',
    ы: 'ı',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  },
  upper: azUpper,
};

/** How Moldovan records spell Russian names: gh/ch before front vowels, ș, ț, î. */
const RU_TO_RO: Table = {
  map: {
    ...RU_BASE,
    дж: 'dj',
    г: (c) => ('еиёюяэ'.includes(c.next) ? 'gh' : 'g'),
    к: (c) => ('еиёюяэ'.includes(c.next) ? 'ch' : 'c'),
    ч: (c) => ('еи'.includes(c.next) ? 'c' : 'ci'),
    е: 'e',
    ё: 'io',
    ж: 'j',
    й: 'i',
    х: 'h',
    ц: 'ț',
    ш: 'ș',
    щ: 'șc',
    ъ: '',
    ы: 'î',
    ь: '',
    э: 'e',
    ю: 'iu',
    я: 'ia',
  },
};

/** How Armenian records spell Russian names. */
const RU_TO_HY: Table = {
  map: {
    дж: 'ջ',
    кс: 'քս',
    а: 'ա',
    б: 'բ',
    в: 'վ',
    г: 'գ',
    д: 'դ',
    е: 'ե',
    ё: 'յո',
    ж: 'ժ',
    з: 'զ',
    и: 'ի',
    й: 'յ',
    к: 'կ',
    л: 'լ',
    м: 'մ',
    н: 'ն',
    о: (c) => (c.start ? 'օ' : 'ո'),
    п: 'պ',
    р: 'ր',
    с: 'ս',
    т: 'տ',
    у: 'ու',
    ф: 'ֆ',
    х: 'խ',
    ц: 'ց',
    ч: 'չ',
    ш: 'շ',
    щ: 'շչ',
    ъ: '',
    ы: 'ը',
    ь: '',
    э: 'է',
    ю: 'յու',
    я: 'յա',
    і: 'ի',
    ў: 'ու',
  },
  finals: [
    ['ий', 'ի'],
    ['ый', 'ի'],
  ],
};

/* ---------- national scripts → Russian Cyrillic and back ---------- */

/** Kazakh, Kyrgyz and Tajik letters the way Russian-language records write them. */
const FOLD_TO_RU: Table = {
  map: { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ӣ: 'и', ӯ: 'у', ҳ: 'х', ҷ: 'дж' },
};

/** Uzbek Latin → Uzbek Cyrillic (the pre-1995 alphabet still in use). */
const UZ_TO_CYRL: Table = {
  map: {
    "yo'": 'йў',
    "o'": 'ў',
    "g'": 'ғ',
    sh: 'ш',
    ch: 'ч',
    ng: 'нг',
    yo: 'ё',
    yu: 'ю',
    ya: 'я',
    ye: 'е',
    ts: 'ц',
    a: 'а',
    b: 'б',
    d: 'д',
    e: (c) => (c.start ? 'э' : 'е'),
    f: 'ф',
    g: 'г',
    h: 'ҳ',
    i: 'и',
    j: 'ж',
    k: 'к',
    l: 'л',
    m: 'м',
    n: 'н',
    o: 'о',
    p: 'п',
    q: 'қ',
    r: 'р',
    s: 'с',
    t: 'т',
    u: 'у',
    v: 'в',
    x: 'х',
    y: 'й',
    z: 'з',
    "'": 'ъ',
  },
};

/**
 * Uzbek Latin → the Russian spelling of Uzbek names: Uzbek o is written а outside the
 * -ov suffix (Toshmatov → Ташматов), initial yo- is я- (Yoqubov → Якубов), j is дж,
 * the Uzbek-only letters are folded.
 */
const UZ_TO_RU: Table = {
  map: {
    "yo'": 'ю',
    "o'": 'у',
    "g'": 'г',
    sh: 'ш',
    ch: 'ч',
    ng: 'нг',
    yo: (c) => (c.start ? 'я' : 'ё'),
    yu: 'ю',
    ya: 'я',
    ye: 'е',
    ts: 'ц',
    a: 'а',
    b: 'б',
    d: 'д',
    e: (c) => (c.start ? 'э' : 'е'),
    f: 'ф',
    g: 'г',
    h: 'х',
    i: 'и',
    j: 'дж',
    k: 'к',
    l: 'л',
    m: 'м',
    n: 'н',
    o: (c) => (c.next === 'v' ? 'о' : 'а'),
    p: 'п',
    q: 'к',
    r: 'р',
    s: 'с',
    t: 'т',
    u: 'у',
    v: 'в',
    x: 'х',
    y: 'й',
    z: 'з',
    "'": '',
  },
};

/** Azerbaijani Latin → the Azerbaijani Cyrillic of Soviet-era documents (ә, ҝ, ҹ, ј). */
const AZ_TO_CYRL: Table = {
  map: {
    a: 'а',
    b: 'б',
    c: 'ҹ',
    ç: 'ч',
    d: 'д',
    e: 'е',
    ə: 'ә',
    f: 'ф',
    g: 'ҝ',
    ğ: 'ғ',
    h: 'һ',
    x: 'х',
    ı: 'ы',
    i: 'и',
    j: 'ж',
    k: 'к',
    q: 'г',
    l: 'л',
    m: 'м',
    n: 'н',
    o: 'о',
    ö: 'ө',
    p: 'п',
    r: 'р',
    s: 'с',
    ş: 'ш',
    t: 'т',
    u: 'у',
    ü: 'ү',
    v: 'в',
    y: 'ј',
    z: 'з',
  },
};

/** Azerbaijani Latin read letter by letter into Russian (Məmmədov → Маммадов, not Мамедов). */
const AZ_TO_RU_DIRECT: Table = {
  map: {
    ya: 'я',
    yu: 'ю',
    ye: (c) => (c.start ? 'е' : 'е'),
    yo: 'ё',
    a: 'а',
    b: 'б',
    c: 'дж',
    ç: 'ч',
    d: 'д',
    e: (c) => (c.start ? 'э' : 'е'),
    ə: 'а',
    f: 'ф',
    g: 'г',
    ğ: 'г',
    h: 'х',
    x: 'х',
    ı: 'ы',
    i: 'и',
    j: 'ж',
    k: 'к',
    q: 'г',
    l: 'л',
    m: 'м',
    n: 'н',
    o: 'о',
    ö: 'ё',
    p: 'п',
    r: 'р',
    s: 'с',
    ş: 'ш',
    t: 'т',
    u: 'у',
    ü: 'ю',
    v: 'в',
    y: 'й',
    z: 'з',
  },
};

/** Azerbaijani Latin → the ASCII spelling of passports' machine zone and English texts. */
const AZ_TO_ASCII: Table = {
  map: { ə: 'a', ğ: 'g', ı: 'i', ö: 'o', ü: 'u', ş: 'sh', ç: 'ch', c: 'j', x: 'kh', q: 'g', j: 'zh' },
};

/** Armenian passports' romanization: Hovhannisyan, Yeghiazaryan, Voskanyan. */
const ARMENIAN: Table = {
  map: {
    ու: 'u',
    և: 'ev',
    ա: 'a',
    բ: 'b',
    գ: 'g',
    դ: 'd',
    ե: (c) => (c.start ? 'ye' : 'e'),
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
    ո: (c) => (c.start ? 'vo' : 'o'),
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
  },
};

/** Armenian read letter by letter into Russian (Հովհաննիսյան → Говханнисян, not Оганесян). */
const ARMENIAN_TO_RU: Table = {
  map: {
    յա: 'я',
    ու: 'у',
    և: 'ев',
    ա: 'а',
    բ: 'б',
    գ: 'г',
    դ: 'д',
    ե: 'е',
    զ: 'з',
    է: 'э',
    ը: 'ы',
    թ: 'т',
    ժ: 'ж',
    ի: 'и',
    լ: 'л',
    խ: 'х',
    ծ: 'ц',
    կ: 'к',
    հ: 'г',
    ձ: 'дз',
    ղ: 'г',
    ճ: 'ч',
    մ: 'м',
    յ: 'й',
    ն: 'н',
    շ: 'ш',
    ո: (c) => (c.start ? 'во' : 'о'),
    չ: 'ч',
    պ: 'п',
    ջ: 'дж',
    ռ: 'р',
    ս: 'с',
    վ: 'в',
    տ: 'т',
    ր: 'р',
    ց: 'ц',
    ւ: 'в',
    փ: 'п',
    ք: 'к',
    օ: 'о',
    ֆ: 'ф',
  },
};

/* ---------- public API ---------- */

/** The romanizations of Russian Cyrillic found in the members' records. */
export const RUSSIAN_LATIN_SYSTEMS = ['icao', 'bgn', 'gost', 'french', 'german'] as const;
/** One of the Russian romanization systems. */
export type RussianLatinSystem = (typeof RUSSIAN_LATIN_SYSTEMS)[number];

const RUSSIAN_TABLES: Record<RussianLatinSystem, Table> = { icao: ICAO, bgn: BGN, gost: GOST, french: FRENCH, german: GERMAN };

/** Russian Cyrillic → Latin by one of the systems (ICAO 9303, BGN/PCGN, GOST 7.79 B, French, German). */
export const romanizeRussian = (text: string, system: RussianLatinSystem): string => apply(text, RUSSIAN_TABLES[system]);

/** The national passport romanizations. */
export const romanizeBelarusian = (text: string) => apply(text, BELARUSIAN);
export const romanizeUkrainian = (text: string) => apply(text, UKRAINIAN_LATIN);
export const romanizeKazakh = (text: string) => apply(text, KAZAKH);
export const romanizeKyrgyz = (text: string) => apply(text, KYRGYZ);
export const romanizeTajik = (text: string) => apply(text, TAJIK);
export const romanizeArmenian = (text: string) => apply(text, ARMENIAN);
export const azerbaijaniToAscii = (text: string) => apply(text, AZ_TO_ASCII);

/** Russian Cyrillic → the spelling used in Uzbek, Azerbaijani, Moldovan and Armenian records. */
export const russianToUzbek = (text: string) => apply(text, RU_TO_UZ);
export const russianToAzerbaijani = (text: string) => apply(text, RU_TO_AZ);
export const russianToRomanian = (text: string) => apply(text, RU_TO_RO);
export const russianToArmenian = (text: string) => apply(text, RU_TO_HY);

/** National scripts → Russian Cyrillic. */
export const foldToRussian = (text: string) => apply(text, FOLD_TO_RU);
export const uzbekToCyrillic = (text: string) => apply(normalizeUzbekApostrophes(text), UZ_TO_CYRL);
export const uzbekToRussian = (text: string) => apply(normalizeUzbekApostrophes(text), UZ_TO_RU);
export const azerbaijaniToCyrillic = (text: string) => apply(text, AZ_TO_CYRL);
export const azerbaijaniToRussian = (text: string) => apply(text, AZ_TO_RU_DIRECT);
export const armenianToRussian = (text: string) => apply(text, ARMENIAN_TO_RU);

/** Uzbek writes its oʻ and gʻ with several look-alike apostrophes; the tables read the ASCII one. */
export const normalizeUzbekApostrophes = (text: string) => text.replace(/[ʻʼ’‘`]/g, "'");

/** Uzbek Latin without the apostrophes of oʻ/gʻ, as in passports' machine-readable spelling. */
export const uzbekToAscii = (text: string) => normalizeUzbekApostrophes(text).replace(/'/g, '');

/** Romanian without diacritics (ă â î ș ț), as in passports' machine-readable zone. */
export const romanianToAscii = (text: string) =>
  text
    .replace(/[ăâ]/g, 'a')
    .replace(/[ĂÂ]/g, 'A')
    .replace(/î/g, 'i')
    .replace(/Î/g, 'I')
    .replace(/[șş]/g, 's')
    .replace(/[ȘŞ]/g, 'S')
    .replace(/[țţ]/g, 't')
    .replace(/[ȚŢ]/g, 'T');

/** The legacy cedilla letters (ş ţ) many Moldovan systems still emit instead of comma-below ș ț. */
export const romanianToCedilla = (text: string) => text.replace(/ș/g, 'ş').replace(/Ș/g, 'Ş').replace(/ț/g, 'ţ').replace(/Ț/g, 'Ţ');

/** Upper-cases a name the way its language does (Azerbaijani i → İ). */
export const upperName = (text: string, lang: string | undefined) =>
  lang?.startsWith('az') && !lang.endsWith('Cyrl') ? azUpper(text) : text.toUpperCase();
