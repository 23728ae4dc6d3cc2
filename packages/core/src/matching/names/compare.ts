/**
 * Per-part name comparison into discrete levels for a Fellegi–Sunter scorer.
 */
import { consonantKey } from './skeleton.ts';
import { damerauLevenshtein, jaroWinkler } from './similarity.ts';
import { masculineSurname, surnameBase } from './surname.ts';
import { NAME_LEVELS, type NameComparison, type NameLevel, type NamePart, type NamePartComparison, type ParsedName } from './types.ts';

/** Jaro–Winkler on skeletons from which two parts count as `fuzzy` rather than `different`. */
export const FUZZY_SIMILARITY = 0.88;

const RANK: Record<NameLevel, number> = Object.fromEntries(NAME_LEVELS.map((l, i) => [l, i])) as Record<NameLevel, number>;

/** Equality ignoring spaces and hyphens: `Ter-Petrosyan` = `Ter Petrosyan` = `Terpetrosyan`. */
function sameLetters(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && (a.charCodeAt(i) === 32 || a.charCodeAt(i) === 45)) i++;
    while (j < b.length && (b.charCodeAt(j) === 32 || b.charCodeAt(j) === 45)) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

/**
 * Compares one part of two names. Levels, first that holds:
 * `exact` (normalizeText equal) → `translit` (romanize equal) → `phonetic` (skeletons equal;
 * for a patronymic also: same father's-name stem in another form, Abishuly/Abishevich) →
 * `gender_variant` (surname: masculine forms equal, Ivanova/Ivanov) → `surname_change`
 * (surname: bases equal, Rahmonov/Rahmon, Saidov/Saidzoda) → `fuzzy` (consonant keys equal,
 * skeleton Jaro–Winkler ≥ 0.88, or one edit apart) → `different`.
 */
export function compareNameParts(a: NamePart, b: NamePart, kind: 'surname' | 'given' | 'patronymic'): NamePartComparison {
  const similarity = jaroWinkler(a.skeleton, b.skeleton);
  let level: NameLevel;
  if (sameLetters(a.normalized, b.normalized)) level = 'exact';
  else if (sameLetters(a.romanized, b.romanized)) level = 'translit';
  else if (a.skeleton === b.skeleton) level = 'phonetic';
  else if (kind === 'patronymic' && a.stem === b.stem && a.stem.length > 0) level = 'phonetic';
  else if (kind === 'surname' && a.masculine !== undefined && a.masculine === b.masculine) level = 'gender_variant';
  else if (kind === 'surname' && a.stem.length > 0 && a.stem === b.stem) level = 'surname_change';
  else if (oneHoldsTheOther(a, b, kind)) level = kind === 'surname' ? 'surname_change' : 'phonetic';
  else if (kind === 'patronymic' && sameFatherByStem(a.stem, b.stem)) level = 'fuzzy';
  else if (
    a.consonants === b.consonants ||
    similarity >= FUZZY_SIMILARITY ||
    (Math.min(a.skeleton.length, b.skeleton.length) >= 4 && damerauLevenshtein(a.skeleton, b.skeleton, 1) <= 1)
  ) {
    level = 'fuzzy';
  } else level = 'different';
  return { level, similarity };
}

/**
 * Two patronymics whose father's names are spelt as two states write them: the Uzbek o where
 * Russian writes а (Bahodir oʻgʻli ~ Бахадирович, Shohruh ~ Шахрух), the Armenian genitive
 * against the Russian form (Հայկի ~ Айкович). The endings differ, so the whole words do not
 * meet; their stems are compared as given names are.
 */
function sameFatherByStem(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3) return false;
  // Similar letters alone join names of unlike length (Vladimir/Vadim); a dropped h does not (Hayk/Айк).
  return consonantKey(a) === consonantKey(b) || (Math.abs(a.length - b.length) <= 1 && jaroWinkler(a, b) >= FUZZY_SIMILARITY);
}

const sameWord = (x: string, y: string, kind: string): boolean =>
  x === y || (kind === 'surname' && x.length > 2 && masculineSurname(x) === masculineSurname(y));

/**
 * One side writes one of the other's words: a double surname and one of its halves
 * (Петрова-Водкина ~ Петрова, Ter-Petrosyan ~ Petrosyan — a change by marriage or by custom),
 * two given names and one of them (Anna Maria ~ Anna). A surname's part counts in either gender.
 */
function oneHoldsTheOther(a: NamePart, b: NamePart, kind: 'surname' | 'given' | 'patronymic'): boolean {
  if (kind === 'patronymic' || (!a.words && !b.words)) return false;
  const wa = a.words ?? [a.skeleton];
  const wb = b.words ?? [b.skeleton];
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short.length === long.length) return false;
  return short.every((w) => w.length > 1 && long.some((l) => sameWord(w, l, kind)));
}

const surnameReadings = new WeakMap<NamePart, NamePart>();

/**
 * A given name read as a surname, with the surname forms compared at the gender and change
 * levels. Kept per name part: linking reads the same record's given name so for each of its pairs.
 */
function asSurname(part: NamePart): NamePart {
  let reading = surnameReadings.get(part);
  if (!reading) {
    const masculine = masculineSurname(part.skeleton);
    reading = { ...part, masculine, stem: surnameBase(part.skeleton, masculine) };
    surnameReadings.set(part, reading);
  }
  return reading;
}

/**
 * Surname and given name written in each other's field. Surnames and given names are different
 * vocabularies, so a surname found in the other's given-name field is itself strong evidence:
 * the crossed surnames may differ as surnames do (gender, a change: Sultanova ~ Sultanli) and the
 * crossed given names by a spelling (Nigar ~ Нигяр), as long as one side is phonetic or better.
 */
function crossedOver(as: NamePart, ag: NamePart, bs: NamePart, bg: NamePart): boolean {
  // The given names first: for two different people they rarely cross, and the surname reading costs more.
  const given = compareNameParts(ag, bs, 'given').level;
  if (RANK[given] > RANK.fuzzy) return false;
  const surnames = compareNameParts(as, asSurname(bg), 'surname').level;
  if (RANK[surnames] > RANK.surname_change) return false;
  return RANK[surnames] <= RANK.phonetic || RANK[given] <= RANK.phonetic;
}

const WEIGHTS = { surname: 0.5, given: 0.35, patronymic: 0.15 } as const;
const KINDS = ['surname', 'given', 'patronymic'] as const;

/**
 * Compares two parsed names part by part. `level` is the worst level over the parts present in
 * both names (a part missing on one side is not evidence either way), or `swapped` when the
 * surname of each matches the given name of the other at `phonetic` or better while the direct
 * comparison is only `fuzzy`/`different`. `similarity` is the mean skeleton Jaro–Winkler
 * weighted surname 0.5, given 0.35, patronymic 0.15 over the compared parts; `parts` has each
 * part's own level for the scorer. No part in common: `different`, similarity 0.
 *
 * @example compareNames(parsePersonName('Иванова Анна'), parsePersonName('Ivanov Anna')).level // "gender_variant"
 */
export function compareNames(a: ParsedName, b: ParsedName): NameComparison {
  const parts: NameComparison['parts'] = {};
  let worst = -1;
  let weighted = 0;
  let total = 0;
  for (const kind of KINDS) {
    const pa = a[kind];
    const pb = b[kind];
    if (!pa || !pb) continue;
    const c = compareNameParts(pa, pb, kind);
    parts[kind] = c;
    if (RANK[c.level] > worst) worst = RANK[c.level];
    weighted += WEIGHTS[kind] * c.similarity;
    total += WEIGHTS[kind];
  }
  if (total === 0) return { level: 'different', similarity: 0, parts };
  let level = NAME_LEVELS[worst]!;
  let similarity = weighted / total;
  if (RANK[level] >= RANK.fuzzy && a.surname && a.given && b.surname && b.given && crossedOver(a.surname, a.given, b.surname, b.given)) {
    level = 'swapped';
    similarity = (jaroWinkler(a.surname.skeleton, b.given.skeleton) + jaroWinkler(a.given.skeleton, b.surname.skeleton)) / 2;
  }
  return { level, similarity, parts };
}
