import type { CheckInput, RecordView } from '@svod/core';
import { RECORD_SEARCH, runCheck } from './checks.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { readAccess } from './access.ts';
import { filteredRecords, hideUnseenLinks, toRecordView, type RecordFilter } from './records.ts';

const PAGE = 1000;

/**
 * Streams every record the actor may see that matches the filter, oldest first, in pages. The
 * audit entry counts what was handed over, also when the client stops reading half-way.
 */
export async function* exportRecords(ctx: StoreContext, filter: RecordFilter, onProgress?: (n: number) => void): AsyncGenerator<RecordView> {
  await withFailureAudit(ctx, { action: 'record.export', resourceType: 'record' }, async () => requirePermission(ctx, 'record.export'));
  let after: { createdAt: Date; id: string } | undefined;
  let sent = 0;
  try {
    for (;;) {
      // The register is read for each page: an agreement that ends stops a long export within a second.
      let query = filteredRecords(ctx.db, await readAccess(ctx.db, ctx.actor.participant), filter)
        .orderBy('created_at')
        .orderBy('id')
        .limit(PAGE);
      if (after) {
        const { createdAt, id } = after;
        query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]));
      }
      const rows = await query.execute();
      const views = await hideUnseenLinks(
        ctx.db,
        ctx.actor.participant,
        rows.map((row) => toRecordView(row)),
      );
      for (const view of views) {
        // Counted before it is handed over: a consumer that stops never resumes this generator.
        sent++;
        yield view;
      }
      onProgress?.(sent);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) break;
      after = { createdAt: new Date(last.created_at), id: last.id };
    }
  } finally {
    await auditSuccess(ctx.db, ctx, {
      action: 'record.export',
      resourceType: 'record',
      resultCount: sent,
      detail: { filter: { ...filter } },
    });
  }
}

/**
 * The console's ranked search, for a spreadsheet: the same records in the same order as the
 * search shows them, to a role that may export, audited as an export naming each record.
 */
export async function exportSearch(ctx: StoreContext, input: CheckInput): Promise<RecordView[]> {
  await withFailureAudit(ctx, { action: 'record.export', resourceType: 'record' }, async () => requirePermission(ctx, 'record.export'));
  const result = await runCheck(ctx, { ...input, limit: input.limit ?? 50 }, RECORD_SEARCH);
  const records = await hideUnseenLinks(
    ctx.db,
    ctx.actor.participant,
    result.candidates.map((c) => c.record),
  );
  await auditSuccess(ctx.db, ctx, {
    action: 'record.export',
    resourceType: 'record',
    resultCount: records.length,
    detail: { search: input, records: records.map((r) => r.id) },
  });
  return records;
}
