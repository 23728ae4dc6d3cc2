import type { RecordInput } from '../../schemas/record.ts';
import { namelessBlockKeys } from './blocking.ts';
import { rankNameless, type RankedNameless } from './ranking.ts';
import type { NamelessEvidence, NamelessProfile } from './types.ts';

/** Pairs a record puts in the supervisors' queue at most: the rest of its list waits on its page. */
export const NAMELESS_REVIEW_DEPTH = 3;
/**
 * The chance at or above which a nameless pair goes to a supervisor. On generated data at
 * default corruption it keeps about four in five true pairs among the first three, with two
 * false pairs for each true one; lower, the queue fills with strangers of the right age.
 */
export const NAMELESS_REVIEW_PROBABILITY = 0.5;

/**
 * The chance that this candidate, of the `candidates` compared, is the subject — taking even odds
 * that the subject is among them at all and no candidate likelier than another before the
 * evidence. Bits alone do not say it: ten bits single out one among a hundred, not among ten
 * thousand.
 */
export function namelessProbability(bits: number, candidates: number): number {
  return 1 / (1 + Math.max(1, candidates) * 2 ** -bits);
}

export interface ReviewedNameless<T> extends RankedNameless<T> {
  probability: number;
}

/** The candidates of a ranked list that go to a supervisor: the first `NAMELESS_REVIEW_DEPTH`, each likely enough. */
export function namelessForReview<T extends RecordInput | NamelessProfile>(
  subject: RecordInput | NamelessProfile,
  candidates: readonly T[],
): ReviewedNameless<T>[] {
  return rankNameless(subject, candidates, NAMELESS_REVIEW_DEPTH)
    .map((ranked) => ({ ...ranked, probability: namelessProbability(ranked.evidence.bits, candidates.length) }))
    .filter((ranked) => ranked.probability >= NAMELESS_REVIEW_PROBABILITY);
}

export interface NamelessPair {
  /** Positions in the list given: the missing person, the unidentified record. */
  missing: number;
  unidentified: number;
  probability: number;
  evidence: NamelessEvidence;
}

/**
 * Every pair of a set of records that goes to review, as the bank finds them record by record:
 * each missing person ranked against the unidentified records sharing a blocking key, and each
 * unidentified one against the missing persons; a pair found from both sides is given once, at
 * the higher chance. Positions without a profile (`undefined`) are skipped. `onProgress` hears
 * how many profiles have been ranked.
 */
export function namelessReviewPairs(profiles: readonly (NamelessProfile | undefined)[], onProgress?: (done: number) => void): NamelessPair[] {
  const byKey = { missing: new Map<string, number[]>(), unidentified: new Map<string, number[]>() };
  profiles.forEach((profile, i) => {
    if (!profile) return;
    const index = byKey[profile.role];
    for (const key of namelessBlockKeys(profile)) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  const pairs = new Map<string, NamelessPair>();
  // Marks which records a subject has already taken, without clearing a set per subject.
  const seenBy = new Int32Array(profiles.length).fill(-1);
  profiles.forEach((profile, s) => {
    if (s % 1000 === 999) onProgress?.(s + 1);
    if (!profile) return;
    const others = byKey[profile.role === 'missing' ? 'unidentified' : 'missing'];
    const pool: number[] = [];
    for (const key of namelessBlockKeys(profile)) {
      for (const i of others.get(key) ?? []) {
        if (seenBy[i] === s) continue;
        seenBy[i] = s;
        pool.push(i);
      }
    }
    pool.sort((a, b) => a - b);
    for (const ranked of namelessForReview(
      profile,
      pool.map((i) => profiles[i]!),
    )) {
      const partner = pool[ranked.index]!;
      const [missing, unidentified] = profile.role === 'missing' ? [s, partner] : [partner, s];
      const key = `${missing}:${unidentified}`;
      const before = pairs.get(key);
      if (!before || before.probability < ranked.probability)
        pairs.set(key, { missing, unidentified, probability: ranked.probability, evidence: ranked.evidence });
    }
  });
  onProgress?.(profiles.length);
  return [...pairs.values()];
}
