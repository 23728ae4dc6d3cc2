import { compareProfiles, DOMAIN_FIELDS } from './comparisons.ts';
import { PatternCounts, trainModel } from './em.ts';
import { isDescriptionKey, matchKeys } from './keys.ts';
import { weightOf, weightsOf, type LinkModel, type Weights } from './model.ts';
import type { Domain, MatchProfile } from './profile.ts';
import { createRandom } from '../generator/random.ts';

export interface LinkOptions {
  /** Blocks with more records than this are skipped: a key that common says nothing. */
  maxBlock?: number;
  /** Pairs at or above this match probability are linked. */
  threshold?: number;
  /** Random pairs per domain for estimating u. */
  randomPairs?: number;
  seed?: number;
  /** Models to use instead of training on the data. */
  models?: Partial<Record<Domain, LinkModel>>;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface LinkedPair {
  a: number;
  b: number;
  weight: number;
}

export interface LinkResult {
  /** Cluster id of every record (the index of its cluster's first record); -1 for records not compared. */
  clusterOf: Int32Array;
  /** Pairs scored at or above the threshold. */
  links: LinkedPair[];
  candidatePairs: number;
  models: Partial<Record<Domain, LinkModel>>;
}

const DOMAINS: Domain[] = ['person', 'vehicle', 'firearm'];

interface SessionSpec {
  name: string;
  /** Key kinds (the prefix before the first `:`) whose shared blocks feed this session. */
  kinds: string[];
  /** Fields those keys force to agree: not estimated in this session. */
  ignore: string[];
}

/**
 * EM sessions per domain. Each estimates m for the fields its blocking leaves free, so name
 * weights are learnt from pairs found by documents and document weights from pairs found by
 * names. Firearms are found only by serials; their serial weights come from the same pairs.
 */
const SESSIONS: Record<Domain, SessionSpec[]> = {
  person: [
    // Name keys carry the birth year, so birth agrees more often than chance in that session too.
    { name: 'names', kinds: ['n'], ignore: ['surname', 'given', 'patronymic', 'birth'] },
    { name: 'documents', kinds: ['d'], ignore: ['document'] },
  ],
  vehicle: [
    { name: 'vin', kinds: ['v', 'vs'], ignore: ['vin'] },
    { name: 'numbers', kinds: ['p', 'e', 'b'], ignore: ['plate', 'engine', 'body'] },
  ],
  firearm: [{ name: 'serials', kinds: ['s', 'sd'], ignore: [] }],
};

function sharedKeyKinds(a: readonly string[], b: readonly string[]): Set<string> {
  const kinds = new Set<string>();
  for (const key of a) if (b.includes(key)) kinds.add(key.slice(0, key.indexOf(':')));
  return kinds;
}


/** Index of records by match key. */
function buildBlocks(keysOf: string[][]): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const key of keys) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  return blocks;
}

/**
 * Every pair of records that share a match key, each pair once, as (i, j) with i < j.
 * Calls `visit` instead of materialising the pairs, so memory stays flat.
 */
export function forEachCandidatePair(
  profiles: readonly (MatchProfile | undefined)[],
  keysOf: string[][],
  maxBlock: number,
  visit: (i: number, j: number) => void,
): void {
  const blocks = buildBlocks(keysOf);
  const seen = new Int32Array(profiles.length).fill(-1);
  for (let i = 0; i < profiles.length; i++) {
    if (!profiles[i]) continue;
    for (const key of keysOf[i]!) {
      const block = blocks.get(key)!;
      if (block.length > maxBlock) continue;
      for (const j of block) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        visit(i, j);
      }
    }
  }
}

function union(parent: Int32Array, a: number, b: number) {
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const ra = find(a);
  const rb = find(b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

/** Surname-stem frequencies among named persons, for term-frequency adjustment. */
function surnameFrequencies(profiles: readonly (MatchProfile | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  let named = 0;
  for (const p of profiles) {
    if (p?.domain !== 'person' || !p.named) continue;
    named++;
    const stems = new Set(p.names.map((n) => n.surname?.stem).filter((s): s is string => !!s));
    for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  for (const [stem, count] of counts) counts.set(stem, count / Math.max(1, named));
  return counts;
}

/** Surname levels that agree on the value (exact … surname change), where term frequency applies. */
const TF_LEVELS = 5;
/** Term frequency moves a weight by at most this many bits either way. */
const TF_CAP = 4;

/**
 * A term-frequency adjustment for a pair: log2(u / tf) on agreeing surname levels, with tf the
 * frequency of the rarer of the two surname stems.
 */
export function surnameAdjustment(weights: Weights, frequency: (stem: string) => number | undefined, a: MatchProfile, b: MatchProfile) {
  if (a.domain !== 'person' || b.domain !== 'person') return undefined;
  const stems = [...a.names, ...b.names].map((n) => n.surname?.stem).filter((s): s is string => !!s);
  let tf: number | undefined;
  for (const stem of stems) {
    const f = frequency(stem);
    if (f !== undefined && (tf === undefined || f < tf)) tf = f;
  }
  if (tf === undefined) return undefined;
  const surname = weights.model.fields.findIndex((f) => f.field === 'surname');
  const value = tf;
  return (field: number, level: number) => {
    if (field !== surname || level >= TF_LEVELS) return 0;
    const adjustment = Math.log2(weights.model.fields[field]!.u[level]! / value);
    return Math.max(-TF_CAP, Math.min(TF_CAP, adjustment));
  };
}

interface Candidates {
  keysOf: string[][];
  /** Candidate pairs per domain. */
  trainingPairs: Record<Domain, number>;
  /** Candidate pairs, flattened: pairs[2k] and pairs[2k+1]. */
  pairs: number[];
  sessions: Map<Domain, { spec: SessionSpec; counts: PatternCounts }[]>;
}

/** Pass 1: every candidate pair, and the comparison patterns of each training session. */
function collectCandidates(profiles: readonly (MatchProfile | undefined)[], maxBlock: number, onProgress?: LinkOptions['onProgress']): Candidates {
  // Description keys are for a reviewer's ranked list of bodies and missing persons, not for
  // automatic links: sex, age and place alone do not make two records one person.
  const keysOf = profiles.map((p) => (p ? matchKeys(p).filter((k) => !isDescriptionKey(k)) : []));
  onProgress?.('keys', profiles.length, profiles.length);
  const sessions = new Map<Domain, { spec: SessionSpec; counts: PatternCounts }[]>(
    DOMAINS.map((d) => [d, SESSIONS[d].map((spec) => ({ spec, counts: new PatternCounts() }))]),
  );
  const pairs: number[] = [];
  const trainingPairs: Record<Domain, number> = { person: 0, vehicle: 0, firearm: 0 };
  forEachCandidatePair(profiles, keysOf, maxBlock, (i, j) => {
    const a = profiles[i]!;
    const b = profiles[j]!;
    if (a.domain !== b.domain) return;
    pairs.push(i, j);
    if ((pairs.length / 2) % 100_000 === 0) onProgress?.('pairs', pairs.length / 2, 0);
    trainingPairs[a.domain]++;
    const shared = sharedKeyKinds(keysOf[i]!, keysOf[j]!);
    let vector: Int8Array | undefined;
    for (const session of sessions.get(a.domain)!) {
      if (!session.spec.kinds.some((k) => shared.has(k))) continue;
      vector ??= compareProfiles(a, b);
      session.counts.add(vector);
    }
  });
  return { keysOf, trainingPairs, pairs, sessions };
}

/**
 * u without the true matches that random pairs contain: observed = prior·m + (1 − prior)·u.
 * It matters for identifiers, whose chance agreement is rarer than the duplicates in a sample,
 * and would otherwise cap an exact VIN at the weight of the duplicates' share.
 */
function withoutMatches(u: readonly number[], m: readonly number[], prior: number, sample: number): number[] {
  const floor = 0.1 / Math.max(1, sample);
  const cleaned = u.map((observed, i) => Math.max(floor, (observed - prior * m[i]!) / (1 - prior)));
  const total = cleaned.reduce((a, b) => a + b, 0);
  return cleaned.map((v) => v / total);
}

function trainFromCandidates(
  profiles: readonly (MatchProfile | undefined)[],
  candidates: Candidates,
  options: Pick<LinkOptions, 'seed' | 'randomPairs' | 'models'>,
): Partial<Record<Domain, LinkModel>> {
  const random = createRandom(options.seed ?? 1);
  const models: Partial<Record<Domain, LinkModel>> = { ...options.models };
  for (const domain of DOMAINS) {
    if (models[domain]) continue;
    const members = profiles.flatMap((p, i) => (p?.domain === domain ? [i] : []));
    const domainSessions = candidates.sessions.get(domain)!;
    const domainCandidates = domainSessions.reduce((n, s) => n + s.counts.total, 0);
    if (members.length < 2 || domainCandidates === 0) continue;
    const randomCounts = new PatternCounts();
    const wanted = options.randomPairs ?? 200_000;
    for (let n = 0; n < wanted; n++) {
      const a = members[random.int(0, members.length - 1)]!;
      const b = members[random.int(0, members.length - 1)]!;
      if (a !== b) randomCounts.add(compareProfiles(profiles[a]!, profiles[b]!));
    }
    const fieldIndex = (name: string) => DOMAIN_FIELDS[domain].findIndex((f) => f.field === name);
    const trained = trainModel(
      domain,
      domainSessions.map((s) => ({ name: s.spec.name, candidates: s.counts, ignoredFields: s.spec.ignore.map(fieldIndex) })),
      randomCounts,
    );
    // EM estimates P(match) among the pairs it was trained on; scoring needs it among all pairs
    // of the domain, so that fields that agree because of blocking are not counted twice.
    const domainPairs = candidates.trainingPairs[domain];
    const allPairs = (members.length * (members.length - 1)) / 2;
    const prior = Math.max(1e-12, (trained.prior * domainPairs) / allPairs);
    models[domain] = {
      ...trained,
      prior,
      fields: trained.fields.map((f) => ({ ...f, u: withoutMatches(f.u, f.m, prior, randomCounts.total) })),
      training: { ...trained.training, records: members.length },
    };
  }
  return models;
}

/** Estimates a model per domain from an array of records (EM, see `trainModel`), without linking. */
export function trainModels(profiles: readonly (MatchProfile | undefined)[], options: Omit<LinkOptions, 'threshold' | 'models'> = {}): Partial<Record<Domain, LinkModel>> {
  return trainFromCandidates(profiles, collectCandidates(profiles, options.maxBlock ?? 400, options.onProgress), options);
}

/**
 * Links a whole array in memory: blocking by match keys, comparison of every candidate pair,
 * Fellegi–Sunter models estimated from the same data by EM (unless given), and clusters of the
 * pairs whose match probability reaches the threshold. Used by `svod eval` and reconciliation.
 */
export function linkProfiles(profiles: readonly (MatchProfile | undefined)[], options: LinkOptions = {}): LinkResult {
  const threshold = options.threshold ?? 0.5;
  const candidates = collectCandidates(profiles, options.maxBlock ?? 400, options.onProgress);
  const { pairs } = candidates;
  const candidatePairs = pairs.length / 2;
  const models = trainFromCandidates(profiles, candidates, options);
  options.onProgress?.('training', 1, 1);

  // Pass 2: score the candidates and cluster what links.
  const weights = Object.fromEntries(Object.entries(models).map(([d, m]) => [d, weightsOf(m)])) as Partial<Record<Domain, Weights>>;
  const frequencies = surnameFrequencies(profiles);
  const parent = new Int32Array(profiles.length).map((_, i) => i);
  const links: LinkedPair[] = [];
  const thresholdWeight = Math.log2(threshold / (1 - threshold));
  for (let k = 0; k < pairs.length; k += 2) {
    const a = profiles[pairs[k]!]!;
    const b = profiles[pairs[k + 1]!]!;
    const w = weights[a.domain];
    if (!w) continue;
    const weight = weightOf(w, compareProfiles(a, b), surnameAdjustment(w, (s) => frequencies.get(s), a, b));
    if (weight >= thresholdWeight) {
      links.push({ a: pairs[k]!, b: pairs[k + 1]!, weight });
      union(parent, pairs[k]!, pairs[k + 1]!);
    }
  }
  const clusterOf = new Int32Array(profiles.length);
  for (let i = 0; i < profiles.length; i++) {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    clusterOf[i] = profiles[i] ? root : -1;
  }
  return { clusterOf, links, candidatePairs, models };
}

