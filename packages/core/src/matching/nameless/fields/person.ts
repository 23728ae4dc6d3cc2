import { BUILDS } from '../../../schemas/person.ts';
import { YEAR_DAYS } from '../days.ts';
import { bitsOf, type Comparer, normal, unknown } from './comparer.ts';

/**
 * Sex. Agreeing: m 0.97 (clerks and pathologists rarely err), u 0.5. Disagreeing: m 0.03 — a
 * decomposed body misjudged, a box ticked wrong — so it costs about 4 bits and never excludes.
 */
const SEX_BITS = { agree: bitsOf(0.97, 0.5), disagree: bitsOf(0.03, 0.5) };
export const compareSex: Comparer = (m, f, out, explain) => {
  if (!m.sex || !f.sex) return unknown(out);
  out.level = m.sex === f.sex ? 'agree' : 'disagree';
  out.bits = m.sex === f.sex ? SEX_BITS.agree : SEX_BITS.disagree;
  out.detail = explain ? `${m.sex} / ${f.sex}` : undefined;
};

/**
 * Age. The missing person's age on the day the other was found (from the birth date or range),
 * against the estimated range. Bits are log2 of the density of that age given the estimate (m)
 * over its density among the bank's missing persons, whose ages spread over about 50 years
 * (u = 1/50 a year), so a narrow estimate hit in its middle counts most (about +3 bits) and a
 * 20-year one little. m: forensic estimates centre on the true age and hold it about 80 % of the
 * time (a normal with the range as ±1.3 sd), but a fifth miss by more, the more the older the
 * person (a tail with 2 years + a tenth of the age added to the sd); the missing person's own
 * birth range widens both. Floored at −4.5 bits (a wrong birth year, a wild estimate): never an
 * exclusion. Levels for the reviewer: `inside` the range, `near` (within 2 years + a tenth of the
 * age + a quarter of both widths), `far` (twice that), `beyond`.
 */
const AGE_SPREAD_YEARS = 50;
const AGE_TAIL_SHARE = 0.2;
const AGE_FLOOR_BITS = -4.5;
export const compareAge: Comparer = (m, f, out, explain) => {
  if (m.birthFirst === undefined || m.birthLast === undefined || f.ageMin === undefined || f.ageMax === undefined || f.day === undefined) {
    return unknown(out);
  }
  const youngest = (f.day - m.birthLast) / YEAR_DAYS;
  const oldest = (f.day - m.birthFirst) / YEAR_DAYS;
  const age = (youngest + oldest) / 2;
  const low = f.ageMin;
  const high = f.ageMax + 1;
  const mid = (low + high) / 2;
  const ownVariance = (oldest - youngest) ** 2 / 12;
  const core = Math.sqrt(Math.max(1, (high - low) / 2 / 1.3) ** 2 + ownVariance);
  const tail = Math.sqrt((core + 2 + 0.1 * mid) ** 2 + ownVariance);
  const density = (1 - AGE_TAIL_SHARE) * normal(age - mid, core) + AGE_TAIL_SHARE * normal(age - mid, tail);
  out.bits = Math.max(AGE_FLOOR_BITS, Math.log2(density * AGE_SPREAD_YEARS));
  const gap = Math.max(0, low - oldest, youngest - high);
  const tolerance = 2 + 0.1 * mid + 0.25 * (high - low + oldest - youngest);
  out.level = gap === 0 ? 'inside' : gap <= tolerance ? 'near' : gap <= 2 * tolerance ? 'far' : 'beyond';
  out.detail = undefined;
  if (!explain) return;
  const seenAge = m.day === undefined ? undefined : Math.floor((m.day - (m.birthFirst + m.birthLast) / 2) / YEAR_DAYS);
  out.detail = `${seenAge === undefined ? '' : `${seenAge} when last seen, `}${Math.floor(age)} when found; estimated ${f.ageMin}–${f.ageMax}`;
};

/**
 * Height. Relatives state it (with shoes, from memory), pathologists measure a body and estimate
 * a living person, often rounding to 5 cm. Bits are log2 of the density of the difference among
 * true pairs (m: 85 % within a normal of sd 3 cm, 15 % of sd 7 cm) over its density between two
 * unrelated people of one sex (u: sd 10 cm, the difference of two heights of sd 7): +1.6 bits
 * for the same height, +0.5 at 4 cm, −2.8 at 10 cm, no lower than −4. A missing child grows:
 * up to 7 cm a year since last seen is allowed upwards. Levels: `close` (4 cm), `near` (8), `far`.
 */
const HEIGHT_M = [
  { share: 0.85, sd: 3 },
  { share: 0.15, sd: 7 },
] as const;
const HEIGHT_U_SD = 10;
const HEIGHT_FLOOR_BITS = -4;
const CHILD_GROWTH_CM_PER_YEAR = 7;
export const compareHeight: Comparer = (m, f, out, explain) => {
  if (m.heightCm === undefined || f.heightCm === undefined) return unknown(out);
  let diff = Math.abs(f.heightCm - m.heightCm);
  const ageLastSeen = m.birthFirst !== undefined && m.day !== undefined ? (m.day - m.birthFirst) / YEAR_DAYS : undefined;
  if (ageLastSeen !== undefined && ageLastSeen < 18 && f.heightCm > m.heightCm && f.day !== undefined && f.day > m.day!) {
    diff = Math.max(0, diff - (CHILD_GROWTH_CM_PER_YEAR * (f.day - m.day!)) / YEAR_DAYS);
  }
  let density = 0;
  for (const { share, sd } of HEIGHT_M) density += share * normal(diff, sd);
  out.bits = Math.max(HEIGHT_FLOOR_BITS, Math.log2(density / normal(diff, HEIGHT_U_SD)));
  out.level = diff <= 4 ? 'close' : diff <= 8 ? 'near' : 'far';
  out.detail = explain ? `${m.heightCm} / ${f.heightCm} cm` : undefined;
};

/**
 * Build (slim, medium, stocky, heavy): a choice from a list, so comparable whatever the language.
 * Relatives and pathologists judge it differently, and people lose or gain weight: the same build
 * m 0.55 against u 0.35 (medium is the commonest), +0.65 bits; one step apart m 0.4 against
 * u 0.45, −0.17; two or more m 0.05 against u 0.2, −2.
 */
const BUILD_BITS = [bitsOf(0.55, 0.35), bitsOf(0.4, 0.45), bitsOf(0.05, 0.2), bitsOf(0.05, 0.2)];
const BUILD_LEVELS = ['same', 'adjacent', 'different', 'different'];
export const compareBuild: Comparer = (m, f, out, explain) => {
  if (m.build === undefined || f.build === undefined || m.build < 0 || f.build < 0) return unknown(out);
  const steps = Math.abs(m.build - f.build);
  out.level = BUILD_LEVELS[steps]!;
  out.bits = BUILD_BITS[steps]!;
  out.detail = explain ? `${BUILDS[m.build]} / ${BUILDS[f.build]}` : undefined;
};
