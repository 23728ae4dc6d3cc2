import { AppError, isAppError, type Category, type FieldIssue, type ErrorCode, type RecordInput, type RecordView } from '@svod/core';
import type { Db, NewRecordRow, RecordRow, Tx } from '../db/database.ts';
import { BULK_LOAD_RECORDS, tidyAfterBulkLoad } from '../db/maintenance.ts';
import type { RecordValidators } from '../validation/records.ts';
import { assertRecordRules } from '../validation/records.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { fileMatchKeys } from './match-keys.ts';
import { recordContent } from './record-content.ts';
import { appendAudit } from './audit.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import {
  assertReferences,
  filteredRecords,
  insertRecords,
  newRecordRow,
  replaceContent,
  splitContent,
  toRecordView,
  type RecordFilter,
} from './records.ts';

/** Fields a line may carry besides the record itself: the bank's own (from an export) and the generator's. */
const IGNORED_FIELDS = ['id', 'status', 'version', 'createdAt', 'updatedAt', 'cancelReason', 'attachments', 'truth', 'corruptions'];

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
  batchSize?: number;
  /** Stops collecting rejected lines past this many (they are still counted). */
  maxReportedRejects?: number;
  onProgress?: (linesRead: number) => void;
}

interface ValidLine {
  line: number;
  owner: string;
  input: RecordInput;
}

class AtomicRollback extends Error {}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Loads a JSON Lines array: each line is created, or updated when the owner already has a
 * record with that national reference. Without `atomic`, every valid line is applied and each
 * bad one reported with its line number; with `atomic`, one bad line means nothing is applied.
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
    const reject = (entry: RejectedLine) => {
      report.rejectedTotal++;
      if (report.rejected.length < (options.maxReportedRejects ?? 1000)) report.rejected.push(entry);
    };
    const batchSize = options.batchSize ?? 500;

    const run = async (atomicTx: Tx | undefined) => {
      let batch: ValidLine[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const pending = batch;
        batch = [];
        if (atomicTx) await applyBatch(atomicTx, ctx, pending, report, reject);
        else await applyBatchIsolated(ctx, pending, report, reject);
      };
      for await (const text of lines) {
        report.lines++;
        if (report.lines % 1000 === 0) options.onProgress?.(report.lines);
        if (text.trim() === '') continue;
        const parsed = parseLine(ctx, text, report.lines, validators);
        if ('code' in parsed) reject(parsed);
        else batch.push(parsed);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      options.onProgress?.(report.lines);
    };

    if (options.atomic) {
      try {
        await ctx.db.transaction().execute(async (tx) => {
          await run(tx);
          if (report.rejectedTotal > 0) throw new AtomicRollback();
          await auditImport(tx, ctx, report);
        });
      } catch (error) {
        if (!(error instanceof AtomicRollback)) throw error;
        report.applied = false;
        report.created = report.updated = report.unchanged = 0;
        await appendAudit(ctx.db, {
          actor: ctx.actor,
          action: 'record.import',
          outcome: 'failure',
          purpose: ctx.purpose,
          resourceType: 'record',
          resultCount: 0,
          detail: { atomic: true, lines: report.lines, rejected: report.rejectedTotal },
        });
      }
    } else {
      await run(undefined);
      await auditImport(ctx.db, ctx, report);
    }
    if (report.created + report.updated >= BULK_LOAD_RECORDS) await tidyAfterBulkLoad(ctx.db);
    return report;
  });
}

function auditImport(db: Db | Tx, ctx: StoreContext, report: ImportReport) {
  return auditSuccess(db, ctx, {
    action: 'record.import',
    resourceType: 'record',
    resultCount: report.created + report.updated,
    detail: { lines: report.lines, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejectedTotal },
  });
}

function parseLine(ctx: StoreContext, text: string, line: number, validators: RecordValidators): ValidLine | RejectedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, code: 'malformed_request', issues: [{ path: '', code: 'invalid_json', params: { reason: (error as Error).message } }] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { line, code: 'validation_failed', issues: [{ path: '', code: 'wrong_type', params: { type: 'object' } }] };
  }
  const { owner: lineOwner, ...rest } = value as Record<string, unknown>;
  for (const field of IGNORED_FIELDS) delete rest[field];
  const nationalRef = typeof rest.nationalRef === 'string' ? rest.nationalRef : undefined;
  const owner = ctx.actor.kind === 'system' && typeof lineOwner === 'string' ? lineOwner : ctx.actor.participant;
  if (lineOwner !== undefined && lineOwner !== owner) {
    return { line, nationalRef, code: 'forbidden', issues: [{ path: '/owner', code: 'not_allowed_value', params: { allowed: owner } }] };
  }
  try {
    const input = validators.input(rest);
    const { category, content } = splitContent(input);
    assertRecordRules(category, content);
    return { line, owner, input };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { line, nationalRef, code: error.code, issues: error.issues };
  }
}

/** Applies a batch in its own transaction; if the database refuses it, retries line by line. */
async function applyBatchIsolated(ctx: StoreContext, batch: ValidLine[], report: ImportReport, reject: (r: RejectedLine) => void) {
  try {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const rejects: RejectedLine[] = [];
    await ctx.db.transaction().execute((tx) => applyBatch(tx, ctx, batch, counts, (r) => rejects.push(r)));
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
    for (const one of batch) await applyBatchIsolated(ctx, [one], report, reject);
  }
}

async function applyBatch(
  tx: Tx,
  ctx: StoreContext,
  batch: ValidLine[],
  counts: Pick<ImportReport, 'created' | 'updated' | 'unchanged'>,
  reject: (r: RejectedLine) => void,
) {
  const existing = new Map<string, RecordRow>();
  const byOwner = new Map<string, string[]>();
  for (const { owner, input } of batch) byOwner.set(owner, [...(byOwner.get(owner) ?? []), input.nationalRef]);
  for (const [owner, refs] of byOwner) {
    const rows = await tx.selectFrom('records').selectAll().where('owner', '=', owner).where('national_ref', 'in', refs).forUpdate().execute();
    for (const row of rows) existing.set(`${owner}\u0000${row.national_ref}`, row);
  }
  const participants = new Set((await tx.selectFrom('participants').select('code').execute()).map((r) => r.code));
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
  for (const { line, owner, input } of batch) {
    const key = `${owner}\u0000${input.nationalRef}`;
    try {
      const { category, content } = splitContent(input);
      await assertReferences(tx, owner, content, participants);
      if (pending.has(key)) await flushInserts();
      const row = existing.get(key);
      if (!row) {
        pending.set(key, newRecordRow(owner, ctx.actor.id, input));
      } else if (row.category !== category) {
        throw new AppError('validation_failed', {
          issues: [{ path: '/category', code: 'not_allowed_value', params: { allowed: row.category as Category } }],
        });
      } else if (sameJson(recordContent(row), content)) {
        counts.unchanged++;
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

/** Streams every record the actor may see that matches the filter, oldest first, in batches. */
export async function* exportRecords(ctx: StoreContext, filter: RecordFilter, onProgress?: (n: number) => void): AsyncGenerator<RecordView> {
  await withFailureAudit(ctx, { action: 'record.export', resourceType: 'record' }, async () => requirePermission(ctx, 'record.export'));
  let after: { createdAt: Date; id: string } | undefined;
  let count = 0;
  try {
    for (;;) {
      let query = filteredRecords(ctx.db, ctx.actor.participant, filter).clearOrderBy().orderBy('created_at').orderBy('id').limit(1000);
      if (after) {
        const { createdAt, id } = after;
        query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]));
      }
      const rows = await query.execute();
      for (const row of rows) yield toRecordView(row);
      count += rows.length;
      onProgress?.(count);
      const last = rows.at(-1);
      if (!last || rows.length < 1000) break;
      after = { createdAt: new Date(last.created_at), id: last.id };
    }
  } finally {
    await auditSuccess(ctx.db, ctx, {
      action: 'record.export',
      resourceType: 'record',
      resultCount: count,
      detail: { filter: { ...filter } },
    });
  }
}
