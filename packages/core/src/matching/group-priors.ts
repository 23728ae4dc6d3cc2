/** Groups with fewer candidate pairs than this keep the domain's prior: too few to estimate their own. */
const MIN_GROUP_PAIRS = 1_000;
/** A group's prior lowers the weights of its pairs by at most this many bits. */
const MAX_OFFSET = 8;
const ITERATIONS = 30;

const logOdds2 = (p: number) => Math.log2(p / (1 - p));
const probability = (bits: number) => 1 / (1 + 2 ** -bits);

export interface GroupedPairs {
  /** Group of candidate pair k (a pair of source arrays, `missing_person~wanted_person`); undefined leaves it out. */
  groupOf: (k: number) => string | undefined;
  /** All pairs of records there are in each group, compared or not. */
  allPairs: ReadonlyMap<string, number>;
}

/**
 * How far each group's own match rate moves its pairs' weights, in bits. The domain's prior is
 * an average over all pairs; but a wanted person is far more often also wanted by another state
 * than also reported missing, so among namesakes one wanted and one missing a match is rarer, and
 * the same name evidence says less. Each group's rate is estimated as EM does, with m and u held:
 * the expected matches among its candidates (their posteriors under the group's rate) over all
 * its pairs, repeated until it settles.
 *
 * `weights[k]` is pair k's weight in bits with the domain prior `priorWeight` (log2-odds)
 * included; pass one domain's pairs. Returns the offset per group (never above zero), relative to
 * the same estimate over all the groups; groups not returned keep the domain prior.
 */
export function groupPriorOffsets(weights: ArrayLike<number>, priorWeight: number, groups: GroupedPairs): Map<string, number> {
  const members = new Map<string, number[]>();
  for (let k = 0; k < weights.length; k++) {
    if (!Number.isFinite(weights[k]!)) continue;
    const g = groups.groupOf(k);
    if (g === undefined) continue;
    let list = members.get(g);
    if (!list) {
      list = [];
      members.set(g, list);
    }
    list.push(k);
  }
  const settle = (pairs: readonly number[], all: number) => {
    let offset = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      let expected = 0;
      for (const k of pairs) expected += probability(weights[k]! + offset);
      const rate = Math.min(0.5, Math.max(1e-15, expected / all));
      const next = logOdds2(rate) - priorWeight;
      const settled = Math.abs(next - offset) < 1e-3;
      offset = next;
      if (settled) break;
    }
    return offset;
  };
  // Relative to the same estimate over every group at once: the domain's prior stays what
  // training made it on average, and only its share between groups changes.
  const everyPair = [...members.values()].flat();
  const everyAll = [...groups.allPairs.values()].reduce((a, b) => a + b, 0);
  if (everyPair.length === 0 || everyAll <= 0) return new Map();
  const overall = settle(everyPair, everyAll);
  const offsets = new Map<string, number>();
  for (const [group, pairs] of members) {
    const all = groups.allPairs.get(group) ?? 0;
    if (pairs.length < MIN_GROUP_PAIRS || all <= 0) continue;
    // Only ever lowered, as the prior is for a larger bank: a group whose pairs match more often
    // than average keeps the domain's weights rather than gaining a lower bar.
    offsets.set(group, Math.max(-MAX_OFFSET, Math.min(0, settle(pairs, all) - overall)));
  }
  return offsets;
}
