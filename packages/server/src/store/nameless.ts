import {
  AppError,
  NAMELESS_POOL,
  namelessBlockKeys,
  namelessForReview,
  rankNameless,
  type NamelessEvidence,
  type NamelessProfile,
  type RecordInput,
  type RecordView,
} from '@svod/core';
import type { Db, RecordRow } from '../db/database.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { NAMELESS_SIDES } from './match-keys.ts';
import { recordSubject } from './record-content.ts';
import { readAccess, visibleTo } from './access.ts';
import { loadVisible, toRecordView } from './records.ts';

export interface NamelessCandidate {
  record: RecordView;
  evidence: NamelessEvidence;
}

/** The categories a record of this category is compared with by description. */
const otherSide = (category: string) => (category === 'missing_person' ? ['unidentified_corpse', 'unidentified_person'] : ['missing_person']);

/**
 * For a missing person, the unidentified bodies and living persons most likely to be them; for
 * an unidentified record, the missing persons — best first, each with the evidence field by
 * field and which biometric references both sides hold, so that the reviewer knows what
 * comparison to order. Only active records the caller may see take part.
 */
export async function namelessCandidates(ctx: StoreContext, id: string, limit: number): Promise<NamelessCandidate[]> {
  return withFailureAudit(ctx, { action: 'record.nameless', resourceType: 'record', resourceId: id }, async () => {
    requirePermission(ctx, 'record.read');
    const row = await loadVisible(ctx.db, ctx.actor.participant, id);
    if (!NAMELESS_SIDES.has(row.category)) {
      throw new AppError('validation_failed', { issues: [{ path: '/params/id', code: 'not_applicable' }] });
    }
    const subject = recordSubject(row);
    const candidates = await candidateProfiles(ctx.db, ctx.actor.participant, subject, row.id);
    const ranked = rankNameless(
      subject,
      candidates.map((c) => c.profile),
      limit,
    );
    const ids = ranked.map((r) => candidates[r.index]!.id);
    const rows = new Map(
      ids.length === 0 ? [] : (await ctx.db.selectFrom('records').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r] as const),
    );
    await auditSuccess(ctx.db, ctx, {
      action: 'record.nameless',
      resourceType: 'record',
      resourceId: id,
      resultCount: ranked.length,
      detail: { records: ids },
    });
    return ranked.map((r, k) => ({ record: toRecordView(rows.get(ids[k]!)!), evidence: r.evidence }));
  });
}

/**
 * The nameless pairs of a record that go to the supervisors' queue: the first few of its list
 * against every participant's active records, likely enough (`namelessForReview`). Who may see a
 * pair is decided when it is read, as for pairs found by name.
 */
export async function namelessForQueue(db: Db, row: RecordRow): Promise<{ partner: string; probability: number; evidence: NamelessEvidence }[]> {
  if (!NAMELESS_SIDES.has(row.category) || row.status !== 'active') return [];
  const subject = recordSubject(row);
  const candidates = await candidateProfiles(db, undefined, subject, row.id);
  return namelessForReview(
    subject,
    candidates.map((c) => c.profile),
  ).map((r) => ({ partner: candidates[r.index]!.id, probability: r.probability, evidence: r.evidence }));
}

/**
 * The stored descriptions of the active records of the other side sharing a blocking key with the
 * subject, visible to `participant` when given: those sharing the most keys first, at most
 * `NAMELESS_POOL`, in a stable order (ties by id) so that a list is the same each time it is asked.
 */
async function candidateProfiles(
  db: Db,
  participant: string | undefined,
  subject: RecordInput,
  except: string,
): Promise<{ id: string; profile: NamelessProfile }[]> {
  const keys = namelessBlockKeys(subject);
  if (keys.length === 0) return [];
  let query = db
    .with('shared', (q) =>
      q
        .selectFrom('match_keys')
        .select((eb) => ['record_id', eb.fn.countAll<number>().as('n')])
        .where('key', 'in', keys)
        .groupBy('record_id'),
    )
    .selectFrom('shared')
    .innerJoin('records', 'records.id', 'shared.record_id')
    .innerJoin('nameless_profiles', 'nameless_profiles.record_id', 'shared.record_id')
    .select(['records.id', 'nameless_profiles.profile'])
    .where('records.category', 'in', otherSide(subject.category))
    .where('records.status', '=', 'active')
    .where('records.id', '<>', except)
    .orderBy('shared.n', 'desc')
    .orderBy('records.id')
    .limit(NAMELESS_POOL);
  if (participant !== undefined) query = query.where(visibleTo(await readAccess(db, participant)));
  return (await query.execute()).map((r) => ({ id: r.id, profile: JSON.parse(r.profile) as NamelessProfile }));
}
