import { randomUUID } from 'node:crypto';
import { COORDINATING_BODY, AppError, can, type CheckInput, type FieldIssue, type HitAnswer, type HitStatus, type HitView } from '@svod/core';
import type { ExpressionBuilder } from 'kysely';
import type { Database, Db, HitRow, RecordRow, Tx } from '../db/database.ts';
import { readAccess, visibleTo } from './access.ts';
import { UUID } from '../validation/ajv.ts';
import { auditSuccess, deadlineContext, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { announce, recordEvent } from './events.ts';
import { toRecordView } from './records.ts';
import { isoOrNull as iso } from '../db/columns.ts';

/** How long the owner has to answer a hit; both are the bank's settings. */
export interface HitDeadlines {
  /** The officer is holding the subject: minutes, not an hour. */
  heldMinutes: number;
  routineMinutes: number;
}

export const DEFAULT_HIT_DEADLINES: HitDeadlines = { heldMinutes: 10, routineMinutes: 60 };

/** The reminder goes out when this share of the time to answer is left. */
const REMIND_AT_SHARE_LEFT = 0.2;

const HIT = 'hit';

function toHitView(ctx: StoreContext, row: HitRow, record: RecordRow): HitView {
  // A record shared as hit / no hit is shown whole to the hit's parties once its owner disclosed it with the confirmation.
  const shown: RecordRow = row.disclosed ? { ...record, content: row.disclosed, disclosure: 'full' } : record;
  return {
    id: row.id,
    record: toRecordView(shown),
    owner: row.owner,
    requester: row.requester,
    requestedBy: row.requested_by_name,
    probability: row.probability,
    subjectHeld: row.subject_held,
    status: row.status,
    deadline: iso(row.deadline_at)!,
    remindedAt: iso(row.reminded_at),
    escalatedAt: iso(row.escalated_at),
    answeredAt: iso(row.answered_at),
    answerNote: row.answer_note,
    outcome: row.outcome,
    createdAt: iso(row.created_at)!,
    mayAnswer: row.status === 'open' && row.owner === ctx.actor.participant && can(ctx.actor, 'record.write'),
  };
}

/** The short form of a hit that events carry; the stream's reader fetches the rest. */
export const hitEventPayload = (row: HitRow) => ({
  hit: row.id,
  record: row.record_id,
  owner: row.owner,
  requester: row.requester,
  status: row.status,
  deadline: iso(row.deadline_at),
  subjectHeld: row.subject_held,
});

/**
 * Opens a hit, in the caller's transaction, with its audit entry and the event that tells the
 * owner; or returns the hit already open on the record for the same requester, so that checking
 * the same person twice (or matching a record again) does not ask the owner twice.
 */
export async function insertHit(
  tx: Tx,
  ctx: StoreContext,
  found: { recordId: string; owner: string; probability: number },
  query: unknown,
  subjectHeld: boolean,
  deadlines: HitDeadlines,
): Promise<HitRow> {
  const open = await tx
    .selectFrom('hits')
    .selectAll()
    .where('record_id', '=', found.recordId)
    .where('requester', '=', ctx.actor.participant)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return open;
  const now = new Date();
  const minutes = subjectHeld ? deadlines.heldMinutes : deadlines.routineMinutes;
  const created = await tx
    .insertInto('hits')
    .values({
      id: randomUUID(),
      record_id: found.recordId,
      owner: found.owner,
      requester: ctx.actor.participant,
      requested_by: ctx.actor.id,
      requested_by_name: ctx.actor.name,
      probability: found.probability,
      subject_held: subjectHeld,
      query: JSON.stringify(query),
      status: 'open',
      deadline_at: new Date(now.getTime() + minutes * 60_000),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, [created.owner, created.requester], 'hit.created', hitEventPayload(created));
  await auditSuccess(tx, ctx, {
    action: 'hit.create',
    resourceType: HIT,
    resourceId: created.id,
    detail: { record: found.recordId, owner: found.owner, subjectHeld },
  });
  return created;
}

/** Opens the hit of a field check whose best candidate is another participant's active record. */
export async function openHit(
  ctx: StoreContext,
  found: { recordId: string; owner: string; probability: number },
  query: CheckInput,
  deadlines: HitDeadlines,
): Promise<{ id: string; deadline: string }> {
  const row = await ctx.db.transaction().execute((tx) => insertHit(tx, ctx, found, query, query.subjectHeld ?? false, deadlines));
  announce(ctx.db);
  return { id: row.id, deadline: iso(row.deadline_at)! };
}

export interface HitFilter {
  /** `inbox`: hits on the caller's records, to answer; `outbox`: hits of the caller's checks. */
  box: 'inbox' | 'outbox';
  status?: HitStatus;
  /** Only the hits on this record. */
  record?: string;
}

/** The hits the caller's participant answers or awaits, newest first (at most `limit`). */
export async function listHits(ctx: StoreContext, filter: HitFilter, limit: number): Promise<HitView[]> {
  return withFailureAudit(ctx, { action: 'hit.list', resourceType: HIT }, async () => {
    requirePermission(ctx, 'record.read');
    let query = ctx.db
      .selectFrom('hits')
      .selectAll()
      .where(filter.box === 'inbox' ? 'owner' : 'requester', '=', ctx.actor.participant)
      .where(await whileCovered(ctx))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.record) query = query.where('record_id', '=', filter.record);
    const rows = await query.execute();
    const records = await recordsOf(ctx.db, rows);
    await auditSuccess(ctx.db, ctx, { action: 'hit.list', resourceType: HIT, resultCount: rows.length, detail: { ...filter } });
    return rows.map((row) => toHitView(ctx, row, records.get(row.record_id)!));
  });
}

async function recordsOf(db: Db | Tx, rows: readonly HitRow[]): Promise<Map<string, RecordRow>> {
  if (rows.length === 0) return new Map();
  const records = await db
    .selectFrom('records')
    .selectAll()
    .where(
      'id',
      'in',
      rows.map((r) => r.record_id),
    )
    .execute();
  return new Map(records.map((r) => [r.id, r]));
}

/**
 * The requester sees its hit, and the record in it, only while the record is shared with it: an
 * agreement that ended or a distribution narrowed since takes the hit out of its outbox too.
 */
async function whileCovered(ctx: StoreContext, db: Db | Tx = ctx.db) {
  const access = await readAccess(db, ctx.actor.participant);
  return (eb: ExpressionBuilder<Database, 'hits'>) =>
    eb.or([
      eb('hits.owner', '=', ctx.actor.participant),
      eb.exists(eb.selectFrom('records').select('records.id').whereRef('records.id', '=', 'hits.record_id').where(visibleTo(access))),
    ]);
}

/** A hit is seen by its two parties only: the record's owner and the participant who checked. */
async function partyHit(db: Db | Tx, ctx: StoreContext, id: string): Promise<HitRow> {
  if (!UUID.test(id)) throw new AppError('not_found', { params: { id } });
  const row = await db
    .selectFrom('hits')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('owner', '=', ctx.actor.participant), eb('requester', '=', ctx.actor.participant)]))
    .where(await whileCovered(ctx, db))
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', { params: { id } });
  return row;
}

export async function getHit(ctx: StoreContext, id: string): Promise<HitView> {
  return withFailureAudit(ctx, { action: 'hit.read', resourceType: HIT, resourceId: id }, async () => {
    requirePermission(ctx, 'record.read');
    const row = await partyHit(ctx.db, ctx, id);
    const records = await recordsOf(ctx.db, [row]);
    await auditSuccess(ctx.db, ctx, { action: 'hit.read', resourceType: HIT, resourceId: id, resultCount: 1 });
    return toHitView(ctx, row, records.get(row.record_id)!);
  });
}

/**
 * The owner's answer: confirmed (with what it came to), denied, or more time asked — which
 * moves the deadline on by the routine time and keeps the hit open. An answered hit answers
 * 409 `hit_answered`; of two answers at once, one stands.
 */
export async function answerHit(ctx: StoreContext, id: string, answer: HitAnswer, deadlines: HitDeadlines): Promise<HitView> {
  return withFailureAudit(ctx, { action: 'hit.answer', resourceType: HIT, resourceId: id }, async () => {
    requirePermission(ctx, 'record.write');
    if (answer.answer === 'confirm' && !answer.outcome) {
      const issues: FieldIssue[] = [{ path: '/outcome', code: 'required' }];
      throw new AppError('validation_failed', { issues });
    }
    const before = await partyHit(ctx.db, ctx, id);
    if (before.owner !== ctx.actor.participant) throw new AppError('forbidden', { params: { permission: 'hit.answer' } });
    const now = new Date();
    const change =
      answer.answer === 'more_time'
        ? {
            deadline_at: new Date(Math.max(now.getTime(), new Date(before.deadline_at).getTime()) + deadlines.routineMinutes * 60_000),
            reminded_at: null,
          }
        : { status: answer.answer === 'confirm' ? ('confirmed' as const) : ('denied' as const), outcome: answer.outcome ?? null, answered_at: now };
    const row = await ctx.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('hits')
        .set({ ...change, answered_by: ctx.actor.id, answer_note: answer.note ?? null, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new AppError('hit_answered', { params: { id } });
      await recordEvent(tx, [updated.owner, updated.requester], 'hit.answered', { ...hitEventPayload(updated), answer: answer.answer });
      await auditSuccess(tx, ctx, {
        action: 'hit.answer',
        resourceType: HIT,
        resourceId: id,
        detail: { answer: answer.answer, outcome: answer.outcome ?? null, note: answer.note ?? null },
      });
      return updated;
    });
    announce(ctx.db);
    const records = await recordsOf(ctx.db, [row]);
    return toHitView(ctx, row, records.get(row.record_id)!);
  });
}

/**
 * Sends the reminders and escalations that are due at `now`: a reminder to the owner when a
 * fifth of the time to answer is left, and at the deadline an escalation to the owner (whose
 * supervisors the console alerts) and to BKBOP. Each is stamped once, by a conditional update,
 * so two processes watching the same bank do not send it twice. Returns how many were sent.
 */
export async function processHitDeadlines(db: Db, now: Date, deadlines: HitDeadlines): Promise<{ reminded: number; escalated: number }> {
  const result = await db.transaction().execute(async (tx) => {
    const escalated = await tx
      .updateTable('hits')
      .set({ escalated_at: now, updated_at: now })
      .where('status', '=', 'open')
      .where('escalated_at', 'is', null)
      .where('deadline_at', '<=', now)
      .returningAll()
      .execute();
    for (const hit of escalated) {
      await recordEvent(tx, [hit.owner, hit.requester, COORDINATING_BODY], 'hit.escalated', hitEventPayload(hit));
      await auditSuccess(tx, deadlineContext(db, hit.owner, 'hit.deadline'), { action: 'hit.escalate', resourceType: HIT, resourceId: hit.id });
    }
    const heldLead = deadlines.heldMinutes * REMIND_AT_SHARE_LEFT * 60_000;
    const routineLead = deadlines.routineMinutes * REMIND_AT_SHARE_LEFT * 60_000;
    const reminded = await tx
      .updateTable('hits')
      .set({ reminded_at: now, updated_at: now })
      .where('status', '=', 'open')
      .where('reminded_at', 'is', null)
      .where('escalated_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('subject_held', '=', true), eb('deadline_at', '<=', new Date(now.getTime() + heldLead))]),
          eb.and([eb('subject_held', '=', false), eb('deadline_at', '<=', new Date(now.getTime() + routineLead))]),
        ]),
      )
      .returningAll()
      .execute();
    for (const hit of reminded) {
      await recordEvent(tx, [hit.owner], 'hit.reminder', hitEventPayload(hit));
      await auditSuccess(tx, deadlineContext(db, hit.owner, 'hit.deadline'), { action: 'hit.remind', resourceType: HIT, resourceId: hit.id });
    }
    return { reminded: reminded.length, escalated: escalated.length };
  });
  if (result.reminded + result.escalated > 0) announce(db);
  return result;
}
