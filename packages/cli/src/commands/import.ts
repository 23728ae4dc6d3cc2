import type { Command } from 'commander';
import { createAjv, createRecordValidators, importRecords, refileMatchKeysIfStale } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { outcomeOfLocal, printOutcome, type ImportOutcome } from '../import-report.ts';
import { purposeOption } from '../options.ts';
import { checkedParticipant } from '../participant.ts';
import { startProgress } from '../progress.ts';
import { cliActor, readLines, withStorage } from './shared.ts';

interface ImportOptions {
  participant?: string;
  atomic?: boolean;
  purpose: string;
}

export function registerImport(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('import')
    .description(t('import.description'))
    .argument('<file>', t('import.file'))
    .option('--participant <code>', t('import.participant'))
    .option('--atomic', t('import.atomic'))
    .addOption(purposeOption(t))
    .action(ctx.run((file: string, options: ImportOptions) => importCommand(ctx, file, options)));
}

async function importCommand(ctx: CommandContext, file: string, options: ImportOptions): Promise<number> {
  const outcome = await importLocal(ctx, file, options);
  return printOutcome(outcome, ctx.t, ctx.config.lang);
}

async function importLocal(ctx: CommandContext, file: string, options: ImportOptions): Promise<ImportOutcome> {
  const { t, config } = ctx;
  const report = await withStorage(config, async (db) => {
    if (options.participant !== undefined) await checkedParticipant(db, options.participant);
    // New lines are filed with this version's keys: the rest of the store must hold them too
    // (on a new store this only records the version, so a bulk load is not filed twice).
    const filing = startProgress(t, t('progress.filing'));
    await refileMatchKeysIfStale(db, filing.update);
    filing.stop();
    const progress = startProgress(t, t('progress.importing', { file }));
    try {
      return await importRecords(
        { db, actor: cliActor(options.participant), purpose: options.purpose },
        readLines(file),
        createRecordValidators(createAjv()),
        { atomic: options.atomic ?? false, onProgress: progress.update },
      );
    } finally {
      progress.stop();
    }
  });
  return outcomeOfLocal(report, config.lang);
}
