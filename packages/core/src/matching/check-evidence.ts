import { isVinWellFormed } from '../validation/vin.ts';
import { personAdjustment } from './person-adjustment.ts';
import { compareProfiles } from './comparisons.ts';
import { scoreVector, type Score, type Weights } from './model.ts';
import type { MatchProfile } from './profile.ts';

/** Extra weight of a field at a level, for one pair (see `scoreVector`). */
export type Adjustment = (field: number, level: number) => number;

/**
 * Odds that an exact agreement on a unique identifier, alone, is the same object. Random pairs
 * cannot measure how often two different cars share a VIN: every random pair that agrees on one
 * is a duplicate, so the u left after removing them is sampling noise of the prior, and the
 * weight it gives only cancels the prior (a VIN alone came out at 0.6). What is known is that
 * a VIN is assigned once per vehicle (ISO 3779), a plate once per state at a time, a long serial
 * once per maker: two different objects share one only by cloning or a copying error, far
 * rarer than one in a thousand. Evidence against (another make, another year) still counts.
 */
const UNIQUE_IDENTIFIER_ODDS = 1000;

/** A plate number this long (folded, without the state) is one car in its state. */
const UNIQUE_PLATE_LENGTH = 6;

/** The fields of a domain whose exact agreement is unique, and when it is. */
const UNIQUE_EXACT: Record<string, (a: MatchProfile) => boolean> = {
  // A well-formed VIN only: a clerk's fragment (`12345`) is not unique.
  vin: (a) => a.domain === 'vehicle' && !!a.vin && isVinWellFormed(a.vin),
  plate: (a) => a.domain === 'vehicle' && !!a.plate && a.plate.length - a.plate.indexOf(':') - 1 >= UNIQUE_PLATE_LENGTH,
  // The `exact` level of serials is already the long ones (short Soviet serials repeat).
  serial: (a) => a.domain === 'firearm',
};

/**
 * The weight an exact agreement on a unique identifier gets at least: enough to take the pair
 * from the prior (whatever the bank's size and whichever model, shipped or trained) to
 * UNIQUE_IDENTIFIER_ODDS. Added on top of the model's weight where that is less.
 */
export function identifierAdjustment(weights: Weights, query: MatchProfile): Adjustment | undefined {
  if (query.domain === 'person') return undefined;
  const floor = Math.log2(UNIQUE_IDENTIFIER_ODDS) - weights.priorWeight;
  const raise = weights.model.fields.map((f, i) => {
    const unique = UNIQUE_EXACT[f.field];
    return unique?.(query) ? Math.max(0, floor - weights.table[i]![0]!) : 0;
  });
  if (raise.every((r) => r === 0)) return undefined;
  // Level 0 is `exact` for every identifier field.
  return (field, level) => (level === 0 ? raise[field]! : 0);
}

/**
 * What a check adds to the model's average weights, per candidate: for persons the rarity of the
 * names both share (`frequency` from the bank's counts) and a birth date inside a range narrowed
 * to the range's width (see `personAdjustment`); for vehicles and firearms the uniqueness of
 * identifiers (the same for every candidate, so worked out once).
 */
export function checkAdjustments(
  weights: Weights,
  query: MatchProfile,
  frequency?: (key: string) => number | undefined,
): (candidate: MatchProfile, vector: Int8Array) => Adjustment | undefined {
  if (query.domain === 'person') return (candidate, vector) => personAdjustment(weights, frequency ?? (() => undefined), query, candidate, vector);
  const adjustment = identifierAdjustment(weights, query);
  return () => adjustment;
}

/**
 * Scores candidates against one query as a check does: compared field by field, weighed with the
 * model and the check's adjustments (`checkAdjustments`). Field checks, the background
 * cross-matcher and the whole-bank pass all score a pair through it, so a pair scores the same
 * whichever found it.
 */
export function candidateScorer(
  weights: Weights,
  query: MatchProfile,
  frequency?: (key: string) => number | undefined,
): (candidate: MatchProfile) => Score {
  const adjustments = checkAdjustments(weights, query, query.domain === 'person' ? frequency : undefined);
  return (candidate) => {
    const vector = compareProfiles(query, candidate);
    return scoreVector(weights, vector, adjustments(candidate, vector));
  };
}

const NAME_PARTS = ['surname', 'given', 'patronymic'] as const;

/**
 * The name stems a person record is counted under, keyed as `personAdjustment` looks them up
 * (`surname:ivanov`): one count per record however many forms of its name carry the stem.
 */
export function nameStemKeys(profile: MatchProfile | undefined): string[] {
  if (profile?.domain !== 'person' || !profile.named) return [];
  const keys = new Set<string>();
  for (const name of profile.names) {
    for (const part of NAME_PARTS) {
      const stem = name[part]?.stem;
      if (stem) keys.add(`${part}:${stem}`);
    }
  }
  return [...keys];
}

/** Persons a model's u stands for when it does not say how many it was trained on. */
const DEFAULT_TRAINING_PERSONS = 10_000;

/**
 * The frequency of a name stem among a bank's `persons` person records, from its count there,
 * for `personAdjustment`. The count is pooled with the model's average (u of an exact agreement
 * on that part) as if that came from the persons the model was trained on: in a bank of a few
 * hundred records every name is "one in a few hundred", which says nothing of its rarity, while
 * in a bank of millions the bank's own count decides. A stem looked up is carried by at least
 * one record (or by the check itself).
 */
export function bankNameFrequency(
  weights: Weights,
  count: (key: string) => number | undefined,
  persons: number,
): (key: string) => number | undefined {
  const pseudo = weights.model.training.records ?? DEFAULT_TRAINING_PERSONS;
  const average = new Map<string, number>();
  for (const field of weights.model.fields) if ((NAME_PARTS as readonly string[]).includes(field.field)) average.set(field.field, field.u[0]!);
  return (key) => {
    const u = average.get(key.slice(0, key.indexOf(':')));
    if (u === undefined) return undefined;
    return (Math.max(1, count(key) ?? 0) + pseudo * u) / (Math.max(0, persons) + pseudo);
  };
}
