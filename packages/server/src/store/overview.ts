import type { Category, RecordStatus } from '@svod/core';
import type { Db } from '../db/database.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { readAccess, visibleTo, type ReadAccess } from './access.ts';
import { reviewDue } from './records.ts';

/** What a home page shows at a glance: counts of what the caller may see, and its own records due for review. */
export interface RecordOverview {
  counts: { category: Category; owner: string; status: RecordStatus; count: number }[];
  /** The caller's own active records whose review date has passed. */
  reviewDue: number;
  /** When `counts` were taken: they are kept a minute, so a busy bank counts once a minute per agency. */
  countedAt: string;
}

const TTL_MS = 60_000;
const cache = new WeakMap<Db, Map<string, { at: number; overview: Promise<Pick<RecordOverview, 'counts' | 'countedAt'>> }>>();

async function countVisible(db: Db, access: ReadAccess): Promise<Pick<RecordOverview, 'counts' | 'countedAt'>> {
  const groups = await db
    .selectFrom('records')
    .select((eb) => ['category', 'owner', 'status', eb.fn.countAll<string>().as('count')])
    .where(visibleTo(access))
    .groupBy(['category', 'owner', 'status'])
    .orderBy('category')
    .orderBy('owner')
    .orderBy('status')
    .execute();
  return {
    counts: groups.map((g) => ({ category: g.category as Category, owner: g.owner, status: g.status as RecordStatus, count: Number(g.count) })),
    countedAt: new Date().toISOString(),
  };
}

/** The agency's own records past their review date: counted at every call, since it is what the agency acts on. */
async function countReviewDue(db: Db, participant: string): Promise<number> {
  const { count } = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('owner', '=', participant)
    .where(reviewDue())
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Counts of the records the caller may see by category, owner and status, for the role's home page. */
export async function recordOverview(ctx: StoreContext): Promise<RecordOverview> {
  return withFailureAudit(ctx, { action: 'record.overview', resourceType: 'record' }, async () => {
    requirePermission(ctx, 'record.read');
    let byParticipant = cache.get(ctx.db);
    if (!byParticipant) {
      byParticipant = new Map();
      cache.set(ctx.db, byParticipant);
    }
    const now = Date.now();
    const access = await readAccess(ctx.db, ctx.actor.participant);
    // Counts are kept per access, not per agency alone: a changed agreement is counted anew at once.
    const key = JSON.stringify([access.participant, [...access.sharedBy]]);
    let entry = byParticipant.get(key);
    if (!entry || now - entry.at > TTL_MS) {
      entry = { at: now, overview: countVisible(ctx.db, access) };
      byParticipant.set(key, entry);
      entry.overview.catch(() => byParticipant.delete(key));
    }
    const [visible, due] = await Promise.all([entry.overview, countReviewDue(ctx.db, ctx.actor.participant)]);
    const overview: RecordOverview = { ...visible, reviewDue: due };
    await auditSuccess(ctx.db, ctx, { action: 'record.overview', resourceType: 'record', resultCount: overview.counts.length });
    return overview;
  });
}
