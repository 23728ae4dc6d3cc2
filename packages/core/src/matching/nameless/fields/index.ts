/**
 * Names cannot link these pairs, and EM on them learns "shares clothing words" rather than "is
 * the same person" (docs/matching.md, Known limits), so the weights here are set by hand from
 * what is known of such cases: each field's bits are log2(m/u), m the chance of what is seen
 * among true pairs and u among unrelated ones, both written beside the constants. They are not
 * fitted to the generator; `svod eval` measures them (`nameless.recallAt10`).
 */
import { NAMELESS_FIELDS, type NamelessField } from '../types.ts';
import type { Comparer } from './comparer.ts';
import { compareClothing, compareEyes, compareHair, compareMarks } from './description.ts';
import { compareBuild, compareAge, compareHeight, compareSex } from './person.ts';
import { comparePlace } from './place.ts';
import { compareDeath, compareFound } from './timeline.ts';

export type { Outcome, PoolRates } from './comparer.ts';
export { closestPlaceLevel, DEFAULT_RATES, PLACE_LEVELS, placeRates } from './place.ts';

export const COMPARERS: Record<NamelessField, Comparer> = {
  sex: compareSex,
  age: compareAge,
  found: compareFound,
  death: compareDeath,
  height: compareHeight,
  build: compareBuild,
  place: comparePlace,
  marks: compareMarks,
  clothing: compareClothing,
  hair: compareHair,
  eyes: compareEyes,
};
/** All but the place's, which a ranking scores once it knows how common each place level is among the candidates. */
export const COMPARERS_BUT_PLACE = NAMELESS_FIELDS.filter((field) => field !== 'place').map((field) => COMPARERS[field]);
