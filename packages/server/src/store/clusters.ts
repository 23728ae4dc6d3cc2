import { sql } from 'kysely';
import type { RecordView } from '@svod/core';
import type { Db } from '../db/database.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { readAccess, visibleTo } from './access.ts';
import { hideUnseenLinks, loadVisible, toRecordView } from './records.ts';

/** Records of one subject at most: a cluster larger than this is a matching fault to look into, not a subject. */
const MAX_CLUSTER = 500;

/** Every record joined to this one by confirmed pairs, directly or through others, itself included. */
async function clusterIds(db: Db, id: string): Promise<string[]> {
  // UNION, not UNION ALL: a record reached twice is not walked again, so a cycle of pairs ends.
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE cluster(id) AS (
      SELECT ${id}::uuid
      UNION
      SELECT CASE WHEN m.record_a = c.id THEN m.record_b ELSE m.record_a END
      FROM matches m JOIN cluster c ON m.record_a = c.id OR m.record_b = c.id
      WHERE m.status = 'confirmed'
    )
    SELECT id FROM cluster LIMIT ${MAX_CLUSTER}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * The other records of the subject this record describes: those joined to it by pairs a
 * supervisor confirmed, directly or through another record (a missing person confirmed as a body
 * that another state filed twice). Only records the caller may see are listed; one it may not
 * see still joins those on either side of it, as the owners' decisions did.
 */
export async function recordCluster(ctx: StoreContext, id: string): Promise<RecordView[]> {
  return withFailureAudit(ctx, { action: 'record.cluster', resourceType: 'record', resourceId: id }, async () => {
    requirePermission(ctx, 'record.read');
    await loadVisible(ctx.db, ctx.actor.participant, id);
    const others = (await clusterIds(ctx.db, id)).filter((other) => other !== id);
    const rows =
      others.length === 0
        ? []
        : await ctx.db
            .selectFrom('records')
            .selectAll()
            .where('id', 'in', others)
            .where(visibleTo(await readAccess(ctx.db, ctx.actor.participant)))
            .orderBy('created_at')
            .orderBy('id')
            .execute();
    await auditSuccess(ctx.db, ctx, {
      action: 'record.cluster',
      resourceType: 'record',
      resourceId: id,
      resultCount: rows.length,
      detail: { records: rows.map((r) => r.id) },
    });
    return hideUnseenLinks(
      ctx.db,
      ctx.actor.participant,
      rows.map((row) => toRecordView(row)),
    );
  });
}
