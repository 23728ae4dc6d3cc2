import { Option, type Command } from 'commander';
import { CATEGORIES, STATUSES, type Category, type RecordStatus } from '@svod/core';
import { exportRecords } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { outOption, purposeOption } from '../options.ts';
import { checkedParticipant } from '../participant.ts';
import { startProgress } from '../progress.ts';
import { cliActor, closeOutput, openOutput, withStorage, writeLine } from './shared.ts';

interface ExportOptions {
  participant: string;
  out?: string;
  category?: Category;
  status?: RecordStatus;
  purpose: string;
}

export function registerExport(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('export')
    .description(t('export.description'))
    .requiredOption('--participant <code>', t('export.participant'))
    .addOption(outOption(t))
    .addOption(new Option('--category <category>', t('export.category')).choices([...CATEGORIES]))
    .addOption(new Option('--status <status>', t('export.status')).choices([...STATUSES]))
    .addOption(purposeOption(t))
    .action(ctx.run((options: ExportOptions) => exportCommand(ctx, options)));
}

async function exportCommand(ctx: CommandContext, options: ExportOptions): Promise<number> {
  const out = openOutput(options.out);
  const progress = startProgress(ctx.t, ctx.t('progress.exporting'));
  try {
    await withStorage(ctx.config, async (db) => {
      await checkedParticipant(db, options.participant);
      const filter = { ...(options.category ? { category: options.category } : {}), ...(options.status ? { status: options.status } : {}) };
      for await (const record of exportRecords({ db, actor: cliActor(options.participant), purpose: options.purpose }, filter, progress.update)) {
        await writeLine(out, JSON.stringify(record));
      }
    });
  } finally {
    progress.stop();
    await closeOutput(out);
  }
  return 0;
}
