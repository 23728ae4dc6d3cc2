import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DOMAIN_FIELDS, trainModels, type Domain, type LinkModel, type MatchProfile } from '@svod/core';
import { activateModels, SYSTEM_ACTOR } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import type { Translate } from '../i18n.ts';
import { readProfiles, withStorage } from './shared.ts';

interface TrainOptions {
  input: string;
  out?: string;
  activate?: boolean;
  version: string;
}

/** Every domain the matcher has models for, in the core's order. */
const DOMAINS = Object.keys(DOMAIN_FIELDS) as Domain[];

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
 * A domain without enough data keeps its current model, and the operator is told why; when no
 * domain could be estimated nothing is written and the command fails.
 */
async function train(ctx: CommandContext, options: TrainOptions): Promise<number> {
  const { t } = ctx;
  if (!options.out && !options.activate) throw new CliError('train.nowhere');
  const profiles = await readProfiles(t, options.input);
  const trained = trainModels(profiles);
  const models = Object.values(trained).map((model): LinkModel => ({ ...model, version: `${model.domain}-${options.version}` }));
  for (const model of models) {
    const { records, candidatePairs: pairs, iterations } = model.training;
    process.stderr.write(`${t('train.trained', { domain: t(`train.domain.${model.domain}`), records: records ?? 0, pairs, iterations })}\n`);
  }
  const skipped = DOMAINS.filter((domain) => !trained[domain]);
  for (const domain of skipped) process.stderr.write(`${whySkipped(domain, profiles, t)}\n`);
  if (models.length === 0) throw new CliError('train.none');
  if (skipped.length > 0) process.stderr.write(`${t('train.skipped', { domains: skipped.map((d) => t(`train.domain.${d}`)).join(', ') })}\n`);
  if (options.out) {
    writeFileSync(options.out, `${JSON.stringify(Object.fromEntries(models.map((m) => [m.domain, m])), null, 2)}\n`);
    process.stderr.write(`${t('train.written', { file: options.out })}\n`);
  }
  if (options.activate) {
    await withStorage(ctx.config, (db) => activateModels({ db, actor: SYSTEM_ACTOR, purpose: 'model.train' }, models));
    process.stderr.write(`${t('train.active', { versions: models.map((m) => m.version).join(', ') })}\n`);
  }
  return 0;
}

/** trainModels leaves a domain out when it has under two records or no candidate pairs (core/matching/link.ts). */
function whySkipped(domain: Domain, profiles: readonly (MatchProfile | undefined)[], t: Translate): string {
  const records = profiles.filter((p) => p?.domain === domain).length;
  const name = t(`train.domain.${domain}`);
  if (records === 0) return t('train.noRecords', { domain: name });
  if (records < 2) return t('train.tooFewRecords', { domain: name, records });
  return t('train.noPairs', { domain: name, records });
}
