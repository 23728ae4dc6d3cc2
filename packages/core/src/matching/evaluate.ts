import type { RecordInput } from '../schemas/record.ts';
import { namelessBlockKeys, namelessProfile, rankNameless, type NamelessProfile } from './nameless/index.ts';

/** Precision, recall and F1 of a linkage against ground truth. */
export interface Quality {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

const quality = (tp: number, fp: number, fn: number): Quality => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { precision: round(precision), recall: round(recall), f1: round(f1), truePositives: tp, falsePositives: fp, falseNegatives: fn };
};

/** Groups record indices by a label, skipping unlabelled ones (-1 or undefined). */
function groups<T>(labels: readonly T[], skip: (label: T) => boolean): Map<T, number[]> {
  const out = new Map<T, number[]>();
  labels.forEach((label, i) => {
    if (skip(label)) return;
    const g = out.get(label);
    if (g) g.push(i);
    else out.set(label, [i]);
  });
  return out;
}

/**
 * Pairwise quality: every pair of records in the same predicted cluster is a predicted match,
 * every pair with the same truth id a true one. `pairFilter` restricts the counted pairs.
 */
export function pairwiseQuality(
  clusterOf: ArrayLike<number>,
  truthOf: readonly string[],
  pairFilter: (i: number, j: number) => boolean = () => true,
): Quality {
  return pairwiseQualities(clusterOf, truthOf, (i, j) => (pairFilter(i, j) ? ['all'] : [])).get('all') ?? quality(0, 0, 0);
}

/**
 * Pairwise quality in several breakdowns at once (overall, per category pair…): `bucketsOf`
 * names the breakdowns a pair counts in. One pass over the predicted and the true pairs, which
 * at a million records matters more than the clarity of one pass per breakdown.
 */
export function pairwiseQualities(
  clusterOf: ArrayLike<number>,
  truthOf: readonly string[],
  bucketsOf: (i: number, j: number) => readonly string[],
): Map<string, Quality> {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (i: number, j: number, kind: 'tp' | 'fp' | 'fn') => {
    for (const bucket of bucketsOf(i, j)) {
      let entry = counts.get(bucket);
      if (!entry) {
        entry = { tp: 0, fp: 0, fn: 0 };
        counts.set(bucket, entry);
      }
      entry[kind]++;
    }
  };
  const forEachPair = (members: readonly number[], visit: (i: number, j: number) => void) => {
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) visit(members[x]!, members[y]!);
  };
  for (const members of groups(Array.from(clusterOf), (c) => c < 0).values()) {
    forEachPair(members, (i, j) => count(i, j, truthOf[i] === truthOf[j] ? 'tp' : 'fp'));
  }
  for (const members of groups(truthOf, () => false).values()) {
    forEachPair(members, (i, j) => {
      if (clusterOf[i]! < 0 || clusterOf[i] !== clusterOf[j]) count(i, j, 'fn');
    });
  }
  return new Map([...counts].map(([bucket, c]) => [bucket, quality(c.tp, c.fp, c.fn)]));
}

/**
 * Cluster quality by B-cubed: for each record, the share of its predicted cluster that truly
 * belongs with it (precision) and the share of its true cluster that was found with it (recall).
 * Reported with the count of true multi-record clusters found exactly.
 */
export function clusterQuality(clusterOf: ArrayLike<number>, truthOf: readonly string[]): Quality & { exactClusters: number; trueClusters: number } {
  const predicted = groups(Array.from(clusterOf), (c) => c < 0);
  const truth = groups(truthOf, () => false);
  let precisionSum = 0;
  let recallSum = 0;
  let n = 0;
  for (let i = 0; i < truthOf.length; i++) {
    if (clusterOf[i]! < 0) continue;
    const mine = predicted.get(clusterOf[i]!)!;
    const real = truth.get(truthOf[i]!)!;
    const overlap = mine.filter((j) => truthOf[j] === truthOf[i]).length;
    precisionSum += overlap / mine.length;
    recallSum += overlap / real.length;
    n++;
  }
  let exact = 0;
  let multi = 0;
  for (const members of truth.values()) {
    if (members.length < 2) continue;
    multi++;
    const c = clusterOf[members[0]!]!;
    if (c >= 0 && members.every((m) => clusterOf[m] === c) && predicted.get(c)!.length === members.length) exact++;
  }
  const precision = n === 0 ? 1 : precisionSum / n;
  const recall = n === 0 ? 1 : recallSum / n;
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    exactClusters: exact,
    trueClusters: multi,
  };
}

export interface LabelledRecord {
  category: string;
  truth: string;
  /** Corruption kinds the generator applied to this record. */
  corruptions: readonly string[];
  /** Script of the record's primary name (`Cyrl`, `Latn`, `Armn`); none for the nameless. */
  script?: string;
  /** The matcher's blocking keys of the record's names (`nameKeys`): records sharing one bear the same name. */
  nameKeys?: readonly string[];
}

/**
 * How often different people of the same name end up as one: a true subject is namesake-merged
 * when one of its named records sits in a predicted cluster with a named record of another
 * subject that shares a name key with it.
 */
export interface NamesakeMerge {
  /** Merged subjects ÷ subjects with a named record. */
  rate: number;
  merged: number;
  subjects: number;
}

/**
 * The namesake-merge rate over named records (wanted and missing). Linear in the records: per
 * predicted cluster, each name key maps to the subjects whose records carry it.
 */
export function namesakeMerge(records: readonly LabelledRecord[], clusterOf: ArrayLike<number>): NamesakeMerge {
  const subjects = new Set<string>();
  const byCluster = new Map<number, Map<string, Set<string>>>();
  records.forEach((r, i) => {
    if (!PERSON_CATEGORIES.has(r.category)) return;
    subjects.add(r.truth);
    const c = clusterOf[i]!;
    if (c < 0 || !r.nameKeys) return;
    let keys = byCluster.get(c);
    if (!keys) {
      keys = new Map();
      byCluster.set(c, keys);
    }
    for (const key of r.nameKeys) {
      const holders = keys.get(key);
      if (holders) holders.add(r.truth);
      else keys.set(key, new Set([r.truth]));
    }
  });
  const merged = new Set<string>();
  for (const keys of byCluster.values()) {
    for (const holders of keys.values()) if (holders.size > 1) for (const t of holders) merged.add(t);
  }
  const rate = subjects.size === 0 ? 0 : Math.round((merged.size / subjects.size) * 100_000) / 100_000;
  return { rate, merged: merged.size, subjects: subjects.size };
}

/** Categories whose records carry no name: matched to missing persons by a reviewer, not linked. */
const NAMELESS_CATEGORIES = new Set(['unidentified_corpse', 'unidentified_person']);
const PERSON_CATEGORIES = new Set(['wanted_person', 'missing_person']);

export interface EvaluationReport {
  records: number;
  truePairs: number;
  pairwise: Quality;
  clusters: ReturnType<typeof clusterQuality>;
  /** Named persons (wanted and missing, any state and script): the figure person matching is judged by. */
  persons: Quality;
  /** Named persons whose primary names are written in different scripts. */
  crossScript: Quality;
  /**
   * Missing persons with unidentified bodies and living persons. Precision, recall and F1 are
   * automatic linking's, which leaves them to a reviewer (recall 0); with `namelessRanking`, the
   * reviewer's ranked lists are judged too (`recallAt10`…).
   */
  nameless: Quality & Partial<NamelessRanking>;
  /** B-cubed over named-person records only (wanted and missing): the cluster view of `persons`. */
  personClusters: ReturnType<typeof clusterQuality>;
  /** Named subjects merged with a namesake (another subject sharing a name key) — see `namesakeMerge`. */
  namesakeMerge: NamesakeMerge;
  byCategory?: Record<string, Quality>;
  /** Recall over true pairs (nameless ones aside) where either record carries the corruption. */
  recallByCorruption?: Record<string, { recall: number; pairs: number }>;
}

/** B-cubed restricted to named-person records: other records are left out of both sides. */
function personClusterQuality(records: readonly LabelledRecord[], clusterOf: ArrayLike<number>): ReturnType<typeof clusterQuality> {
  const clusters: number[] = [];
  const truths: string[] = [];
  records.forEach((r, i) => {
    if (!PERSON_CATEGORIES.has(r.category)) return;
    clusters.push(clusterOf[i]!);
    truths.push(r.truth);
  });
  return clusterQuality(clusters, truths);
}

/**
 * Precision, recall and F1 of a clustering against the records' truth ids, with breakdowns;
 * `ranking`, the quality of the nameless ranked lists (`namelessRanking`), is reported with the
 * nameless pairs' linking figures.
 */
export function evaluationReport(
  records: readonly LabelledRecord[],
  clusterOf: ArrayLike<number>,
  breakdown: boolean,
  ranking?: NamelessRanking,
): EvaluationReport {
  const truthOf = records.map((r) => r.truth);
  const named = (i: number) => PERSON_CATEGORIES.has(records[i]!.category);
  const nameless = (i: number) => NAMELESS_CATEGORIES.has(records[i]!.category);
  const pairCategory = (i: number, j: number) => [records[i]!.category, records[j]!.category].sort().join('~');
  const qualities = pairwiseQualities(clusterOf, truthOf, (i, j) => {
    const buckets = ['all'];
    if (named(i) && named(j)) {
      buckets.push('persons');
      if (records[i]!.script !== records[j]!.script) buckets.push('crossScript');
    } else if (nameless(i) !== nameless(j) && (named(i) || named(j))) buckets.push('nameless');
    if (breakdown) buckets.push(`category:${pairCategory(i, j)}`);
    return buckets;
  });
  const get = (bucket: string) => qualities.get(bucket) ?? quality(0, 0, 0);
  const pairwise = get('all');
  const report: EvaluationReport = {
    records: records.length,
    truePairs: pairwise.truePositives + pairwise.falseNegatives,
    pairwise,
    clusters: clusterQuality(clusterOf, truthOf),
    persons: get('persons'),
    crossScript: get('crossScript'),
    nameless: { ...get('nameless'), ...ranking },
    personClusters: personClusterQuality(records, clusterOf),
    namesakeMerge: namesakeMerge(records, clusterOf),
  };
  if (!breakdown) return report;
  const truth = groups(truthOf, () => false);
  const kinds = new Set(records.flatMap((r) => r.corruptions));
  const corruptionPairs = new Map<string, { found: number; pairs: number }>([...kinds].map((k) => [k, { found: 0, pairs: 0 }]));
  for (const members of truth.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        if (nameless(i) || nameless(j)) continue;
        const found = clusterOf[i]! >= 0 && clusterOf[i] === clusterOf[j];
        for (const kind of new Set([...records[i]!.corruptions, ...records[j]!.corruptions])) {
          const entry = corruptionPairs.get(kind)!;
          entry.pairs++;
          if (found) entry.found++;
        }
      }
    }
  }
  report.byCategory = Object.fromEntries(
    [...qualities.keys()]
      .filter((k) => k.startsWith('category:'))
      .sort()
      .map((k) => [k.slice('category:'.length), get(k)]),
  );
  report.recallByCorruption = Object.fromEntries(
    [...corruptionPairs].sort().map(([k, v]) => [k, { recall: Math.round((v.found / Math.max(1, v.pairs)) * 10_000) / 10_000, pairs: v.pairs }]),
  );
  return report;
}

/** How well the nameless ranked lists put a missing person's true partner near the top. */
export interface NamelessRanking {
  /** Share of true missing ~ unidentified pairs whose unidentified record heads the missing person's list. */
  recallAt1: number;
  /** … is among the first ten. */
  recallAt10: number;
  /** True pairs: a missing-person record and an unidentified one with the same truth id. */
  pairs: number;
  /** Share of true pairs that share a blocking key (`namelessBlockKeys`): the ceiling of both recalls. */
  blocked: number;
  /**
   * Missing persons ranked: those with a true partner and a blocking key. The others cannot change
   * the figures, and ranking them too would only multiply the time.
   */
  queries: number;
  /** Unidentified candidates per query, on average: the work the blocking leaves to scoring. */
  candidatesPerQuery: number;
}

/** A record of a labelled file, as nameless ranking reads it; other categories are ignored. */
export interface TruthRecord {
  truth: string;
  record: RecordInput;
}

const RANK_DEPTH = 10;

/**
 * Ranks each missing person of a labelled file who has a true partner against the unidentified
 * records sharing one of its blocking keys, as the bank does (`namelessBlockKeys`, then
 * `rankNameless`), and counts where each partner lands. `onProgress` hears how many missing
 * persons have been seen.
 */
export function namelessRanking(records: readonly TruthRecord[], onProgress?: (done: number) => void): NamelessRanking {
  const missing: { truth: string; profile: NamelessProfile }[] = [];
  const found: { truth: string; profile: NamelessProfile }[] = [];
  for (const { truth, record } of records) {
    const profile = NAMELESS_CATEGORIES.has(record.category) || record.category === 'missing_person' ? namelessProfile(record) : undefined;
    if (profile) (profile.role === 'missing' ? missing : found).push({ truth, profile });
  }
  const byKey = new Map<string, number[]>();
  found.forEach(({ profile }, i) => {
    for (const key of namelessBlockKeys(profile)) {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  const partnersOf = new Map<string, number>();
  for (const { truth } of found) partnersOf.set(truth, (partnersOf.get(truth) ?? 0) + 1);

  let pairs = 0;
  let blocked = 0;
  let at1 = 0;
  let at10 = 0;
  let queries = 0;
  let candidates = 0;
  // Marks which unidentified records a query has already taken, without clearing a set per query.
  const seenBy = new Int32Array(found.length).fill(-1);
  missing.forEach(({ truth, profile }, q) => {
    const partners = partnersOf.get(truth) ?? 0;
    if (q % 500 === 499) onProgress?.(q + 1);
    if (partners === 0) return;
    pairs += partners;
    const pool: number[] = [];
    for (const key of namelessBlockKeys(profile)) {
      for (const i of byKey.get(key) ?? []) {
        if (seenBy[i] === q) continue;
        seenBy[i] = q;
        pool.push(i);
      }
    }
    // In the order the profiles were made, which is roughly their order in memory: at a hundred
    // thousand records, reading them scattered costs more than scoring them.
    pool.sort((a, b) => a - b);
    if (pool.length > 0) queries++;
    candidates += pool.length;
    blocked += pool.filter((i) => found[i]!.truth === truth).length;
    const ranked = rankNameless(
      profile,
      pool.map((i) => found[i]!.profile),
      RANK_DEPTH,
    );
    ranked.forEach(({ index }, rank) => {
      if (found[pool[index]!]!.truth !== truth) return;
      at10++;
      if (rank === 0) at1++;
    });
  });
  onProgress?.(missing.length);
  const share = (n: number) => (pairs === 0 ? 1 : Math.round((n / pairs) * 10_000) / 10_000);
  return {
    recallAt1: share(at1),
    recallAt10: share(at10),
    pairs,
    blocked: share(blocked),
    queries,
    candidatesPerQuery: queries === 0 ? 0 : Math.round(candidates / queries),
  };
}
