/** The sum and number of the scored pairs between two clusters, and how many of them contradict. */
interface Cross {
  sum: number;
  count: number;
  conflicts: number;
}

/**
 * Clusters records from their scored candidate pairs so that one weak link cannot join two
 * groups: links are taken strongest first, and two clusters merge only when the pairs between
 * them that were compared score, on average, at or above the threshold. A record with a wide birth
 * window (a year, an age estimate) links to namesakes born on different days, but those namesakes
 * were compared with each other too, and their disagreement outweighs its two weak links.
 *
 * Nor do two clusters merge when any pair between them contradicts (`conflicts[k]` set): two
 * full birth dates that differ are two people, however alike their names.
 *
 * `pairs` holds candidate pairs flattened (pairs[2k], pairs[2k+1]) and `weights[k]` the match
 * weight of pair k in bits. Returns each record's cluster as the index of its first member; records
 * never linked are their own cluster. Deterministic, O(pairs log pairs): the smaller cluster's
 * neighbours are folded into the larger one's.
 */
export function clusterByAverageLink(
  records: number,
  pairs: ArrayLike<number>,
  weights: ArrayLike<number>,
  thresholdWeight: number,
  conflicts?: ArrayLike<number>,
  cannotBeOne?: (a: number, b: number) => boolean,
): Int32Array {
  const pairCount = weights.length;
  const ambiguous = cannotBeOne ? ambiguousLinks(pairs, weights, thresholdWeight, cannotBeOne) : undefined;
  const linked: number[] = [];
  const inLink = new Uint8Array(records);
  for (let k = 0; k < pairCount; k++) {
    if (weights[k]! >= thresholdWeight && !ambiguous?.[k]) {
      linked.push(k);
      inLink[pairs[2 * k]!] = 1;
      inLink[pairs[2 * k + 1]!] = 1;
    }
  }
  // Strongest first; ties by the records' indices, so the result depends neither on the sort
  // nor on the order the pairs came in.
  const low = (k: number) => Math.min(pairs[2 * k]!, pairs[2 * k + 1]!);
  const high = (k: number) => Math.max(pairs[2 * k]!, pairs[2 * k + 1]!);
  linked.sort((x, y) => weights[y]! - weights[x]! || low(x) - low(y) || high(x) - high(y));

  // Only pairs between records that take part in some link can ever be between two clusters.
  const neighbours = new Map<number, Map<number, Cross>>();
  const neighboursOf = (i: number) => {
    let map = neighbours.get(i);
    if (!map) {
      map = new Map();
      neighbours.set(i, map);
    }
    return map;
  };
  const addCross = (map: Map<number, Cross>, other: number, add: Cross) => {
    const entry = map.get(other);
    if (entry) {
      entry.sum += add.sum;
      entry.count += add.count;
      entry.conflicts += add.conflicts;
    } else map.set(other, { ...add });
  };
  for (let k = 0; k < pairCount; k++) {
    const a = pairs[2 * k]!;
    const b = pairs[2 * k + 1]!;
    if (a === b || !inLink[a] || !inLink[b]) continue;
    const cross = { sum: weights[k]!, count: 1, conflicts: conflicts?.[k] ? 1 : 0 };
    addCross(neighboursOf(a), b, cross);
    addCross(neighboursOf(b), a, cross);
  }

  const parent = new Int32Array(records).map((_, i) => i);
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const k of linked) {
    const ra = find(pairs[2 * k]!);
    const rb = find(pairs[2 * k + 1]!);
    if (ra === rb) continue;
    const mapA = neighboursOf(ra);
    const mapB = neighboursOf(rb);
    const cross = mapA.get(rb)!;
    if (cross.conflicts > 0 || cross.sum / cross.count < thresholdWeight) continue;
    const [big, small, bigMap, smallMap] = mapA.size >= mapB.size ? [ra, rb, mapA, mapB] : [rb, ra, mapB, mapA];
    parent[small] = big;
    bigMap.delete(small);
    for (const [other, entry] of smallMap) {
      if (other === big) continue;
      addCross(bigMap, other, entry);
      const otherMap = neighbours.get(other)!;
      otherMap.delete(small);
      addCross(otherMap, big, entry);
    }
    neighbours.delete(small);
  }

  // A cluster is named by its first record, whatever root the merges left it under.
  const first = new Int32Array(records).fill(-1);
  const clusterOf = new Int32Array(records);
  for (let i = 0; i < records; i++) {
    const root = find(i);
    if (first[root] === -1) first[root] = i;
    clusterOf[i] = first[root]!;
  }
  return clusterOf;
}

/** How much stronger, in bits, a record's best link must be than a rival's for the record to choose. */
export const AMBIGUITY_MARGIN_BITS = 2;

/**
 * The links that do not by themselves join a record to a cluster, because the record links as
 * well to another record that cannot be the same subject: an undated Ivanov Ivan (or one with a
 * birth year, a range, an age estimate) links to each namesake born on another day, and only
 * one of them can be his. When no link is AMBIGUITY_MARGIN_BITS stronger than a rival's, all
 * of them are held back (a reviewer decides); otherwise the links to the best's rivals are.
 * Held-back links still count in the averages between clusters.
 */
function ambiguousLinks(
  pairs: ArrayLike<number>,
  weights: ArrayLike<number>,
  thresholdWeight: number,
  cannotBeOne: (a: number, b: number) => boolean,
): Uint8Array {
  const held = new Uint8Array(weights.length);
  const linksOf = new Map<number, number[]>();
  for (let k = 0; k < weights.length; k++) {
    if (weights[k]! < thresholdWeight) continue;
    for (const end of [pairs[2 * k]!, pairs[2 * k + 1]!]) {
      const list = linksOf.get(end);
      if (list) list.push(k);
      else linksOf.set(end, [k]);
    }
  }
  for (const [record, links] of linksOf) {
    if (links.length < 2) continue;
    links.sort((x, y) => weights[y]! - weights[x]!);
    const other = (k: number) => (pairs[2 * k] === record ? pairs[2 * k + 1]! : pairs[2 * k]!);
    const best = links[0]!;
    const rivals = links.filter((k) => k !== best && cannotBeOne(other(best), other(k)));
    if (rivals.length === 0) continue;
    for (const k of rivals) held[k] = 1;
    if (weights[best]! - weights[rivals[0]!]! < AMBIGUITY_MARGIN_BITS) held[best] = 1;
  }
  return held;
}
