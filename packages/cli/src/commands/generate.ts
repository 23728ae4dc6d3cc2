import { type Command, InvalidArgumentError } from 'commander';
import { CORRUPTION_KINDS, generateRecords, type CorruptionKind, type CorruptionRates } from '@svod/core';
import { generateActivity } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import type { Translate } from '../i18n.ts';
import { outOption, positiveInt } from '../options.ts';
import { startProgress } from '../progress.ts';
import { closeOutput, openOutput, withStorage, writeLine } from './shared.ts';

/** Writes synthetic records with ground truth as JSON Lines; memory stays flat at any size. */
export interface GenerateOptions {
  count: number;
  seed: number;
  out?: string;
  corruption?: Partial<CorruptionRates>;
  duplicateRate?: number;
  today?: string;
  activity?: boolean;
  months: number;
  perMonth: number;
}

export function registerGenerate(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('generate')
    .description(t('generate.description'))
    .option('--count <n>', t('generate.count'), positiveInt(t), 1000)
    .option('--seed <n>', t('generate.seed'), positiveInt(t), 1)
    .addOption(outOption(t))
    .option('--corruption <kind=rate,...>', t('generate.corruption'), (v) => {
      try {
        return parseCorruption(v);
      } catch (error) {
        throw new InvalidArgumentError(error instanceof CliError ? t(error.key, error.params) : String(error));
      }
    })
    .option('--duplicate-rate <p>', t('generate.duplicateRate'), (v) => {
      const p = Number(v);
      if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError(t('arg.between01'));
      return p;
    })
    .option('--today <date>', t('generate.today'))
    .option('--activity', t('generate.activity'))
    .option('--months <n>', t('generate.months'), positiveInt(t), 12)
    .option('--per-month <n>', t('generate.perMonth'), positiveInt(t), 80)
    .action(ctx.run((options: GenerateOptions) => (options.activity ? activity(ctx, options) : generate(t, options))));
}

/** Months of hits and requests written into the store, for the statistics and the demo. */
async function activity({ config, t }: CommandContext, options: GenerateOptions): Promise<number> {
  return withStorage(config, async (db) => {
    const report = await generateActivity(db, { months: options.months, perMonth: options.perMonth, seed: options.seed });
    process.stderr.write(`${t('generate.activityWritten', { ...report })}\n`);
    return 0;
  });
}

async function generate(t: Translate, options: GenerateOptions): Promise<number> {
  const out = openOutput(options.out);
  const progress = startProgress(t, t('progress.generating'), options.count);
  let written = 0;
  const { count, seed, corruption, duplicateRate, today } = options;
  for (const record of generateRecords({ seed, count, corruption, duplicateRate, today })) {
    await writeLine(out, JSON.stringify(record));
    if (++written % 10_000 === 0) progress.update(written);
  }
  progress.update(written);
  progress.stop();
  await closeOutput(out);
  return 0;
}

/**
 * Parses `--corruption typo=0.2,transliteration=0.5`.
 *
 * @example parseCorruption('typo=0.2') // { typo: 0.2 }
 */
export function parseCorruption(text: string): Partial<CorruptionRates> {
  const rates: Partial<CorruptionRates> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [kind = '', value = ''] = part.split('=');
    if (!(CORRUPTION_KINDS as readonly string[]).includes(kind)) {
      throw new CliError('generate.unknownCorruption', { kind, known: CORRUPTION_KINDS.join(', ') });
    }
    const rate = Number(value);
    if (!(rate >= 0 && rate <= 1)) throw new CliError('generate.corruptionRate', { kind, value });
    rates[kind as CorruptionKind] = rate;
  }
  return rates;
}
