import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError, STATUSES, isAppError, type Category, type ErrorCode, type FieldIssue, type RecordInput, type RecordStatus } from '@svod/core';
import type { Db, NewRecordRow, RecordRow, Tx } from '../db/database.ts';
import { BULK_LOAD_RECORDS, isStatisticsDue, refreshStatistics, tidyAfterBulkLoad } from '../db/maintenance.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import type { RecordValidators } from '../validation/records.ts';
import { assertRecordRules } from '../validation/records.ts';
import { appendAudit } from './audit.ts';
import { requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { fileMatchKeys } from './match-keys.ts';
import { recordContent } from './record-content.ts';
import { assertReferences, insertRecords, newRecordRow, replaceContent, splitContent } from './records.ts';

/** Fields a line may carry besides the record itself: the bank's own (from an export) and the generator's. */
const IGNORED_FIELDS = [
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'cancelReason',
  'statusNote',
  'dataQuality',
  'attachments',
  'truth',
  'corruptions',
];

/** Rejected lines listed in a report; more are counted, not listed, so a hostile file cannot bloat the answer. */
export const MAX_REPORTED_REJECTS = 1000;

/** Longest stretch of parsing the import does before it lets the server answer others (checks, /health). */
const TURN_MS = 10;

export interface RejectedLine {
  line: number;
  nationalRef?: string;
  code: ErrorCode;
  issues: FieldIssue[];
}

export interface ImportReport {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every rejected line counted; `rejected` holds only the first `maxReportedRejects` of them. */
  rejectedTotal: number;
  rejected: RejectedLine[];
  /** False when `atomic` was asked for and any line was bad: then nothing was written. */
  applied: boolean;
}

export interface ImportOptions {
  atomic: boolean;
  /**
   * The bank itself loads several participants' arrays (demo data, a central load): every line
   * must name its `owner`. Otherwise the actor's participant owns every line, and a line naming
   * another owner is refused.
   */
  ownersFromLines?: boolean;
  batchSize?: number;
  /** Stops collecting rejected lines past this many (they are still counted). */
  maxReportedRejects?: number;
  onProgress?: (linesRead: number) => void;
}

interface ValidLine {
  line: number;
  owner: string;
  input: RecordInput;
  /** The status the line states, when it states one: it must be the one the bank has. */
  status?: RecordStatus;
}

type Counts = Pick<ImportReport, 'created' | 'updated' | 'unchanged'>;

class AtomicRollback extends Error {}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Loads a JSON Lines array: each line is created, or updated when the owner already has a
 * record with that national reference. Without `atomic`, every valid line is applied and each
 * bad one reported with its line number; every batch commits with its own audit entry, so a
 * load cut short (a crash, a kill) leaves no record unaudited and can simply be run again. With
 * `atomic`, one bad line means nothing is applied. Every line read is counted: the report's
 * `lines` is the input's.
 */
export async function importRecords(
  ctx: StoreContext,
  lines: AsyncIterable<string> | Iterable<string>,
  validators: RecordValidators,
  options: ImportOptions,
): Promise<ImportReport> {
  return withFailureAudit(ctx, { action: 'record.import', resourceType: 'record' }, async () => {
    requirePermission(ctx, 'record.import');
    const report: ImportReport = { lines: 0, created: 0, updated: 0, unchanged: 0, rejectedTotal: 0, rejected: [], applied: true };
    const maxReported = options.maxReportedRejects ?? MAX_REPORTED_REJECTS;
    const reject = (entry: RejectedLine) => {
      report.rejectedTotal++;
      if (report.rejected.length < maxReported) report.rejected.push(entry);
    };
    const batchSize = options.batchSize ?? 500;
    const participants = new Set((await ctx.db.selectFrom('participants').select('code').execute()).map((r) => r.code));

    const run = async (atomicTx: Tx | undefined) => {
      let batch: ValidLine[] = [];
      let statisticsAt = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const pending = batch;
        batch = [];
        if (atomicTx) await applyBatch(atomicTx, ctx, pending, participants, report, reject);
        else await applyBatchIsolated(ctx, pending, participants, report, reject);
        if (isStatisticsDue(report.created, statisticsAt)) {
          statisticsAt = report.created;
          await refreshStatistics(atomicTx ?? ctx.db);
        }
      };
      let turnStarted = performance.now();
      for await (const text of lines) {
        report.lines++;
        if (report.lines % 1000 === 0) options.onProgress?.(report.lines);
        if (performance.now() - turnStarted > TURN_MS) {
          await nextTurn();
          turnStarted = performance.now();
        }
        if (text.trim() === '') continue;
        const parsed = parseLine(ctx, text, report.lines, validators, participants, options.ownersFromLines ?? false);
        if ('code' in parsed) reject(parsed);
        else batch.push(parsed);
        if (batch.length >= batchSize) {
          await flush();
          turnStarted = performance.now();
        }
      }
      await flush();
      options.onProgress?.(report.lines);
    };

    if (options.atomic) {
      try {
        await ctx.db.transaction().execute(async (tx) => {
          await run(tx);
          if (report.rejectedTotal > 0) throw new AtomicRollback();
          await auditImport(tx, ctx, { atomic: true, ...summaryOf(report) });
        });
      } catch (error) {
        if (!(error instanceof AtomicRollback)) throw error;
        report.applied = false;
        report.created = report.updated = report.unchanged = 0;
        await auditImport(ctx.db, ctx, { atomic: true, ...summaryOf(report) }, 'failure');
      }
    } else {
      await run(undefined);
      await auditImport(ctx.db, ctx, { atomic: false, ...summaryOf(report) });
    }
    if (report.created + report.updated >= BULK_LOAD_RECORDS) await tidyAfterBulkLoad(ctx.db);
    return report;
  });
}

const summaryOf = (report: ImportReport) => ({
  lines: report.lines,
  created: report.created,
  updated: report.updated,
  unchanged: report.unchanged,
  rejected: report.rejectedTotal,
});

function auditImport(db: Db | Tx, ctx: StoreContext, detail: Record<string, unknown> & Counts, outcome: 'success' | 'failure' = 'success') {
  return appendAudit(db, {
    actor: ctx.actor,
    action: 'record.import',
    outcome,
    purpose: ctx.purpose,
    resourceType: 'record',
    resultCount: detail.created + detail.updated,
    detail,
  });
}

function parseLine(
  ctx: StoreContext,
  text: string,
  line: number,
  validators: RecordValidators,
  participants: ReadonlySet<string>,
  ownersFromLines: boolean,
): ValidLine | RejectedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, code: 'malformed_request', issues: [{ path: '', code: 'invalid_json', params: { reason: (error as Error).message } }] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { line, code: 'validation_failed', issues: [{ path: '', code: 'wrong_type', params: { type: 'object' } }] };
  }
  const { owner: lineOwner, status, ...rest } = value as Record<string, unknown>;
  for (const field of IGNORED_FIELDS) delete rest[field];
  const nationalRef = typeof rest.nationalRef === 'string' ? rest.nationalRef : undefined;
  const refused = (code: ErrorCode, issue: FieldIssue): RejectedLine => ({ line, nationalRef, code, issues: [issue] });
  let owner = ctx.actor.participant;
  if (ownersFromLines) {
    if (typeof lineOwner !== 'string' || lineOwner === '') return refused('validation_failed', { path: '/owner', code: 'required' });
    if (!participants.has(lineOwner))
      return refused('unknown_participant', { path: '/owner', code: 'unknown_participant', params: { value: lineOwner } });
    owner = lineOwner;
  } else if (lineOwner !== undefined && lineOwner !== owner) {
    return refused('forbidden', { path: '/owner', code: 'not_allowed_value', params: { allowed: owner } });
  }
  if (status !== undefined && !STATUSES.includes(status as RecordStatus)) {
    return refused('validation_failed', { path: '/status', code: 'not_allowed_value', params: { allowed: STATUSES.join(', ') } });
  }
  try {
    const input = validators.input(rest);
    const { category, content } = splitContent(input);
    assertRecordRules(category, content);
    return { line, owner, input, ...(status === undefined ? {} : { status: status as RecordStatus }) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { line, nationalRef, code: error.code, issues: error.issues };
  }
}

/**
 * Applies a batch in its own transaction, with an audit entry for what it wrote; if the
 * database refuses the batch, it is retried line by line.
 */
async function applyBatchIsolated(
  ctx: StoreContext,
  batch: ValidLine[],
  participants: ReadonlySet<string>,
  report: ImportReport,
  reject: (r: RejectedLine) => void,
) {
  try {
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const rejects: RejectedLine[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      await applyBatch(tx, ctx, batch, participants, counts, (r) => rejects.push(r));
      if (counts.created + counts.updated > 0) {
        await auditImport(tx, ctx, { batch: { firstLine: batch[0]!.line, lastLine: batch.at(-1)!.line }, ...counts, rejected: rejects.length });
      }
    });
    report.created += counts.created;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
    rejects.forEach(reject);
  } catch (error) {
    if (batch.length === 1) {
      reject({
        line: batch[0]!.line,
        nationalRef: batch[0]!.input.nationalRef,
        code: isAppError(error) ? error.code : 'internal',
        issues: isAppError(error) ? error.issues : [],
      });
      return;
    }
    for (const one of batch) await applyBatchIsolated(ctx, [one], participants, report, reject);
  }
}

async function applyBatch(
  tx: Tx,
  ctx: StoreContext,
  batch: ValidLine[],
  participants: ReadonlySet<string>,
  counts: Counts,
  reject: (r: RejectedLine) => void,
) {
  const existing = new Map<string, RecordRow>();
  const byOwner = new Map<string, string[]>();
  for (const { owner, input } of batch) byOwner.set(owner, [...(byOwner.get(owner) ?? []), input.nationalRef]);
  for (const [owner, refs] of byOwner) {
    const rows = await tx.selectFrom('records').selectAll().where('owner', '=', owner).where('national_ref', 'in', refs).forUpdate().execute();
    for (const row of rows) existing.set(`${owner}\u0000${row.national_ref}`, row);
  }
  // New records go in together, in one statement; a line that repeats a pending one first
  // writes what is pending, so that it becomes an update of it.
  let pending = new Map<string, NewRecordRow>();
  const flushInserts = async () => {
    const inserted = await insertRecords(tx, [...pending.values()]);
    await fileMatchKeys(tx, inserted, { fresh: true });
    for (const row of inserted) existing.set(`${row.owner}\u0000${row.national_ref}`, row);
    counts.created += pending.size;
    pending = new Map();
  };
  for (const { line, owner, input, status } of batch) {
    const key = `${owner}\u0000${input.nationalRef}`;
    try {
      const { category, content } = splitContent(input);
      await assertReferences(tx, owner, content, participants);
      if (pending.has(key)) await flushInserts();
      const row = existing.get(key);
      assertStatusKept(row, status);
      if (!row) {
        pending.set(key, newRecordRow(owner, ctx.actor.id, input));
      } else if (row.category !== category) {
        throw new AppError('validation_failed', {
          issues: [{ path: '/category', code: 'not_allowed_value', params: { allowed: row.category as Category } }],
        });
      } else if (sameJson(recordContent(row), content)) {
        counts.unchanged++;
      } else if (row.status === 'cancelled') {
        // As the API's PUT: a cancelled record is closed for good.
        throw new AppError('version_conflict', { issues: [{ path: '/nationalRef', code: 'record_cancelled' }], params: { status: row.status } });
      } else {
        const updated = await replaceContent(tx, row, ctx.actor.id, content);
        await fileMatchKeys(tx, [updated]);
        existing.set(key, updated);
        counts.updated++;
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      reject({ line, nationalRef: input.nationalRef, code: error.code, issues: error.issues });
    }
  }
  await flushInserts();
}

/**
 * An import changes content, never a status: a line stating another status than the bank's (or,
 * for a new record, than `active`) is refused rather than silently ignored.
 */
function assertStatusKept(row: RecordRow | undefined, stated: RecordStatus | undefined) {
  const current = row?.status ?? 'active';
  if (stated !== undefined && stated !== current) {
    throw new AppError('version_conflict', { issues: [{ path: '/status', code: 'status_not_importable', params: { value: current } }] });
  }
}
