import { sql } from 'kysely';
import type { RecordContent, RecordHistory, RecordStatus } from '@svod/core';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { recordContent } from './record-content.ts';
import { loadVisible, visibleTo } from './records.ts';

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
    const hidden = own
      ? new Set<string>()
      : await unseenLinks(
          ctx,
          rows.map((r) => recordContent(r)),
        );
    const items = rows.map((row) => {
      const content = recordContent(row);
      return {
        version: row.version,
        status: row.status as RecordStatus,
        changedAt: new Date(row.changed_at).toISOString(),
        changedBy: { participant: record.owner, ...(own ? { name: row.display_name ?? row.key_name ?? row.changed_by } : {}) },
        ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
        ...(row.status_note ? { statusNote: row.status_note } : {}),
        content: hidden.size === 0 || !content.links ? content : { ...content, links: content.links.filter((l) => !hidden.has(l.recordId)) },
      };
    });
    await auditSuccess(ctx.db, ctx, { action: 'record.history', resourceType: 'record', resourceId: id, resultCount: items.length });
    return { recordId: id, items };
  });
}

/** The records linked from any of these versions that the actor may not read. */
async function unseenLinks(ctx: StoreContext, versions: RecordContent[]): Promise<Set<string>> {
  const linked = [...new Set(versions.flatMap((c) => (c.links ?? []).map((l) => l.recordId)))];
  if (linked.length === 0) return new Set();
  const visible = await ctx.db.selectFrom('records').select('id').where('id', 'in', linked).where(visibleTo(ctx.actor.participant)).execute();
  const seen = new Set(visible.map((r) => r.id));
  return new Set(linked.filter((id) => !seen.has(id)));
}
