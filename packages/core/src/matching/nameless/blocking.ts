import type { RecordInput } from '../../schemas/record.ts';
import { DAY_MS } from './days.ts';
import { profileOf } from './profile.ts';
import type { NamelessProfile } from './types.ts';

/** Bumped whenever `namelessBlockKeys` changes, so that stored keys are filed again. */
export const NAMELESS_KEYS_VERSION = 1;
/** Keys per record at most: the server files each in an index table. */
export const MAX_NAMELESS_KEYS = 30;
/** Birth years either side of a missing person's stated window: a year misremembered or mistyped. */
const MISSING_YEAR_SLACK = 2;

const SEX_CODES = { male: 'm', female: 'f' } as const;
const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

function yearSpan(from: number, to: number, max: number): number[] {
  // Too wide a window keeps its middle: the ends are the least likely years.
  const excess = to - from + 1 - max;
  if (excess > 0) {
    from += Math.floor(excess / 2);
    to = from + max - 1;
  }
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

/**
 * The blocking keys of a missing or unidentified person record: a missing person and an
 * unidentified one who may be the same share at least one. `x:<sex>:<birth year>`:
 *
 * - a missing person is filed under each birth year of the stated date or range, two years
 *   either side, for its sex and for `u` (unidentified of unknown sex); of unknown sex, for `m`,
 *   `f` and `u`;
 * - an unidentified one under each birth year its estimated age allows on the day found,
 *   widened either side by 2 + a tenth of the age (estimates of the old miss by more), for its
 *   sex, or `u` when unknown.
 *
 * At most `MAX_NAMELESS_KEYS` (30) keys: a wider window keeps its middle years. Typically 10 for
 * a missing person with a full birth date, 15–30 for an unidentified one. No country: the
 * partner is often found in another state. A sex disagreement is not an exclusion in the score,
 * but blocking does not bring such pairs together. A record with no birth window (missing) or
 * age estimate (unidentified) has no keys.
 *
 * @example namelessBlockKeys(missingManBorn1990) // ['x:m:1988', 'x:u:1988', …, 'x:m:1992', 'x:u:1992']
 */
export function namelessBlockKeys(record: RecordInput | NamelessProfile): string[] {
  const p = profileOf(record);
  if (!p) return [];
  if (p.role === 'missing') {
    if (p.birthFirst === undefined || p.birthLast === undefined) return [];
    const sexes = p.sex ? [SEX_CODES[p.sex], 'u'] : ['m', 'f', 'u'];
    const years = yearSpan(
      yearOf(p.birthFirst) - MISSING_YEAR_SLACK,
      yearOf(p.birthLast) + MISSING_YEAR_SLACK,
      Math.floor(MAX_NAMELESS_KEYS / sexes.length),
    );
    return years.flatMap((y) => sexes.map((s) => `x:${s}:${y}`));
  }
  if (p.ageMin === undefined || p.ageMax === undefined || p.day === undefined) return [];
  const foundYear = yearOf(p.day);
  const widen = Math.round(2 + 0.1 * ((p.ageMin + p.ageMax) / 2));
  const sex = p.sex ? SEX_CODES[p.sex] : 'u';
  return yearSpan(foundYear - p.ageMax - 1 - widen, foundYear - p.ageMin + widen, MAX_NAMELESS_KEYS).map((y) => `x:${sex}:${y}`);
}
