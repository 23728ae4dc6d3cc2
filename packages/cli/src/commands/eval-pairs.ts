/**
 * `svod eval --pairs-out`: the predicted links (and, on request, the true pairs that were not
 * linked) as JSON Lines, one pair a line, for a reviewer to study errors: which records, how
 * likely, right or wrong, what was done to them, and how each field compared.
 */
import {
  compareProfiles,
  personAdjustment,
  nameFrequencies,
  probabilityOf,
  scoreVector,
  weightsOf,
  type Domain,
  type LinkModel,
  type LinkResult,
  type MatchProfile,
  type Weights,
} from '@svod/core';
import { closeOutput, openOutput, writeLine } from './shared.ts';

/** What the writer needs to know of each record besides its profile. */
export interface PairLabel {
  truth: string;
  nationalRef?: string;
  category: string;
  corruptions: readonly string[];
}

/** One line of the pairs file. */
export interface PairRow {
  /** `link`: predicted by the matcher; `missed`: a true pair the clustering did not join. */
  kind: 'link' | 'missed';
  /** Line numbers (1-based) of the two records in the input file. */
  a: number;
  b: number;
  nationalRefs: [string | null, string | null];
  truths: [string, string];
  categories: [string, string];
  /** Match probability of the pair under the trained model (for missed pairs: had it been compared). */
  probability: number | null;
  /** Whether the two records are truly one subject. */
  true: boolean;
  /** Corruption kinds of either record. */
  corruptions: string[];
  /** Field → level and its weight in bits: the explanation a check would show. */
  fields: Record<string, { level: string; weight: number }>;
}

/** Counts of what was written, for the report. */
export interface PairsWritten {
  links: number;
  missed: number;
}

/**
 * Streams the rows to `path`, waiting on the stream so memory stays flat: links first, then
 * (with `missed`) every true pair whose records are not in one cluster.
 */
export async function writePairs(
  path: string,
  profiles: readonly (MatchProfile | undefined)[],
  labels: readonly PairLabel[],
  result: LinkResult,
  missed: boolean,
): Promise<PairsWritten> {
  const out = openOutput(path);
  const weights = new Map<Domain, Weights>(
    (Object.entries(result.models) as [Domain, LinkModel | undefined][]).flatMap(([d, m]) => (m ? [[d, weightsOf(m)] as const] : [])),
  );
  const frequencies = nameFrequencies(profiles);
  const row = (kind: PairRow['kind'], i: number, j: number, weight?: number): PairRow => {
    const a = labels[i]!;
    const b = labels[j]!;
    const pa = profiles[i];
    const pb = profiles[j];
    const fields: PairRow['fields'] = {};
    let probability: number | null = weight === undefined ? null : probabilityOf(weight);
    const w = pa && pb && pa.domain === pb.domain ? weights.get(pa.domain) : undefined;
    if (pa && pb && w) {
      const vector = compareProfiles(pa, pb);
      const score = scoreVector(
        w,
        vector,
        personAdjustment(w, (key) => frequencies.get(key), pa, pb, vector),
      );
      for (const c of score.explanation) fields[c.field] = { level: c.level, weight: c.weight };
      probability ??= score.probability;
    }
    const round = (p: number | null) => (p === null ? null : Math.round(p * 10_000) / 10_000);
    return {
      kind,
      a: i + 1,
      b: j + 1,
      nationalRefs: [a.nationalRef ?? null, b.nationalRef ?? null],
      truths: [a.truth, b.truth],
      categories: [a.category, b.category],
      probability: round(probability),
      true: a.truth === b.truth,
      corruptions: [...new Set([...a.corruptions, ...b.corruptions])].sort(),
      fields,
    };
  };
  const written: PairsWritten = { links: 0, missed: 0 };
  try {
    for (const link of result.links) {
      await writeLine(out, JSON.stringify(row('link', link.a, link.b, link.weight)));
      written.links++;
    }
    if (missed) {
      for (const members of subjects(labels).values()) {
        for (let x = 0; x < members.length; x++) {
          for (let y = x + 1; y < members.length; y++) {
            const i = members[x]!;
            const j = members[y]!;
            if (result.clusterOf[i]! >= 0 && result.clusterOf[i] === result.clusterOf[j]) continue;
            await writeLine(out, JSON.stringify(row('missed', i, j)));
            written.missed++;
          }
        }
      }
    }
  } finally {
    await closeOutput(out);
  }
  return written;
}

/** Record indices by truth id, only for subjects with more than one record. */
function subjects(labels: readonly PairLabel[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const g = out.get(l.truth);
    if (g) g.push(i);
    else out.set(l.truth, [i]);
  });
  for (const [truth, members] of out) if (members.length < 2) out.delete(truth);
  return out;
}
