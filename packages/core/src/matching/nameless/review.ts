import type { RecordInput } from '../../schemas/record.ts';
import { rankNameless, type RankedNameless } from './ranking.ts';
import type { NamelessProfile } from './types.ts';

/** Pairs a record puts in the supervisors' queue at most: the rest of its list waits on its page. */
export const NAMELESS_REVIEW_DEPTH = 3;
/**
 * The chance at or above which a nameless pair goes to a supervisor. On generated data at
 * default corruption it keeps about four in five true pairs among the first three, with two
 * false pairs for each true one; lower, the queue fills with strangers of the right age.
 */
export const NAMELESS_REVIEW_PROBABILITY = 0.5;

/**
 * Candidates a record is ranked against at most, those sharing the most blocking keys with it:
 * bounds the time of one list (in a bank of a million, a sex and a birth year hold thousands).
 */
export const NAMELESS_POOL = 2_000;

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
