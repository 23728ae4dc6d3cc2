/**
 * Names-only evaluation on labelled pairs of real names (`names/real-world/pairs.tsv`): each
 * pair is scored with the shipped person model as linking would score two records that carry
 * nothing but these names, and the report says how much recall is lost in blocking (no shared
 * key: never compared) and how much in scoring (compared, below the threshold).
 */
import type { RecordInput } from '../schemas/record.ts';
import { compareProfiles, DOMAIN_FIELDS, MISSING } from './comparisons.ts';
import { DEFAULT_MODELS } from './default-models.ts';
import { matchKeys } from './keys.ts';
import { type LinkModel, scoreVector, weightsOf } from './model.ts';
import { profileOf, type PersonProfile } from './profile.ts';

/** One side of a labelled pair: a name as one document writes it. */
export interface NamePairSide {
  surname: string;
  given: string;
  patronymic: string;
  script: 'Cyrl' | 'Latn' | 'Armn';
  /** BCP 47 language of the spelling (`uk`, `be`, `kk`, `az`…; `en`, `de`, `fr` for foreign transcriptions). */
  lang: string;
  /** How the name was written: `national`, `russian`, `icao9303`, `ua-kmu-2010`, `by-passport`… */
  system: string;
}

export interface NamePair {
  id: string;
  /** The same person (true) or different people whose names look alike. */
  same: boolean;
  state: string;
  kind: string;
  a: NamePairSide;
  b: NamePairSide;
}

const SCRIPTS = new Set(['Cyrl', 'Latn', 'Armn']);
const COLUMNS = ['id', 'label', 'state', 'kind'] as const;
const SIDE_COLUMNS = ['surname', 'given', 'patronymic', 'script', 'lang', 'system'] as const;

/**
 * Reads the tab-separated pairs file: `#` lines are comments, the first other line names the
 * columns. Throws on a line that does not hold a usable pair, with its line number.
 */
export function parseNamePairs(text: string): NamePair[] {
  const pairs: NamePair[] = [];
  let header: string[] | undefined;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (!header) {
      header = cells;
      const missing = [...COLUMNS, ...SIDE_COLUMNS.flatMap((c) => [`a_${c}`, `b_${c}`])].filter((c) => !cells.includes(c));
      if (missing.length > 0) throw new Error(`line ${n + 1}: columns missing: ${missing.join(', ')}`);
      continue;
    }
    const cols = header;
    const get = (name: string) => (cells[cols.indexOf(name)] ?? '').trim();
    const side = (s: 'a' | 'b'): NamePairSide => {
      const script = get(`${s}_script`);
      if (!SCRIPTS.has(script)) throw new Error(`line ${n + 1}: ${s}_script must be Cyrl, Latn or Armn, not "${script}"`);
      const result = {
        surname: get(`${s}_surname`),
        given: get(`${s}_given`),
        patronymic: get(`${s}_patronymic`),
        script: script as NamePairSide['script'],
        lang: get(`${s}_lang`),
        system: get(`${s}_system`),
      };
      if (!result.surname && !result.given) throw new Error(`line ${n + 1}: side ${s} has neither surname nor given name`);
      return result;
    };
    const label = get('label');
    if (label !== '0' && label !== '1') throw new Error(`line ${n + 1}: label must be 0 or 1, not "${label}"`);
    pairs.push({ id: get('id'), same: label === '1', state: get('state'), kind: get('kind'), a: side('a'), b: side('b') });
  }
  return pairs;
}

/** Spelling conventions of foreign languages: a record would not carry them as its `lang`. */
const FOREIGN_TRANSCRIPTION = new Set(['en', 'de', 'fr']);

/** A person record that carries this one name and nothing else. */
function namesOnlyProfile(side: NamePairSide): PersonProfile {
  const record: RecordInput = {
    category: 'wanted_person',
    nationalRef: 'name-pairs',
    legalBasis: 'evaluation',
    actionOnHit: 'locate_and_inform',
    distribution: { kind: 'all' },
    person: {
      sex: 'unknown',
      names: [
        {
          kind: 'primary',
          script: side.script,
          lang: side.lang && !FOREIGN_TRANSCRIPTION.has(side.lang) ? side.lang : undefined,
          surname: side.surname || undefined,
          given: side.given || undefined,
          patronymic: side.patronymic || undefined,
        },
      ],
    },
  };
  return profileOf(record) as PersonProfile;
}

export interface NamePairScore {
  pair: NamePair;
  probability: number;
  /** Level of each name field compared (surname, given, patronymic); absent when a side lacks it. */
  levels: Partial<Record<'surname' | 'given' | 'patronymic', string>>;
  /** The two names share a match key, so linking or a check would compare them at all. */
  blocked: boolean;
  /** Blocked and at or above the threshold: what linking would link. */
  linked: boolean;
  /** No compared name part is `fuzzy` or `different`. */
  namesAgree: boolean;
}

const NAME_FIELDS = ['surname', 'given', 'patronymic'] as const;

/** Scores one pair on names alone with `model` (by default the shipped person model). */
export function scoreNamePair(pair: NamePair, threshold: number, model: LinkModel = DEFAULT_MODELS.person): NamePairScore {
  const a = namesOnlyProfile(pair.a);
  const b = namesOnlyProfile(pair.b);
  const vector = compareProfiles(a, b);
  const probability = scoreVector(weightsOf(model), vector).probability;
  const levels: NamePairScore['levels'] = {};
  NAME_FIELDS.forEach((field, i) => {
    const level = vector[i]!;
    if (level !== MISSING) levels[field] = DOMAIN_FIELDS.person[i]!.levels[level]!;
  });
  // Two records filed with names alone meet as linking pairs them: under a shared file key.
  const keysA = new Set(matchKeys(a));
  const blocked = matchKeys(b).some((k) => keysA.has(k));
  const namesAgree = Object.values(levels).every((l) => l !== 'fuzzy' && l !== 'different');
  return { pair, probability, levels, blocked, linked: blocked && probability >= threshold, namesAgree };
}

export interface NamePairTally {
  positives: number;
  negatives: number;
  /** Positives linked / positives. */
  recall: number;
  /** Linked positives / everything linked; 1 when nothing was linked. */
  precision: number;
  /** Positives that share no match key: lost before scoring. */
  lostInBlocking: number;
  /** Positives that share a key but score below the threshold. */
  lostInScoring: number;
  /** Negatives linked. */
  falseLinks: number;
  /**
   * The name layer alone, whatever the model's prior: positives whose every compared part came
   * out `phonetic` or closer (a surname also `gender_variant`, `surname_change`, `swapped`), and
   * negatives that did so too. What romanization and skeleton rules move.
   */
  namesAgree: { recall: number; falseAgreements: number };
}

export interface NamePairsReport extends NamePairTally {
  pairs: number;
  threshold: number;
  model: string;
  f1: number;
  /**
   * The same scores ranked instead of cut at the threshold: the lowest threshold at which
   * precision on this file is still ≥ 0.95, and the recall there. It says how well the name
   * weights order pairs, apart from the prior (P(match) before comparison), which decides
   * where the linking threshold falls for records that carry names alone.
   */
  atPrecision95: { threshold: number; recall: number; precision: number } | null;
  byState: Record<string, NamePairTally>;
  /** By the scripts of the two sides, sorted: `Cyrl~Latn`. */
  byScripts: Record<string, NamePairTally>;
  /** By how the second side was written (the first is the national or Russian form). */
  bySystem: Record<string, NamePairTally>;
  /** Negatives by why they look alike. */
  byKind: Record<string, NamePairTally>;
  misses: string[];
  /** Positives with a part at `fuzzy` or `different`: the name layer's own misses. */
  namesDisagree: string[];
  falseMatches: string[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function tally(scores: readonly NamePairScore[]): NamePairTally {
  let positives = 0;
  let linkedPositives = 0;
  let lostInBlocking = 0;
  let falseLinks = 0;
  let agree = 0;
  let falseAgreements = 0;
  for (const s of scores) {
    if (s.pair.same) {
      positives++;
      if (s.namesAgree) agree++;
      if (s.linked) linkedPositives++;
      else if (!s.blocked) lostInBlocking++;
    } else {
      if (s.linked) falseLinks++;
      if (s.namesAgree) falseAgreements++;
    }
  }
  const linked = linkedPositives + falseLinks;
  return {
    positives,
    negatives: scores.length - positives,
    recall: positives === 0 ? 1 : round(linkedPositives / positives),
    precision: linked === 0 ? 1 : round(linkedPositives / linked),
    lostInBlocking,
    lostInScoring: positives - linkedPositives - lostInBlocking,
    falseLinks,
    namesAgree: { recall: positives === 0 ? 1 : round(agree / positives), falseAgreements },
  };
}

function groupBy(scores: readonly NamePairScore[], key: (s: NamePairScore) => string): Record<string, NamePairTally> {
  const groups = new Map<string, NamePairScore[]>();
  for (const s of scores) {
    const k = key(s);
    const list = groups.get(k);
    if (list) list.push(s);
    else groups.set(k, [s]);
  }
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, tally(groups.get(k)!)]));
}

/** Lowest threshold keeping precision ≥ `target` over blocked pairs, and the recall there. */
function bestRecallAt(scores: readonly NamePairScore[], target: number): NamePairsReport['atPrecision95'] {
  const positives = scores.filter((s) => s.pair.same).length;
  const ranked = scores.filter((s) => s.blocked).sort((x, y) => y.probability - x.probability);
  let best: NamePairsReport['atPrecision95'] = null;
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < ranked.length; i++) {
    if (ranked[i]!.pair.same) tp++;
    else fp++;
    // Only cut between distinct scores: tied pairs are linked together or not at all.
    if (i + 1 < ranked.length && ranked[i + 1]!.probability === ranked[i]!.probability) continue;
    if (tp / (tp + fp) >= target && positives > 0) {
      best = { threshold: ranked[i]!.probability, recall: round(tp / positives), precision: round(tp / (tp + fp)) };
    }
  }
  return best;
}

const nameText = (s: NamePairSide) => [s.surname, s.given, s.patronymic].filter(Boolean).join(' ');

/** One line per pair for a reviewer: what was compared, how each part came out, and why it failed. */
function describe(s: NamePairScore): string {
  const levels = NAME_FIELDS.filter((f) => s.levels[f])
    .map((f) => `${f}=${s.levels[f]}`)
    .join(' ');
  const where = s.blocked ? `p=${s.probability.toPrecision(3)}` : 'no shared key';
  return `${s.pair.id} ${s.pair.state} ${s.pair.b.system}: ${nameText(s.pair.a)} | ${nameText(s.pair.b)} — ${where}; ${levels}`;
}

/**
 * Scores every labelled pair on names alone and reports recall and precision at the linking
 * threshold, by state, script pair, romanization system and (for negatives) kind, with every
 * miss and every false match listed.
 */
export function evaluateNamePairs(pairs: readonly NamePair[], options: { threshold?: number; model?: LinkModel } = {}): NamePairsReport {
  const threshold = options.threshold ?? 0.5;
  const model = options.model ?? DEFAULT_MODELS.person;
  const scores = pairs.map((p) => scoreNamePair(p, threshold, model));
  const all = tally(scores);
  const f1 = all.precision + all.recall === 0 ? 0 : round((2 * all.precision * all.recall) / (all.precision + all.recall));
  return {
    pairs: pairs.length,
    threshold,
    model: model.version,
    ...all,
    f1,
    byState: groupBy(scores, (s) => s.pair.state),
    byScripts: groupBy(scores, (s) => [s.pair.a.script, s.pair.b.script].sort().join('~')),
    bySystem: groupBy(scores, (s) => s.pair.b.system),
    byKind: groupBy(
      scores.filter((s) => !s.pair.same),
      (s) => s.pair.kind,
    ),
    atPrecision95: bestRecallAt(scores, 0.95),
    misses: scores.filter((s) => s.pair.same && !s.linked).map(describe),
    namesDisagree: scores.filter((s) => s.pair.same && !s.namesAgree).map(describe),
    falseMatches: scores.filter((s) => !s.pair.same && s.linked).map(describe),
  };
}
