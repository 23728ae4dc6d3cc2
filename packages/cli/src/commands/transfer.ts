import { issueMessage, type Actor } from '@svod/core';
import {
  createAjv,
  createRecordValidators,
  exportRecords,
  importRecords,
  listParticipants,
  refileMatchKeysIfStale,
  SYSTEM_ACTOR,
  type Db,
} from '@svod/server';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { closeOutput, openOutput, readLines, withStorage, writeLine } from './shared.ts';

/**
 * The CLI acts in-process as the bank's operator console: as the named participant, or — for
 * loading several states' arrays at once — as the bank itself, taking each line's `owner`.
 */
function cliActor(participant: string | undefined): Actor {
  return participant ? { kind: 'system', id: 'svod-cli', name: 'svod cli', participant, role: 'supervisor' } : SYSTEM_ACTOR;
}

async function assertParticipant(db: Db, participant: string | undefined) {
  if (!participant) return;
  const known = await listParticipants(db);
  if (!known.some((p) => p.code === participant))
    throw new Error(`Unknown participant ${participant}; known: ${known.map((p) => p.code).join(', ')}`);
}

export async function importCommand(
  config: CliConfig,
  file: string,
  options: { participant?: string; atomic?: boolean; purpose: string },
): Promise<number> {
  const report = await withStorage(config, async (db) => {
    await assertParticipant(db, options.participant);
    // New lines are filed with this version's keys: the rest of the store must hold them too
    // (on a new store this only records the version, so a bulk load is not filed twice).
    const filing = startProgress('Filing match keys');
    await refileMatchKeysIfStale(db, filing.update);
    filing.stop();
    const progress = startProgress(`Importing ${file}`);
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
  for (const bad of report.rejected) {
    process.stderr.write(`line ${bad.line}${bad.nationalRef ? ` (${bad.nationalRef})` : ''}: ${bad.code}\n`);
    for (const issue of bad.issues) process.stderr.write(`  ${issue.path || '/'}: ${issueMessage(issue.code, config.lang, issue.params)}\n`);
  }
  const summary = report.applied
    ? `${report.lines} lines: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`
    : `${report.lines} lines: nothing applied (atomic import) because ${report.rejected.length} lines were rejected`;
  process.stdout.write(`${JSON.stringify({ ...report, rejected: report.rejected.length })}\n`);
  process.stderr.write(`${summary}\n`);
  return report.rejected.length > 0 ? 2 : 0;
}

export async function exportCommand(
  config: CliConfig,
  options: { participant: string; out?: string; category?: string; status?: string; purpose: string },
): Promise<number> {
  const out = openOutput(options.out);
  const progress = startProgress('Exporting');
  await withStorage(config, async (db) => {
    await assertParticipant(db, options.participant);
    const filter = {
      ...(options.category ? { category: options.category as never } : {}),
      ...(options.status ? { status: options.status as never } : {}),
    };
    for await (const record of exportRecords({ db, actor: cliActor(options.participant), purpose: options.purpose }, filter, progress.update)) {
      await writeLine(out, JSON.stringify(record));
    }
  });
  progress.stop();
  await closeOutput(out);
  return 0;
}
