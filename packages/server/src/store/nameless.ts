import { AppError, namelessBlockKeys, namelessForReview, rankNameless, type NamelessEvidence, type RecordInput, type RecordView } from '@svod/core';
import type { Db, RecordRow } from '../db/database.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { NAMELESS_SIDES } from './match-keys.ts';
import { recordSubject } from './record-content.ts';
import { loadVisible, toRecordView, visibleTo } from './records.ts';

/** Records of the other side read per list at most, those sharing the most keys first: bounds the time of a list. */
const MAX_CANDIDATES = 2_000;

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
    const rows = await candidateRows(ctx.db, ctx.actor.participant, subject, row.id);
    const ranked = rankNameless(
      subject,
      rows.map((r) => recordSubject(r)),
      limit,
    );
    await auditSuccess(ctx.db, ctx, {
      action: 'record.nameless',
      resourceType: 'record',
      resourceId: id,
      resultCount: ranked.length,
      detail: { records: ranked.map((r) => rows[r.index]!.id) },
    });
    return ranked.map((r) => ({ record: toRecordView(rows[r.index]!), evidence: r.evidence }));
  });
}

/**
 * The nameless pairs of a record that go to the supervisors' queue: the first few of its list
 * against every participant's active records, likely enough (`namelessForReview`). Who may see a
 * pair is decided when it is read, as for pairs found by name.
 */
export async function namelessForQueue(db: Db, row: RecordRow): Promise<{ partner: string; probability: number; evidence: NamelessEvidence }[]> {
  if (!NAMELESS_SIDES.has(row.category) || row.status !== 'active') return [];
  const rows = await candidateRows(db, undefined, recordSubject(row), row.id);
  return namelessForReview(
    recordSubject(row),
    rows.map((r) => recordSubject(r)),
  ).map((r) => ({ partner: rows[r.index]!.id, probability: r.probability, evidence: r.evidence }));
}

/** Active records of the other side sharing a blocking key with the subject, visible to `participant` when given. */
async function candidateRows(db: Db, participant: string | undefined, subject: RecordInput, except: string) {
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
    .selectAll('records')
    .where('records.category', 'in', otherSide(subject.category))
    .where('records.status', '=', 'active')
    .where('records.id', '<>', except)
    .orderBy('shared.n', 'desc')
    .orderBy('records.id')
    .limit(MAX_CANDIDATES);
  if (participant !== undefined) query = query.where(visibleTo(participant));
  return query.execute();
}
