/**
 * What a person pair adds to a model's average weights, from the values compared rather than
 * their levels alone: the rarity of the names both share, the width of a birth range, and the
 * agreements a shared name already implies. Shared by linking, checks and `svod eval`.
 */
import { birthRangeYears, DOMAIN_FIELDS } from './comparisons.ts';
import type { FieldModel, Weights } from './model.ts';
import type { MatchProfile, PersonProfile } from './profile.ts';

type NamePartKind = 'surname' | 'given' | 'patronymic';
const NAME_PARTS: readonly NamePartKind[] = ['surname', 'given', 'patronymic'];

const stemCache = new WeakMap<PersonProfile, readonly (readonly string[])[]>();

/**
 * The distinct stems of each part of a person's names (original, Latin form, aliases), in the
 * order of NAME_PARTS. Kept per profile: linking asks for them for every pair a record is in.
 */
function stemsByPart(profile: PersonProfile): readonly (readonly string[])[] {
  let stems = stemCache.get(profile);
  if (!stems) {
    stems = NAME_PARTS.map((part) => [...new Set(profile.names.map((n) => n[part]?.stem).filter((s): s is string => !!s))]);
    stemCache.set(profile, stems);
  }
  return stems;
}

/**
 * How often each name stem occurs among named persons, per part (`surname:ivanov`), for
 * term-frequency adjustment: agreeing on a rare name says more than agreeing on a common one.
 */
export function nameFrequencies(profiles: readonly (MatchProfile | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  let named = 0;
  for (const p of profiles) {
    if (p?.domain !== 'person' || !p.named) continue;
    named++;
    const stems = stemsByPart(p);
    NAME_PARTS.forEach((part, n) => {
      for (const stem of stems[n]!) counts.set(`${part}:${stem}`, (counts.get(`${part}:${stem}`) ?? 0) + 1);
    });
  }
  for (const [key, count] of counts) counts.set(key, count / Math.max(1, named));
  return counts;
}

/** Levels of each name part that agree on the value (exact … surname change), where term frequency applies. */
const TF_LEVELS: Record<NamePartKind, number> = { surname: 5, given: 3, patronymic: 3 };
/** Term frequency moves a weight by at most this many bits either way. */
const TF_CAP = 4;

/**
 * The frequency of the rarest stem two persons share in each name part (or of either's, when they
 * agree only across spellings), into `out` in the order of NAME_PARTS; NaN where none is known.
 */
function pairFrequencies(frequency: (key: string) => number | undefined, a: PersonProfile, b: PersonProfile, out: Float64Array): void {
  const stemsA = stemsByPart(a);
  const stemsB = stemsByPart(b);
  NAME_PARTS.forEach((part, n) => {
    const partA = stemsA[n]!;
    const partB = stemsB[n]!;
    let tf = Number.NaN;
    let shared = false;
    for (const stem of partA) {
      if (!partB.includes(stem)) continue;
      const f = frequency(`${part}:${stem}`);
      if (f !== undefined && !(f >= tf)) tf = f;
      shared = true;
    }
    if (!shared) {
      for (const stem of [...partA, ...partB]) {
        const f = frequency(`${part}:${stem}`);
        if (f !== undefined && !(f >= tf)) tf = f;
      }
    }
    out[n] = tf;
  });
}

/** Bits term frequency adds to one level of a name part whose rarest shared stem has frequency tf. */
function tfBits(field: FieldModel, part: NamePartKind, level: number, tf: number): number {
  if (Number.isNaN(tf) || level < 0 || level >= TF_LEVELS[part]) return 0;
  return Math.max(-TF_CAP, Math.min(TF_CAP, Math.log2(field.u[level]! / tf)));
}

const PERSON_FIELDS = DOMAIN_FIELDS.person;
const fieldIndex = (name: string) => PERSON_FIELDS.findIndex((f) => f.field === name);
const NAME_FIELDS = NAME_PARTS.map(fieldIndex);
const BIRTH_FIELD = fieldIndex('birth');
const BIRTH_LEVELS = PERSON_FIELDS[BIRTH_FIELD]!.levels;
const SAME_YEAR = BIRTH_LEVELS.indexOf('same_year');
const IN_RANGE = BIRTH_LEVELS.indexOf('in_range');
/** Fields whose agreement (level 0: same sex, a shared citizenship) a shared name already implies. */
const IMPLIED_BY_NAMES = [fieldIndex('sex'), fieldIndex('citizenship')];

/**
 * Bits that narrow an `in_range` birth agreement to the width of the range: a date inside a range
 * of n years is what a person born in any of those n years has, so it is worth at most the same
 * year's weight less log2(n). EM's one weight for the level averages over every width, and let a
 * namesake born anywhere in a five-year estimate count as much as one born in the same year. Only
 * ever lowers the level's weight.
 */
function birthRangeBits(weights: Weights, level: number, a: PersonProfile, b: PersonProfile): number {
  if (level !== IN_RANGE || !a.birth || !b.birth) return 0;
  const table = weights.table[BIRTH_FIELD]!;
  const narrowed = table[SAME_YEAR]! - Math.log2(Math.max(1, birthRangeYears(a.birth, b.birth)));
  return Math.min(0, narrowed - table[IN_RANGE]!);
}

/**
 * Bits taken back from agreements that two people sharing a name have anyway: a given name says
 * the sex, and names go with nationality, so namesakes who are two people share a citizenship
 * about as often as one person's two records do. Their random-pair weights would count the name
 * a second time.
 */
function impliedByNamesBits(weights: Weights, vector: Int8Array, field: number): number {
  return vector[field] === 0 ? -Math.max(0, weights.table[field]![0]!) : 0;
}

/** Whether surname or given name agree (at a level term frequency applies to). */
function namesAgree(vector: Int8Array): boolean {
  return NAME_PARTS.some((part, n) => {
    const level = vector[NAME_FIELDS[n]!]!;
    return part !== 'patronymic' && level >= 0 && level < TF_LEVELS[part];
  });
}

/**
 * A person pair's adjustment, per field of its comparison vector: term frequency, log2(u / tf) on
 * the agreeing levels of each name part, with tf the frequency of the rarest stem both records
 * share (or of either's, when they agree only across spellings); a birth date inside a range
 * narrowed to the range's width; and no weight for what shared names imply.
 */
export function personAdjustment(
  weights: Weights,
  frequency: (key: string) => number | undefined,
  a: MatchProfile,
  b: MatchProfile,
  vector: Int8Array,
): ((field: number, level: number) => number) | undefined {
  if (a.domain !== 'person' || b.domain !== 'person') return undefined;
  const tf = new Float64Array(NAME_PARTS.length);
  pairFrequencies(frequency, a, b, tf);
  const bits = new Float64Array(PERSON_FIELDS.length);
  fieldBits(weights, a, b, vector, tf, bits);
  return (field) => bits[field] ?? 0;
}

/** The same adjustment summed over the vector: the hot path of linking, with no closure per pair. */
export function personAdjustmentBits(
  weights: Weights,
  frequency: (key: string) => number | undefined,
  a: PersonProfile,
  b: PersonProfile,
  vector: Int8Array,
  scratch: { tf: Float64Array; bits: Float64Array },
): number {
  pairFrequencies(frequency, a, b, scratch.tf);
  fieldBits(weights, a, b, vector, scratch.tf, scratch.bits);
  let sum = 0;
  for (const bits of scratch.bits) sum += bits;
  return sum;
}

/** Room `personAdjustmentBits` works in, allocated once per linking run. */
export const adjustmentScratch = () => ({ tf: new Float64Array(NAME_PARTS.length), bits: new Float64Array(PERSON_FIELDS.length) });

function fieldBits(weights: Weights, a: PersonProfile, b: PersonProfile, vector: Int8Array, tf: Float64Array, out: Float64Array): void {
  out.fill(0);
  const fields = weights.model.fields;
  NAME_PARTS.forEach((part, n) => {
    const field = NAME_FIELDS[n]!;
    out[field] = tfBits(fields[field]!, part, vector[field]!, tf[n]!);
  });
  out[BIRTH_FIELD] = birthRangeBits(weights, vector[BIRTH_FIELD]!, a, b);
  if (namesAgree(vector)) for (const field of IMPLIED_BY_NAMES) out[field] = impliedByNamesBits(weights, vector, field);
}
