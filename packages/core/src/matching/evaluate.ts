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
 * every pair with the same truth id a true one. `pairFilter` restricts the counted pairs (for
 * per-category and per-corruption breakdowns).
 */
export function pairwiseQuality(
  clusterOf: ArrayLike<number>,
  truthOf: readonly string[],
  pairFilter: (i: number, j: number) => boolean = () => true,
): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const predicted = groups(Array.from(clusterOf), (c) => c < 0);
  for (const members of predicted.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        if (!pairFilter(i, j)) continue;
        if (truthOf[i] === truthOf[j]) tp++;
        else fp++;
      }
    }
  }
  const truth = groups(truthOf, () => false);
  for (const members of truth.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        if (pairFilter(i, j) && (clusterOf[i]! < 0 || clusterOf[i] !== clusterOf[j])) fn++;
      }
    }
  }
  return quality(tp, fp, fn);
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
  /** Missing persons with unidentified bodies and living persons: not linked automatically. */
  nameless: Quality;
  byCategory?: Record<string, Quality>;
  /** Recall over true pairs (nameless ones aside) where either record carries the corruption. */
  recallByCorruption?: Record<string, { recall: number; pairs: number }>;
}

/** Precision, recall and F1 of a clustering against the records' truth ids, with breakdowns. */
export function evaluationReport(records: readonly LabelledRecord[], clusterOf: ArrayLike<number>, breakdown: boolean): EvaluationReport {
  const truthOf = records.map((r) => r.truth);
  const pairwise = pairwiseQuality(clusterOf, truthOf);
  const named = (i: number) => PERSON_CATEGORIES.has(records[i]!.category);
  const nameless = (i: number) => NAMELESS_CATEGORIES.has(records[i]!.category);
  const report: EvaluationReport = {
    records: records.length,
    truePairs: pairwise.truePositives + pairwise.falseNegatives,
    pairwise,
    clusters: clusterQuality(clusterOf, truthOf),
    persons: pairwiseQuality(clusterOf, truthOf, (i, j) => named(i) && named(j)),
    crossScript: pairwiseQuality(clusterOf, truthOf, (i, j) => named(i) && named(j) && records[i]!.script !== records[j]!.script),
    nameless: pairwiseQuality(clusterOf, truthOf, (i, j) => nameless(i) !== nameless(j) && (named(i) || named(j))),
  };
  if (!breakdown) return report;
  const pairCategory = (i: number, j: number) => [records[i]!.category, records[j]!.category].sort().join('~');
  const categories = new Set<string>();
  const truth = new Map<string, number[]>();
  records.forEach((r, i) => truth.set(r.truth, [...(truth.get(r.truth) ?? []), i]));
  const kinds = new Set(records.flatMap((r) => r.corruptions));
  const corruptionPairs = new Map<string, { found: number; pairs: number }>([...kinds].map((k) => [k, { found: 0, pairs: 0 }]));
  for (const members of truth.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        categories.add(pairCategory(i, j));
        const found = clusterOf[i]! >= 0 && clusterOf[i] === clusterOf[j];
        if (nameless(i) || nameless(j)) continue;
        for (const kind of new Set([...records[i]!.corruptions, ...records[j]!.corruptions])) {
          const entry = corruptionPairs.get(kind)!;
          entry.pairs++;
          if (found) entry.found++;
        }
      }
    }
  }
  report.byCategory = Object.fromEntries(
    [...categories].sort().map((c) => [c, pairwiseQuality(clusterOf, truthOf, (i, j) => pairCategory(i, j) === c)]),
  );
  report.recallByCorruption = Object.fromEntries(
    [...corruptionPairs].sort().map(([k, v]) => [k, { recall: Math.round((v.found / Math.max(1, v.pairs)) * 10_000) / 10_000, pairs: v.pairs }]),
  );
  return report;
}
