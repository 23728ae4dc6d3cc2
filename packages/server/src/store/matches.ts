import {
  AppError,
  can,
  namelessEvidence,
  type BiometricAvailability,
  type FieldIssue,
  type MatchDecision,
  type MatchKind,
  type MatchStatus,
  type MatchView,
} from '@svod/core';
import type { Db, MatchRow, RecordRow } from '../db/database.ts';
import { recordSubject } from './record-content.ts';
import { decodeCursor, encodeCursor } from '../util/keyset-cursor.ts';
import { UUID } from '../validation/ajv.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { readAccess, visibleTo, type ReadAccess } from './access.ts';
import { attachmentsOf, hideUnseenLinks, toRecordView } from './records.ts';
import { jsonColumn } from '../db/columns.ts';

const MATCH = 'match';

export interface MatchFilter {
  status?: MatchStatus;
  kind?: MatchKind;
  /** The pairs one record is part of. */
  record?: string;
}

export interface MatchPage {
  items: MatchView[];
  nextCursor?: string;
}

/**
 * The pairs the participant may see: both records visible to it. A pair with a record it may not
 * see would tell it that such a record exists, so it is not shown at all.
 */
function visibleMatches(db: Db, access: ReadAccess) {
  return db
    .selectFrom('matches')
    .selectAll('matches')
    .where((eb) =>
      eb.and(
        (['matches.record_a', 'matches.record_b'] as const).map((column) =>
          eb.exists(eb.selectFrom('records').select('records.id').whereRef('records.id', '=', column).where(visibleTo(access))),
        ),
      ),
    );
}

/** What biometric comparison a nameless pair allows, from the records as they are now. */
function biometricsOf(a: RecordRow, b: RecordRow): BiometricAvailability | undefined {
  try {
    return namelessEvidence(recordSubject(a), recordSubject(b)).biometrics;
  } catch {
    // One of the two is no longer a missing or unidentified record (its category was corrected).
    return undefined;
  }
}

/** A supervisor of either record's owner decides; others only look. */
const mayDecide = (ctx: StoreContext, owners: readonly string[]) => can(ctx.actor, 'match.decide') && owners.includes(ctx.actor.participant);

/** The views of these pairs, with both records as they are now. */
async function viewsOf(ctx: StoreContext, rows: readonly MatchRow[], withAttachments: boolean): Promise<MatchView[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((m) => [m.record_a, m.record_b]))];
  const records = await ctx.db.selectFrom('records').selectAll().where('id', 'in', ids).execute();
  const attachments = withAttachments ? await attachmentsOf(ctx.db, ids) : new Map();
  const views = await hideUnseenLinks(
    ctx.db,
    ctx.actor.participant,
    records.map((row) => toRecordView(row, attachments.get(row.id))),
  );
  const byId = new Map(views.map((v) => [v.id, v]));
  const rowsById = new Map(records.map((r) => [r.id, r]));
  return rows.map((m) => {
    const a = byId.get(m.record_a)!;
    const b = byId.get(m.record_b)!;
    return {
      id: m.id,
      kind: m.kind,
      probability: m.probability,
      weight: m.weight,
      explanation: jsonColumn<MatchView['explanation']>(m.explanation),
      modelVersion: m.model_version,
      status: m.status,
      decidedBy: m.decided_by,
      decidedAt: m.decided_at ? new Date(m.decided_at).toISOString() : null,
      reason: m.reason,
      foundAt: new Date(m.found_at).toISOString(),
      records: [a, b],
      mayDecide: m.status === 'pending' && mayDecide(ctx, [a.owner, b.owner]),
      ...(m.kind === 'nameless' ? { biometrics: biometricsOf(rowsById.get(m.record_a)!, rowsById.get(m.record_b)!) } : {}),
    };
  });
}

/** Pairs the caller may see, newest first, filtered, paged with a cursor. */
export async function listMatches(ctx: StoreContext, filter: MatchFilter, page: { limit: number; cursor?: string | undefined }): Promise<MatchPage> {
  return withFailureAudit(ctx, { action: 'match.list', resourceType: MATCH }, async () => {
    requirePermission(ctx, 'record.read');
    let query = visibleMatches(ctx.db, await readAccess(ctx.db, ctx.actor.participant))
      .orderBy('matches.found_at', 'desc')
      .orderBy('matches.id', 'desc')
      .limit(page.limit + 1);
    if (filter.status) query = query.where('matches.status', '=', filter.status);
    if (filter.kind) query = query.where('matches.kind', '=', filter.kind);
    if (filter.record) {
      const record = filter.record;
      query = query.where((eb) => eb.or([eb('matches.record_a', '=', record), eb('matches.record_b', '=', record)]));
    }
    if (page.cursor) {
      const { at, id } = decodeCursor(page.cursor);
      query = query.where((eb) => eb.or([eb('matches.found_at', '<', at), eb.and([eb('matches.found_at', '=', at), eb('matches.id', '<', id)])]));
    }
    const rows = await query.execute();
    const pageRows = rows.slice(0, page.limit);
    await auditSuccess(ctx.db, ctx, {
      action: 'match.list',
      resourceType: MATCH,
      resultCount: pageRows.length,
      detail: { filter: { ...filter }, cursor: page.cursor ?? null },
    });
    const last = pageRows.at(-1);
    return {
      items: await viewsOf(ctx, pageRows, false),
      ...(rows.length > page.limit && last ? { nextCursor: encodeCursor(last.found_at, last.id) } : {}),
    };
  });
}

async function visibleMatch(ctx: StoreContext, id: string): Promise<MatchRow> {
  if (!UUID.test(id)) throw new AppError('not_found', { params: { id } });
  const row = await visibleMatches(ctx.db, await readAccess(ctx.db, ctx.actor.participant))
    .where('matches.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', { params: { id } });
  return row;
}

/** One pair with both records whole (photos too), for a supervisor to compare. */
export async function getMatch(ctx: StoreContext, id: string): Promise<MatchView> {
  return withFailureAudit(ctx, { action: 'match.read', resourceType: MATCH, resourceId: id }, async () => {
    requirePermission(ctx, 'record.read');
    const row = await visibleMatch(ctx, id);
    await auditSuccess(ctx.db, ctx, { action: 'match.read', resourceType: MATCH, resourceId: id, resultCount: 1 });
    const [view] = await viewsOf(ctx, [row], true);
    return view!;
  });
}

/**
 * A supervisor of either owner confirms the pair as one subject or rejects it with a reason.
 * The decision is taken once: of two supervisors deciding at the same moment, the second gets
 * 409 `match_decided` and the first decision stands.
 */
export async function decideMatch(ctx: StoreContext, id: string, decision: MatchDecision): Promise<MatchView> {
  return withFailureAudit(ctx, { action: 'match.decide', resourceType: MATCH, resourceId: id }, async () => {
    requirePermission(ctx, 'match.decide');
    if (decision.decision === 'reject' && !decision.reason?.trim()) {
      const issues: FieldIssue[] = [{ path: '/reason', code: 'required' }];
      throw new AppError('validation_failed', { issues });
    }
    const row = await visibleMatch(ctx, id);
    const owners = await ctx.db.selectFrom('records').select('owner').where('id', 'in', [row.record_a, row.record_b]).execute();
    if (!owners.some((o) => o.owner === ctx.actor.participant)) throw new AppError('forbidden', { params: { permission: 'match.decide' } });
    const status = decision.decision === 'confirm' ? 'confirmed' : 'rejected';
    const decided = await ctx.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('matches')
        .set({ status, decided_by: ctx.actor.id, decided_at: new Date(), reason: decision.reason?.trim() ?? null, updated_at: new Date() })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new AppError('match_decided', { params: { id } });
      await auditSuccess(tx, ctx, {
        action: 'match.decide',
        resourceType: MATCH,
        resourceId: id,
        detail: { decision: decision.decision, reason: decision.reason ?? null, records: [row.record_a, row.record_b] },
      });
      return updated;
    });
    const [view] = await viewsOf(ctx, [decided], true);
    return view!;
  });
}
