import { AppError, modelFitsMatcher, type Domain, type LinkModel } from '@svod/core';
import type { Db } from '../db/database.ts';
import { auditSuccess, type StoreContext } from './context.ts';
import { jsonColumn } from '../db/columns.ts';

/**
 * Stores models (from `svod train`, usually on the bank's own records) and makes them the ones
 * checks score with; the versions they replace stay, since audited checks name them. A model
 * that does not fit the running matcher's fields is refused, never half-stored.
 */
export async function activateModels(ctx: StoreContext, models: readonly LinkModel[]): Promise<void> {
  activatedAt.set(ctx.db, Date.now());
  const misfit = models.find((m) => !modelFitsMatcher(m));
  if (misfit) {
    throw new AppError('validation_failed', { issues: [{ path: `/${misfit.domain}`, code: 'model_fields', params: { value: misfit.version } }] });
  }
  await ctx.db.transaction().execute(async (tx) => {
    for (const model of models) {
      await tx.updateTable('match_models').set({ active: false }).where('domain', '=', model.domain).where('active', '=', true).execute();
      await tx
        .insertInto('match_models')
        .values({ version: model.version, domain: model.domain, model: JSON.stringify(model), active: true })
        .onConflict((oc) => oc.column('version').doUpdateSet({ active: true }))
        .execute();
    }
    await auditSuccess(tx, ctx, {
      action: 'model.activate',
      resourceType: 'match_model',
      resultCount: models.length,
      detail: { versions: models.map((m) => m.version) },
    });
  });
}

const activatedAt = new WeakMap<Db, number>();

/** When this process last activated models in this store (cached weights older than that are stale). */
export const lastActivation = (db: Db): number => activatedAt.get(db) ?? 0;

/** The active stored model of each domain that fits the running matcher (others fall back to the shipped ones). */
export async function activeModels(db: Db): Promise<Partial<Record<Domain, LinkModel>>> {
  const rows = await db.selectFrom('match_models').select(['domain', 'model']).where('active', '=', true).execute();
  const models: Partial<Record<Domain, LinkModel>> = {};
  for (const row of rows) {
    const model = jsonColumn<LinkModel>(row.model);
    if (modelFitsMatcher(model)) models[model.domain] = model;
  }
  return models;
}
