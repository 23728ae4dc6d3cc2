import {
  AppError,
  DEFAULT_MODELS,
  checkProfile,
  checkSufficiency,
  compareProfiles,
  matchKeys,
  profileOf,
  scoreVector,
  weightsOf,
  type CheckInput,
  type CheckOutcome,
  type Domain,
  type FieldContribution,
  type RecordView,
  type Weights,
} from '@svod/core';
import { recordSubject } from './record-content.ts';
import { toRecordView, visibleTo } from './records.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';

/** At or above this probability a candidate is a hit; the owner must confirm it. */
export const HIT_PROBABILITY = 0.95;
/**
 * At or above this a candidate is shown as possible: the officer gets a ranked list to verify.
 * Low on purpose while the models' prior is not yet calibrated to the bank's size.
 */
const POSSIBLE_PROBABILITY = 0.01;
/** Candidates fetched per check at most: keeps the time of a check bounded. */
const MAX_CANDIDATES = 1000;

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
}

const WEIGHTS: Record<Domain, Weights> = {
  person: weightsOf(DEFAULT_MODELS.person),
  vehicle: weightsOf(DEFAULT_MODELS.vehicle),
  firearm: weightsOf(DEFAULT_MODELS.firearm),
};

/**
 * A field officer's check: the records the caller may see that share a match key with the
 * subject, scored with the domain's model and returned best first with their explanation and
 * the action the owner asks for. Every check is audited with what was asked and how many answered.
 */
export async function runCheck(ctx: StoreContext, input: CheckInput): Promise<CheckResult> {
  return withFailureAudit(ctx, { action: 'record.check', resourceType: 'record' }, async () => {
    requirePermission(ctx, 'record.read');
    const issues = checkSufficiency(input);
    if (issues.length > 0) throw new AppError('check_insufficient', { issues });
    const query = checkProfile(input)!;
    const keys = matchKeys(query, 'query');
    const weights = WEIGHTS[query.domain];
    const rows =
      keys.length === 0
        ? []
        : await ctx.db
            .selectFrom('records')
            .selectAll()
            .where('records.id', 'in', (eb) =>
              eb
                .selectFrom('match_keys')
                .select('record_id')
                .where((k) =>
                  k.or([
                    k('key', 'in', keys),
                    // A name key with no birth year stands for the name in any year: a range of the index.
                    ...keys.filter((key) => key.endsWith('|?')).map((key) => k.and([k('key', '>=', key.slice(0, -1)), k('key', '<', `${key.slice(0, -2)}}`)])),
                  ]),
                ),
            )
            .where('status', '=', 'active')
            .where(visibleTo(ctx.actor.participant))
            .limit(MAX_CANDIDATES)
            .execute();
    const scored: CheckCandidate[] = [];
    for (const row of rows) {
      const profile = profileOf(recordSubject(row));
      if (!profile || profile.domain !== query.domain) continue;
      const score = scoreVector(weights, compareProfiles(query, profile));
      if (score.probability < POSSIBLE_PROBABILITY) continue;
      scored.push({ probability: score.probability, weight: score.weight, explanation: score.explanation, record: toRecordView(row) });
    }
    scored.sort((a, b) => b.weight - a.weight);
    const candidates = scored.slice(0, input.limit ?? 10);
    const outcome: CheckOutcome = candidates.length === 0 ? 'no_hit' : candidates[0]!.probability >= HIT_PROBABILITY ? 'hit' : 'possible';
    await auditSuccess(ctx.db, ctx, {
      action: 'record.check',
      resourceType: 'record',
      resultCount: candidates.length,
      detail: { outcome, query: input, records: candidates.map((c) => c.record.id) },
    });
    return { outcome, modelVersion: weights.model.version, candidates };
  });
}
