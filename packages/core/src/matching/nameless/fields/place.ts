import { NEIGHBOURS, type PlaceCodes } from '../places.ts';
import type { NamelessProfile } from '../types.ts';
import { bitsOf, type Comparer, type PoolRates, unknown } from './comparer.ts';

/**
 * Where last seen (or lived) against where found. Many are found near where they went (same
 * locality m 0.28, same region 0.12); but records reach the interstate bank largely because the
 * person may have crossed a border, so another state is common among its true pairs (0.3; a
 * neighbouring one 0.12; the same state but another region 0.18). u, the share of unrelated pairs
 * at each level, depends on the place: sharing Moscow says less than sharing a village. Alone,
 * a pair uses the shares of a bank of many towns (`PLACE_U`: locality 0.03, +3.2 bits; another
 * state 0.58, −0.95 bits); in a ranking, u is the candidates' own share at the level (nearly all
 * of them are unrelated), tempered by `POOL_PRIOR_WEIGHT` pseudo-candidates at those shares, and
 * no level counts more than `PLACE_MAX_BITS`.
 */
export const PLACE_LEVELS = ['locality', 'region', 'country', 'neighbour', 'other_state'] as const;
type PlaceLevel = (typeof PLACE_LEVELS)[number];
const PLACE_M: Record<PlaceLevel, number> = { locality: 0.28, region: 0.12, country: 0.18, neighbour: 0.12, other_state: 0.3 };
const PLACE_U: Record<PlaceLevel, number> = { locality: 0.03, region: 0.04, country: 0.2, neighbour: 0.15, other_state: 0.58 };
const PLACE_MAX_BITS = 5;
/** How many candidates the default shares weigh as, against a ranking's own: a short list says little. */
const POOL_PRIOR_WEIGHT = 50;

export function placeRates(counts?: readonly number[]): PoolRates {
  const total = counts ? counts.reduce((n, c) => n + c, 0) : 0;
  const u = (k: number, level: PlaceLevel) =>
    counts ? (counts[k]! + POOL_PRIOR_WEIGHT * PLACE_U[level]) / (total + POOL_PRIOR_WEIGHT) : PLACE_U[level];
  return {
    placeBits: PLACE_LEVELS.map((level, k) => Math.min(PLACE_MAX_BITS, bitsOf(PLACE_M[level], u(k, level)))),
    placeShare: counts && total > 0 ? counts.map((c) => c / total) : undefined,
  };
}
export const DEFAULT_RATES = placeRates();

const shareKey = (a1: number, a2: number, b1: number, b2: number): boolean =>
  a1 !== 0 && (a1 === b1 || a1 === b2 || (a2 !== 0 && (a2 === b1 || a2 === b2)));

/** The level of two places, as its index in `PLACE_LEVELS` (closest first); −1 when either is unknown. */
function placeLevel(a: PlaceCodes, b: PlaceCodes): number {
  if (a.country === 0 || b.country === 0) return -1;
  if (a.country !== b.country) return NEIGHBOURS.has(a.country * 1000 + b.country) ? 3 : 4;
  if (shareKey(a.locality1, a.locality2, b.locality1, b.locality2)) return 0;
  // A city of regional rank is its own region (`г. Ташкент`), and a region may be named after its capital.
  if (
    shareKey(a.region1, a.region2, b.region1, b.region2) ||
    shareKey(a.locality1, a.locality2, b.region1, b.region2) ||
    shareKey(a.region1, a.region2, b.locality1, b.locality2)
  ) {
    return 1;
  }
  return 2;
}

/** The closest of the missing person's places (last seen, home) to where the other was found: an index in `PLACE_LEVELS`, −1 when unknown. */
export function closestPlaceLevel(m: NamelessProfile, f: NamelessProfile): number {
  const seen = placeLevel(m, f);
  const home = m.otherPlace ? placeLevel(m.otherPlace, f) : -1;
  return seen < 0 ? home : home < 0 ? seen : Math.min(seen, home);
}

export const comparePlace: Comparer = (m, f, out, explain, pool) => {
  const level = closestPlaceLevel(m, f);
  if (level < 0) return unknown(out);
  out.level = PLACE_LEVELS[level]!;
  out.bits = pool.placeBits[level]!;
  out.detail = undefined;
  if (!explain) return;
  const fromHome = level !== placeLevel(m, f);
  const share = pool.placeShare?.[level];
  out.detail = `${m.placeLabels[fromHome ? 1 : 0]} / ${f.placeLabels[0]}${share === undefined ? '' : `; ${Math.round(share * 100)} % of candidates alike`}`;
};
