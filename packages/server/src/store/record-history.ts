import { sql } from 'kysely';
import type { RecordHistory, RecordStatus } from '@svod/core';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { recordContent } from './record-content.ts';
import { loadVisible, visibleIds } from './records.ts';

/**
 * Every version of a record the actor may read, newest first, as `record_versions` kept it. Who
 * wrote a version is named only to the owner's own people; another state's reader sees the
 * owning participant. Links to records the reader may not see are left out of every version, as
 * they are of the record itself.
 */
export async function recordHistory(ctx: StoreContext, id: string): Promise<RecordHistory> {
  return withFailureAudit(ctx, { action: 'record.history', resourceType: 'record', resourceId: id }, async () => {
    requirePermission(ctx, 'record.read');
    const record = await loadVisible(ctx.db, ctx.actor.participant, id);
    const own = record.owner === ctx.actor.participant;
    const rows = await ctx.db
      .selectFrom('record_versions as v')
      .leftJoin('users as u', (join) => join.on(sql`u.id::text`, '=', sql.ref('v.changed_by')))
      .leftJoin('api_keys as k', (join) => join.on(sql`k.id::text`, '=', sql.ref('v.changed_by')))
      .select([
        'v.version',
        'v.status',
        'v.content',
        'v.cancel_reason',
        'v.status_note',
        'v.changed_by',
        'v.changed_at',
        'u.display_name',
        'k.name as key_name',
      ])
      .where('v.record_id', '=', id)
      .orderBy('v.version', 'desc')
      .execute();
    const versions = rows.map((row) => ({ row, content: recordContent(row) }));
    // Another state's reader follows only links to records it may read, in every version.
    const visible = own
      ? undefined
      : await visibleIds(
          ctx.db,
          ctx.actor.participant,
          versions.flatMap((v) => (v.content.links ?? []).map((l) => l.recordId)),
        );
    const items = versions.map(({ row, content }) => ({
      version: row.version,
      status: row.status as RecordStatus,
      changedAt: new Date(row.changed_at).toISOString(),
      changedBy: { participant: record.owner, ...(own ? { name: row.display_name ?? row.key_name ?? row.changed_by } : {}) },
      ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
      ...(row.status_note ? { statusNote: row.status_note } : {}),
      content: !visible || !content.links ? content : { ...content, links: content.links.filter((l) => visible.has(l.recordId)) },
    }));
    await auditSuccess(ctx.db, ctx, { action: 'record.history', resourceType: 'record', resourceId: id, resultCount: items.length });
    return { recordId: id, items };
  });
}
