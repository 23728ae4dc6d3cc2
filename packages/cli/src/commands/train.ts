import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { trainModels, type LinkModel } from '@svod/core';
import { activateModels, SYSTEM_ACTOR } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import { readProfiles, withStorage } from './shared.ts';

interface TrainOptions {
  input: string;
  out?: string;
  activate?: boolean;
  version: string;
}

export function registerTrain(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('train')
    .description(t('train.description'))
    .requiredOption('--input <file>', t('train.input'))
    .option('--out <file>', t('train.out'))
    .option('--activate', t('train.activate'))
    .option('--version <label>', t('train.version'), new Date().toISOString().replace(/[:.]/g, '-'))
    .action(ctx.run((options: TrainOptions) => train(ctx, options)));
}

/**
 * Estimates the matching models (EM) from an array of records — usually the bank's own export —
 * and writes them as versioned JSON, or makes them the models the bank's checks score with.
 */
async function train(ctx: CommandContext, options: TrainOptions): Promise<number> {
  const { t } = ctx;
  if (!options.out && !options.activate) throw new CliError('train.nowhere');
  const profiles = await readProfiles(t, options.input);
  const models = Object.values(trainModels(profiles)).map((model): LinkModel => ({ ...model, version: `${model.domain}-${options.version}` }));
  for (const model of models) {
    const { records, candidatePairs: pairs, iterations } = model.training;
    process.stderr.write(`${t('train.trained', { domain: t(`train.domain.${model.domain}`), records: records ?? 0, pairs, iterations })}\n`);
  }
  if (options.out) writeFileSync(options.out, `${JSON.stringify(Object.fromEntries(models.map((m) => [m.domain, m])), null, 2)}\n`);
  if (options.activate) {
    await withStorage(ctx.config, (db) => activateModels({ db, actor: SYSTEM_ACTOR, purpose: 'model.train' }, models));
    process.stderr.write(`${t('train.active', { versions: models.map((m) => m.version).join(', ') })}\n`);
  }
  return 0;
}
