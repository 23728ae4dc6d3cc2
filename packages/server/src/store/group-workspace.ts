import { randomUUID } from 'node:crypto';
import {
  AppError,
  GROUP_LIMITS,
  can,
  consentOnLink,
  type GroupConsent,
  type GroupDocumentView,
  type GroupMessageInput,
  type GroupMessageView,
  type GroupRecordLink,
  type GroupTaskInput,
  type GroupTaskUpdate,
  type GroupTimelineAction,
  type GroupTimelineEntry,
  type GroupView,
} from '@svod/core';
import { sql } from 'kysely';
import type { Tx } from '../db/database.ts';
import { isoOrNull as iso, jsonColumn as json } from '../db/columns.ts';
import { safeFilename } from '../security/file-signatures.ts';
import { sha256 } from '../security/tokens.ts';
import { decodeCursor, encodeCursor } from '../util/keyset-cursor.ts';
import { UUID } from '../validation/ajv.ts';
import type { StoreContext } from './context.ts';
import { changeGroup, consentsFor, getGroup, readGroup } from './groups.ts';
import { loadVisible } from './records.ts';
import { documentType, type RequestAttachmentInput } from './request-attachments.ts';

const invalid = (path: string, code: 'not_in_group' | 'already_in_group' | 'too_many', params: Record<string, string | number>) =>
  new AppError('validation_failed', { issues: [{ path, code, params }] });

const countIn = async (tx: Tx, table: 'group_records' | 'group_documents' | 'group_tasks', groupId: string) =>
  Number(
    (
      await tx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('group_id', '=', groupId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Links a record the caller may read to the group. Its owner must be one of the group's agencies,
 * which decides whether the group sees it: at once when linked by someone of the owner who may
 * write its records, otherwise when the owner consents.
 */
export async function linkRecord(ctx: StoreContext, groupId: string, link: GroupRecordLink): Promise<GroupView> {
  await changeGroup(ctx, groupId, 'group.record.link', {}, async (tx, { group }) => {
    const record = await loadVisible(tx, ctx.actor.participant, link.recordId);
    if (!json<string[]>(group.participants).includes(record.owner)) throw invalid('/recordId', 'not_in_group', { value: record.owner });
    const linked = await tx
      .selectFrom('group_records')
      .select('record_id')
      .where('group_id', '=', groupId)
      .where('record_id', '=', record.id)
      .executeTakeFirst();
    if (linked) throw invalid('/recordId', 'already_in_group', { value: record.national_ref });
    if ((await countIn(tx, 'group_records', groupId)) >= GROUP_LIMITS.records)
      throw invalid('/recordId', 'too_many', { limit: GROUP_LIMITS.records });
    const consent = consentOnLink({ participant: ctx.actor.participant, mayWriteRecords: can(ctx.actor, 'record.write') }, record.owner);
    const now = new Date();
    await tx
      .insertInto('group_records')
      .values({
        group_id: groupId,
        record_id: record.id,
        note: link.note ?? null,
        linked_by: ctx.actor.id,
        linked_at: now,
        consent,
        consent_by: consent === 'granted' ? ctx.actor.id : null,
        consent_at: consent === 'granted' ? now : null,
      })
      .execute();
    return { result: undefined, action: 'record_linked', detail: { record: record.id, owner: record.owner, category: record.category, consent } };
  });
  return getGroup(ctx, groupId);
}

/** The owner's decision on sharing its record with the group: given, refused, or withdrawn later by refusing. */
export async function decideConsent(ctx: StoreContext, groupId: string, recordId: string, decision: GroupConsent): Promise<GroupView> {
  await changeGroup(ctx, groupId, 'group.record.consent', {}, async (tx) => {
    const link = UUID.test(recordId)
      ? await tx
          .selectFrom('group_records')
          .innerJoin('records', 'records.id', 'group_records.record_id')
          .select(['records.owner'])
          .where('group_records.group_id', '=', groupId)
          .where('group_records.record_id', '=', recordId)
          .executeTakeFirst()
      : undefined;
    if (!link) throw new AppError('not_found', { params: { id: recordId } });
    if (!consentsFor(ctx.actor, link.owner)) throw new AppError('forbidden', { params: { permission: 'record.write' } });
    await tx
      .updateTable('group_records')
      .set({ consent: decision.decision, consent_by: ctx.actor.id, consent_at: new Date() })
      .where('group_id', '=', groupId)
      .where('record_id', '=', recordId)
      .execute();
    return { result: undefined, action: 'record_consent', detail: { record: recordId, owner: link.owner, consent: decision.decision } };
  });
  return getGroup(ctx, groupId);
}

export async function postMessage(ctx: StoreContext, groupId: string, input: GroupMessageInput, key?: string): Promise<GroupMessageView> {
  const idempotency = key ? { key, scope: `POST /groups/${groupId}/messages`, body: input } : undefined;
  return changeGroup(ctx, groupId, 'group.message.create', { idempotency }, async (tx) => {
    const message = { id: randomUUID(), group_id: groupId, author: ctx.actor.id, body: input.body, created_at: new Date() };
    await tx.insertInto('group_messages').values(message).execute();
    const view: GroupMessageView = {
      id: message.id,
      author: ctx.actor.name,
      participant: ctx.actor.participant,
      body: input.body,
      createdAt: message.created_at.toISOString(),
    };
    return { result: view, action: 'message_posted', detail: { message: message.id } };
  });
}

/** How many messages or timeline entries one page holds at most. */
export const GROUP_PAGE_MAX = 200;

/** The thread, newest first, a page at a time. */
export async function listMessages(
  ctx: StoreContext,
  groupId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: GroupMessageView[]; next: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  return readGroup(ctx, groupId, 'group.message.list', async () => {
    let query = ctx.db
      .selectFrom('group_messages')
      .innerJoin('users', 'users.id', 'group_messages.author')
      .select(['group_messages.id', 'group_messages.body', 'group_messages.created_at', 'users.display_name', 'users.participant'])
      .where('group_messages.group_id', '=', groupId);
    if (after) query = query.where(sql<boolean>`(group_messages.created_at, group_messages.id) < (${after.at}, ${after.id}::uuid)`);
    const rows = await query
      .orderBy('group_messages.created_at', 'desc')
      .orderBy('group_messages.id', 'desc')
      .limit(page.limit + 1)
      .execute();
    const items = rows.slice(0, page.limit).map(
      (row): GroupMessageView => ({
        id: row.id,
        author: row.display_name,
        participant: row.participant,
        body: row.body,
        createdAt: iso(row.created_at)!,
      }),
    );
    const last = rows[page.limit - 1];
    return { result: { items, next: rows.length > page.limit && last ? encodeCursor(last.created_at, last.id) : null }, count: items.length };
  });
}

/** A file for the group's members: the same kinds and size as a request's, checked by their first bytes. */
export async function addDocument(ctx: StoreContext, groupId: string, input: RequestAttachmentInput, key?: string): Promise<GroupDocumentView> {
  const type = documentType(input);
  const idempotency = key
    ? { key, scope: `POST /groups/${groupId}/documents`, body: { filename: input.filename, contentType: type, sha256: sha256(input.data) } }
    : undefined;
  return changeGroup(ctx, groupId, 'group.document.create', { idempotency }, async (tx) => {
    if ((await countIn(tx, 'group_documents', groupId)) >= GROUP_LIMITS.documents)
      throw invalid('/body', 'too_many', { limit: GROUP_LIMITS.documents });
    const now = new Date();
    const document: GroupDocumentView = {
      id: randomUUID(),
      filename: safeFilename(input.filename),
      contentType: type,
      size: input.data.length,
      sha256: sha256(input.data),
      addedBy: ctx.actor.name,
      participant: ctx.actor.participant,
      createdAt: now.toISOString(),
    };
    await tx
      .insertInto('group_documents')
      .values({
        id: document.id,
        group_id: groupId,
        filename: document.filename,
        content_type: type,
        size: document.size,
        sha256: document.sha256,
        data: input.data,
        added_by: ctx.actor.id,
        created_at: now,
      })
      .execute();
    return { result: document, action: 'document_added', detail: { document: document.id, filename: document.filename, sha256: document.sha256 } };
  });
}

/** A document of the group, to its members only; ended groups keep their files readable. */
export async function getDocument(ctx: StoreContext, groupId: string, documentId: string) {
  return readGroup(ctx, groupId, 'group.document.read', async () => {
    const row = UUID.test(documentId)
      ? await ctx.db
          .selectFrom('group_documents')
          .select(['filename', 'content_type', 'data', 'sha256'])
          .where('id', '=', documentId)
          .where('group_id', '=', groupId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw new AppError('not_found', { params: { id: documentId } });
    return {
      result: { filename: row.filename, contentType: row.content_type, data: row.data, sha256: row.sha256 },
      count: 1,
      detail: { document: documentId },
    };
  });
}

/** An assignee must be a member now: a task for someone outside the group is work no one will see. */
async function assertMember(tx: Tx, groupId: string, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const member = await tx
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!member) throw invalid('/assignee', 'not_in_group', { value: userId });
}

export async function createTask(ctx: StoreContext, groupId: string, input: GroupTaskInput, key?: string): Promise<GroupView> {
  const idempotency = key ? { key, scope: `POST /groups/${groupId}/tasks`, body: input } : undefined;
  await changeGroup(ctx, groupId, 'group.task.create', { idempotency }, async (tx) => {
    await assertMember(tx, groupId, input.assignee);
    if ((await countIn(tx, 'group_tasks', groupId)) >= GROUP_LIMITS.tasks) throw invalid('/title', 'too_many', { limit: GROUP_LIMITS.tasks });
    const now = new Date();
    const id = randomUUID();
    await tx
      .insertInto('group_tasks')
      .values({
        id,
        group_id: groupId,
        title: input.title,
        detail: input.detail ?? null,
        assignee: input.assignee ?? null,
        due_on: input.dueOn ?? null,
        state: 'open',
        version: 1,
        created_by: ctx.actor.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return {
      result: id,
      action: 'task_created',
      detail: { task: id, title: input.title, assignee: input.assignee ?? null, dueOn: input.dueOn ?? null },
    };
  });
  return getGroup(ctx, groupId);
}

/** Moves a task on (done, reassigned, a new due day): its assignee, its author or a leader, at the version read. */
export async function updateTask(ctx: StoreContext, groupId: string, taskId: string, update: GroupTaskUpdate): Promise<GroupView> {
  await changeGroup(ctx, groupId, 'group.task.update', {}, async (tx, { member }) => {
    const task = UUID.test(taskId)
      ? await tx
          .selectFrom('group_tasks')
          .select(['assignee', 'created_by', 'version'])
          .where('id', '=', taskId)
          .where('group_id', '=', groupId)
          .executeTakeFirst()
      : undefined;
    if (!task) throw new AppError('not_found', { params: { id: taskId } });
    if (!member.leader && task.assignee !== ctx.actor.id && task.created_by !== ctx.actor.id) {
      throw new AppError('forbidden', { params: { permission: 'group.task' } });
    }
    if (task.version !== update.version) throw new AppError('version_conflict', { params: { expected: update.version, actual: task.version } });
    await assertMember(tx, groupId, update.assignee);
    await tx
      .updateTable('group_tasks')
      .set({ state: update.state, assignee: update.assignee, due_on: update.dueOn, version: task.version + 1, updated_at: new Date() })
      .where('id', '=', taskId)
      .execute();
    return {
      result: undefined,
      action: 'task_updated',
      detail: { task: taskId, state: update.state, assignee: update.assignee, dueOn: update.dueOn },
    };
  });
  return getGroup(ctx, groupId);
}

/** Everything done in the group, newest first, a page at a time: `before` is the number of the last entry seen. */
export async function groupTimeline(
  ctx: StoreContext,
  groupId: string,
  page: { before?: number; limit: number },
): Promise<{ items: GroupTimelineEntry[]; next: string | null }> {
  return readGroup(ctx, groupId, 'group.timeline.read', async () => {
    let query = ctx.db
      .selectFrom('group_timeline')
      .innerJoin('users', 'users.id', 'group_timeline.actor')
      .select([
        'group_timeline.seq',
        'group_timeline.at',
        'group_timeline.action',
        'group_timeline.detail',
        'users.display_name',
        'users.participant',
      ])
      .where('group_timeline.group_id', '=', groupId);
    if (page.before !== undefined) query = query.where('group_timeline.seq', '<', page.before);
    const rows = await query
      .orderBy('group_timeline.seq', 'desc')
      .limit(page.limit + 1)
      .execute();
    const items = rows.slice(0, page.limit).map(
      (row): GroupTimelineEntry => ({
        seq: row.seq,
        at: iso(row.at)!,
        actor: row.display_name,
        participant: row.participant,
        action: row.action as GroupTimelineAction,
        detail: json<GroupTimelineEntry['detail']>(row.detail),
      }),
    );
    const next = rows.length > page.limit ? String(items[items.length - 1]!.seq) : null;
    return { result: { items, next }, count: items.length };
  });
}
