import { AppError, CATEGORIES, DISCLOSURES, type Category, type Disclosure } from '@svod/core';
import type { Db, Tx } from '../db/database.ts';
import { jsonColumn } from '../db/columns.ts';
import { auditSuccess, withFailureAudit, type StoreContext } from '../store/context.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { queueWholeArray } from './outbox.ts';

/** The arrays a national node shares as hit / no hit: a JSON list of categories. */
const HIT_ONLY_SETTING = 'federation.hit_only';

/** The arrays this node sends to the bank as reference data only. */
export async function hitOnlyCategories(db: Db | Tx): Promise<Category[]> {
  const held = await readSetting(db, HIT_ONLY_SETTING);
  return held ? jsonColumn<Category[]>(held) : [];
}

const invalid = (path: string, allowed: readonly string[]) =>
  new AppError('validation_failed', { issues: [{ path, code: 'not_allowed_value', params: { allowed: allowed.join(', ') } }] });

/**
 * A state's choice for one of its arrays: send it whole, or as hit / no hit. Every record of the
 * array is queued again at once, so that the bank holds each as the state now wants it (the bank
 * replaces a record's content at the same version when only its disclosure changed). Returns how
 * many were queued.
 */
export async function setDisclosure(ctx: StoreContext, state: string, category: string, disclosure: string): Promise<number> {
  return withFailureAudit(ctx, { action: 'federation.disclosure', resourceType: 'federation', resourceId: category }, async () => {
    if (!(CATEGORIES as readonly string[]).includes(category)) throw invalid('/category', CATEGORIES);
    if (!(DISCLOSURES as readonly string[]).includes(disclosure)) throw invalid('/disclosure', DISCLOSURES);
    return ctx.db.transaction().execute(async (tx) => {
      const now = new Set(await hitOnlyCategories(tx));
      if (disclosure === ('hit' satisfies Disclosure)) now.add(category as Category);
      else now.delete(category as Category);
      await writeSetting(tx, HIT_ONLY_SETTING, JSON.stringify([...now].sort()));
      const queued = await queueWholeArray(tx, state, category);
      await auditSuccess(tx, ctx, {
        action: 'federation.disclosure',
        resourceType: 'federation',
        resourceId: category,
        resultCount: queued,
        detail: { category, disclosure },
      });
      return queued;
    });
  });
}
