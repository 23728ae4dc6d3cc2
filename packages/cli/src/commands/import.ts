import type { Command } from 'commander';
import { createAjv, createRecordValidators, DEFAULT_APP_CONFIG, importRecords, refileMatchKeysIfStale } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { outcomeOfLocal, printOutcome, type ImportOutcome } from '../import-report.ts';
import { addRemoteOptions, positiveInt, positiveNumber, purposeOption, type RemoteFlags } from '../options.ts';
import { checkedParticipant } from '../participant.ts';
import { startProgress } from '../progress.ts';
import { connectRemote } from '../remote/connect.ts';
import { importRemote } from '../remote/import.ts';
import { cliActor, readLines, withStorage } from './shared.ts';

interface ImportOptions extends RemoteFlags {
  participant?: string;
  atomic?: boolean;
  purpose: string;
  chunkLines: number;
  limitMib: number;
}

export function registerImport(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const command = program
    .command('import')
    .description(t('import.description'))
    .argument('<file>', t('import.file'))
    .option('--participant <code>', t('import.participant'))
    .option('--atomic', t('import.atomic'))
    .addOption(purposeOption(t));
  addRemoteOptions(command, t)
    .option('--chunk-lines <n>', t('import.chunkLines'), positiveInt(t), 20_000)
    .option('--limit-mib <n>', t('import.limitMib'), positiveNumber(t), DEFAULT_APP_CONFIG.importLimitBytes / (1024 * 1024))
    .action(ctx.run((file: string, options: ImportOptions) => importCommand(ctx, file, options)));
}

async function importCommand(ctx: CommandContext, file: string, options: ImportOptions): Promise<number> {
  const client = connectRemote(ctx.config, options, options.purpose);
  const outcome = client
    ? await importRemote(client, ctx.t, file, { ...options, atomic: options.atomic ?? false })
    : await importLocal(ctx, file, options);
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
        { atomic: options.atomic ?? false, ownersFromLines: !options.participant, onProgress: progress.update },
      );
    } finally {
      progress.stop();
    }
  });
  return outcomeOfLocal(report, config.lang);
}
