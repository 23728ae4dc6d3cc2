import { randomUUID } from 'node:crypto';
import {
  COORDINATING_BODY,
  AppError,
  FINAL_STATES,
  allowedActions,
  calendarStateOf,
  checkRequestRules,
  draftCreated,
  formatRegistrationNumber,
  isOverdue,
  reminderAt,
  transition,
  type Actor,
  type EventType,
  type FieldIssue,
  type HistoryEntry,
  type Priority,
  type RequestAttachmentView,
  type RequestCreate,
  type RequestPage,
  type RequestState,
  type RequestSummary,
  type RequestTransition,
  type RequestType,
  type RequestView,
  type RequestFacts,
  type RequestStatistics,
  requestStatistics,
  type TransitionFailure,
  type WorkflowRequest,
} from '@svod/core';
import { sql, type Selectable } from 'kysely';
import type { Db, RequestTable, Tx } from '../db/database.ts';
import type { Updateable } from 'kysely';
import { decodeCursor, encodeCursor } from '../util/keyset-cursor.ts';
import { UUID } from '../validation/ajv.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { announce, recordEvent } from './events.ts';
import { assertRequestCovered } from './agreements.ts';
import { once, type IdempotencyKey } from './idempotency.ts';
import { readAccess, visibleTo } from './access.ts';
import { isoOrNull as iso, jsonColumn as json } from '../db/columns.ts';

export type RequestRow = Selectable<RequestTable>;

const REQUEST = 'request';

/** The recipient sees a request once it is sent; before that it is the sender's draft. */
const reachedRecipient = (row: Pick<RequestRow, 'received_at'>) => row.received_at !== null;

function toSummary(row: RequestRow, now: Date): RequestSummary {
  const deadline = row.deadline_at === null ? null : new Date(row.deadline_at);
  return {
    id: row.id,
    type: row.type as RequestType,
    registrationNumber: row.registration_number,
    sender: row.sender,
    recipient: row.recipient,
    priority: row.priority,
    subject: row.subject,
    state: row.state as RequestState,
    version: row.version,
    createdAt: iso(row.created_at)!,
    sentAt: iso(row.sent_at),
    receivedAt: iso(row.received_at),
    assignee: row.assignee,
    deadline: iso(deadline),
    overdue: isOverdue(deadline, now, row.state as RequestState),
    answeredAt: iso(row.answered_at),
  };
}

const workflowOf = (row: RequestRow): WorkflowRequest => ({
  type: row.type as RequestType,
  priority: row.priority,
  sender: row.sender,
  recipient: row.recipient,
  state: row.state as RequestState,
  assignee: row.assignee,
});

async function viewOf(db: Db | Tx, actor: Actor, row: RequestRow): Promise<RequestView> {
  const [history, attachments] = await Promise.all([
    db.selectFrom('request_history').select('entry').where('request_id', '=', row.id).orderBy('seq').execute(),
    db
      .selectFrom('request_attachments')
      .select(['id', 'filename', 'content_type', 'size', 'sha256', 'added_by', 'created_at'])
      .where('request_id', '=', row.id)
      .orderBy('created_at')
      .execute(),
  ]);
  const content = json<RequestCreate>(row.content);
  return {
    ...toSummary(row, new Date()),
    type: content.type,
    form: content.form,
    legalBasis: content.legalBasis,
    body: content.body,
    links: { recordIds: content.links?.recordIds ?? [], hitIds: content.links?.hitIds ?? [] },
    attachments: attachments.map(
      (a): RequestAttachmentView => ({
        id: a.id,
        filename: a.filename,
        contentType: a.content_type,
        size: a.size,
        sha256: a.sha256,
        addedBy: a.added_by,
        createdAt: iso(a.created_at)!,
      }),
    ),
    history: history.map((h) => json<HistoryEntry>(h.entry)),
    allowedActions: allowedActions(workflowOf(row), actor),
    // The stored content's type and form agree (one RequestCreate); TypeScript cannot pair them across the spread.
  } as RequestView;
}

/** A request the caller's participant is a party to (or forwarded), as far as it may see it; anything else is absent. */
export async function partyRequest(db: Db | Tx, actor: Actor, id: string, lock = false): Promise<RequestRow> {
  if (!UUID.test(id)) throw new AppError('not_found', { params: { id } });
  let query = db
    .selectFrom('requests')
    .selectAll()
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('sender', '=', actor.participant),
        eb.and([eb('recipient', '=', actor.participant), eb('received_at', 'is not', null)]),
        // An agency that forwarded it still reads what it handed on (its allowed actions are none).
        eb.exists(
          eb
            .selectFrom('request_history')
            .select('seq')
            .whereRef('request_history.request_id', '=', 'requests.id')
            .where('request_history.action', '=', 'forward')
            .where('request_history.actor_participant', '=', actor.participant),
        ),
      ]),
    );
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not_found', { params: { id } });
  return row;
}

/** Each id with the JSON Pointer of where the request names it. */
type NamedIds = [path: string, id: string][];
const named = (ids: readonly string[] | undefined, path: string): NamedIds => (ids ?? []).map((id, i) => [`${path}/${i}`, id]);

/** An `unknown_record` issue for each id the query (given them all) does not return. */
async function unknownIds(refs: NamedIds, found: (ids: string[]) => Promise<{ id: string }[]>): Promise<FieldIssue[]> {
  if (refs.length === 0) return [];
  const known = new Set((await found(refs.map(([, id]) => id))).map((row) => row.id));
  return refs.filter(([, id]) => !known.has(id)).map(([path, id]) => ({ path, code: 'unknown_record', params: { value: id } }));
}

/** What the schema cannot check: a known recipient, records and hits the sender may see, the form's own rules. */
async function contentIssues(db: Db | Tx, content: RequestCreate, sender: string, at = ''): Promise<FieldIssue[]> {
  const issues = checkRequestRules(content, sender, new Date().toISOString().slice(0, 10)).map((issue) => ({ ...issue, path: at + issue.path }));
  const recipient = await db.selectFrom('participants').select('code').where('code', '=', content.recipient).executeTakeFirst();
  if (!recipient) issues.push({ path: `${at}/recipient`, code: 'unknown_participant', params: { value: content.recipient } });
  const form = content.form as { recordId?: string; candidateRecordIds?: string[]; hitId?: string };
  const records = [
    ...named(content.links?.recordIds, `${at}/links/recordIds`),
    ...named(form.candidateRecordIds, `${at}/form/candidateRecordIds`),
    ...(form.recordId ? ([[`${at}/form/recordId`, form.recordId]] as NamedIds) : []),
  ];
  const hits = [...named(content.links?.hitIds, `${at}/links/hitIds`), ...(form.hitId ? ([[`${at}/form/hitId`, form.hitId]] as NamedIds) : [])];
  issues.push(
    ...(await unknownIds(records, async (ids) =>
      db
        .selectFrom('records')
        .select('id')
        .where('id', 'in', ids)
        .where(visibleTo(await readAccess(db, sender)))
        .execute(),
    )),
    ...(await unknownIds(hits, (ids) =>
      db
        .selectFrom('hits')
        .select('id')
        .where('id', 'in', ids)
        .where((eb) => eb.or([eb('owner', '=', sender), eb('requester', '=', sender)]))
        .execute(),
    )),
  );
  return issues;
}

export async function appendHistory(tx: Tx, requestId: string, entry: Readonly<HistoryEntry>): Promise<void> {
  const last = await tx
    .selectFrom('request_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  await tx
    .insertInto('request_history')
    .values({
      request_id: requestId,
      seq: Number(last?.seq ?? 0) + 1,
      at: entry.at,
      action: entry.action,
      from_state: entry.from,
      to_state: entry.to,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      actor_participant: entry.actor.participant,
      actor_role: entry.actor.role,
      entry: JSON.stringify(entry),
    })
    .execute();
}

/** Creates a draft in the sender's outbox; nobody else sees it until it is signed and sent. */
export async function createRequest(ctx: StoreContext, content: RequestCreate, key?: string): Promise<RequestView> {
  return withFailureAudit(ctx, { action: 'request.create', resourceType: REQUEST }, async () => {
    requirePermission(ctx, 'record.read');
    const now = new Date();
    const draft = draftCreated(content, ctx.actor, now);
    if (!draft.ok) {
      if (draft.code === 'recipient_is_sender')
        throw new AppError('validation_failed', { issues: [{ path: '/recipient', code: 'same_participant' }] });
      throw new AppError('forbidden', { params: { permission: 'request.create' } });
    }
    const issues = await contentIssues(ctx.db, content, ctx.actor.participant);
    if (issues.length > 0) throw new AppError('validation_failed', { issues });
    await assertRequestCovered(ctx.db, ctx.actor.participant, content.recipient, content.type, now);
    return once(ctx, key ? { key, scope: 'POST /requests', body: content } : undefined, async (tx) => {
      const row = await tx
        .insertInto('requests')
        .values({
          id: randomUUID(),
          type: content.type,
          sender: ctx.actor.participant,
          recipient: content.recipient,
          priority: content.priority,
          subject: content.subject,
          content: JSON.stringify(content),
          state: 'draft',
          version: 1,
          created_by: ctx.actor.id,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendHistory(tx, row.id, draft.entry);
      await auditSuccess(tx, ctx, {
        action: 'request.create',
        resourceType: REQUEST,
        resourceId: row.id,
        detail: { type: content.type, recipient: content.recipient },
      });
      return viewOf(tx, ctx.actor, row);
    });
  });
}

export interface RequestFilter {
  /** `inbox`: sent to the caller's participant; `outbox`: its own, drafts too. */
  box: 'inbox' | 'outbox';
  state?: RequestState;
  type?: RequestType;
  priority?: Priority;
  /** Only those past their deadline and still open. */
  overdue?: boolean;
}

/** The caller's participant's inbox or outbox, newest first, a page at a time. */
export async function listRequests(ctx: StoreContext, filter: RequestFilter, limit: number, cursor?: string): Promise<RequestPage> {
  return withFailureAudit(ctx, { action: 'request.list', resourceType: REQUEST }, async () => {
    requirePermission(ctx, 'record.read');
    const after = cursor ? decodeCursor(cursor) : undefined;
    const now = new Date();
    const inbox = filter.box === 'inbox';
    const order = inbox ? 'received_at' : 'created_at';
    let query = ctx.db.selectFrom('requests').selectAll();
    query = inbox
      ? query.where('recipient', '=', ctx.actor.participant).where('received_at', 'is not', null)
      : query.where('sender', '=', ctx.actor.participant);
    if (filter.state) query = query.where('state', '=', filter.state);
    if (filter.type) query = query.where('type', '=', filter.type);
    if (filter.priority) query = query.where('priority', '=', filter.priority);
    if (filter.overdue) {
      query = query.where('deadline_at', '<', now).where('state', 'not in', [...FINAL_STATES, 'clarification_requested']);
    }
    if (after) query = query.where(sql<boolean>`(${sql.ref(order)}, id) < (${after.at}, ${after.id})`);
    const rows = await query
      .orderBy(order, 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    await auditSuccess(ctx.db, ctx, { action: 'request.list', resourceType: REQUEST, resultCount: page.length, detail: { ...filter } });
    return {
      items: page.map((row) => toSummary(row, now)),
      next: rows.length > limit && last ? encodeCursor(inbox ? last.received_at! : last.created_at, last.id) : null,
    };
  });
}

/** One request to one of its parties; `request.print` when it is read to be printed. */
export async function getRequest(ctx: StoreContext, id: string, action: 'request.read' | 'request.print' = 'request.read'): Promise<RequestView> {
  return withFailureAudit(ctx, { action, resourceType: REQUEST, resourceId: id }, async () => {
    requirePermission(ctx, 'record.read');
    const row = await partyRequest(ctx.db, ctx.actor, id);
    await auditSuccess(ctx.db, ctx, { action, resourceType: REQUEST, resourceId: id, resultCount: 1 });
    return viewOf(ctx.db, ctx.actor, row);
  });
}

/** A refusal of the state machine in the API's terms: 409 for the state, 403 for who, 422 for what is missing. */
function refusal(failure: TransitionFailure): AppError {
  const invalid = (path: string, code: FieldIssue['code']) => new AppError('validation_failed', { issues: [{ path, code }] });
  switch (failure.code) {
    case 'transition_not_allowed':
      return new AppError('transition_not_allowed', {
        params: { action: failure.action, state: failure.state, allowedFrom: (failure.allowedFrom ?? []).join(', ') },
      });
    case 'not_your_side':
    case 'role_not_allowed':
    case 'signature_requires_person':
    case 'not_assignee':
      return new AppError('forbidden', { params: { permission: `request.${failure.action}`, reason: failure.code } });
    case 'text_required':
    case 'reason_required':
      return invalid('/text', 'required');
    case 'assignee_required':
      return invalid('/assignee', 'required');
    case 'content_required':
      return invalid('/content', 'required');
    case 'forward_target_required':
      return invalid('/forwardTo', 'required');
    case 'recipient_is_sender':
      return invalid(failure.action === 'edit' ? '/content/recipient' : '/forwardTo', 'same_participant');
    case 'forward_to_self':
      return invalid('/forwardTo', 'same_participant');
    case 'forward_outside_state':
      return invalid('/forwardTo', 'forward_outside_state');
  }
}

/** The bank's own hand in a request's life: acknowledging receipt the moment it is delivered. */
const deliveryActor = (participant: string): Actor => ({
  kind: 'system',
  id: 'svod-delivery',
  name: 'svod delivery',
  participant,
  role: 'supervisor',
});

/** Who hears of a change: both sides once the request reached the recipient, else the sender alone. */
export function told(row: RequestRow, before: RequestRow): { participants: string[]; type: EventType }[] {
  if (!reachedRecipient(row)) return [];
  const arrived = !reachedRecipient(before) || before.recipient !== row.recipient;
  if (!arrived) return [{ participants: [row.sender, row.recipient], type: 'request.changed' }];
  const others = [row.sender, ...(reachedRecipient(before) ? [before.recipient] : [])];
  return [
    { participants: [row.recipient], type: 'request.received' },
    { participants: others, type: 'request.changed' },
  ];
}

export const requestEventPayload = (row: RequestRow) => ({
  request: row.id,
  registrationNumber: row.registration_number,
  sender: row.sender,
  recipient: row.recipient,
  state: row.state,
  deadline: iso(row.deadline_at),
});

/** The columns one step of the state machine changes, with the deadline's reminder alongside. */
function columnsOf(row: RequestRow, step: Extract<ReturnType<typeof transition>, { ok: true }>) {
  const { next } = step;
  const columns: Updateable<RequestTable> = { state: next.state };
  if (next.recipient !== undefined) columns.recipient = next.recipient;
  if (next.assignee !== undefined) columns.assignee = next.assignee;
  if (next.sentAt !== undefined) columns.sent_at = new Date(next.sentAt);
  if (next.receivedAt !== undefined) columns.received_at = new Date(next.receivedAt);
  if (next.answeredAt !== undefined) columns.answered_at = new Date(next.answeredAt);
  if (next.content !== undefined) {
    columns.content = JSON.stringify(next.content);
    columns.type = next.content.type;
    columns.priority = next.content.priority;
    columns.subject = next.content.subject;
  }
  if (next.deadline !== undefined) {
    const deadline = next.deadline === null ? null : new Date(next.deadline);
    const state = calendarStateOf(next.recipient ?? row.recipient);
    columns.deadline_at = deadline;
    columns.remind_at = deadline && state ? reminderAt(deadline, row.priority, state) : null;
    // A fresh term (a forward) is reminded of and escalated afresh.
    columns.reminded_at = null;
    columns.escalated_at = null;
  }
  return columns;
}

/**
 * The next number of the sender's register for the year: one statement, so two sends at once
 * never share one. A number already held — requests imported, or received back from the bank by
 * a node restored from an older backup, ahead of the register — moves the register on past the
 * highest the sender holds for the year, instead of failing the send.
 */
export async function nextRegistrationNumber(tx: Tx, participant: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  for (;;) {
    const row = await tx
      .insertInto('request_sequences')
      .values({ participant, year, last: 1 })
      .onConflict((oc) => oc.columns(['participant', 'year']).doUpdateSet({ last: sql`request_sequences.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    const number = formatRegistrationNumber({ participant, year, sequence: row.last });
    if (!(await tx.selectFrom('requests').select('id').where('registration_number', '=', number).executeTakeFirst())) return number;
    const { highest } = (
      await sql<{ highest: number }>`SELECT max(split_part(registration_number, '/', 3)::int) AS highest FROM requests
        WHERE sender = ${participant} AND starts_with(registration_number, ${`${participant}/${year}/`})`.execute(tx)
    ).rows[0]!;
    await tx.updateTable('request_sequences').set({ last: highest }).where('participant', '=', participant).where('year', '=', year).execute();
  }
}

/**
 * Moves a request one step of its workflow (see core's `transition`) and writes the history
 * entry, the audit entry and the events in the same transaction; sending also registers and
 * delivers it (received, its deadline set in the recipient's working days). Two steps at once
 * are taken one after the other (the row is locked), each checked against the state the other left.
 */
export async function transitionRequest(ctx: StoreContext, id: string, input: RequestTransition, key?: string): Promise<RequestView> {
  return withFailureAudit(ctx, { action: 'request.transition', resourceType: REQUEST, resourceId: id }, async () => {
    requirePermission(ctx, 'record.read');
    if (input.action === 'edit' && input.content) {
      const issues = await contentIssues(ctx.db, input.content, ctx.actor.participant, '/content');
      if (issues.length > 0) throw new AppError('validation_failed', { issues });
      await assertRequestCovered(ctx.db, ctx.actor.participant, input.content.recipient, input.content.type, new Date());
    }
    const idempotency: IdempotencyKey | undefined = key ? { key, scope: `POST /requests/${id}/transitions`, body: input } : undefined;
    const view = await once(ctx, idempotency, async (tx) => {
      const before = await partyRequest(tx, ctx.actor, id, true);
      const now = new Date();
      const step = transition(workflowOf(before), input.action, ctx.actor, input, now);
      if (!step.ok) throw refusal(step);
      if (input.action === 'assign') await assertAssignee(tx, before.recipient, step.next.assignee!);
      if (input.action === 'forward') await assertParticipant(tx, step.next.recipient!);
      // The agreement may have ended, or the draft been changed, since it was written.
      if (input.action === 'send') await assertRequestCovered(tx, before.sender, before.recipient, before.type as RequestType, now);
      const entries = [step.entry];
      let columns = columnsOf(before, step);
      if (input.action === 'send') {
        columns.registration_number = await nextRegistrationNumber(tx, before.sender, now);
        const sent: RequestRow = { ...before, state: step.next.state };
        const delivered = transition(workflowOf(sent), 'acknowledge', deliveryActor(before.recipient), {}, now);
        if (!delivered.ok) throw refusal(delivered);
        entries.push(delivered.entry);
        columns = { ...columns, ...columnsOf(sent, delivered) };
      }
      const row = await tx
        .updateTable('requests')
        .set({ ...columns, version: before.version + 1, updated_at: now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      for (const entry of entries) await appendHistory(tx, id, entry);
      for (const { participants, type } of told(row, before))
        await recordEvent(tx, participants, type, { ...requestEventPayload(row), action: input.action });
      await auditSuccess(tx, ctx, {
        action: 'request.transition',
        resourceType: REQUEST,
        resourceId: id,
        detail: {
          action: input.action,
          from: before.state,
          to: row.state,
          ...(row.recipient !== before.recipient ? { forwardedTo: row.recipient } : {}),
        },
      });
      return viewOf(tx, ctx.actor, row);
    });
    announce(ctx.db);
    return view;
  });
}

async function assertParticipant(tx: Tx, code: string): Promise<void> {
  const known = await tx.selectFrom('participants').select('code').where('code', '=', code).executeTakeFirst();
  if (!known) throw new AppError('validation_failed', { issues: [{ path: '/forwardTo', code: 'unknown_participant', params: { value: code } }] });
}

/** Only an officer of the recipient who can work on requests. */
async function assertAssignee(tx: Tx, participant: string, userId: string): Promise<void> {
  const user = !UUID.test(userId)
    ? undefined
    : await tx
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('participant', '=', participant)
        .where('role', 'in', ['operator', 'supervisor'])
        .where('disabled', '=', false)
        .executeTakeFirst();
  if (!user) {
    throw new AppError('validation_failed', {
      issues: [{ path: '/assignee', code: 'not_allowed_value', params: { allowed: `an operator or supervisor of ${participant}` } }],
    });
  }
}

/** The caller's participant's officers who may be given a request to work on. */
export async function listAssignees(ctx: StoreContext): Promise<{ id: string; name: string; role: string }[]> {
  requirePermission(ctx, 'record.read');
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('participant', '=', ctx.actor.participant)
    .where('role', 'in', ['operator', 'supervisor'])
    .where('disabled', '=', false)
    .orderBy('display_name')
    .execute();
  await auditSuccess(ctx.db, ctx, { action: 'user.list', resultCount: users.length, detail: { for: 'request.assign' } });
  return users.map((u) => ({ id: u.id, name: u.display_name, role: u.role }));
}

/**
 * Counts and answer times of the requests the caller's participant sent or received (all of
 * them, for BKBOP, which coordinates), sent within `[from, to)`: computed from each request's
 * history, so that nothing is counted by hand.
 */
export async function requestFigures(ctx: StoreContext, from: Date, to: Date): Promise<RequestStatistics> {
  return withFailureAudit(ctx, { action: 'request.list', resourceType: REQUEST }, async () => {
    requirePermission(ctx, 'record.read');
    let query = ctx.db
      .selectFrom('requests')
      .select(['id', 'sender', 'recipient', 'type', 'deadline_at'])
      .where('sent_at', '>=', from)
      .where('sent_at', '<', to);
    if (ctx.actor.participant !== COORDINATING_BODY) {
      query = query.where((eb) => eb.or([eb('sender', '=', ctx.actor.participant), eb('recipient', '=', ctx.actor.participant)]));
    }
    const requests = await query.execute();
    const steps = new Map<string, Pick<HistoryEntry, 'at' | 'action' | 'to'>[]>();
    for (let start = 0; start < requests.length; start += 1_000) {
      const rows = await ctx.db
        .selectFrom('request_history')
        .select(['request_id', 'at', 'action', 'to_state'])
        .where(
          'request_id',
          'in',
          requests.slice(start, start + 1_000).map((r) => r.id),
        )
        .orderBy('request_id')
        .orderBy('seq')
        .execute();
      for (const row of rows) {
        const list = steps.get(row.request_id) ?? [];
        list.push({ at: iso(row.at)!, action: row.action as HistoryEntry['action'], to: row.to_state as RequestState });
        steps.set(row.request_id, list);
      }
    }
    const facts: RequestFacts[] = requests.map((r) => ({
      sender: r.sender,
      recipient: r.recipient,
      type: r.type as RequestType,
      deadline: iso(r.deadline_at),
      history: steps.get(r.id) ?? [],
    }));
    await auditSuccess(ctx.db, ctx, {
      action: 'request.list',
      resourceType: REQUEST,
      resultCount: facts.length,
      detail: { figures: true, from: from.toISOString(), to: to.toISOString() },
    });
    return requestStatistics(facts, new Date());
  });
}
