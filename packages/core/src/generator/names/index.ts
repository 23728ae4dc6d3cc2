/**
 * A person's name as the truth knows it — every part in the person's own spelling and in the
 * Russian spelling other states use — and the national rules that build it: female surname
 * endings, patronymic forms, Kyrgyz "uulu" surnames, Tajik and Azerbaijani surname reforms.
 */
import type { Random } from '../random.ts';
import { azerbaijaniToRussian, armenianToRussian, foldToRussian, uzbekToRussian } from '../transliterate.ts';
import { ARMENIAN } from './armenian.ts';
import { AZERBAIJANI } from './azerbaijani.ts';
import { BELARUSIAN } from './belarusian.ts';
import { KAZAKH } from './kazakh.ts';
import { KYRGYZ } from './kyrgyz.ts';
import { MOLDOVAN } from './moldovan.ts';
import { RUSSIAN } from './russian.ts';
import { TAJIK } from './tajik.ts';
import type { NameList, Nationality } from './types.ts';
import { UKRAINIAN } from './ukrainian.ts';
import { UZBEK } from './uzbek.ts';

export { NATIONALITIES, type Nationality } from './types.ts';

/** One name part in the person's own spelling and in Russian Cyrillic; '' where that tradition omits it. */
export interface NameForms {
  native: string;
  ru: string;
}

/** A person's full name in both spellings; no patronymic where the tradition has none. */
export interface TruthName {
  surname: NameForms;
  given: NameForms;
  patronymic?: NameForms;
}

/** The scripts of the schema's PersonName. */
export type Script = 'Cyrl' | 'Latn' | 'Armn';

interface Tradition {
  list: NameList;
  script: Script;
  /** BCP 47 language of the native spelling. */
  lang: string;
  /** The Russian spelling when the entry gives none. */
  toRussian: (native: string) => string;
}

const same = (s: string) => s;

/** Each naming tradition's lists, native script and language, and Russian spelling rule. */
export const TRADITIONS: Record<Nationality, Tradition> = {
  russian: { list: RUSSIAN, script: 'Cyrl', lang: 'ru', toRussian: same },
  ukrainian: { list: UKRAINIAN, script: 'Cyrl', lang: 'ru', toRussian: same },
  belarusian: { list: BELARUSIAN, script: 'Cyrl', lang: 'be', toRussian: same },
  kazakh: { list: KAZAKH, script: 'Cyrl', lang: 'kk', toRussian: foldToRussian },
  kyrgyz: { list: KYRGYZ, script: 'Cyrl', lang: 'ky', toRussian: foldToRussian },
  tajik: { list: TAJIK, script: 'Cyrl', lang: 'tg', toRussian: foldToRussian },
  uzbek: { list: UZBEK, script: 'Latn', lang: 'uz', toRussian: uzbekToRussian },
  azerbaijani: { list: AZERBAIJANI, script: 'Latn', lang: 'az', toRussian: azerbaijaniToRussian },
  moldovan: { list: MOLDOVAN, script: 'Latn', lang: 'ro', toRussian: same },
  armenian: { list: ARMENIAN, script: 'Armn', lang: 'hy', toRussian: armenianToRussian },
};

/** Splits a list entry `native|russian` (or a bare native spelling) into both forms. */
export function parseEntry(entry: string, nationality: Nationality): NameForms {
  const bar = entry.indexOf('|');
  if (bar >= 0) return { native: entry.slice(0, bar), ru: entry.slice(bar + 1) };
  return { native: entry, ru: TRADITIONS[nationality].toRussian(entry) };
}

/* ---------- female surnames ---------- */

/** Russian-pattern female surname: -ов/-ев/-ин → -а, -ский → -ская, Belarusian -оў → -ова. */
function feminineCyrillic(s: string): string {
  if (/(ск|цк)ий$/.test(s)) return `${s.slice(0, -2)}ая`;
  if (/(ск|цк)і$/.test(s)) return `${s.slice(0, -1)}ая`;
  if (/ой$/.test(s) && s.length > 4) return `${s.slice(0, -2)}ая`;
  if (/(о|е|ё)ў$/.test(s)) return `${s.slice(0, -1)}ва`;
  if (/(ов|ев|ёв|ин|ын)$/.test(s)) return `${s}а`;
  return s;
}

/** Latin-script -ov/-yev surnames (Uzbek, Azerbaijani) take -a; -li, -zadə, Moldovan ones do not change. */
const feminineLatin = (s: string) => (/(ov|ev)$/.test(s) ? `${s}a` : s);

function feminine(s: string): string {
  if (s === '') return s;
  return /\p{Script=Cyrillic}/u.test(s) ? feminineCyrillic(s) : /\p{Script=Latin}/u.test(s) ? feminineLatin(s) : s;
}

/** The female form of a surname in both spellings. */
export const feminineForms = (f: NameForms): NameForms => ({ native: feminine(f.native), ru: feminine(f.ru) });

/* ---------- patronymics ---------- */

const RU_PATRONYMIC_EXCEPTIONS: Record<string, [string, string]> = {
  Илья: ['Ильич', 'Ильинична'],
  Никита: ['Никитич', 'Никитична'],
  Лев: ['Львович', 'Львовна'],
  Павел: ['Павлович', 'Павловна'],
  Пётр: ['Петрович', 'Петровна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Яков: ['Яковлевич', 'Яковлевна'],
  Кузьма: ['Кузьмич', 'Кузьминична'],
};

const VOWEL_END = /[аеёиоуыэюяәөұүіӣӯ]$/;

/** The Russian-style patronymic of a father's name, in whatever Cyrillic spelling it is given. */
export function russianPatronymic(father: string, female: boolean): string {
  const exception = RU_PATRONYMIC_EXCEPTIONS[father];
  if (exception) return exception[female ? 1 : 0];
  let stem: string;
  let soft: boolean;
  if (father.endsWith('ий')) {
    const base = father.slice(0, -2);
    // Дмитрий → Дмитриевич but Юрий → Юрьевич: after two consonants the и stays.
    stem = /[бвгджзклмнпрстфхцчшщ]{2}$/.test(base) ? `${base}и` : `${base}ь`;
    soft = true;
  } else if (/[еаоу]й$/.test(father)) {
    stem = father.slice(0, -1);
    soft = true;
  } else if (father.endsWith('ь')) {
    stem = father.slice(0, -1);
    soft = true;
  } else if (VOWEL_END.test(father) || /[жшчщц]$/.test(father)) {
    stem = father;
    soft = true;
  } else {
    stem = father;
    soft = false;
  }
  return stem + (soft ? (female ? 'евна' : 'евич') : female ? 'овна' : 'ович');
}

const BE_PATRONYMIC_EXCEPTIONS: Record<string, [string, string]> = {
  Павел: ['Паўлавіч', 'Паўлаўна'],
  Пётр: ['Пятровіч', 'Пятроўна'],
  Міхаіл: ['Міхайлавіч', 'Міхайлаўна'],
  Ілья: ['Ільіч', 'Ільінічна'],
  Мікіта: ['Мікітавіч', 'Мікітаўна'],
  Юрый: ["Юр'евіч", "Юр'еўна"],
};

/** The Belarusian patronymic: Іван → Іванавіч, Сяргей → Сяргеевіч, Уладзіслаў → Уладзіслававіч. */
export function belarusianPatronymic(father: string, female: boolean): string {
  const exception = BE_PATRONYMIC_EXCEPTIONS[father];
  if (exception) return exception[female ? 1 : 0];
  if (/[йь]$/.test(father)) return father.slice(0, -1) + (female ? 'еўна' : 'евіч');
  if (father.endsWith('ў')) return father.slice(0, -1) + (female ? 'ваўна' : 'вавіч');
  return father + (female ? 'аўна' : 'авіч');
}

/** Moldovan fathers' names as Soviet-era Russian documents rendered them for the patronymic. */
const MOLDOVAN_FATHER_RU: Record<string, string> = {
  Ion: 'Иван',
  Vasile: 'Василий',
  Gheorghe: 'Георгий',
  Nicolae: 'Николай',
  Mihai: 'Михаил',
  Dumitru: 'Дмитрий',
  Petru: 'Пётр',
  Grigore: 'Григорий',
  Constantin: 'Константин',
  Ilie: 'Илья',
  Andrei: 'Андрей',
  Alexandru: 'Александр',
  Vladimir: 'Владимир',
  Victor: 'Виктор',
  Pavel: 'Павел',
  Iurie: 'Юрий',
  Anatolie: 'Анатолий',
  Valeriu: 'Валерий',
  Sergiu: 'Сергей',
  Tudor: 'Фёдор',
  Ștefan: 'Степан',
};

/** Armenian patronymic in Armenian documents: the father's name in the genitive (Աշոտ → Աշոտի). */
const armenianGenitive = (father: string) => `${father}ի`;

/* ---------- the whole name ---------- */

/** What a name depends on besides nationality and sex. */
export interface NameOptions {
  birthYear: number;
}

/**
 * Draws a name in a tradition, with the patronymic style a person of that birth year would
 * carry (Soviet-era Russian-style patronymics for older Moldovans, -uly/-kyzy for some Kazakhs).
 */
export function generateName(rng: Random, nationality: Nationality, female: boolean, opts: NameOptions): TruthName {
  const { list } = TRADITIONS[nationality];
  const given = parseEntry(rng.pick(female ? list.female : list.male), nationality);
  const fatherEntry = nationality === 'moldovan' ? rng.pick(Object.keys(MOLDOVAN_FATHER_RU)) : rng.pick(list.male);
  const father = parseEntry(fatherEntry, nationality);
  let surname = parseEntry(rng.pick(list.surnames), nationality);
  if (female) surname = feminineForms(surname);
  let patronymic: NameForms | undefined;

  switch (nationality) {
    case 'russian':
    case 'ukrainian': {
      const p = russianPatronymic(father.ru, female);
      patronymic = { native: p, ru: p };
      break;
    }
    case 'belarusian':
      patronymic = { native: belarusianPatronymic(father.native, female), ru: russianPatronymic(father.ru, female) };
      break;
    case 'kazakh': {
      // The -ұлы/-қызы forms spread after independence; most documents still carry -ович.
      const native = rng.chance(opts.birthYear > 1990 ? 0.45 : 0.15)
        ? father.native + (female ? 'қызы' : 'ұлы')
        : russianPatronymic(father.native, female);
      patronymic = { native, ru: foldToRussian(native) };
      break;
    }
    case 'kyrgyz': {
      // Young Kyrgyz men often carry "<father> уулу" in place of a surname.
      if (rng.chance(opts.birthYear > 1990 ? 0.2 : 0.05)) {
        const s = father.native + (female ? ' кызы' : ' уулу');
        surname = { native: s, ru: foldToRussian(s) };
        break;
      }
      const native = rng.chance(0.2) ? father.native + (female ? ' кызы' : ' уулу') : russianPatronymic(father.native, female);
      patronymic = { native, ru: foldToRussian(native) };
      break;
    }
    case 'tajik': {
      const native = russianPatronymic(father.native, female);
      patronymic = { native, ru: foldToRussian(native) };
      break;
    }
    case 'uzbek':
      patronymic = { native: father.native + (female ? ' qizi' : " o'g'li"), ru: russianPatronymic(father.ru, female) };
      break;
    case 'azerbaijani':
      patronymic = { native: father.native + (female ? ' qızı' : ' oğlu'), ru: father.ru + (female ? ' кызы' : ' оглы') };
      break;
    case 'moldovan': {
      const soviet = opts.birthYear < 1985 && rng.chance(0.7);
      const fatherRu = MOLDOVAN_FATHER_RU[fatherEntry] ?? 'Иван';
      patronymic = soviet ? { native: '', ru: russianPatronymic(fatherRu, female) } : undefined;
      break;
    }
    case 'armenian':
      patronymic = {
        native: rng.chance(0.4) ? armenianGenitive(father.native) : '',
        ru: russianPatronymic(father.ru, female),
      };
      break;
  }
  return patronymic ? { surname, given, patronymic } : { surname, given };
}

/** A different surname of the same tradition (maiden name, alias). */
export function otherSurname(rng: Random, nationality: Nationality, female: boolean): NameForms {
  const forms = parseEntry(rng.pick(TRADITIONS[nationality].list.surnames), nationality);
  return female ? feminineForms(forms) : forms;
}

/** A second given name of the tradition and sex, other than `given` (Анна Мария, Ion Vasile). */
export function otherGivenName(rng: Random, nationality: Nationality, female: boolean, given: NameForms): NameForms {
  const list = TRADITIONS[nationality].list;
  for (let attempt = 0; attempt < 5; attempt++) {
    const forms = parseEntry(rng.pick(female ? list.female : list.male), nationality);
    if (forms.native !== given.native) return forms;
  }
  return parseEntry(rng.pick(female ? list.female : list.male), nationality);
}

/* ---------- surname reforms ---------- */

/**
 * The surname a Tajik or Azerbaijani may carry in another state's record after a reform:
 * Раҳимов ↔ Раҳимзода, Məmmədov ↔ Məmmədli / Məmmədzadə. Null when the surname has no such form.
 */
export function reformedSurname(rng: Random, forms: NameForms, nationality: Nationality, female: boolean): NameForms | null {
  if (nationality === 'tajik') {
    const m = /^(.+?)(ов|ев|ова|ева)$/.exec(forms.native);
    if (m) {
      const native = `${m[1]}зода`;
      return { native, ru: foldToRussian(native) };
    }
    const z = /^(.+)зода$/.exec(forms.native);
    if (z?.[1]) {
      const stem = z[1];
      const native = stem + (VOWEL_END.test(stem) ? 'ев' : 'ов') + (female ? 'а' : '');
      return { native, ru: foldToRussian(native) };
    }
    return null;
  }
  if (nationality === 'azerbaijani') {
    const m = /^(.+?)y?(ov|ev)a?$/.exec(forms.native);
    const r = /^(.+?)(ов|ев)а?$/.exec(forms.ru);
    if (m && r && m[1] && r[1]) {
      const stem = m[1];
      const ruStem = r[1];
      if (/[aeıioöuüə]$/.test(stem) || rng.chance(0.4)) return { native: `${stem}zadə`, ru: `${ruStem}заде` };
      const [lat, cyr] = harmonyLi(stem);
      return { native: stem + lat, ru: ruStem + cyr };
    }
    const li = /^(.+)(li|lı|lu|lü)$/.exec(forms.native);
    const zade = /^(.+)zadə$/.exec(forms.native);
    const ruLi = /^(.+)(ли|лы|лу|лю|заде)$/.exec(forms.ru);
    const stem = li?.[1] ?? zade?.[1];
    if (stem && ruLi?.[1]) {
      const vowel = /[aeıioöuüə]$/.test(stem);
      const suffix = female ? 'a' : '';
      return { native: stem + (vowel ? 'yev' : 'ov') + suffix, ru: ruLi[1] + (vowel ? 'ев' : 'ов') + (female ? 'а' : '') };
    }
  }
  return null;
}

/** Azerbaijani -li follows the last vowel of the stem: Həsənli, Qasımlı, Quliyevlu… */
function harmonyLi(stem: string): [string, string] {
  const vowels = stem.match(/[aeıioöuüə]/g) ?? [];
  const last = vowels[vowels.length - 1] ?? 'e';
  if ('aı'.includes(last)) return ['lı', 'лы'];
  if ('ou'.includes(last)) return ['lu', 'лу'];
  if ('öü'.includes(last)) return ['lü', 'лю'];
  return ['li', 'ли'];
}
