import { MISSING } from './comparisons.ts';
import { emptyModel, type LinkModel } from './model.ts';
import type { Domain } from './profile.ts';

/**
 * A pattern as a number when its levels fit one decimal digit each (every field today): a string
 * per pair of a million is what made counting patterns cost more than comparing the records.
 */
function patternKey(vector: Int8Array): number | string {
  if (vector.length > 15) return vector.join(',');
  let key = 0;
  for (let f = 0; f < vector.length; f++) {
    const digit = vector[f]! + 1;
    if (digit > 9) return vector.join(',');
    key = key * 10 + digit;
  }
  return key;
}

/**
 * Comparison vectors counted by pattern: there are few distinct patterns even among millions
 * of pairs, so training iterates over patterns, not pairs.
 */
export class PatternCounts {
  readonly counts = new Map<number | string, { vector: Int8Array; count: number }>();
  total = 0;

  add(vector: Int8Array, times = 1): void {
    const key = patternKey(vector);
    const entry = this.counts.get(key);
    if (entry) entry.count += times;
    else this.counts.set(key, { vector: vector.slice(), count: times });
    this.total += times;
  }

  /** The same counts with some fields blanked (treated as not compared). */
  without(fields: readonly number[]): PatternCounts {
    const out = new PatternCounts();
    for (const { vector, count } of this.counts.values()) {
      const v = vector.slice();
      for (const f of fields) v[f] = MISSING;
      out.add(v, count);
    }
    return out;
  }
}

/**
 * One EM session: the candidate pairs of one kind of blocking, and the fields that blocking made
 * agree. Those fields are left out of the session, as they say nothing about m there.
 */
export interface TrainingSession {
  name: string;
  candidates: PatternCounts;
  ignoredFields: readonly number[];
  /**
   * Non-matches like the ones this blocking brings together, when they differ from random pairs
   * (people who share a name key share a birth year and, often, a nationality): u comes from them
   * in this session.
   */
  conditionalU?: PatternCounts;
}

/**
 * Additive smoothing: a level never seen keeps a small probability instead of an infinite
 * weight. Small, because identifiers agree by chance far less often than one random pair in
 * the sample: a pseudo-count of 1 would cap an exact VIN or plate at a weak weight.
 */
const SMOOTHING = 0.1;

function levelSums(patterns: PatternCounts, levelCounts: number[], weightOf: (count: number, vector: Int8Array) => number): number[][] {
  const sums = levelCounts.map((n) => new Array<number>(n).fill(0));
  for (const { vector, count } of patterns.counts.values()) {
    const w = weightOf(count, vector);
    for (let f = 0; f < levelCounts.length; f++) {
      const level = vector[f]!;
      if (level !== MISSING) sums[f]![level]! += w;
    }
  }
  return sums;
}

/**
 * No level is impossible among true matches: a clerk can mistype a sex or a citizenship. A level
 * the training pairs never showed still costs at most log2(u / M_FLOOR) bits, not a veto.
 */
const M_FLOOR = 1e-3;

/** A row of non-negative numbers scaled to sum to one. */
const scaledToOne = (row: readonly number[]): number[] => {
  const total = row.reduce((a, b) => a + b, 0);
  return row.map((v) => v / total);
};

const withFloor = (row: readonly number[], floor: number) => scaledToOne(row.map((v) => Math.max(v, floor)));

const normalise = (row: readonly number[]) => scaledToOne(row.map((v) => v + SMOOTHING));

/** How often each level of each field occurs among some pairs (u, when they are non-matches). */
const levelFrequencies = (patterns: PatternCounts, levelCounts: number[]) => levelSums(patterns, levelCounts, (count) => count).map(normalise);

/**
 * u without the true matches that random pairs contain: observed = prior·m + (1 − prior)·u.
 * It matters for identifiers, whose chance agreement is rarer than the duplicates in a sample,
 * and would otherwise cap an exact VIN at the weight of the duplicates' share.
 */
export function withoutMatches(u: readonly number[], m: readonly number[], prior: number, sample: number): number[] {
  const floor = 0.1 / Math.max(1, sample);
  return scaledToOne(u.map((observed, i) => Math.max(floor, (observed - prior * m[i]!) / (1 - prior))));
}

function posteriorOf(model: LinkModel, vector: Int8Array, logPrior: number): number {
  let logOdds = logPrior;
  for (let f = 0; f < vector.length; f++) {
    const level = vector[f]!;
    if (level !== MISSING) logOdds += Math.log(model.fields[f]!.m[level]! / model.fields[f]!.u[level]!);
  }
  return 1 / (1 + Math.exp(-logOdds));
}

export interface TrainingOptions {
  maxIterations?: number;
  /** Stop when no probability moves more than this between iterations. */
  tolerance?: number;
  version?: string;
  /**
   * A model to start m from (the shipped one): its m stays for fields no session can estimate,
   * as names in a file without documents, found only by name keys that force them to agree.
   */
  start?: LinkModel;
}

/**
 * Estimates a Fellegi–Sunter model the way the best record-linkage tools do: u from random
 * pairs (which almost never match); m by expectation–maximisation over blocked candidate pairs
 * with u held fixed, one session per kind of blocking, each leaving out the fields its blocking
 * forced to agree (m of a field comes from the sessions that did compare it). The returned prior
 * is P(match) among the sessions' candidates.
 */
export function trainModel(domain: Domain, sessions: readonly TrainingSession[], random: PatternCounts, options: TrainingOptions = {}): LinkModel {
  const model = emptyModel(domain);
  const levelCounts = model.fields.map((f) => f.levels.length);
  const u = levelFrequencies(random, levelCounts);
  model.fields.forEach((field, f) => {
    field.u = u[f]!;
    const known = options.start?.fields[f];
    // Start from what an earlier model learnt of this field; failing that, from "agreement is
    // likely among matches": the first level gets most of the mass. A field no session compares
    // keeps its start: the data cannot tell its m apart.
    field.m =
      known?.field === field.field && known.m.length === field.levels.length
        ? [...known.m]
        : field.levels.map((_, i) => (i === 0 ? 0.7 : 0.3 / (field.levels.length - 1)));
  });

  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-4;
  const mSums = levelCounts.map((n) => new Array<number>(n).fill(0));
  let iterations = 0;
  let converged = true;
  let matchMass = 0;
  let candidateTotal = 0;
  for (const session of sessions) {
    if (session.candidates.total === 0) continue;
    const patterns = session.candidates.without(session.ignoredFields);
    const sessionU = session.conditionalU ? levelFrequencies(session.conditionalU, levelCounts) : undefined;
    const sessionModel: LinkModel = {
      ...model,
      fields: model.fields.map((f, i) => ({ ...f, m: [...f.m], u: sessionU?.[i] ?? f.u })),
      prior: 0.5,
    };
    let sessionConverged = false;
    let i = 0;
    let posterior = new Map<Int8Array, number>();
    while (i < maxIterations && !sessionConverged) {
      i++;
      const logPrior = Math.log(sessionModel.prior / (1 - sessionModel.prior));
      posterior = new Map();
      let mass = 0;
      for (const { vector, count } of patterns.counts.values()) {
        const p = posteriorOf(sessionModel, vector, logPrior);
        posterior.set(vector, p);
        mass += p * count;
      }
      const m = levelSums(patterns, levelCounts, (count, vector) => count * posterior.get(vector)!).map(normalise);
      let change = Math.abs(mass / patterns.total - sessionModel.prior);
      sessionModel.fields.forEach((field, f) => {
        if (session.ignoredFields.includes(f)) return;
        field.m.forEach((old, k) => {
          change = Math.max(change, Math.abs(old - m[f]![k]!));
        });
        field.m = m[f]!;
      });
      sessionModel.prior = Math.min(0.999, Math.max(1e-6, mass / patterns.total));
      sessionConverged = change < tolerance;
    }
    iterations += i;
    converged &&= sessionConverged;
    // Pool the session's evidence for the fields it compared.
    const sums = levelSums(patterns, levelCounts, (count, vector) => count * posterior.get(vector)!);
    sums.forEach((row, f) => {
      if (!session.ignoredFields.includes(f))
        row.forEach((v, k) => {
          mSums[f]![k]! += v;
        });
    });
    matchMass += sessionModel.prior * patterns.total;
    candidateTotal += patterns.total;
  }
  model.fields.forEach((field, f) => {
    if (mSums[f]!.some((v) => v > 0)) field.m = withFloor(normalise(mSums[f]!), M_FLOOR);
  });
  model.prior = candidateTotal > 0 ? Math.min(0.999, Math.max(1e-6, matchMass / candidateTotal)) : 0.1;
  model.version = options.version ?? `${domain}-em`;
  model.training = { candidatePairs: candidateTotal, randomPairs: random.total, iterations, converged };
  return model;
}
