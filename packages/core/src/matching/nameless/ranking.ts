import type { RecordInput } from '../../schemas/record.ts';
import {
  closestPlaceLevel,
  COMPARERS,
  COMPARERS_BUT_PLACE,
  DEFAULT_RATES,
  type Outcome,
  PLACE_LEVELS,
  type PoolRates,
  placeRates,
} from './fields/index.ts';
import { profileOf } from './profile.ts';
import { type BiometricAvailability, NAMELESS_FIELDS, type NamelessEvidence, type NamelessFieldEvidence, type NamelessProfile } from './types.ts';

const round2 = (x: number): number => Math.round(x * 100) / 100;

function bitsButPlace(m: NamelessProfile, f: NamelessProfile, out: Outcome): number {
  let sum = 0;
  for (const compare of COMPARERS_BUT_PLACE) {
    compare(m, f, out, false, DEFAULT_RATES);
    sum += out.bits;
  }
  return sum;
}

function biometricsOf(m: NamelessProfile, f: NamelessProfile): BiometricAvailability {
  return {
    both: m.biometrics.filter((k) => f.biometrics.includes(k)),
    missingOnly: m.biometrics.filter((k) => !f.biometrics.includes(k)),
    unidentifiedOnly: f.biometrics.filter((k) => !m.biometrics.includes(k)),
  };
}

function explainPair(m: NamelessProfile, f: NamelessProfile, pool: PoolRates): NamelessEvidence {
  let sum = 0;
  const fields = NAMELESS_FIELDS.map((field): NamelessFieldEvidence => {
    const out: Outcome = { level: '', bits: 0 };
    COMPARERS[field](m, f, out, true, pool);
    sum += out.bits;
    return { field, level: out.level, bits: round2(out.bits), ...(out.detail ? { detail: out.detail } : {}) };
  });
  return { bits: round2(sum), fields, biometrics: biometricsOf(m, f) };
}

/** Both profiles, the missing one first; throws unless one is missing and the other unidentified. */
function orient(a: RecordInput | NamelessProfile, b: RecordInput | NamelessProfile): [NamelessProfile, NamelessProfile] {
  const pa = profileOf(a);
  const pb = profileOf(b);
  if (pa?.role === 'missing' && pb?.role === 'unidentified') return [pa, pb];
  if (pa?.role === 'unidentified' && pb?.role === 'missing') return [pb, pa];
  throw new TypeError('nameless evidence compares a missing person with an unidentified body or living person');
}

/**
 * Why a missing person and an unidentified body or living person may be the same: each field's
 * level and bits (log2 likelihood ratio, unknown fields 0), their sum, and the biometric
 * references each side holds. Records or their `namelessProfile`s; the two may come in either
 * order. Throws a TypeError unless one is a missing person and the other unidentified.
 *
 * @example namelessEvidence(missing, body).fields.find((f) => f.field === 'sex') // { field: 'sex', level: 'agree', bits: 0.96, … }
 */
export function namelessEvidence(missing: RecordInput | NamelessProfile, unidentified: RecordInput | NamelessProfile): NamelessEvidence {
  const [m, f] = orient(missing, unidentified);
  return explainPair(m, f, DEFAULT_RATES);
}

export interface RankedNameless<T> {
  candidate: T;
  /** The candidate's position in the list given. */
  index: number;
  evidence: NamelessEvidence;
}

/**
 * The candidates most likely to be the subject, best first, at most `limit`: unidentified
 * records for a missing person, missing persons for an unidentified record. Candidates of the
 * subject's own side (or of no person category) are skipped. Ties keep the order given. How
 * common each place level is among the candidates sets what sharing it is worth (see
 * `comparePlace`), so a pair's evidence in a ranking may differ from `namelessEvidence` on the
 * place. Profiles (`namelessProfile`) rank faster than records, which are profiled on each call.
 *
 * @example rankNameless(missing, bodiesSharingABlockKey, 10)[0]?.evidence.bits
 */
export function rankNameless<T extends RecordInput | NamelessProfile>(
  subject: RecordInput | NamelessProfile,
  candidates: readonly T[],
  limit: number,
): RankedNameless<T>[] {
  const s = profileOf(subject);
  if (!s || limit <= 0) return [];
  // One pass scores every field but the place and notes the place level; how common each level
  // is among the candidates then sets what it is worth. Only the best `limit` are explained.
  const others: NamelessProfile[] = [];
  const indices: number[] = [];
  const scores: number[] = [];
  const places: number[] = [];
  const counts = PLACE_LEVELS.map(() => 0);
  const missingSide = s.role === 'missing';
  const out: Outcome = { level: '', bits: 0 };
  for (let index = 0; index < candidates.length; index++) {
    const c = profileOf(candidates[index]!);
    if (!c || c.role === s.role) continue;
    const m = missingSide ? s : c;
    const f = missingSide ? c : s;
    const place = closestPlaceLevel(m, f);
    if (place >= 0) counts[place]!++;
    others.push(c);
    indices.push(index);
    scores.push(bitsButPlace(m, f, out));
    places.push(place);
  }
  const pool = placeRates(counts);
  const total = Float64Array.from(scores, (bits, k) => (places[k]! < 0 ? bits : bits + pool.placeBits[places[k]!]!));
  return bestOf(total, limit).map((k) => ({
    candidate: candidates[indices[k]!]!,
    index: indices[k]!,
    evidence: missingSide ? explainPair(s, others[k]!, pool) : explainPair(others[k]!, s, pool),
  }));
}

/** Positions of the `limit` highest scores, highest first; on equal scores the earlier position wins. */
function bestOf(scores: Float64Array, limit: number): number[] {
  const n = scores.length;
  if (limit * 8 >= n) {
    return Array.from({ length: n }, (_, k) => k)
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, limit);
  }
  // A short list kept sorted by insertion: most candidates fall below its last and cost one comparison.
  const best: number[] = [];
  for (let k = 0; k < n; k++) {
    const score = scores[k]!;
    if (best.length === limit && score <= scores[best[limit - 1]!]!) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && scores[best[at - 1]!]! < score) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = k;
  }
  return best;
}
