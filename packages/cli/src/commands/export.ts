import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { Option, type Command } from 'commander';
import { CATEGORIES, STATUSES, type Category, type RecordStatus } from '@svod/core';
import { exportRecords } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { addRemoteOptions, outOption, purposeOption, type RemoteFlags } from '../options.ts';
import { assertKeysParticipant, checkedParticipant, requiredParticipant } from '../participant.ts';
import { startProgress, type Progress } from '../progress.ts';
import { NDJSON, type ApiClient } from '../remote/client.ts';
import { connectRemote } from '../remote/connect.ts';
import { cliActor, closeOutput, openOutput, withStorage, writeLine } from './shared.ts';

interface ExportOptions extends RemoteFlags {
  participant?: string;
  out?: string;
  category?: Category;
  status?: RecordStatus;
  purpose: string;
}

export function registerExport(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const command = program
    .command('export')
    .description(t('export.description'))
    .option('--participant <code>', t('export.participant'))
    .addOption(outOption(t))
    .addOption(new Option('--category <category>', t('export.category')).choices([...CATEGORIES]))
    .addOption(new Option('--status <status>', t('export.status')).choices([...STATUSES]))
    .addOption(purposeOption(t));
  addRemoteOptions(command, t).action(ctx.run((options: ExportOptions) => exportCommand(ctx, options)));
}

async function exportCommand(ctx: CommandContext, options: ExportOptions): Promise<number> {
  // Through a server, or in-process as a participant that must be named: settled before the output is opened.
  const client = connectRemote(ctx.config, options, options.purpose);
  const via: { client: ApiClient } | { participant: string } = client ? { client } : { participant: requiredParticipant(options.participant) };
  const out = openOutput(options.out);
  const progress = startProgress(ctx.t, ctx.t('progress.exporting'));
  try {
    if ('client' in via) await exportRemote(via.client, options, out, progress);
    else await exportLocal(ctx, via.participant, options, out, progress);
  } finally {
    progress.stop();
    await closeOutput(out);
  }
  return 0;
}

async function exportLocal(ctx: CommandContext, participant: string, options: ExportOptions, out: NodeJS.WritableStream, progress: Progress) {
  await withStorage(ctx.config, async (db) => {
    await checkedParticipant(db, participant);
    const filter = { ...(options.category ? { category: options.category } : {}), ...(options.status ? { status: options.status } : {}) };
    for await (const record of exportRecords({ db, actor: cliActor(participant), purpose: options.purpose }, filter, progress.update)) {
      await writeLine(out, JSON.stringify(record));
    }
  });
}

/** The server's JSON Lines go to the output as they arrive: an export of any size holds one chunk in memory. */
async function exportRemote(client: ApiClient, options: ExportOptions, out: NodeJS.WritableStream, progress: Progress) {
  if (options.participant !== undefined) assertKeysParticipant((await client.me()).participant, options.participant);
  const response = await client.send('GET', '/records/export', { query: { category: options.category, status: options.status }, accept: NDJSON });
  if (!response.body) return;
  let lines = 0;
  for await (const chunk of Readable.fromWeb(response.body as ReadableStream<Uint8Array>)) {
    const bytes = chunk as Buffer;
    for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines++;
    if (!out.write(bytes)) await new Promise<void>((resolve) => out.once('drain', resolve));
    progress.update(lines);
  }
}
