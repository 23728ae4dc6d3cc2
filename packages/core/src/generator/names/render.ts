/**
 * How a state writes a person's name: which spelling its records use for each nationality
 * (the state's script, its own spelling of its own nationals), the alternative spelling it
 * sometimes uses instead, and the Latin form of the person's passport.
 */
import type { PersonName } from '../../schemas/person.ts';
import type { StateCode } from '../geo.ts';
import {
  azerbaijaniToAscii,
  azerbaijaniToCyrillic,
  azerbaijaniToRussian,
  armenianToRussian,
  romanianToAscii,
  romanianToCedilla,
  romanizeArmenian,
  romanizeBelarusian,
  romanizeKazakh,
  romanizeKyrgyz,
  romanizeRussian,
  romanizeTajik,
  russianToArmenian,
  russianToAzerbaijani,
  russianToRomanian,
  russianToUzbek,
  upperName,
  uzbekToAscii,
  uzbekToCyrillic,
  RUSSIAN_LATIN_SYSTEMS,
  type RussianLatinSystem,
} from '../transliterate.ts';
import { TRADITIONS, type NameForms, type Nationality, type Script, type TruthName } from './index.ts';

/** A way of spelling a name in a record. */
export type RenderMode = 'native' | 'ru' | 'uzCyrl' | 'azCyrl' | 'ruDirect' | 'toUz' | 'toAz' | 'toRo' | 'toHy';

const NATIVE_CYRILLIC: ReadonlySet<Nationality> = new Set(['kazakh', 'kyrgyz', 'tajik', 'belarusian']);

/** The alternative a Cyrillic-script state may use for a foreign nationality (null: none exists). */
function cyrillicAlternative(nationality: Nationality): RenderMode | null {
  if (NATIVE_CYRILLIC.has(nationality)) return 'native';
  if (nationality === 'uzbek') return 'uzCyrl';
  if (nationality === 'azerbaijani' || nationality === 'armenian') return 'ruDirect';
  return null;
}

const OWN_NATIONALITY: Readonly<Partial<Record<StateCode, Nationality>>> = {
  KZ: 'kazakh',
  KG: 'kyrgyz',
  TJ: 'tajik',
  UZ: 'uzbek',
  AZ: 'azerbaijani',
  MD: 'moldovan',
  AM: 'armenian',
  BY: 'belarusian',
};

/** Foreigners in the Latin- and Armenian-script states' records: transliterated from Russian. */
const FOREIGN_MODE: Readonly<Partial<Record<StateCode, RenderMode>>> = { UZ: 'toUz', AZ: 'toAz', MD: 'toRo', AM: 'toHy' };

/**
 * The usual spelling and the alternative one a state uses for a nationality.
 * `belarusianFirst` says whether this person's Belarusian records use the Belarusian spelling.
 */
export function renderModes(state: StateCode, nationality: Nationality, belarusianFirst: boolean): [RenderMode, RenderMode | null] {
  if (OWN_NATIONALITY[state] === nationality) {
    if (nationality === 'belarusian') return belarusianFirst ? ['native', 'ru'] : ['ru', 'native'];
    if (nationality === 'uzbek') return ['native', 'uzCyrl'];
    if (nationality === 'azerbaijani') return ['native', 'azCyrl'];
    return ['native', 'ru'];
  }
  const foreign = FOREIGN_MODE[state];
  if (foreign) return [foreign, 'ru'];
  return ['ru', cyrillicAlternative(nationality)];
}

interface ModeSpec {
  script: Script;
  lang: (nationality: Nationality) => string;
  part: (forms: NameForms, nationality: Nationality) => string;
}

const MODES: Readonly<Record<RenderMode, ModeSpec>> = {
  native: { script: 'Cyrl', lang: (n) => TRADITIONS[n].lang, part: (f) => f.native },
  ru: { script: 'Cyrl', lang: () => 'ru', part: (f) => f.ru },
  uzCyrl: { script: 'Cyrl', lang: () => 'uz-Cyrl', part: (f) => (f.native ? uzbekToCyrillic(f.native) : '') },
  azCyrl: { script: 'Cyrl', lang: () => 'az-Cyrl', part: (f) => (f.native ? azerbaijaniToCyrillic(f.native) : '') },
  ruDirect: {
    script: 'Cyrl',
    lang: () => 'ru',
    part: (f, n) => (f.native ? (n === 'armenian' ? armenianToRussian(f.native) : azerbaijaniToRussian(f.native)) : ''),
  },
  toUz: { script: 'Latn', lang: () => 'uz', part: (f) => (f.ru ? russianToUzbek(f.ru) : '') },
  toAz: { script: 'Latn', lang: () => 'az', part: (f) => (f.ru ? russianToAzerbaijani(f.ru) : '') },
  toRo: { script: 'Latn', lang: () => 'ro', part: (f) => (f.ru ? russianToRomanian(f.ru) : '') },
  toHy: { script: 'Armn', lang: () => 'hy', part: (f) => (f.ru ? russianToArmenian(f.ru) : '') },
};

/** Per-record typing habits that change a name's characters but not its spelling. */
export interface PrimaryStyle {
  /** The apostrophe Uzbek Latin is typed with in this record (ʻ, ', ’ or `). */
  uzApostrophe: string;
  /** Whether this Moldovan record's software writes ş ţ with a cedilla. */
  cedilla: boolean;
}

function nameObject(
  kind: PersonName['kind'],
  script: Script,
  lang: string,
  parts: { surname: string; given: string; patronymic: string },
): PersonName {
  const out: PersonName = { kind, script, lang };
  if (parts.surname) out.surname = parts.surname;
  if (parts.given) out.given = parts.given;
  if (parts.patronymic) out.patronymic = parts.patronymic;
  return out;
}

/** The name in one spelling mode, as a PersonName of the given kind. */
export function renderName(name: TruthName, nationality: Nationality, mode: RenderMode, kind: PersonName['kind'], style: PrimaryStyle): PersonName {
  const spec = MODES[mode];
  const script: Script = mode === 'native' ? TRADITIONS[nationality].script : spec.script;
  const lang = spec.lang(nationality);
  const finish = (s: string) => {
    let out = s;
    if (lang === 'uz' && style.uzApostrophe !== "'") out = out.replace(/'/g, style.uzApostrophe);
    if (lang === 'ro' && style.cedilla) out = romanianToCedilla(out);
    return out;
  };
  return nameObject(kind, script, lang, {
    surname: finish(spec.part(name.surname, nationality)),
    given: finish(spec.part(name.given, nationality)),
    patronymic: name.patronymic ? finish(spec.part(name.patronymic, nationality)) : '',
  });
}

/* ---------- Latin forms ---------- */

/** 'passport' is the person's own passport spelling; the others are Russian-based romanizations. */
export type LatinRoute = 'passport' | RussianLatinSystem;
/** Every route to a Latin name. */
export const LATIN_ROUTES: readonly LatinRoute[] = ['passport', ...RUSSIAN_LATIN_SYSTEMS];

/** A name part as the passport of `state` romanizes it. */
function passportPart(forms: NameForms, nationality: Nationality, state: string): string {
  const own = (n: Nationality) => nationality === n && forms.native !== '';
  switch (state) {
    case 'BY':
      return romanizeBelarusian(own('belarusian') ? forms.native : forms.ru);
    case 'KZ':
      return romanizeKazakh(own('kazakh') ? forms.native : forms.ru);
    case 'KG':
      return romanizeKyrgyz(own('kyrgyz') ? forms.native : forms.ru);
    case 'TJ':
      return romanizeTajik(own('tajik') ? forms.native : forms.ru);
    case 'UZ':
      return uzbekToAscii(own('uzbek') ? forms.native : russianToUzbek(forms.ru));
    case 'AZ':
      return azerbaijaniToAscii(own('azerbaijani') ? forms.native : russianToAzerbaijani(forms.ru));
    case 'AM':
      return own('armenian') ? romanizeArmenian(forms.native) : romanizeRussian(forms.ru, 'icao');
    case 'MD':
    case 'RO':
      return romanianToAscii(own('moldovan') ? forms.native : russianToRomanian(forms.ru));
    default:
      return romanizeRussian(forms.ru, 'icao');
  }
}

/** The nationality whose own spelling a state's passports romanize, and the BCP 47 tag of the result. */
const PASSPORT_NATIVE: Readonly<Record<string, readonly [Nationality, string]>> = {
  BY: ['belarusian', 'be-Latn'],
  KZ: ['kazakh', 'kk-Latn'],
  KG: ['kyrgyz', 'ky-Latn'],
  TJ: ['tajik', 'tg-Latn'],
  UZ: ['uzbek', 'uz'],
  AZ: ['azerbaijani', 'az'],
  AM: ['armenian', 'hy-Latn'],
  MD: ['moldovan', 'ro'],
  RO: ['moldovan', 'ro'],
};

function latinLang(route: LatinRoute, nationality: Nationality, state: string): string {
  const own = PASSPORT_NATIVE[state];
  return route === 'passport' && own && own[0] === nationality ? own[1] : 'ru-Latn';
}

/** How a record writes the Latin name: upper case as in the passport's machine zone, with or without patronymic. */
export interface LatinStyle {
  upper: boolean;
  withPatronymic: boolean;
}

/**
 * The Latin name along a route: the passport of `passportState` or a Russian-based system
 * applied to the Russian spelling. Passports carry no patronymic; some records add one.
 */
export function renderLatin(name: TruthName, nationality: Nationality, passportState: string, route: LatinRoute, style: LatinStyle): PersonName {
  const part = (forms: NameForms) => {
    if (route === 'passport') return forms.native === '' && forms.ru === '' ? '' : passportPart(forms, nationality, passportState);
    return forms.ru ? romanizeRussian(forms.ru, route) : '';
  };
  const lang = latinLang(route, nationality, passportState);
  const up = (s: string) => (style.upper ? upperName(s, lang) : s);
  return nameObject('latin', 'Latn', lang, {
    surname: up(part(name.surname)),
    given: up(part(name.given)),
    patronymic: style.withPatronymic && name.patronymic ? up(part(name.patronymic)) : '',
  });
}

/** Whether two names spell every part the same way. */
export const sameSpelling = (a: PersonName, b: PersonName) => a.surname === b.surname && a.given === b.given && a.patronymic === b.patronymic;
