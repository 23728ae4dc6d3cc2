import { writeFileSync } from 'node:fs';
import { trainModels, type LinkModel } from '@svod/core';
import { activateModels, SYSTEM_ACTOR } from '@svod/server';
import type { CliConfig } from '../config.ts';
import { readProfiles, withStorage } from './shared.ts';

/**
 * Estimates the matching models (EM) from an array of records — usually the bank's own export —
 * and writes them as versioned JSON, or makes them the models the bank's checks score with.
 */
export async function train(config: CliConfig, options: { input: string; out?: string; activate?: boolean; version: string }): Promise<number> {
  if (!options.out && !options.activate) throw new Error('say where the models go: --out FILE, --activate, or both');
  const profiles = await readProfiles(options.input);
  const models = Object.values(trainModels(profiles)).map((model): LinkModel => ({ ...model, version: `${model.domain}-${options.version}` }));
  for (const model of models) {
    process.stderr.write(
      `${model.domain}: ${model.training.records} records, ${model.training.candidatePairs} candidate pairs, ${model.training.iterations} EM iterations\n`,
    );
  }
  if (options.out) writeFileSync(options.out, `${JSON.stringify(Object.fromEntries(models.map((m) => [m.domain, m])), null, 2)}\n`);
  if (options.activate) {
    await withStorage(config, (db) => activateModels({ db, actor: SYSTEM_ACTOR, purpose: 'model.train' }, models));
    process.stderr.write(`active for checks: ${models.map((m) => m.version).join(', ')}\n`);
  }
  return 0;
}
