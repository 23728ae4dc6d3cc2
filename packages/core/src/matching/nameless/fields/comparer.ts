import type { NamelessProfile } from '../types.ts';

export const bitsOf = (m: number, u: number): number => Math.log2(m / u);
/** Density of a normal distribution centred on 0. */
export const normal = (x: number, sd: number): number => Math.exp(-0.5 * (x / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

/** What one field comparison wrote; reused across candidates so that ranking allocates nothing per field. */
export interface Outcome {
  level: string;
  bits: number;
  detail?: string;
}
export type Comparer = (missing: NamelessProfile, found: NamelessProfile, out: Outcome, explain: boolean, pool: PoolRates) => void;

export const unknown = (out: Outcome) => {
  out.level = 'unknown';
  out.bits = 0;
  out.detail = undefined;
};

/** What a ranking learns from its candidates: how common each place level is among them. */
export interface PoolRates {
  /** Bits of each level, in `PLACE_LEVELS` order. */
  placeBits: number[];
  /** Share of the candidates at each level; absent for a pair compared alone. */
  placeShare?: number[];
}
