/**
 * Patronymic forms of the member states, recognised on skeletons.
 *
 * - Slavic (Russian, Belarusian, Ukrainian, and Russian-form patronymics everywhere):
 *   -ovich/-evich/-avich (BY)/-ovych (UA)/-ich, -ovna/-evna/-avna/-aŭna (BY)/-ivna (UA)/-ichna.
 * - Turkic, as a separate word after the father's name: Kazakh ұлы/uly/ulı, қызы/kyzy;
 *   Kyrgyz уулу/uulu, кызы/kyzy; Uzbek oʻgʻli/ўғли/ogli/ugli, qizi/қизи/kizi;
 *   Azerbaijani oğlu/оглы/ogly, qızı/кызы/gizi. Kazakh also writes them attached: Әбішұлы.
 */

export type Sex = 'male' | 'female';

/** Skeletons of the separate Turkic marker words. */
const MARKERS = new Map<string, Sex>([
  ['uli', 'male'], // ұлы, uly, ulı
  ['ulu', 'male'], // уулу, uulu
  ['ohli', 'male'], // oʻgʻli, ўғли, ogli, оглы, ogly
  ['uhli', 'male'], // ugli, угли
  ['ohlu', 'male'], // oğlu, oglu
  ['uhlu', 'male'],
  ['kizi', 'female'], // қызы, кызы, kyzy, qizi, kizi
  ['hizi', 'female'], // Azerbaijani qızı read with q = g, gizi
]);

/** Attached endings: skeleton suffix, sex, how sure we are that a word with it is a patronymic. */
const SUFFIXES: readonly (readonly [string, Sex, number])[] = [
  ['ovna', 'female', 6],
  ['evna', 'female', 6],
  ['avna', 'female', 6],
  ['auna', 'female', 6], // Belarusian -аўна
  ['ivna', 'female', 6], // Ukrainian -івна
  ['icna', 'female', 6], // -ichna (Ильинична, Фоминична)
  ['ovic', 'male', 5], // also Belarusian surnames (Karpovich): position decides
  ['evic', 'male', 5],
  ['avic', 'male', 5],
  ['kizi', 'female', 4], // Kazakh attached -қызы
  ['uli', 'male', 4], // Kazakh attached -ұлы (also new-style Kazakh surnames)
  ['ic', 'male', 1], // Ильич, Кузьмич, but also many surnames
];

/** Sex expressed by a separate marker word, or undefined when the skeleton is not one. */
export function patronymicMarker(skeleton: string): Sex | undefined {
  return MARKERS.get(skeleton);
}

export interface PatronymicInfo {
  /** The father's name as a skeleton stem (trailing `i` dropped). */
  stem: string;
  sex: Sex;
  /** 1 (weak, `-ich`) … 6 (certain, `-ovna`). */
  strength: number;
}

const trimI = (s: string): string => (s.length > 2 && s.endsWith('i') ? s.slice(0, -1) : s);

/**
 * Reads an attached patronymic ending off a one-word skeleton: `ivanovic` → stem `ivan`, male;
 * `abixuli` (Әбішұлы) → `abix`, male; `abixevic` (Абишевич) → `abix`, male.
 */
export function patronymicSuffix(skeleton: string): PatronymicInfo | undefined {
  for (const [suffix, sex, strength] of SUFFIXES) {
    if (skeleton.length - suffix.length >= 2 && skeleton.endsWith(suffix)) {
      return { stem: trimI(skeleton.slice(0, skeleton.length - suffix.length)), sex, strength };
    }
  }
  return undefined;
}

/**
 * The father's-name stem of a patronymic given as word skeletons: a Turkic marker word is
 * dropped (`['mamedali', 'ulu']` → `mamedal`), otherwise an attached ending is stripped
 * (`['abixevic']` → `abix`). Both forms of one father's name share the stem, so
 * Abishuly ~ Abishevich, Mamadali uulu ~ Mamadalievich.
 */
export function patronymicInfo(wordSkeletons: readonly string[]): PatronymicInfo | undefined {
  const words = wordSkeletons.every((w) => w.length > 0) ? wordSkeletons : wordSkeletons.filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  const marker = MARKERS.get(last);
  if (marker && words.length > 1) return { stem: trimI(words.slice(0, -1).join('')), sex: marker, strength: 8 };
  if (words.length === 1) return patronymicSuffix(last);
  return undefined;
}

/** The stem used when nothing marks the text as a patronymic: the whole skeleton, trailing `i` dropped. */
export function plainStem(skeleton: string): string {
  return trimI(skeleton);
}
