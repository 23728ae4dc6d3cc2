/**
 * Surname knowledge on skeletons: female endings and the surname changes of the 1990s–2020s
 * (Tajik -ov/-ev → -zoda/-zod/-ī/-ien/-iyon or nothing, Azerbaijani -ov/-ova → -li/-lı/-zadə,
 * Kazakh -ov → -uly/-kyzy).
 *
 * All functions take a skeleton (`phoneticSkeleton`, or `NamePart.skeleton`); spaces are ignored.
 */

/** Feminine skeleton endings → masculine, longest first. */
const FEMININE: readonly (readonly [string, string])[] = [
  ['skaia', 'ski'], // -skaya/-skaja/-skaia → -skiy (Вишневская/Вишневский)
  ['aia', 'i'], // -aya → -iy/-oy (Толстая/Толстой)
  ['ova', 'ov'], // -ova/-owa → -ov (also Uzbek/Azerbaijani/Kazakh -ova)
  ['eva', 'ev'],
  ['ava', 'av'], // Belarusian akanye: Калеснікава/Kalesnikava (masculine -аў/-au)
  ['ina', 'in'], // -ina/-yna → -in (Пушкина/Пушкин)
  ['kizi', 'uli'], // Kazakh -kyzy/-қызы → -uly/-ұлы
];

const compact = (s: string): string => (s.indexOf(' ') === -1 ? s : s.replace(/ /g, ''));

/**
 * The masculine form of a surname skeleton, so that a woman's and a man's surname of one family
 * compare equal at the `gender_variant` level: `ivanova → ivanov`, `visotskaia → visotski`,
 * `tolstaia → tolsti`, `tolstoi → tolsti`.
 *
 * @example masculineSurname(phoneticSkeleton('Aliyeva')) // "alev" (= skeleton of Aliyev)
 */
export function masculineSurname(skeleton: string): string {
  const s = compact(skeleton);
  const last = s.charCodeAt(s.length - 1);
  if (last !== 97 /* a */ && last !== 105 /* i */) return s;
  for (const [f, m] of FEMININE) {
    if (s.length >= f.length + 2 && s.endsWith(f)) return s.slice(0, s.length - f.length) + m;
  }
  // -oy and -iy are one adjectival ending in the masculine (Tolstoy/Tolstiy, Donskoy).
  if (s.length >= 6 && s.endsWith('oi')) return `${s.slice(0, -2)}i`;
  return s;
}

/** Endings dropped to reach the base, longest first, with the shortest stem each may leave. */
const CHANGE_SUFFIXES: readonly (readonly [string, number])[] = [
  ['zoda', 2], // Tajik: Saidov → Saidzoda
  ['zade', 2], // Azerbaijani/Tajik: Rahimov → Rahimzade
  ['zada', 2],
  ['zod', 2],
  ['uli', 3], // Kazakh: Abishev → Abishuly
  ['ulu', 3], // Kyrgyz uulu
  ['ov', 2], // Russian-era suffix (-ёв after a sibilant is already `ev`)
  ['ev', 2],
  ['av', 3], // Belarusian -аў (unstressed -ов): Быкаў/Bykau/Быков, Marozau/Морозов
  ['li', 3], // Azerbaijani: Mammadov → Mammadli, Huseynov → Huseynli
  ['en', 3], // Tajik -ien / -iyon (skeleton `en`)
];

const SUFFIXES_BY_LAST = new Map<number, (readonly [string, number])[]>();
for (const entry of CHANGE_SUFFIXES) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), entry]);
}

/**
 * The base ("stem") of a surname skeleton: masculine form, minus one derivational ending
 * (-ov, -ev, -zoda, -zod, -zade, -zada, -li, -uly, -uulu, -ien/-iyon), minus a final `i`
 * (Tajik -ī: Karimov → Karimi; and the `i` that the skeleton drops in Aliyev but keeps in Alizade).
 * Pairs of a surname and its changed form share it: Rahmonov/Rahmon → `rahmon`,
 * Saidov/Saidzoda → `said`, Aliyev/Alizade/Aliyeva → `al`, Mammadov/Mammadli → `mamed`.
 * Pass `masculine` when `masculineSurname(skeleton)` is already at hand.
 *
 * @example surnameBase(phoneticSkeleton('Saidzoda')) === surnameBase(phoneticSkeleton('Саидов')) // true
 */
export function surnameBase(skeleton: string, masculine?: string): string {
  const m = masculine ?? masculineSurname(skeleton);
  let stem = m;
  for (const [suffix, minStem] of SUFFIXES_BY_LAST.get(m.charCodeAt(m.length - 1)) ?? []) {
    if (m.length - suffix.length >= minStem && m.endsWith(suffix)) {
      stem = m.slice(0, m.length - suffix.length);
      break;
    }
  }
  if (stem.length > 2 && stem.charCodeAt(stem.length - 1) === 105 /* i */) stem = stem.slice(0, -1);
  return stem.length >= 2 ? stem : m;
}

/**
 * Skeletons of the forms a surname takes across genders and the known surname changes, for
 * query expansion and for showing an analyst why two surnames were linked. Matching itself
 * compares `surnameBase`, which is cheaper.
 *
 * @example surnameVariants('rahmonov') // ["rahmon", "rahmoni", "rahmonov", "rahmonova", "rahmonzoda", …]
 */
export function surnameVariants(skeleton: string): string[] {
  const s = compact(skeleton);
  const masculine = masculineSurname(s);
  const base = surnameBase(s);
  const soft = masculine.endsWith('ev');
  const ov = soft ? 'ev' : 'ov';
  const out = new Set<string>([s, masculine, base]);
  if (/(ov|ev|in)$/.test(masculine)) out.add(`${masculine}a`);
  if (masculine.endsWith('ski')) out.add(`${masculine.slice(0, -1)}aia`);
  for (const suffix of [ov, `${ov}a`, 'zoda', 'zade', 'i', 'li', 'en']) out.add(base + suffix);
  return [...out].sort();
}
