import { clusterByAverageLink } from './cluster.ts';
import { birthDatesContradict, compareProfiles, DOMAIN_FIELDS, patronymicsContradict } from './comparisons.ts';
import { DEFAULT_MODELS } from './default-models.ts';
import { PatternCounts, trainModel, withoutMatches } from './em.ts';
import { groupPriorOffsets } from './group-priors.ts';
import { isDescriptionKey, matchKeys, undatedTwins } from './keys.ts';
import { weightOf, weightsOf, type LinkModel, type Weights } from './model.ts';
import { adjustmentScratch, nameFrequencies, personAdjustmentBits } from './person-adjustment.ts';
import type { Domain, MatchProfile, PersonProfile } from './profile.ts';
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
  /**
   * The array each record comes from (its category). When given, person pairs between two arrays
   * are scored with that pair of arrays' own match rate (see `groupPriorOffsets`).
   */
  sourceOf?: readonly string[];
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
    // Name keys carry the birth year: birth is compared there against pairs born in the same year.
    { name: 'names', kinds: ['n'], ignore: ['surname', 'given', 'patronymic', 'sex', 'citizenship'] },
    { name: 'documents', kinds: ['d'], ignore: ['document'] },
  ],
  vehicle: [
    { name: 'vin', kinds: ['v', 'vs'], ignore: ['vin'] },
    { name: 'numbers', kinds: ['p', 'e', 'b'], ignore: ['plate', 'engine', 'body'] },
  ],
  firearm: [{ name: 'serials', kinds: ['s', 'sd'], ignore: [] }],
};

/** Whether two records share a key of one of these kinds (given as prefixes, `n:`). */
function sharesKeyOf(a: readonly string[], b: readonly string[], prefixes: readonly string[]): boolean {
  for (const key of a) {
    if (prefixes.some((p) => key.startsWith(p)) && b.includes(key)) return true;
  }
  return false;
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
 * Every pair of records that share a match key, each pair once, as (i, j) with i < j — and every
 * dated person with the records of the same name whose birth year is unknown (`undatedTwins`):
 * those are filed under `|?` keys that no dated record is filed under.
 * Calls `visit` instead of materialising the pairs, so memory stays flat.
 */
export function forEachCandidatePair(
  profiles: readonly (MatchProfile | undefined)[],
  keysOf: string[][],
  maxBlock: number,
  visit: (i: number, j: number) => void,
): void {
  const blocks = buildBlocks(keysOf);
  let undatedNames = false;
  for (const key of blocks.keys()) if (key.endsWith('|?') && key.startsWith('n:')) undatedNames = true;
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
    if (!undatedNames) continue;
    for (const key of undatedTwins(keysOf[i]!)) {
      const block = blocks.get(key);
      if (!block || block.length > maxBlock) continue;
      for (const j of block) {
        // A pair that also shares a key is visited through it: just now (j > i) or when j was (j < i).
        if (seen[j] === i || (j < i && keysOf[j]!.some((k) => keysOf[i]!.includes(k)))) continue;
        seen[j] = i;
        visit(Math.min(i, j), Math.max(i, j));
      }
    }
  }
}

interface Candidates {
  keysOf: string[][];
  /** Candidate pairs per domain. */
  pairsPerDomain: Record<Domain, number>;
  /** Candidate pairs, flattened: pairs[2k] and pairs[2k+1]. */
  pairs: number[];
  /** The comparison vector of pair k at vectors[k·STRIDE …], computed once for training and scoring. */
  vectors: Int8Array;
  sessions: Map<Domain, { spec: SessionSpec; counts: PatternCounts }[]>;
}

/** Room for the longest comparison vector of any domain. */
const STRIDE = Math.max(...Object.values(DOMAIN_FIELDS).map((fields) => fields.length));

/** Pass 1: every candidate pair, and the comparison patterns of each training session. */
function collectCandidates(profiles: readonly (MatchProfile | undefined)[], maxBlock: number, onProgress?: LinkOptions['onProgress']): Candidates {
  // Description keys are for a reviewer's ranked list of bodies and missing persons, not for
  // automatic links: sex, age and place alone do not make two records one person.
  const keysOf = profiles.map((p) => (p ? matchKeys(p).filter((k) => !isDescriptionKey(k)) : []));
  onProgress?.('keys', profiles.length, profiles.length);
  const sessions = new Map<Domain, { spec: SessionSpec; counts: PatternCounts }[]>(
    DOMAINS.map((d) => [d, SESSIONS[d].map((spec) => ({ spec, counts: new PatternCounts() }))]),
  );
  const prefixes = new Map(DOMAINS.flatMap((d) => SESSIONS[d].map((spec) => [spec, spec.kinds.map((kind) => `${kind}:`)] as const)));
  const scratch = new Int8Array(STRIDE);
  const pairs: number[] = [];
  let vectors = new Int8Array(1 << 20);
  const pairsPerDomain: Record<Domain, number> = { person: 0, vehicle: 0, firearm: 0 };
  forEachCandidatePair(profiles, keysOf, maxBlock, (i, j) => {
    const a = profiles[i]!;
    const b = profiles[j]!;
    if (a.domain !== b.domain) return;
    const k = pairs.length / 2;
    pairs.push(i, j);
    if ((k + 1) % 100_000 === 0) onProgress?.('pairs', k + 1, 0);
    pairsPerDomain[a.domain]++;
    const vector = compareProfiles(a, b, scratch);
    if ((k + 1) * STRIDE > vectors.length) {
      const grown = new Int8Array(vectors.length * 2);
      grown.set(vectors);
      vectors = grown;
    }
    vectors.set(vector, k * STRIDE);
    for (const session of sessions.get(a.domain)!) {
      if (sharesKeyOf(keysOf[i]!, keysOf[j]!, prefixes.get(session.spec)!)) session.counts.add(vector);
    }
  });
  return { keysOf, pairsPerDomain, pairs, vectors, sessions };
}

/**
 * Comparisons of random pairs of persons born in the same year with the same citizenship: the
 * non-matches name keys bring together. Names go with nationality, and so do hair, eyes and the
 * places people go missing in; against all random pairs those would pass for evidence of a match.
 */
function namesakeLikePairs(
  profiles: readonly (MatchProfile | undefined)[],
  members: readonly number[],
  wanted: number,
  random: ReturnType<typeof createRandom>,
): PatternCounts | undefined {
  const groups = new Map<string, number[]>();
  const groupOf = new Map<number, number[]>();
  for (const i of members) {
    const p = profiles[i] as PersonProfile;
    if (!p.birth || p.birth.estimated) continue;
    // A range is filed under each of its years; one of them stands for it here.
    const from = Number(p.birth.earliest.slice(0, 4));
    const to = Number(p.birth.latest.slice(0, 4));
    const key = `${from + (i % (to - from + 1))}:${p.citizenships[0] ?? '?'}`;
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
    }
    group.push(i);
    groupOf.set(i, group);
  }
  const grouped = [...groups.values()].flat();
  if (grouped.length < 2) return undefined;
  const counts = new PatternCounts();
  const scratch = new Int8Array(STRIDE);
  for (let n = 0; n < wanted; n++) {
    const a = grouped[random.int(0, grouped.length - 1)]!;
    const group = groupOf.get(a)!;
    const b = group[random.int(0, group.length - 1)]!;
    if (a !== b) counts.add(compareProfiles(profiles[a]!, profiles[b]!, scratch));
  }
  return counts;
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
    const scratch = new Int8Array(STRIDE);
    const wanted = options.randomPairs ?? 200_000;
    for (let n = 0; n < wanted; n++) {
      const a = members[random.int(0, members.length - 1)]!;
      const b = members[random.int(0, members.length - 1)]!;
      if (a !== b) randomCounts.add(compareProfiles(profiles[a]!, profiles[b]!, scratch));
    }
    const fieldIndex = (name: string) => DOMAIN_FIELDS[domain].findIndex((f) => f.field === name);
    const namesakes = domain === 'person' ? namesakeLikePairs(profiles, members, wanted, random) : undefined;
    const trained = trainModel(
      domain,
      domainSessions.map((s) => ({
        name: s.spec.name,
        candidates: s.counts,
        ignoredFields: s.spec.ignore.map(fieldIndex),
        conditionalU: s.spec.kinds.includes('n') ? namesakes : undefined,
      })),
      randomCounts,
      { start: DEFAULT_MODELS[domain] },
    );
    // EM estimates P(match) among the pairs it was trained on; scoring needs it among all pairs
    // of the domain, so that fields that agree because of blocking are not counted twice.
    const domainPairs = candidates.pairsPerDomain[domain];
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
export function trainModels(
  profiles: readonly (MatchProfile | undefined)[],
  options: Omit<LinkOptions, 'threshold' | 'models'> = {},
): Partial<Record<Domain, LinkModel>> {
  return trainFromCandidates(profiles, collectCandidates(profiles, options.maxBlock ?? 400, options.onProgress), options);
}

/** Moves the weight of each person pair by its pair of source arrays' own match rate. */
function withSourcePriors(
  profiles: readonly (MatchProfile | undefined)[],
  pairs: readonly number[],
  pairWeights: Float64Array,
  priorWeight: number,
  sourceOf: readonly string[],
): void {
  const persons = new Map<string, number>();
  profiles.forEach((p, i) => {
    if (p?.domain === 'person') persons.set(sourceOf[i]!, (persons.get(sourceOf[i]!) ?? 0) + 1);
  });
  const sources = [...persons.keys()].sort();
  const allPairs = new Map<string, number>();
  for (const x of sources) {
    for (const y of sources) {
      if (x < y) allPairs.set(`${x}~${y}`, persons.get(x)! * persons.get(y)!);
      else if (x === y) allPairs.set(`${x}~${x}`, (persons.get(x)! * (persons.get(x)! - 1)) / 2);
    }
  }
  const groupOf = (k: number) => {
    const i = pairs[2 * k]!;
    const j = pairs[2 * k + 1]!;
    if (profiles[i]!.domain !== 'person') return undefined;
    const [x, y] = [sourceOf[i]!, sourceOf[j]!];
    return x <= y ? `${x}~${y}` : `${y}~${x}`;
  };
  const offsets = groupPriorOffsets(pairWeights, priorWeight, { groupOf, allPairs });
  for (let k = 0; k < pairWeights.length; k++) {
    const group = groupOf(k);
    if (group !== undefined) pairWeights[k]! += offsets.get(group) ?? 0;
  }
}

/**
 * Links a whole array in memory: blocking by match keys, comparison of every candidate pair,
 * Fellegi–Sunter models estimated from the same data by EM (unless given), and clusters of the
 * pairs whose match probability reaches the threshold (see `clusterByAverageLink`). Used by `svod eval` and reconciliation.
 */
export function linkProfiles(profiles: readonly (MatchProfile | undefined)[], options: LinkOptions = {}): LinkResult {
  const threshold = options.threshold ?? 0.5;
  const candidates = collectCandidates(profiles, options.maxBlock ?? 400, options.onProgress);
  const { pairs, vectors } = candidates;
  const candidatePairs = pairs.length / 2;
  const models = trainFromCandidates(profiles, candidates, options);
  options.onProgress?.('training', 1, 1);

  // Pass 2: score the candidates and cluster what links.
  const weights = Object.fromEntries(Object.entries(models).map(([d, m]) => [d, weightsOf(m)])) as Partial<Record<Domain, Weights>>;
  const frequencies = nameFrequencies(profiles);
  const frequency = (key: string) => frequencies.get(key);
  const scratch = adjustmentScratch();
  const links: LinkedPair[] = [];
  const pairWeights = new Float64Array(candidatePairs).fill(Number.NEGATIVE_INFINITY);
  const conflicts = new Uint8Array(candidatePairs);
  const thresholdWeight = Math.log2(threshold / (1 - threshold));
  for (let k = 0; k < pairs.length; k += 2) {
    const a = profiles[pairs[k]!]!;
    const b = profiles[pairs[k + 1]!]!;
    const w = weights[a.domain];
    if (!w) continue;
    const offset = (k / 2) * STRIDE;
    const vector = vectors.subarray(offset, offset + DOMAIN_FIELDS[a.domain].length);
    const weight = weightOf(w, vector) + (a.domain === 'person' ? personAdjustmentBits(w, frequency, a, b as PersonProfile, vector, scratch) : 0);
    pairWeights[k / 2] = weight;
    if (a.domain === 'person' && birthDatesContradict(a.birth, (b as PersonProfile).birth)) conflicts[k / 2] = 1;
  }
  if (options.sourceOf && weights.person) withSourcePriors(profiles, pairs, pairWeights, weights.person.priorWeight, options.sourceOf);
  for (let k = 0; k < candidatePairs; k++) {
    if (pairWeights[k]! >= thresholdWeight) links.push({ a: pairs[2 * k]!, b: pairs[2 * k + 1]!, weight: pairWeights[k]! });
  }
  // Two namesakes a loose record links to cannot both be its subject when their full birth
  // dates or their patronymics say they are two people.
  const twoPeople = (i: number, j: number) => {
    const a = profiles[i];
    const b = profiles[j];
    if (a?.domain !== 'person' || b?.domain !== 'person') return false;
    return birthDatesContradict(a.birth, b.birth) || patronymicsContradict(a, b);
  };
  const clusterOf = clusterByAverageLink(profiles.length, pairs, pairWeights, thresholdWeight, conflicts, twoPeople);
  for (let i = 0; i < profiles.length; i++) if (!profiles[i]) clusterOf[i] = -1;
  return { clusterOf, links, candidatePairs, models };
}
