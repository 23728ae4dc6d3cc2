import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  AppError,
  ArrayComparer,
  RECONCILIATION_GROUPS,
  type AppliedChange,
  type ApplicableGroup,
  type ReconciliationGroup,
  type ReconciliationItem,
  type ReconciliationSummary,
  type ReconciliationView,
  type ReconcileStage,
  guessMapping,
  isAppError,
  validateMapping,
  type DuplicateEntry,
  type ArrayComparison,
  type ArrayEntry,
  type ArrayField,
  type RowContext,
  type ArrayMapping,
  type BankEntry,
  type Category,
  type FieldIssue,
  type RecordInput,
} from '@svod/core';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, ReconciliationItemTable, ReconciliationTable, Tx } from '../db/database.ts';
import { readSetting, writeSetting } from './settings.ts';
import { openArrayInWorker, type Batch } from '../reconcile/entries/read-entries.ts';
import type { InvalidRow } from '../reconcile/entries/messages.ts';
import { openArray, ArrayReadError } from '../reconcile/readers/index.ts';
import { uploadPath } from '../reconcile/uploads.ts';
import { UUID } from '../validation/ajv.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { applyItems } from './reconciliation-apply.ts';
import { allItems, HTML_ITEMS, readItems } from './reconciliation-items.ts';
import { crossStateMatches, type CrossStateMatch } from './reconciliation-matches.ts';
import { activeModels } from './models.ts';
import { recordSubject } from './record-content.ts';
import { jsonColumn } from '../db/columns.ts';

/** Items written per statement. */
const WRITE_PAGE = 500;
/** Rows between two progress notes (the count in the store, the caller's callback): a console polling each second sees it move. */
const PROGRESS_ROWS = 2_000;
/** Longest stretch of work before the server is let answer others (checks, /health). */
const TURN_MS = 20;

export interface ReconcileRequest {
  /** The id to record it under (the API names the uploaded file by it); a new one when absent. */
  id?: string;
  participant: string;
  category: Category;
  path: string;
  fileName: string;
  mapping?: ArrayMapping;
  /** The legal basis a new record gets when the file has no column for it. */
  legalBasis?: string;
  /** Values for fields the file has no column for (`{ measure: 'locate' }`), read as a cell would be. */
  defaults?: Partial<Record<ArrayField, string>>;
  /**
   * Set every row against this participant's records only (one state's missing persons against
   * another's unidentified bodies), within what the participant may see. Without it, the new and
   * changed rows are set against every other participant's records.
   */
  against?: string;
}

/** What a hit on a new record of each category asks, when the array does not say. */
const ACTION_ON_HIT: Record<Category, RecordInput['actionOnHit']> = {
  wanted_person: 'arrest',
  missing_person: 'locate_and_inform',
  unidentified_corpse: 'identify',
  unidentified_person: 'identify',
  vehicle: 'seize',
  firearm: 'seize',
};

/** The state of a national participant (`KZ-MVD` → `KZ`); none for BKBOP. */
const stateOf = (participant: string) => (/^[A-Z]{2}-/.test(participant) ? participant.slice(0, 2) : undefined);

export interface ReconcileProgress {
  stage: ReconcileStage;
  done: number;
}

/**
 * Sets a participant's national array of one category against the bank: reads the file (CSV,
 * JSON Lines, XML or XLSX), makes each row a record by the column mapping (given, or guessed from
 * the headers), validates it as the API would, compares the whole with what the bank holds for
 * the participant and category (`ArrayComparer`, row by row as a reading thread reads them), finds other participants' records the new and
 * changed rows may be (`crossStateMatches`), and stores the report. Nothing in the bank changes:
 * `applyReconciliation` does that. A file that cannot be read at all fails the run with the row
 * and column at fault; a row that does not make a valid record is reported in `invalid`.
 */
export async function reconcileFile(
  ctx: StoreContext,
  request: ReconcileRequest,
  onProgress?: (progress: ReconcileProgress) => void,
): Promise<ReconciliationView> {
  const view = await createReconciliation(ctx, request);
  return runReconciliation(ctx, view.id, request, onProgress);
}

/**
 * Records a reconciliation of the file as received (its size and SHA-256), to be run by
 * `runReconciliation`: the API answers with it at once and runs it in the background.
 */
export async function createReconciliation(ctx: StoreContext, request: ReconcileRequest): Promise<ReconciliationView> {
  return withFailureAudit(ctx, { action: 'reconciliation.run', resourceType: 'reconciliation' }, async () => {
    requirePermission(ctx, 'record.import');
    if (request.participant !== ctx.actor.participant) throw new AppError('forbidden', { params: { owner: request.participant } });
    const { bytes, sha256 } = await fingerprint(request.path);
    const id = request.id ?? randomUUID();
    const now = new Date();
    await ctx.db
      .insertInto('reconciliations')
      .values({
        id,
        participant: request.participant,
        category: request.category,
        file_name: request.fileName,
        file_bytes: bytes,
        file_sha256: sha256,
        status: 'uploaded',
        created_by: ctx.actor.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return viewOf(ctx.db, id);
  });
}

/** The setting keeping the mapping a participant last used for an array of a category. */
const mappingSetting = (participant: string, category: string) => `reconcile.mapping.${participant}.${category}`;

/**
 * The mapping to offer for an array's headers: what the participant mapped each header to the
 * last time it reconciled an array of the category, else the guess from the header's words.
 */
export async function offeredMapping(db: Db, participant: string, category: Category, headers: readonly string[]): Promise<ArrayMapping> {
  const guessed = guessMapping(headers, category);
  const kept = await readSetting(db, mappingSetting(participant, category));
  if (kept === undefined) return guessed;
  const saved = JSON.parse(kept) as ArrayMapping;
  return Object.fromEntries(headers.map((h) => [h, Object.hasOwn(saved, h) ? saved[h] : guessed[h]]));
}

/** What the file was found to be, and the mapping its columns are read by. */
async function noteFile(db: Db, id: string, array: { format: string; encoding: string; headers: string[] }, mapping: ArrayMapping): Promise<void> {
  await db
    .updateTable('reconciliations')
    .set({
      format: array.format,
      encoding: array.encoding,
      headers: JSON.stringify(array.headers),
      mapping: JSON.stringify(mapping),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

async function markFailed(db: Db, id: string, error: NonNullable<ReconciliationView['error']>): Promise<void> {
  await db
    .updateTable('reconciliations')
    .set({ status: 'failed', error: JSON.stringify(error), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Reads the headers of an uploaded array and records the format, the encoding and the mapping
 * offered for them, for a person to check before the run. A file that cannot be read fails here.
 */
export async function previewReconciliation(ctx: StoreContext, id: string, path: string): Promise<ReconciliationView> {
  const view = await ownReconciliation(ctx, id);
  try {
    const array = await openArray(path);
    // Leaving the rows unread closes the file.
    for await (const _ of array.rows) break;
    const mapping = await offeredMapping(ctx.db, view.participant, view.category, array.headers);
    await noteFile(ctx.db, id, array, mapping);
    return viewOf(ctx.db, id);
  } catch (error) {
    if (!(error instanceof ArrayReadError)) throw error;
    await markFailed(ctx.db, id, failureOf(error));
    return viewOf(ctx.db, id);
  }
}

/**
 * Runs a reconciliation recorded by `createReconciliation` to its report. A file that cannot be
 * read, or a mapping that lacks a needed column, fails it with the reason, the row and the
 * column; anything else (the database gone) is thrown, and the run is started again.
 */
export async function runReconciliation(
  ctx: StoreContext,
  id: string,
  request: ReconcileRequest,
  onProgress?: (progress: ReconcileProgress) => void,
): Promise<ReconciliationView> {
  return withFailureAudit(ctx, { action: 'reconciliation.run', resourceType: 'reconciliation', resourceId: id }, async () => {
    const before = await ownReconciliation(ctx, id);
    if (before.status === 'applied') {
      throw new AppError('version_conflict', {
        issues: [{ path: '/status', code: 'reconciliation_not_compared' }],
        params: { status: before.status },
      });
    }
    try {
      const summary = await run(ctx, id, request, onProgress);
      await auditSuccess(ctx.db, ctx, { action: 'reconciliation.run', resourceType: 'reconciliation', resourceId: id, detail: { ...summary } });
    } catch (error) {
      if (!(error instanceof ArrayReadError) && !isAppError(error)) throw error;
      await markFailed(ctx.db, id, failureOf(error));
    }
    return viewOf(ctx.db, id);
  });
}

async function fingerprint(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

function failureOf(error: unknown): NonNullable<ReconciliationView['error']> {
  if (error instanceof ArrayReadError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.row !== undefined ? { row: error.row } : {}),
      ...(error.column ? { column: error.column } : {}),
    };
  }
  if (isAppError(error)) return { code: error.code, message: error.issues.map((i) => `${i.path} ${i.code}`).join('; ') || error.code };
  return { code: 'internal', message: 'the reconciliation failed; see the server log' };
}

async function run(
  ctx: StoreContext,
  id: string,
  request: ReconcileRequest,
  onProgress?: (progress: ReconcileProgress) => void,
): Promise<ReconciliationSummary> {
  if (request.against) await assertParticipant(ctx.db, request.against);
  await ctx.db
    .updateTable('reconciliations')
    .set({ status: 'reading', stage: 'reading', rows_read: 0, error: null, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  const array = await openArrayInWorker(request.path);
  try {
    const mapping = request.mapping ?? (await offeredMapping(ctx.db, request.participant, request.category, array.headers));
    const mappingIssues = validateMapping(mapping, request.category, request.defaults);
    if (mappingIssues.length > 0) {
      throw new AppError('validation_failed', {
        issues: mappingIssues.map(
          (issue): FieldIssue => ({ path: '/mapping', code: issue.code, params: { field: issue.anyOf?.join(' | ') ?? issue.field } }),
        ),
      });
    }
    await noteFile(ctx.db, id, array, mapping);
    if (request.mapping) {
      await writeSetting(ctx.db, mappingSetting(request.participant, request.category), JSON.stringify(request.mapping));
    }
    const country = stateOf(request.participant);
    const context: RowContext = {
      category: request.category,
      legalBasis: request.legalBasis ?? `Национальный массив ${request.participant}, сверка ${new Date().toISOString().slice(0, 10)}`,
      actionOnHit: ACTION_ON_HIT[request.category],
      distribution: { kind: 'all' },
      ...(country ? { country } : {}),
      ...(request.defaults ? { defaults: request.defaults } : {}),
    };
    const compared = await compareWithBank(ctx, id, request, array.read(mapping, context, await activeModels(ctx.db)), onProgress);
    return await matchAndStore(ctx, id, request, compared, onProgress);
  } finally {
    await array.close();
  }
}

interface Compared {
  rows: number;
  comparison: ArrayComparison;
  invalid: InvalidRow[];
}

/**
 * The reading thread's rows set against the bank as they come. Its own function so that the
 * bank's index is let go once the comparison is made, before the report is matched and stored.
 */
async function compareWithBank(
  ctx: StoreContext,
  id: string,
  request: ReconcileRequest,
  batches: AsyncGenerator<Batch>,
  onProgress?: (progress: ReconcileProgress) => void,
): Promise<Compared> {
  // The reading thread starts on the first rows while the bank is read here.
  const first = batches.next();
  // Awaited below; should reading the bank fail first, the reading thread's end is not a rejection left unhandled.
  first.catch(() => undefined);
  const bank = await bankEntries(ctx.db, request.participant, request.category);
  const comparer = new ArrayComparer(bank);
  const recordsNamed = (entries: readonly ArrayEntry[]) =>
    bankRecords(
      ctx.db,
      request.category,
      entries.flatMap((entry) => comparer.heldUnder(entry.record.nationalRef)?.id ?? []),
    );
  const invalid: InvalidRow[] = [];
  // A row that makes no valid record still names its reference: the bank's record is not stale.
  const alsoPresent = new Set<string>();
  let rows = 0;
  let noted = 0;
  let sameSubjects: DuplicateEntry[] = [];
  let turn = performance.now();
  for await (const { batch, held } of withBankRecords(first, batches, recordsNamed)) {
    if (batch.kind === 'end') {
      rows = batch.rows;
      sameSubjects = batch.sameSubjects;
      continue;
    }
    for (const entry of batch.entries) {
      // Records are cancelled, never deleted: one indexed a moment ago is there.
      comparer.add(entry, (bankEntry) => held.get(bankEntry.id)!);
      if (performance.now() - turn > TURN_MS) {
        await nextTurn();
        turn = performance.now();
      }
    }
    for (const row of batch.invalid) {
      invalid.push(row);
      if (row.nationalRef) alsoPresent.add(row.nationalRef);
    }
    rows = batch.rowsRead;
    if (rows - noted >= PROGRESS_ROWS) {
      noted = rows;
      onProgress?.({ stage: 'reading', done: rows });
      await ctx.db.updateTable('reconciliations').set({ rows_read: rows, updated_at: new Date() }).where('id', '=', id).execute();
    }
  }
  onProgress?.({ stage: 'reading', done: rows });
  await markStage(ctx.db, id, 'comparing');
  return { rows, comparison: comparer.finish(alsoPresent, sameSubjects), invalid };
}

const markStage = (db: Db, id: string, stage: ReconcileStage) =>
  db.updateTable('reconciliations').set({ stage, updated_at: new Date() }).where('id', '=', id).execute();

/** The rows compared: set the new and changed against other participants' records, and keep the report. */
async function matchAndStore(
  ctx: StoreContext,
  id: string,
  request: ReconcileRequest,
  { rows, comparison, invalid }: Compared,
  onProgress?: (progress: ReconcileProgress) => void,
): Promise<ReconciliationSummary> {
  onProgress?.({ stage: 'matching', done: 0 });
  await markStage(ctx.db, id, 'matching');
  // Unchanged rows were matched when the bank took them; against one participant, every row is.
  const matched: { row: number; record: RecordInput }[] = [...comparison.new, ...comparison.changed, ...comparison.conflicts];
  if (request.against) {
    for (const page of pagesOf(comparison.unchanged)) {
      const held = await bankRecords(
        ctx.db,
        request.category,
        page.map(({ id }) => id),
      );
      for (const { row, id } of page) matched.push({ row, record: held.get(id)! });
    }
  }
  const crossMatches = await crossStateMatches(
    ctx.db,
    { participant: request.participant, ...(request.against ? { only: request.against } : {}) },
    matched,
  );
  onProgress?.({ stage: 'matching', done: matched.length });

  const summary: ReconciliationSummary = {
    rows,
    new: comparison.new.length,
    changed: comparison.changed.length,
    unchanged: comparison.unchanged.length,
    stale: comparison.stale.length,
    duplicates: comparison.duplicates.length,
    conflicts: comparison.conflicts.length,
    crossMatches: crossMatches.length,
    invalid: invalid.length,
  };
  await markStage(ctx.db, id, 'storing');
  // The report and its status together: a run killed while storing leaves none of it, and runs again whole.
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('reconciliation_items').where('reconciliation_id', '=', id).execute();
    await storeItems(tx, id, request.category, comparison, crossMatches, invalid, (done) => onProgress?.({ stage: 'storing', done }));
    await tx
      .updateTable('reconciliations')
      .set({ status: 'compared', stage: null, rows_read: rows, summary: JSON.stringify(summary), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  });
  return summary;
}

async function assertParticipant(db: Db, code: string): Promise<void> {
  const known = await db.selectFrom('participants').select('code').where('code', '=', code).executeTakeFirst();
  if (!known) throw new AppError('unknown_participant', { issues: [{ path: '/against', code: 'unknown_participant', params: { value: code } }] });
}

/**
 * Every record the participant holds of the category, whatever its status (a cancelled one is a
 * conflict if the array still has it), without its content: at a million records, the contents
 * held at once were most of a run's memory. `bankRecords` fetches those the rows name.
 */
async function bankEntries(db: Db, participant: string, category: string): Promise<BankEntry[]> {
  const rows = await db
    .selectFrom('records')
    .select(['id', 'version', 'status', 'national_ref'])
    .where('owner', '=', participant)
    .where('category', '=', category)
    .execute();
  return rows.map((row) => ({ id: row.id, version: row.version, status: row.status, nationalRef: row.national_ref }));
}

/** The bank's records of these ids, by id. */
async function bankRecords(db: Db | Tx, category: string, ids: readonly string[]): Promise<Map<string, RecordInput>> {
  if (ids.length === 0) return new Map();
  // One array parameter, not a list of a thousand: planned once the same way for every batch.
  const rows = await db
    .selectFrom('records')
    .select(['id', 'national_ref', 'content'])
    .where(sql<boolean>`id = ANY(${[...ids]}::uuid[])`)
    .execute();
  return new Map(rows.map((row) => [row.id, recordSubject({ ...row, category })]));
}

/**
 * The reading thread's batches, each with the bank's records its rows name. A batch's records are
 * fetched while the batch before it is compared: a million rows cost a thousand indexed queries,
 * hidden behind the comparing, and no more than two batches' records are held.
 */
async function* withBankRecords(
  first: Promise<IteratorResult<Batch>>,
  batches: AsyncGenerator<Batch>,
  recordsNamed: (entries: readonly ArrayEntry[]) => Promise<Map<string, RecordInput>>,
): AsyncGenerator<{ batch: Batch; held: Map<string, RecordInput> }> {
  const withRecords = async (next: IteratorResult<Batch>) =>
    next.done ? undefined : { batch: next.value, held: next.value.kind === 'rows' ? await recordsNamed(next.value.entries) : new Map() };
  let pending = first.then(withRecords);
  for (;;) {
    const current = await pending;
    if (!current) return;
    pending = batches.next().then(withRecords);
    // Awaited at the next turn; should the run stop first, its failure is not a rejection left unhandled.
    pending.catch(() => undefined);
    yield current;
  }
}

interface ItemRow {
  grp: ReconciliationGroup;
  row_number: number | null;
  record_id: string | null;
  record_version: number | null;
  payload: unknown;
}

async function storeItems(
  db: Tx,
  id: string,
  category: Category,
  comparison: ArrayComparison,
  crossMatches: readonly CrossStateMatch[],
  invalid: readonly { row: number; issues: unknown[] }[],
  onProgress: (done: number) => void,
): Promise<void> {
  // Made a page at a time, between the writes: at a million rows the report's items made at
  // once held up the server's thread for seconds.
  async function* items(): AsyncGenerator<ItemRow> {
    for (const e of comparison.new) yield { grp: 'new', row_number: e.row, record_id: null, record_version: null, payload: { record: e.record } };
    for (const e of comparison.changed) {
      const payload = { record: e.record, before: e.before, differences: e.differences };
      yield { grp: 'changed', row_number: e.row, record_id: e.id, record_version: e.version, payload };
    }
    for (const e of comparison.conflicts) {
      const payload = { record: e.record, before: e.before, differences: e.differences, reasons: e.reasons };
      yield { grp: 'conflicts', row_number: e.row, record_id: e.id, record_version: e.version, payload };
    }
    for (const stale of pagesOf(comparison.stale)) {
      const held = await bankRecords(
        db,
        category,
        stale.map((e) => e.id),
      );
      for (const e of stale) {
        yield {
          grp: 'stale',
          row_number: null,
          record_id: e.id,
          record_version: e.version,
          payload: { nationalRef: e.nationalRef, record: held.get(e.id) },
        };
      }
    }
    for (const e of comparison.duplicates)
      yield { grp: 'duplicates', row_number: e.rows[0] ?? null, record_id: null, record_version: null, payload: e };
    for (const m of crossMatches) yield { grp: 'crossMatches', row_number: m.row, record_id: m.recordId, record_version: null, payload: m };
    for (const e of invalid) yield { grp: 'invalid', row_number: e.row, record_id: null, record_version: null, payload: { issues: e.issues } };
  }
  const seq = new Map<string, number>();
  let page: Insertable<ReconciliationItemTable>[] = [];
  let written = 0;
  const write = async () => {
    await db.insertInto('reconciliation_items').values(page).execute();
    written += page.length;
    page = [];
    onProgress(written);
  };
  for await (const item of items()) {
    const n = (seq.get(item.grp) ?? 0) + 1;
    seq.set(item.grp, n);
    page.push({ reconciliation_id: id, seq: n, ...item, payload: JSON.stringify(item.payload) });
    if (page.length === WRITE_PAGE) await write();
  }
  if (page.length > 0) await write();
}

function* pagesOf<T>(items: readonly T[], size = WRITE_PAGE): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

async function viewOf(db: Db | Tx, id: string): Promise<ReconciliationView> {
  const row = await db.selectFrom('reconciliations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', { params: { id } });
  return toView(row);
}

function toView(row: Selectable<ReconciliationTable>): ReconciliationView {
  const json = <T>(value: unknown): T | null => (value === null ? null : jsonColumn<T>(value));
  const headers = json<string[]>(row.headers);
  const mapping = json<ArrayMapping>(row.mapping);
  return {
    id: row.id,
    participant: row.participant,
    category: row.category as Category,
    fileName: row.file_name,
    fileBytes: Number(row.file_bytes),
    format: row.format,
    encoding: row.encoding,
    headers,
    // In the file's order, every column named (JSON keeps neither the order nor a column mapped to nothing).
    mapping: mapping ? Object.fromEntries((headers ?? Object.keys(mapping)).map((h) => [h, mapping[h] ?? null])) : null,
    status: row.status,
    stage: row.stage as ReconcileStage | null,
    rowsRead: row.rows_read,
    summary: json<ReconciliationSummary>(row.summary),
    error: json<ReconciliationView['error']>(row.error),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    appliedAt: row.applied_at ? new Date(row.applied_at).toISOString() : null,
    applied: json<AppliedChange>(row.applied),
  };
}

/** A reconciliation of the caller's participant: another participant's reads as absent. */
async function ownReconciliation(ctx: StoreContext, id: string): Promise<ReconciliationView> {
  // A malformed id names none; the database would refuse it as a uuid instead.
  if (!UUID.test(id)) throw new AppError('not_found', { params: { id } });
  const view = await viewOf(ctx.db, id);
  if (view.participant !== ctx.actor.participant) throw new AppError('not_found', { params: { id } });
  return view;
}

/**
 * Runs again, in the background, what a killed server left reading (as its owner's system
 * actor); a run whose uploaded file is gone is marked failed (`interrupted`) instead.
 */
export async function resumeReconciliations(db: Db, uploadDir: string, onError: (error: unknown) => void): Promise<number> {
  const left = await db
    .selectFrom('reconciliations')
    .select(['id', 'participant', 'category', 'file_name'])
    .where('status', '=', 'reading')
    .execute();
  for (const row of left) {
    const path = uploadPath(uploadDir, row.id);
    if (!existsSync(path)) {
      await markFailed(db, row.id, {
        code: 'interrupted',
        message: 'the server stopped during the run and the uploaded file is gone; upload it again',
      });
      continue;
    }
    const ctx: StoreContext = {
      db,
      actor: { kind: 'system', id: 'svod-reconcile', name: 'svod reconciliation', participant: row.participant, role: 'supervisor' },
      purpose: 'reconciliation',
    };
    void runReconciliation(ctx, row.id, { participant: row.participant, category: row.category as Category, path, fileName: row.file_name }).catch(
      onError,
    );
  }
  return left.length;
}

/** The caller's participant's reconciliations, newest first. */
export async function listReconciliations(ctx: StoreContext, limit: number): Promise<ReconciliationView[]> {
  requirePermission(ctx, 'record.import');
  const rows = await ctx.db
    .selectFrom('reconciliations')
    .selectAll()
    .where('participant', '=', ctx.actor.participant)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toView);
}

/**
 * Marks the caller's reconciliation as reading before its run starts in the background, so the
 * answer to the request, a poll right after it and a second request all see the run under way:
 * of two requests at once, one claims the run and the other gets a conflict.
 */
export async function claimReconciliationRun(ctx: StoreContext, id: string): Promise<ReconciliationView> {
  requirePermission(ctx, 'record.import');
  await ownReconciliation(ctx, id);
  const claimed = await ctx.db
    .updateTable('reconciliations')
    .set({ status: 'reading', stage: 'reading', rows_read: 0, error: null, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'not in', ['applied', 'reading'])
    .returning('id')
    .executeTakeFirst();
  if (!claimed) {
    const now = await viewOf(ctx.db, id);
    throw new AppError('version_conflict', {
      issues: [{ path: '/status', code: 'reconciliation_not_compared' }],
      params: { status: now.status },
    });
  }
  return viewOf(ctx.db, id);
}

export async function getReconciliation(ctx: StoreContext, id: string): Promise<ReconciliationView> {
  requirePermission(ctx, 'record.import');
  return ownReconciliation(ctx, id);
}

/** A group's items in order, a page at a time (`after` the last seq read). */
export async function reconciliationItems(
  ctx: StoreContext,
  id: string,
  group: ReconciliationGroup,
  page: { limit: number; after?: number },
): Promise<ReconciliationItem[]> {
  requirePermission(ctx, 'record.import');
  await ownReconciliation(ctx, id);
  return readItems(ctx.db, id, group, page);
}

/**
 * Applies the chosen groups of a compared reconciliation as one change: new records created,
 * changed and conflicting ones updated to what the report showed, stale ones marked expired
 * (reversibly: absent from the array may mean closed nationally, or a file cut short). All or
 * nothing: a record changed in the bank since the comparison makes the whole apply a 409, and
 * the reconciliation is run again. One audit entry lists what changed. Applied once: a second
 * apply answers 409 `reconciliation_applied`; re-running the same file then finds it all
 * unchanged.
 */
export async function applyReconciliation(ctx: StoreContext, id: string, groups: readonly ApplicableGroup[]): Promise<ReconciliationView> {
  return withFailureAudit(ctx, { action: 'reconciliation.apply', resourceType: 'reconciliation', resourceId: id }, async () => {
    requirePermission(ctx, 'record.import');
    await ownReconciliation(ctx, id);
    await ctx.db.transaction().execute(async (tx) => {
      const locked = await tx.selectFrom('reconciliations').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (locked.status !== 'compared') {
        throw new AppError('version_conflict', {
          issues: [{ path: '/status', code: 'reconciliation_not_compared' }],
          params: { status: locked.status },
        });
      }
      const changed = await applyItems(tx, ctx, id, new Set(groups));
      await tx
        .updateTable('reconciliations')
        .set({ status: 'applied', applied_by: ctx.actor.id, applied_at: new Date(), applied: JSON.stringify(changed.counts), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await auditSuccess(tx, ctx, {
        action: 'reconciliation.apply',
        resourceType: 'reconciliation',
        resourceId: id,
        resultCount: changed.counts.created + changed.counts.updated + changed.counts.expired,
        detail: { groups: [...groups], ...changed.counts, records: changed.ids },
      });
    });
    return viewOf(ctx.db, id);
  });
}

/** The records applying would write (new, then changed), as JSON Lines, for a national system to load itself. */
export async function* deltaLines(ctx: StoreContext, id: string): AsyncGenerator<string> {
  requirePermission(ctx, 'record.import');
  await ownReconciliation(ctx, id);
  for (const group of ['new', 'changed'] as const) {
    for await (const item of allItems(ctx.db, id, group)) {
      yield `${JSON.stringify({ ...(item.payload.record as RecordInput), ...(item.recordId ? { id: item.recordId } : {}) })}\n`;
    }
  }
}

/** The first items of each group, as the HTML report shows them. */
export async function allReportItems(db: Db, id: string, perGroup = HTML_ITEMS): Promise<Map<ReconciliationGroup, ReconciliationItem[]>> {
  const groups = new Map<ReconciliationGroup, ReconciliationItem[]>();
  for (const group of RECONCILIATION_GROUPS) groups.set(group, await readItems(db, id, group, { limit: perGroup }));
  return groups;
}
