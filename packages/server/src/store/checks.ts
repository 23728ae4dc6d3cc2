import {
  AppError,
  DEFAULT_MODELS,
  forBankSize,
  ANY_YEAR,
  candidateScorer,
  checkProfile,
  checkSufficiency,
  matchKeys,
  weightsOf,
  type CheckInput,
  type CheckOutcome,
  type Domain,
  type FieldContribution,
  type MatchProfile,
  type RecordView,
  type Weights,
} from '@svod/core';
import type { Db, RecordRow } from '../db/database.ts';
import { LruCache } from '../util/lru.ts';
import { DEFAULT_HIT_DEADLINES, openHit, type HitDeadlines } from './hits.ts';
import { activeModels, lastActivation } from './models.ts';
import { recordsByDomain } from './bank-size.ts';
import { nameFrequencyFor, prepareNameFrequencies } from './name-frequencies.ts';
import { readAccess, visibleTo, type ReadAccess } from './access.ts';
import { toRecordView } from './records.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';

/** At or above this probability a candidate is a hit; the owner must confirm it. */
export const HIT_PROBABILITY = 0.95;
/**
 * At or above this a candidate is shown as possible: the officer gets a ranked list to verify,
 * so a low bar costs a glance and a missed person costs far more.
 */
const POSSIBLE_PROBABILITY = 0.01;

/** Candidates fetched per check at most: keeps the time of a check bounded. */
const MAX_CANDIDATES = 1000;

/** Why the matcher is asked: what is audited, and which records may answer. */
export interface CheckPurpose {
  action: 'record.check' | 'record.search';
  /** A field check answers with records in force only; a search in the console finds closed ones too. */
  activeOnly: boolean;
}

export const FIELD_CHECK: CheckPurpose = { action: 'record.check', activeOnly: true };
/** The console's search by name or identifier: the same ranking, every status, audited as a search. */
export const RECORD_SEARCH: CheckPurpose = { action: 'record.search', activeOnly: false };

export interface CheckCandidate {
  probability: number;
  weight: number;
  explanation: FieldContribution[];
  record: RecordView;
}

export interface CheckResult {
  outcome: CheckOutcome;
  modelVersion: string;
  candidates: CheckCandidate[];
  /** The hit opened for the owner of the best candidate, when it is another participant's. */
  hit?: { id: string; deadline: string };
}

/** How long a bank's size is taken as known: it changes slowly. */
const BANK_SIZE_TTL_MS = 5 * 60_000;
const bankWeights = new WeakMap<Db, { loadedAt: number; weights: Promise<Record<Domain, Weights>> }>();

/**
 * The models checks score with — the bank's own active ones (`svod train --activate`), else the
 * shipped ones — with their priors set for the number of active records in this bank.
 */
export function weightsFor(db: Db): Promise<Record<Domain, Weights>> {
  const cached = bankWeights.get(db);
  const now = Date.now();
  if (cached && now - cached.loadedAt < BANK_SIZE_TTL_MS && cached.loadedAt >= lastActivation(db)) return cached.weights;
  const weights = (async () => {
    const { records } = await recordsByDomain(db);
    const stored = await activeModels(db);
    const of = (domain: Domain) => weightsOf(forBankSize(stored[domain] ?? DEFAULT_MODELS[domain], records[domain]));
    return { person: of('person'), vehicle: of('vehicle'), firearm: of('firearm') };
  })();
  bankWeights.set(db, { loadedAt: now, weights });
  weights.catch(() => bankWeights.delete(db));
  return weights;
}

/** Loads the models, the bank's size and its name counts before serving, so that the first check after start-up does not wait for them. */
export async function prepareChecks(db: Db): Promise<void> {
  await Promise.all([weightsFor(db), prepareNameFrequencies(db)]);
}

/**
 * A field officer's check: the records the caller may see that share a match key with the
 * subject, scored with the domain's model and returned best first with their explanation and
 * the action the owner asks for. Every check is audited with what was asked and how many answered.
 */
export async function runCheck(
  ctx: StoreContext,
  input: CheckInput,
  purpose: CheckPurpose = FIELD_CHECK,
  deadlines: HitDeadlines = DEFAULT_HIT_DEADLINES,
): Promise<CheckResult> {
  return withFailureAudit(ctx, { action: purpose.action, resourceType: 'record' }, async () => {
    requirePermission(ctx, 'record.read');
    const issues = checkSufficiency(input);
    if (issues.length > 0) throw new AppError('check_insufficient', { issues });
    const query = checkProfile(input)!;
    const weights = (await weightsFor(ctx.db))[query.domain];
    const scored: { id: string; probability: number; weight: number; explanation: FieldContribution[] }[] = [];
    const frequency = query.domain === 'person' ? await nameFrequencyFor(ctx.db, weights) : undefined;
    const score = candidateScorer(weights, query, frequency);
    const access = await readAccess(ctx.db, ctx.actor.participant);
    const { candidates: found, rows } = await candidateProfiles(ctx.db, matchKeys(query, 'query'), {
      activeOnly: purpose.activeOnly,
      visibleTo: access,
    });
    for (const { id, profile } of found) {
      if (profile.domain !== query.domain) continue;
      const { probability, weight, explanation } = score(profile);
      if (probability < POSSIBLE_PROBABILITY) continue;
      scored.push({ id, probability, weight, explanation });
    }
    scored.sort((a, b) => b.weight - a.weight);
    const best = scored.slice(0, input.limit ?? 10);
    const unread = best.filter((c) => !rows.has(c.id)).map((c) => c.id);
    if (unread.length > 0) for (const row of await checkable(ctx, access, unread, purpose)) rows.set(row.id, row);
    const candidates: CheckCandidate[] = best.flatMap(({ id, ...score }) => {
      const row = rows.get(id);
      return row ? [{ ...score, record: toRecordView(row) }] : [];
    });
    const outcome: CheckOutcome = candidates.length === 0 ? 'no_hit' : candidates[0]!.probability >= HIT_PROBABILITY ? 'hit' : 'possible';
    await auditSuccess(ctx.db, ctx, {
      action: purpose.action,
      resourceType: 'record',
      resultCount: candidates.length,
      detail: { outcome, query: input, records: candidates.map((c) => c.record.id) },
    });
    const top = candidates[0];
    // A field check that hits another state's record in force tells its owner, who must answer.
    const opensHit =
      purpose === FIELD_CHECK && outcome === 'hit' && top && top.record.owner !== ctx.actor.participant && top.record.status === 'active';
    const hit = opensHit
      ? await openHit(ctx, { recordId: top.record.id, owner: top.record.owner, probability: top.probability }, input, deadlines)
      : undefined;
    return { outcome, modelVersion: weights.model.version, candidates, ...(hit ? { hit } : {}) };
  });
}

/**
 * The active records the caller may see that share a match key with the query, with the match
 * profiles stored when they were written. When more than MAX_CANDIDATES qualify (a common name
 * with no birth year), those sharing the most keys are kept: the bound is applied in the
 * database, and only the few records the check returns are read whole after scoring. Exact keys
 * (identifiers, names with a birth year) meet a dozen records or so: those are read whole in
 * the same query, one round trip rather than two.
 */
export async function candidateProfiles(
  db: Db,
  keys: string[],
  scope: { activeOnly: boolean; visibleTo?: ReadAccess; except?: string },
): Promise<{ candidates: Candidate[]; rows: Map<string, RecordRow> }> {
  const rows = new Map<string, RecordRow>();
  if (keys.length === 0) return { candidates: [], rows };
  const anyYear = `|${ANY_YEAR}`;
  const exact = keys.filter((key) => !key.endsWith(anyYear));
  // A query name key for any birth year is a range of the byte-ordered index: `n:…|` up to `n:…}`.
  const ranges = keys.filter((key) => key.endsWith(anyYear)).map((key) => [key.slice(0, -1), `${key.slice(0, -2)}}`] as const);
  const ranking = db
    .with('shared', (db) =>
      db
        .selectFrom('match_keys')
        .select((eb) => ['record_id', eb.fn.countAll<number>().as('n')])
        .where((k) =>
          k.or([
            ...(exact.length > 0 ? [k('key', 'in', exact)] : []),
            ...ranges.map(([from, to]) => k.and([k('key', '>=', from), k('key', '<', to)])),
          ]),
        )
        .groupBy('record_id'),
    )
    .selectFrom('shared')
    .innerJoin('records', 'records.id', 'shared.record_id')
    .innerJoin('match_profiles', 'match_profiles.record_id', 'shared.record_id')
    .$if(scope.activeOnly, (q) => q.where('records.status', '=', 'active'))
    .$if(scope.visibleTo !== undefined, (q) => q.where(visibleTo(scope.visibleTo!)))
    .$if(scope.except !== undefined, (q) => q.where('records.id', '<>', scope.except!))
    .orderBy('shared.n', 'desc')
    .orderBy('records.id')
    .limit(MAX_CANDIDATES)
    .select('match_profiles.profile');
  if (ranges.length === 0) {
    const read = await ranking.selectAll('records').execute();
    for (const { profile: _profile, ...row } of read) rows.set(row.id, row);
    return { candidates: read.map((row) => ({ id: row.id, profile: cachedProfile(row) })), rows };
  }
  const ranked = await ranking.select(['records.id', 'records.version']).execute();
  return { candidates: ranked.map((row) => ({ id: row.id, profile: cachedProfile(row) })), rows };
}

export interface Candidate {
  id: string;
  profile: MatchProfile;
}

/** Rows by id, filtered again: a record may have been cancelled or withdrawn since it was ranked. */
const checkable = (ctx: StoreContext, access: ReadAccess, ids: string[], purpose: CheckPurpose) =>
  ctx.db
    .selectFrom('records')
    .selectAll()
    .where('id', 'in', ids)
    .$if(purpose.activeOnly, (q) => q.where('status', '=', 'active'))
    .where(visibleTo(access))
    .execute();

/** A candidate's stored profile, parsed once per version of the record. */
function cachedProfile(row: { id: string; version: number; profile: string }): MatchProfile {
  const key = profileKey(row);
  let profile = PROFILES.get(key);
  if (profile === undefined) {
    profile = JSON.parse(row.profile) as MatchProfile;
    PROFILES.set(key, profile);
  }
  return profile;
}

/** Profiles kept across checks; every change of a record's content bumps its version. */
const PROFILES = new LruCache<string, MatchProfile>(Number(process.env.SVOD_PROFILE_CACHE ?? 100_000));
const profileKey = (row: { id: string; version: number }) => `${row.id}:${row.version}`;
