import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder } from 'kysely';
import {
  AppError,
  nameQualityNotes,
  type Category,
  type Distribution,
  type RecordCancel,
  type RecordContent,
  type RecordInput,
  type RecordStatus,
  type RecordStatusChange,
  type RecordUpdate,
  type RecordView,
} from '@svod/core';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, Db, NewRecordRow, RecordRow, Tx } from '../db/database.ts';
import { decodeCursor, encodeCursor } from '../util/keyset-cursor.ts';
import { UUID } from '../validation/ajv.ts';
import { assertRecordRules } from '../validation/records.ts';
import { fileMatchKeys } from './match-keys.ts';
import { recordContent } from './record-content.ts';
import { distributedTo, noShareAgreement, readAccess, reads, visibleTo, type ReadAccess } from './access.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';

const RECORD = 'record';

/** An active record whose review date (`reviewBy`, kept in its content) has passed, today in UTC as the bank's dates are. */
export const reviewDue = () => sql<boolean>`status = 'active' AND content->>'reviewBy' < ${new Date().toISOString().slice(0, 10)}`;

export function splitContent(input: RecordInput): { category: Category; nationalRef: string; content: RecordContent } {
  const { category, nationalRef, ...content } = input;
  return { category, nationalRef, content };
}

const distributionColumns = (distribution: Distribution) => ({
  shared_with_all: distribution.kind === 'all',
  shared_with: distribution.kind === 'all' ? [] : (distribution.participants ?? []),
});

export function toRecordView(row: RecordRow, attachments: RecordView['attachments'] = []): RecordView {
  const content = recordContent(row);
  const notes = nameQualityNotes(content.person?.names);
  return {
    ...content,
    id: row.id,
    owner: row.owner,
    category: row.category as Category,
    nationalRef: row.national_ref,
    status: row.status as RecordStatus,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
    ...(row.status_note ? { statusNote: row.status_note } : {}),
    ...(notes.length > 0 ? { dataQuality: notes } : {}),
    ...(row.disclosure === 'hit' ? { disclosure: 'hit' as const } : {}),
    attachments,
  };
}

/**
 * Links a reader other than the owner may not follow are left out of what they are shown: the
 * id of a record not distributed to them is itself something they were not given. The owner sees
 * its content as it wrote it, so that an edit never drops a link it cannot see any more.
 */
export async function hideUnseenLinks(db: Db | Tx, participant: string, views: RecordView[]): Promise<RecordView[]> {
  const linked = views.filter((v) => v.owner !== participant).flatMap((v) => (v.links ?? []).map((l) => l.recordId));
  if (linked.length === 0) return views;
  const visible = await visibleIds(db, participant, linked);
  return views.map((view) =>
    view.owner === participant || !view.links ? view : { ...view, links: view.links.filter((link) => visible.has(link.recordId)) },
  );
}

/** Which of these record ids exist and may be read by the participant (links are followed only to those). */
export async function visibleIds(db: Db | Tx, participant: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('records')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where(visibleTo(await readAccess(db, participant)))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function attachmentsOf(db: Db | Tx, ids: string[]): Promise<Map<string, RecordView['attachments']>> {
  const byRecord = new Map<string, RecordView['attachments']>();
  if (ids.length === 0) return byRecord;
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'record_id', 'filename', 'content_type', 'size'])
    .where('record_id', 'in', ids)
    .orderBy('created_at')
    .execute();
  for (const row of rows) {
    const list = byRecord.get(row.record_id) ?? [];
    list.push({ id: row.id, filename: row.filename, contentType: row.content_type, size: row.size });
    byRecord.set(row.record_id, list);
  }
  return byRecord;
}

/**
 * Checks what the content refers to: participants named in the distribution must exist,
 * linked records must exist and be visible to the writer.
 */
export async function assertReferences(
  db: Db | Tx,
  participant: string,
  content: RecordContent,
  knownParticipants?: ReadonlySet<string>,
): Promise<void> {
  const named = content.distribution.participants ?? [];
  if (named.length > 0) {
    const known =
      knownParticipants ?? new Set((await db.selectFrom('participants').select('code').where('code', 'in', named).execute()).map((r) => r.code));
    const issues = named
      .map((code, i) => ({ code, i }))
      .filter(({ code }) => !known.has(code))
      .map(({ code, i }) => ({ path: `/distribution/participants/${i}`, code: 'unknown_participant' as const, params: { value: code } }));
    if (issues.length > 0) throw new AppError('unknown_participant', { issues });
  }
  const links = content.links ?? [];
  if (links.length > 0) {
    const found = await visibleIds(
      db,
      participant,
      links.map((l) => l.recordId),
    );
    const issues = links
      .map((link, i) => ({ link, i }))
      .filter(({ link }) => !found.has(link.recordId))
      .map(({ link, i }) => ({ path: `/links/${i}/recordId`, code: 'unknown_record' as const, params: { value: link.recordId } }));
    if (issues.length > 0) throw new AppError('unknown_link', { issues });
  }
}

/** The row of a new record, as first written. */
export function newRecordRow(owner: string, actorId: string, input: RecordInput): NewRecordRow {
  const { category, nationalRef, content } = splitContent(input);
  const now = new Date();
  return {
    id: randomUUID(),
    owner,
    national_ref: nationalRef,
    category,
    status: 'active',
    ...distributionColumns(content.distribution),
    content: JSON.stringify(content),
    version: 1,
    created_by: actorId,
    updated_by: actorId,
    created_at: now,
    updated_at: now,
  };
}

/** Inserts validated records in one statement inside a transaction; the caller audits. */
export async function insertRecords(tx: Tx, rows: NewRecordRow[]): Promise<RecordRow[]> {
  if (rows.length === 0) return [];
  try {
    return await tx.insertInto('records').values(rows).returningAll().execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('duplicate_reference', {
        issues: [{ path: '/nationalRef', code: 'not_allowed_value', params: { allowed: '—' } }],
        cause: error,
      });
    }
    throw error;
  }
}

export async function insertRecord(tx: Tx, owner: string, actorId: string, input: RecordInput): Promise<RecordRow> {
  const [row] = await insertRecords(tx, [newRecordRow(owner, actorId, input)]);
  return row!;
}

/** Replaces a record's editable content when `expectedVersion` is still current. */
export async function replaceContent(tx: Tx, row: RecordRow, actorId: string, content: RecordContent): Promise<RecordRow> {
  const updated = await tx
    .updateTable('records')
    .set({
      ...distributionColumns(content.distribution),
      content: JSON.stringify(content),
      version: row.version + 1,
      updated_by: actorId,
      updated_at: new Date(),
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new AppError('version_conflict');
  return updated;
}

export async function createRecord(ctx: StoreContext, input: RecordInput): Promise<RecordView> {
  return withFailureAudit(ctx, { action: 'record.create', resourceType: RECORD }, async () => {
    requirePermission(ctx, 'record.write');
    const { category, content } = splitContent(input);
    assertRecordRules(category, content);
    return ctx.db.transaction().execute(async (tx) => {
      await assertReferences(tx, ctx.actor.participant, content);
      const row = await insertRecord(tx, ctx.actor.participant, ctx.actor.id, input);
      await fileMatchKeys(tx, [row]);
      await auditSuccess(tx, ctx, {
        action: 'record.create',
        resourceType: RECORD,
        resourceId: row.id,
        detail: { category, nationalRef: row.national_ref },
      });
      return toRecordView(row);
    });
  });
}

/**
 * Loads a record the actor may see. Another participant's record not distributed to it reads as
 * absent; one distributed to it that no agreement in force lets it read is refused, naming the rule.
 */
export async function loadVisible(db: Db | Tx, participant: string, id: string, forUpdate = false): Promise<RecordRow> {
  // A malformed id names no record; the database would refuse it as a uuid instead.
  if (!UUID.test(id)) throw new AppError('not_found', { params: { id } });
  let query = db.selectFrom('records').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  const access = await readAccess(db, participant);
  if (row && reads(access, row)) return row;
  if (row && distributedTo(row, participant)) throw noShareAgreement(access, row);
  throw new AppError('not_found', { params: { id } });
}

/** Loads a record for a change by its owner: 404 when not visible, 403 when visible but not owned. */
async function loadOwned(tx: Tx, participant: string, id: string): Promise<RecordRow> {
  const row = await loadVisible(tx, participant, id, true);
  if (row.owner !== participant) throw new AppError('forbidden', { params: { owner: row.owner } });
  return row;
}

export async function getRecord(ctx: StoreContext, id: string): Promise<RecordView> {
  return withFailureAudit(ctx, { action: 'record.read', resourceType: RECORD, resourceId: id }, async () => {
    requirePermission(ctx, 'record.read');
    const row = await loadVisible(ctx.db, ctx.actor.participant, id);
    const attachments = await attachmentsOf(ctx.db, [id]);
    await auditSuccess(ctx.db, ctx, {
      action: 'record.read',
      resourceType: RECORD,
      resourceId: id,
      resultCount: 1,
    });
    const [view] = await hideUnseenLinks(ctx.db, ctx.actor.participant, [toRecordView(row, attachments.get(id))]);
    return view!;
  });
}

export async function updateRecord(ctx: StoreContext, id: string, update: RecordUpdate): Promise<RecordView> {
  return withFailureAudit(ctx, { action: 'record.update', resourceType: RECORD, resourceId: id }, async () => {
    requirePermission(ctx, 'record.write');
    const { version, ...content } = update;
    return ctx.db.transaction().execute(async (tx) => {
      const row = await loadOwned(tx, ctx.actor.participant, id);
      if (row.version !== version) throw new AppError('version_conflict', { params: { current: row.version } });
      if (row.status === 'cancelled') throw new AppError('version_conflict', { params: { status: row.status } });
      assertRecordRules(row.category as Category, content);
      await assertReferences(tx, ctx.actor.participant, content);
      const updated = await replaceContent(tx, row, ctx.actor.id, content);
      await fileMatchKeys(tx, [updated]);
      await auditSuccess(tx, ctx, {
        action: 'record.update',
        resourceType: RECORD,
        resourceId: id,
        detail: { version: updated.version },
      });
      return toRecordView(updated, (await attachmentsOf(tx, [id])).get(id));
    });
  });
}

export async function cancelRecord(ctx: StoreContext, id: string, cancel: RecordCancel): Promise<RecordView> {
  return withFailureAudit(ctx, { action: 'record.cancel', resourceType: RECORD, resourceId: id }, async () => {
    requirePermission(ctx, 'record.cancel');
    return ctx.db.transaction().execute(async (tx) => {
      const row = await loadOwned(tx, ctx.actor.participant, id);
      if (row.version !== cancel.version) throw new AppError('version_conflict', { params: { current: row.version } });
      if (row.status === 'cancelled') throw new AppError('version_conflict', { params: { status: row.status } });
      return saveStatus(
        tx,
        ctx,
        row,
        { status: 'cancelled', cancel_reason: cancel.reason },
        { action: 'record.cancel', detail: { reason: cancel.reason } },
      );
    });
  });
}

/**
 * Writes a record's new status (and its reason or note) as the next version, with its audit entry,
 * in the caller's transaction; the caller has checked the version it read and the move.
 */
async function saveStatus(
  tx: Tx,
  ctx: StoreContext,
  row: RecordRow,
  change: { status: RecordStatus; cancel_reason?: string; status_note?: string },
  audit: { action: 'record.cancel' | 'record.status'; detail: Record<string, unknown> },
): Promise<RecordView> {
  const updated = await tx
    .updateTable('records')
    .set({ ...change, version: row.version + 1, updated_by: ctx.actor.id, updated_at: new Date() })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditSuccess(tx, ctx, { ...audit, resourceType: RECORD, resourceId: row.id });
  return toRecordView(updated, (await attachmentsOf(tx, [row.id])).get(row.id));
}

/** The moves between statuses an owner may make (cancellation, final, has its own route). */
const STATUS_MOVES: Readonly<Record<string, readonly RecordStatus[]>> = {
  active: ['located', 'expired'],
  located: ['active'],
  expired: ['active'],
};

/**
 * Moves a record between active, located and expired at the version the caller read, with a
 * note (where and when the subject was located, or why). A move the record's status does not
 * allow — from a cancelled record, or to the status it has — is a 409 naming both statuses.
 */
export async function changeRecordStatus(ctx: StoreContext, id: string, change: RecordStatusChange): Promise<RecordView> {
  return withFailureAudit(ctx, { action: 'record.status', resourceType: RECORD, resourceId: id }, async () => {
    requirePermission(ctx, 'record.write');
    return ctx.db.transaction().execute(async (tx) => {
      const row = await loadOwned(tx, ctx.actor.participant, id);
      if (row.version !== change.version) throw new AppError('version_conflict', { params: { current: row.version } });
      const allowed = STATUS_MOVES[row.status] ?? [];
      if (!allowed.includes(change.status)) {
        throw new AppError('status_not_allowed', {
          issues: [{ path: '/status', code: 'not_allowed_value', params: { allowed: allowed.join(', ') || '—' } }],
          params: { status: row.status, requested: change.status },
        });
      }
      return saveStatus(
        tx,
        ctx,
        row,
        { status: change.status, status_note: change.note },
        { action: 'record.status', detail: { from: row.status, to: change.status, note: change.note } },
      );
    });
  });
}

export interface RecordFilter {
  category?: Category;
  status?: RecordStatus;
  owner?: string;
  nationalRef?: string;
  /** Only active records whose review date has passed. */
  reviewDue?: boolean;
  /** Persons who may have been born on or after this partial date (YYYY, YYYY-MM or YYYY-MM-DD). */
  bornFrom?: string;
  /** Persons who may have been born on or before this partial date. */
  bornTo?: string;
  /** Records entered in the bank on or after this day (YYYY-MM-DD, UTC). */
  createdFrom?: string;
  /** Records entered in the bank on or before this day (YYYY-MM-DD, UTC). */
  createdTo?: string;
}

export const RECORD_SORTS = ['newest', 'oldest', 'changed'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

/** The column each order pages by, and its direction; every order breaks ties by id. */
const SORT_KEYS = {
  newest: { column: 'created_at', direction: 'desc' },
  oldest: { column: 'created_at', direction: 'asc' },
  changed: { column: 'updated_at', direction: 'desc' },
} as const satisfies Record<RecordSort, { column: 'created_at' | 'updated_at'; direction: 'asc' | 'desc' }>;

export interface RecordPage {
  items: RecordView[];
  nextCursor?: string;
  total?: { count: number; exact: boolean };
}

/** Matches counted exactly up to this many; beyond it the list says "more than". */
const COUNT_LIMIT = 10_000;

/**
 * How many records match, honestly and in bounded time: counted exactly up to COUNT_LIMIT, and
 * "more than that" beyond, where an exact count of a million visible rows would cost seconds.
 */
async function countMatching(db: Db, access: ReadAccess, filter: RecordFilter): Promise<{ count: number; exact: boolean }> {
  const { count } = await db
    .selectFrom(
      filteredRecords(db, access, filter)
        .clearSelect()
        .select('id')
        .limit(COUNT_LIMIT + 1)
        .as('matching'),
    )
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  const n = Number(count);
  return n > COUNT_LIMIT ? { count: COUNT_LIMIT, exact: false } : { count: n, exact: true };
}

/**
 * The earliest and latest text a birth date of this partial date's span can have. Partial ISO dates
 * sort as text: '1984' < '1984-07' < '1984-07-15' < '1984~', so "could fall in [from, to]" is a
 * comparison of text, and one an index on the stored birth date can serve.
 */
function birthBounds(filter: RecordFilter): { low: string; high: string; coarser: string[] } | undefined {
  if (!filter.bornFrom && !filter.bornTo) return undefined;
  const low = filter.bornFrom ?? '0000';
  // A record's date given more coarsely than the lower bound ('1984' against '1984-07-15') starts
  // before it as text yet may hold it: those are the bound's own prefixes.
  const coarser = [low.slice(0, 4), low.slice(0, 7)].filter((prefix) => prefix !== low);
  return { low, high: `${filter.bornTo ?? '9999'}~`, coarser: [...new Set(coarser)] };
}

// Byte order, as the indexes of the search-orders migration are built: see there.
const BIRTH_DATE = sql<string>`(content->'person'->>'birthDate') COLLATE "C"`;
const BIRTH_RANGE_FROM = sql<string>`(content->'person'->'birthDateRange'->>'from') COLLATE "C"`;
const BIRTH_RANGE_TO = sql<string>`(content->'person'->'birthDateRange'->>'to' || '~') COLLATE "C"`;

/** Persons whose birth date, or estimated range of birth dates, could fall inside the bounds. */
function bornWithin(bounds: { low: string; high: string; coarser: string[] }) {
  return (eb: ExpressionBuilder<Database, 'records'>) =>
    eb.or([
      eb(BIRTH_DATE, '>=', bounds.low).and(BIRTH_DATE, '<', bounds.high),
      ...(bounds.coarser.length > 0 ? [eb(BIRTH_DATE, 'in', bounds.coarser)] : []),
      eb(BIRTH_RANGE_FROM, '<', bounds.high).and(BIRTH_RANGE_TO, '>=', bounds.low),
    ]);
}

/** The first instant after the given UTC day, for an inclusive "up to this day". */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** Builds the query for records the actor may see that match the filter, in no order. */
export function filteredRecords(db: Db, access: ReadAccess, filter: RecordFilter) {
  let query = db.selectFrom('records').selectAll().where(visibleTo(access));
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.owner) query = query.where('owner', '=', filter.owner);
  if (filter.nationalRef) query = query.where('national_ref', '=', filter.nationalRef);
  if (filter.reviewDue) query = query.where(reviewDue());
  const bounds = birthBounds(filter);
  if (bounds) query = query.where(bornWithin(bounds));
  if (filter.createdFrom) query = query.where('created_at', '>=', new Date(`${filter.createdFrom}T00:00:00Z`));
  if (filter.createdTo) query = query.where('created_at', '<', dayAfter(filter.createdTo));
  return query;
}

/** The filtered records in the chosen order, with the ties broken by id as keyset paging needs. */
function orderedRecords(db: Db, access: ReadAccess, filter: RecordFilter, sort: RecordSort, cursor: string | undefined) {
  const { column, direction } = SORT_KEYS[sort];
  let query = filteredRecords(db, access, filter).orderBy(column, direction).orderBy('id', direction);
  if (cursor) {
    const { at, id } = decodeCursor(cursor);
    const beyond = direction === 'desc' ? '<' : '>';
    query = query.where((eb) => eb.or([eb(column, beyond, at), eb.and([eb(column, '=', at), eb('id', beyond, id)])]));
  }
  return query;
}

/** Lists visible records page by page (keyset paging, stable under concurrent inserts). */
export async function listRecords(
  ctx: StoreContext,
  filter: RecordFilter,
  page: { limit: number; cursor?: string | undefined; sort?: RecordSort | undefined },
): Promise<RecordPage> {
  return withFailureAudit(ctx, { action: 'record.search', resourceType: RECORD }, async () => {
    requirePermission(ctx, 'record.read');
    const sort = page.sort ?? 'newest';
    const access = await readAccess(ctx.db, ctx.actor.participant);
    const query = orderedRecords(ctx.db, access, filter, sort, page.cursor).limit(page.limit + 1);
    const [rows, total] = await Promise.all([query.execute(), page.cursor ? undefined : countMatching(ctx.db, access, filter)]);
    const pageRows = rows.slice(0, page.limit);
    const attachments = await attachmentsOf(
      ctx.db,
      pageRows.map((r) => r.id),
    );
    await auditSuccess(ctx.db, ctx, {
      action: 'record.search',
      resourceType: RECORD,
      resultCount: pageRows.length,
      detail: { filter: { ...filter }, sort, cursor: page.cursor ?? null },
    });
    const last = pageRows.at(-1);
    return {
      items: await hideUnseenLinks(
        ctx.db,
        ctx.actor.participant,
        pageRows.map((row) => toRecordView(row, attachments.get(row.id))),
      ),
      ...(rows.length > page.limit && last ? { nextCursor: encodeCursor(last[SORT_KEYS[sort].column], last.id) } : {}),
      ...(total ? { total } : {}),
    };
  });
}
