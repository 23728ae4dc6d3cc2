import { randomUUID } from 'node:crypto';
import {
  AppError,
  GROUP_LIMITS,
  can,
  groupActions,
  groupIssues,
  groupStatus,
  groupReadsRecord,
  taskOverdue,
  type Actor,
  type Category,
  type ConsentState,
  type FieldIssue,
  type GroupEnd,
  type GroupInput,
  type GroupKind,
  type GroupMember,
  type GroupMemberAdd,
  type GroupRecordView,
  type GroupStatus,
  type GroupSummary,
  type GroupTimelineAction,
  type GroupUpdate,
  type GroupView,
  type TaskState,
} from '@svod/core';
import { sql, type Selectable } from 'kysely';
import type { Db, GroupMemberTable, GroupTable, Tx } from '../db/database.ts';
import { isoOrNull as iso, jsonColumn as json } from '../db/columns.ts';
import { UUID } from '../validation/ajv.ts';
import { today } from '../validation/records.ts';
import type { AuditAction } from './audit.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { announce, recordUserEvent } from './events.ts';
import { once, type IdempotencyKey } from './idempotency.ts';
import { hideUnseenLinks, toRecordView } from './records.ts';

const GROUP = 'group';

type GroupRow = Selectable<GroupTable>;
type MemberRow = Selectable<GroupMemberTable>;

/** The caller's place in a group: the group as it stands, their membership, and where the group is in its term. */
export interface Membership {
  group: GroupRow;
  member: MemberRow;
  status: GroupStatus;
}

const GROUP_COLUMNS = [
  'id',
  'kind',
  'title',
  'purpose',
  'legal_basis',
  'lead',
  'participants',
  'ended_at',
  'end_reason',
  'version',
  'created_by',
  'created_at',
  'updated_at',
  // Dates as the calendar day they are, not as a midnight in this server's time zone.
  sql<string>`starts_on::text`.as('starts_on'),
  sql<string>`ends_on::text`.as('ends_on'),
] as const;

const statusOf = (group: GroupRow): GroupStatus =>
  groupStatus({ startsOn: group.starts_on, endsOn: group.ends_on, endedAt: iso(group.ended_at) }, today());

/**
 * The group as the caller may see it: only a current member finds it. Anyone else — another
 * agency, a colleague who is not a member, a member removed a moment ago, a national system's
 * key — is told there is no such group. Asked afresh on every call, so a removal holds from the
 * next request. `lock` holds the group for a change: the workspace's writes take turns.
 */
export async function membershipOf(db: Db | Tx, actor: Actor, id: string, lock = false): Promise<Membership> {
  if (!UUID.test(id) || actor.kind !== 'user') throw new AppError('not_found', { params: { id } });
  let query = db.selectFrom('groups').select(GROUP_COLUMNS).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const group = await query.executeTakeFirst();
  const member = group
    ? await db
        .selectFrom('group_members')
        .selectAll()
        .where('group_id', '=', id)
        .where('user_id', '=', actor.id)
        .where('removed_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (!group || !member) throw new AppError('not_found', { params: { id } });
  return { group: group as GroupRow, member, status: statusOf(group as GroupRow) };
}

/** The members now in the group, with the agency each acts for: who is told of what happens in it. */
async function currentMembers(db: Db | Tx, groupId: string): Promise<{ userId: string; participant: string }[]> {
  const rows = await db
    .selectFrom('group_members')
    .select(['user_id', 'participant'])
    .where('group_id', '=', groupId)
    .where('removed_at', 'is', null)
    .execute();
  return rows.map((row) => ({ userId: row.user_id, participant: row.participant }));
}

export interface GroupChange<T> {
  result: T;
  /** What goes on the group's timeline. */
  action: GroupTimelineAction;
  detail: Record<string, string | number | boolean | null>;
  /** Users to tell besides the members after the change (a member just removed). */
  alsoTell?: { userId: string; participant: string }[];
}

/**
 * A change to a group by one of its members: refused to anyone else as absent, refused once the
 * group has ended, and to a member who is no leader where it `manages` the group. The change,
 * its timeline entry, its audit entry and the members' events commit together; the members'
 * open consoles are woken after the commit.
 */
export async function changeGroup<T>(
  ctx: StoreContext,
  groupId: string,
  audit: AuditAction,
  options: { manages?: boolean; idempotency?: IdempotencyKey | undefined },
  change: (tx: Tx, membership: Membership) => Promise<GroupChange<T>>,
): Promise<T> {
  return withFailureAudit(ctx, { action: audit, resourceType: GROUP, resourceId: groupId }, async () => {
    requirePermission(ctx, 'record.read');
    // With a client's key, a retry after a lost answer gets the first answer and adds nothing twice.
    const result = await once(ctx, options.idempotency, async (tx) => {
      const membership = await membershipOf(tx, ctx.actor, groupId, true);
      if (membership.status === 'ended') throw new AppError('group_ended', { params: { id: groupId } });
      if (options.manages && !membership.member.leader) throw new AppError('forbidden', { params: { permission: 'group.manage' } });
      const done = await change(tx, membership);
      await noteOnTimeline(tx, ctx, groupId, done.action, done.detail);
      const told = [...(await currentMembers(tx, groupId)), ...(done.alsoTell ?? [])];
      await recordUserEvent(tx, told, 'group.changed', { group: groupId, action: done.action });
      await auditSuccess(tx, ctx, { action: audit, resourceType: GROUP, resourceId: groupId, detail: { ...done.detail } });
      return done.result;
    });
    announce(ctx.db);
    return result;
  });
}

async function noteOnTimeline(
  tx: Tx,
  ctx: StoreContext,
  groupId: string,
  action: GroupTimelineAction,
  detail: Record<string, unknown>,
): Promise<void> {
  // The group row is locked by the caller, so the next number is this change's alone.
  const last = await tx
    .selectFrom('group_timeline')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  await tx
    .insertInto('group_timeline')
    .values({ group_id: groupId, seq: Number(last?.seq ?? 0) + 1, at: new Date(), actor: ctx.actor.id, action, detail: JSON.stringify(detail) })
    .execute();
}

/** A read of a group by one of its members, audited; anyone else finds nothing. */
export async function readGroup<T>(
  ctx: StoreContext,
  groupId: string,
  audit: AuditAction,
  read: (membership: Membership) => Promise<{ result: T; count: number; detail?: Record<string, unknown> }>,
): Promise<T> {
  return withFailureAudit(ctx, { action: audit, resourceType: GROUP, resourceId: groupId }, async () => {
    requirePermission(ctx, 'record.read');
    const membership = await membershipOf(ctx.db, ctx.actor, groupId);
    const { result, count, detail } = await read(membership);
    await auditSuccess(ctx.db, ctx, { action: audit, resourceType: GROUP, resourceId: groupId, resultCount: count, ...(detail ? { detail } : {}) });
    return result;
  });
}

function toSummary(group: GroupRow, memberCount: number): GroupSummary {
  return {
    id: group.id,
    kind: group.kind as GroupKind,
    title: group.title,
    lead: group.lead,
    participants: json<string[]>(group.participants),
    startsOn: group.starts_on,
    endsOn: group.ends_on,
    endedAt: iso(group.ended_at),
    status: statusOf(group),
    memberCount,
    version: group.version,
  };
}

/** The groups the caller is a member of now, newest first. */
export async function listGroups(ctx: StoreContext): Promise<GroupSummary[]> {
  return withFailureAudit(ctx, { action: 'group.list', resourceType: GROUP }, async () => {
    requirePermission(ctx, 'record.read');
    const rows =
      ctx.actor.kind === 'user'
        ? await ctx.db
            .selectFrom('groups')
            .innerJoin('group_members as me', (join) =>
              join.onRef('me.group_id', '=', 'groups.id').on('me.user_id', '=', ctx.actor.id).on('me.removed_at', 'is', null),
            )
            .select(GROUP_COLUMNS.map((column) => (typeof column === 'string' ? (`groups.${column}` as const) : column)))
            .select((eb) =>
              eb
                .selectFrom('group_members as all')
                .select((count) => count.fn.countAll<string>().as('n'))
                .whereRef('all.group_id', '=', 'groups.id')
                .where('all.removed_at', 'is', null)
                .as('member_count'),
            )
            .orderBy('groups.created_at', 'desc')
            .limit(500)
            .execute()
        : [];
    await auditSuccess(ctx.db, ctx, { action: 'group.list', resourceType: GROUP, resultCount: rows.length });
    return rows.map((row) => toSummary(row as unknown as GroupRow, Number(row.member_count ?? 0)));
  });
}

/**
 * Every group's terms, for the installation's operators (the CLI in-process, which holds the
 * database anyway): what groups exist and how large they are, never what is in them. People
 * read groups through `listGroups`, as members.
 */
export async function groupTerms(ctx: StoreContext): Promise<(GroupSummary & { linkedRecords: number })[]> {
  return withFailureAudit(ctx, { action: 'group.list', resourceType: GROUP }, async () => {
    if (ctx.actor.kind !== 'system') throw new AppError('forbidden', { params: { permission: 'group.terms' } });
    const rows = await ctx.db
      .selectFrom('groups')
      .select(GROUP_COLUMNS)
      .select((eb) => [
        eb
          .selectFrom('group_members')
          .select((c) => c.fn.countAll<string>().as('n'))
          .whereRef('group_members.group_id', '=', 'groups.id')
          .where('removed_at', 'is', null)
          .as('member_count'),
        eb
          .selectFrom('group_records')
          .select((c) => c.fn.countAll<string>().as('n'))
          .whereRef('group_records.group_id', '=', 'groups.id')
          .as('record_count'),
      ])
      .orderBy('created_at', 'desc')
      .execute();
    await auditSuccess(ctx.db, ctx, { action: 'group.list', resourceType: GROUP, resultCount: rows.length });
    return rows.map((row) => ({
      ...toSummary(row as unknown as GroupRow, Number(row.member_count ?? 0)),
      linkedRecords: Number(row.record_count ?? 0),
    }));
  });
}

/** The participants named that the register does not know, each at its place in the list. */
async function unknownParticipants(db: Db | Tx, participants: readonly string[]): Promise<FieldIssue[]> {
  const known = new Set((await db.selectFrom('participants').select('code').where('code', 'in', participants).execute()).map((p) => p.code));
  return participants.flatMap((code, i) =>
    known.has(code) ? [] : [{ path: `/participants/${i}`, code: 'unknown_participant' as const, params: { value: code } }],
  );
}

const termColumns = (group: GroupInput) => ({
  kind: group.kind,
  title: group.title,
  purpose: group.purpose,
  legal_basis: group.legalBasis,
  participants: JSON.stringify(group.participants),
  starts_on: group.startsOn,
  ends_on: group.endsOn,
});

/**
 * Forms a group led by the caller's agency, with the caller as its first leader. A supervisor
 * forms it; members are people, so a national system's key cannot.
 */
export async function createGroup(ctx: StoreContext, input: GroupInput): Promise<GroupView> {
  return withFailureAudit(ctx, { action: 'group.create', resourceType: GROUP }, async () => {
    requirePermission(ctx, 'group.create');
    if (ctx.actor.kind !== 'user') throw new AppError('forbidden', { params: { permission: 'group.create' } });
    const issues = [...groupIssues(input, ctx.actor.participant), ...(await unknownParticipants(ctx.db, input.participants))];
    if (issues.length > 0) throw new AppError('validation_failed', { issues });
    const id = randomUUID();
    await ctx.db.transaction().execute(async (tx) => {
      const now = new Date();
      await tx
        .insertInto('groups')
        .values({ id, ...termColumns(input), lead: ctx.actor.participant, version: 1, created_by: ctx.actor.id, created_at: now, updated_at: now })
        .execute();
      await tx
        .insertInto('group_members')
        .values({ group_id: id, user_id: ctx.actor.id, participant: ctx.actor.participant, leader: true, added_by: ctx.actor.id, added_at: now })
        .execute();
      await noteOnTimeline(tx, ctx, id, 'created', { title: input.title });
      await recordUserEvent(tx, [{ userId: ctx.actor.id, participant: ctx.actor.participant }], 'group.changed', { group: id, action: 'created' });
      await auditSuccess(tx, ctx, { action: 'group.create', resourceType: GROUP, resourceId: id, detail: { ...input } });
    });
    announce(ctx.db);
    return groupView(ctx.db, ctx.actor, await membershipOf(ctx.db, ctx.actor, id));
  });
}

/** Changes the group's terms (an extension, another agency joining): leaders only, at the version read. */
export async function updateGroup(ctx: StoreContext, id: string, update: GroupUpdate): Promise<GroupView> {
  const { version, ...terms } = update;
  await changeGroup(ctx, id, 'group.update', { manages: true }, async (tx, { group }) => {
    if (group.version !== version) throw new AppError('version_conflict', { params: { expected: version, actual: group.version } });
    const issues = [...groupIssues(terms, group.lead), ...(await unknownParticipants(tx, terms.participants))];
    const staffed = await currentMembers(tx, id);
    for (const gone of json<string[]>(group.participants).filter((code) => !terms.participants.includes(code))) {
      if (staffed.some((m) => m.participant === gone))
        issues.push({ path: '/participants', code: 'still_needed', params: { value: gone, reason: 'members' } });
    }
    if (issues.length > 0) throw new AppError('validation_failed', { issues });
    await tx
      .updateTable('groups')
      .set({ ...termColumns(terms), version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    return { result: undefined, action: 'updated', detail: { endsOn: terms.endsOn, participants: terms.participants.join(', ') } };
  });
  return getGroup(ctx, id);
}

/** Ends the group before its term: from then on its workspace is read-only and its linked records are no longer shown. */
export async function endGroup(ctx: StoreContext, id: string, end: GroupEnd): Promise<GroupView> {
  await changeGroup(ctx, id, 'group.end', { manages: true }, async (tx, { group }) => {
    await tx
      .updateTable('groups')
      .set({ ended_at: new Date(), end_reason: end.reason, version: group.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    return { result: undefined, action: 'ended', detail: { reason: end.reason } };
  });
  return getGroup(ctx, id);
}

/**
 * Adds a person by their login. A leader adds anyone of the participating agencies; any other
 * member, a colleague of their own agency. Administrators support users and read records only
 * for that, so they are not members. A member removed before comes back.
 */
export async function addMember(ctx: StoreContext, id: string, add: GroupMemberAdd): Promise<GroupView> {
  await changeGroup(ctx, id, 'group.member.add', {}, async (tx, { group, member }) => {
    const user = await tx
      .selectFrom('users')
      .select(['id', 'participant', 'role', 'display_name'])
      .where('username', '=', add.username)
      .where('disabled', '=', false)
      .executeTakeFirst();
    const participants = json<string[]>(group.participants);
    // The same answer for a login that does not exist and one of an agency outside the group: the group learns nothing of other agencies' staff.
    if (!user || !participants.includes(user.participant) || (!member.leader && user.participant !== member.participant)) {
      throw new AppError('validation_failed', { issues: [{ path: '/username', code: 'not_in_group', params: { value: add.username } }] });
    }
    if (add.leader && !member.leader) throw new AppError('forbidden', { params: { permission: 'group.manage' } });
    if (user.role === 'administrator') {
      throw new AppError('validation_failed', {
        issues: [{ path: '/username', code: 'not_allowed_value', params: { allowed: 'operator, supervisor, analyst' } }],
      });
    }
    const existing = await tx
      .selectFrom('group_members')
      .select(['removed_at'])
      .where('group_id', '=', id)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing && existing.removed_at === null) {
      throw new AppError('validation_failed', { issues: [{ path: '/username', code: 'already_in_group', params: { value: add.username } }] });
    }
    if ((await currentMembers(tx, id)).length >= GROUP_LIMITS.members) {
      throw new AppError('validation_failed', { issues: [{ path: '/username', code: 'too_many', params: { limit: GROUP_LIMITS.members } }] });
    }
    const row = { participant: user.participant, leader: add.leader ?? false, added_by: ctx.actor.id, added_at: new Date(), removed_at: null };
    if (existing) await tx.updateTable('group_members').set(row).where('group_id', '=', id).where('user_id', '=', user.id).execute();
    else
      await tx
        .insertInto('group_members')
        .values({ group_id: id, user_id: user.id, ...row })
        .execute();
    return {
      result: undefined,
      action: 'member_added',
      detail: { user: user.id, name: user.display_name, participant: user.participant, leader: row.leader },
    };
  });
  return getGroup(ctx, id);
}

/** Takes a member out: a leader takes anyone, a member themself. The group keeps at least one leader. */
export async function removeMember(ctx: StoreContext, id: string, userId: string): Promise<GroupView | null> {
  const self = userId === ctx.actor.id;
  await changeGroup(ctx, id, 'group.member.remove', {}, async (tx, { member }) => {
    if (!self && !member.leader) throw new AppError('forbidden', { params: { permission: 'group.manage' } });
    const leaving = UUID.test(userId)
      ? await tx
          .selectFrom('group_members')
          .selectAll()
          .where('group_id', '=', id)
          .where('user_id', '=', userId)
          .where('removed_at', 'is', null)
          .executeTakeFirst()
      : undefined;
    if (!leaving) throw new AppError('not_found', { params: { id: userId } });
    if (leaving.leader) {
      const leaders = (
        await tx
          .selectFrom('group_members')
          .select('user_id')
          .where('group_id', '=', id)
          .where('leader', '=', true)
          .where('removed_at', 'is', null)
          .execute()
      ).length;
      if (leaders <= 1)
        throw new AppError('validation_failed', {
          issues: [{ path: '/userId', code: 'still_needed', params: { value: userId, reason: 'last_leader' } }],
        });
    }
    await tx.updateTable('group_members').set({ removed_at: new Date() }).where('group_id', '=', id).where('user_id', '=', userId).execute();
    const name = (await tx.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst())?.display_name ?? null;
    return {
      result: undefined,
      action: 'member_removed',
      detail: { user: userId, name, participant: leaving.participant, left: self },
      alsoTell: [{ userId, participant: leaving.participant }],
    };
  });
  // Who left reads the group no more.
  return self ? null : getGroup(ctx, id);
}

const userNames = (db: Db | Tx, ids: readonly (string | null)[]) => {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  return wanted.length === 0
    ? Promise.resolve(new Map<string, { name: string; participant: string }>())
    : db
        .selectFrom('users')
        .select(['id', 'display_name', 'participant'])
        .where('id', 'in', wanted)
        .execute()
        .then((rows) => new Map(rows.map((row) => [row.id, { name: row.display_name, participant: row.participant }])));
};

/**
 * The workspace as a member sees it: terms, members, linked records (the record itself only
 * while the group is active and its owner consents), documents and tasks. Messages and the
 * timeline are read a page at a time.
 */
export async function groupView(db: Db | Tx, actor: Actor, { group, member, status }: Membership): Promise<GroupView> {
  const [members, links, documents, tasks] = await Promise.all([
    db.selectFrom('group_members').selectAll().where('group_id', '=', group.id).where('removed_at', 'is', null).orderBy('added_at').execute(),
    db
      .selectFrom('group_records')
      .innerJoin('records', 'records.id', 'group_records.record_id')
      .selectAll('records')
      .select([
        'group_records.note',
        'group_records.linked_by',
        'group_records.linked_at',
        'group_records.consent',
        'group_records.consent_by',
        'group_records.consent_at',
      ])
      .where('group_records.group_id', '=', group.id)
      .orderBy('group_records.linked_at')
      .execute(),
    db
      .selectFrom('group_documents')
      .select(['id', 'filename', 'content_type', 'size', 'sha256', 'added_by', 'created_at'])
      .where('group_id', '=', group.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('group_tasks')
      .select([
        'id',
        'title',
        'detail',
        'assignee',
        'state',
        'version',
        'created_by',
        'created_at',
        'updated_at',
        sql<string | null>`due_on::text`.as('due_on'),
      ])
      .where('group_id', '=', group.id)
      .orderBy('created_at')
      .execute(),
  ]);
  const names = await userNames(db, [
    ...members.map((m) => m.user_id),
    ...links.flatMap((l) => [l.linked_by, l.consent_by]),
    ...documents.map((d) => d.added_by),
    ...tasks.flatMap((t) => [t.assignee, t.created_by]),
  ]);
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id)?.name ?? id));
  const shown = await hideUnseenLinks(
    db,
    actor.participant,
    links.filter((link) => groupReadsRecord(status, link.consent as ConsentState)).map((link) => toRecordView(link)),
  );
  const day = today();
  return {
    ...toSummary(group, members.length),
    purpose: group.purpose,
    legalBasis: group.legal_basis,
    endReason: group.end_reason,
    members: members.map(
      (m): GroupMember => ({
        userId: m.user_id,
        displayName: nameOf(m.user_id)!,
        participant: m.participant,
        leader: m.leader,
        addedAt: iso(m.added_at)!,
      }),
    ),
    records: links.map(
      (link): GroupRecordView => ({
        recordId: link.id,
        owner: link.owner,
        category: link.category as Category,
        linkedBy: nameOf(link.linked_by)!,
        linkedByParticipant: names.get(link.linked_by)?.participant ?? '',
        linkedAt: iso(link.linked_at)!,
        note: link.note,
        consent: link.consent as ConsentState,
        consentBy: nameOf(link.consent_by),
        consentAt: iso(link.consent_at),
        record: shown.find((view) => view.id === link.id) ?? null,
      }),
    ),
    documents: documents.map((d) => ({
      id: d.id,
      filename: d.filename,
      contentType: d.content_type,
      size: d.size,
      sha256: d.sha256,
      addedBy: nameOf(d.added_by)!,
      participant: names.get(d.added_by)?.participant ?? '',
      createdAt: iso(d.created_at)!,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      detail: t.detail,
      assignee: t.assignee,
      assigneeName: nameOf(t.assignee),
      dueOn: t.due_on,
      state: t.state as TaskState,
      overdue: taskOverdue({ state: t.state, dueOn: t.due_on }, day),
      createdBy: nameOf(t.created_by)!,
      mayUpdate: status !== 'ended' && (member.leader || t.assignee === actor.id || t.created_by === actor.id),
      version: t.version,
      createdAt: iso(t.created_at)!,
      updatedAt: iso(t.updated_at)!,
    })),
    allowedActions: groupActions(status, member),
  };
}

/** The workspace of a group the caller is a member of; the records it shows are named in the audit entry. */
export async function getGroup(ctx: StoreContext, id: string): Promise<GroupView> {
  return readGroup(ctx, id, 'group.read', async (membership) => {
    const view = await groupView(ctx.db, ctx.actor, membership);
    const shown = view.records.filter((link) => link.record !== null).map((link) => link.recordId);
    return { result: view, count: shown.length, detail: { records: shown } };
  });
}

/** Whether the actor may consent for the record's owner: of that agency, and allowed to write its records. */
export const consentsFor = (actor: Actor, owner: string): boolean => actor.participant === owner && can(actor, 'record.write');
