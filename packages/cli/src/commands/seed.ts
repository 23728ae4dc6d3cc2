import type { Command } from 'commander';
import { generateRecords } from '@svod/core';
import { isStoreEmpty, seedDemo } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { positiveInt } from '../options.ts';
import { startProgress } from '../progress.ts';
import { withStorage } from './shared.ts';

/** A few hundred records of every category, from every member state. */
export const DEMO_RECORD_COUNT = 2400;

/** The demo array: generated synthetic records with a fixed seed, so every demo bank looks alike. */
export function* demoRecordLines(count: number): Generator<string> {
  for (const record of generateRecords({ seed: 20261123, count })) yield JSON.stringify(record);
}

export function registerSeed(program: Command, ctx: CommandContext): void {
  program
    .command('seed')
    .description(ctx.t('seed.description'))
    .option('--count <n>', ctx.t('seed.count'), positiveInt(ctx.t), DEMO_RECORD_COUNT)
    .action(ctx.run((options: { count: number }) => seed(ctx, options)));
}

async function seed({ config, t }: CommandContext, options: { count: number }): Promise<number> {
  return withStorage(config, async (db) => {
    if (!(await isStoreEmpty(db))) {
      process.stderr.write(`${t('seed.notEmpty')}\n`);
      return 0;
    }
    const progress = startProgress(t, t('progress.demo'), options.count);
    const result = await seedDemo(db, demoRecordLines(options.count), { passwordPolicy: config.app.passwordPolicy, onProgress: progress.update });
    progress.stop();
    process.stderr.write(
      `${t('seed.loaded', { records: result.report.created, accounts: result.accounts.length })}\n${t('demo.password', { password: result.password })}\n`,
    );
    return result.report.rejectedTotal > 0 ? 2 : 0;
  });
}
