import { readFile, writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { basename } from 'node:path';
import { APPLICABLE_GROUPS, CATEGORIES, type ApplicableGroup, type ArrayField, type ArrayMapping, type Category } from '@svod/core';
import { allReportItems, applyReconciliation, reconcileFile, refileMatchKeysIfStale, reportHtml } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import { purposeOption } from '../options.ts';
import { checkedParticipant, requiredParticipant } from '../participant.ts';
import { startProgress } from '../progress.ts';
import { cliActor, withStorage } from './shared.ts';

interface ReconcileOptions {
  participant?: string;
  category: Category;
  mapping?: string;
  apply?: boolean;
  groups: string;
  report?: string;
  against?: string;
  purpose: string;
}

export function registerReconcile(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('reconcile')
    .description(t('reconcile.description'))
    .argument('<file>', t('reconcile.file'))
    .option('--participant <code>', t('reconcile.participant'))
    .addOption(new Option('--category <category>', t('reconcile.category')).choices([...CATEGORIES]).makeOptionMandatory())
    .option('--mapping <file>', t('reconcile.mapping'))
    .option('--apply', t('reconcile.apply'))
    .option('--groups <list>', t('reconcile.groups'), 'new,changed')
    .option('--report <file>', t('reconcile.report'))
    .option('--against <code>', t('reconcile.against'))
    .addOption(purposeOption(t))
    .action(ctx.run((file: string, options: ReconcileOptions) => reconcile(ctx, file, options)));
}

/**
 * A mapping file: the columns' fields (`{"Фамилия": "surname", …}`), or those and values for
 * fields the array has no column for (`{"columns": {…}, "defaults": {"measure": "arrest"}}`).
 */
async function readMapping(path: string): Promise<{ mapping: ArrayMapping; defaults?: Partial<Record<ArrayField, string>> }> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError('reconcile.badMapping', { file: path, reason: (error as Error).message });
  }
  const isObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(value)) throw new CliError('reconcile.badMapping', { file: path, reason: 'not an object' });
  const { columns, defaults } = value as { columns?: unknown; defaults?: unknown };
  if (columns === undefined) return { mapping: value as ArrayMapping };
  if (!isObject(columns) || (defaults !== undefined && !isObject(defaults))) {
    throw new CliError('reconcile.badMapping', { file: path, reason: '"columns" and "defaults" must be objects' });
  }
  return { mapping: columns as ArrayMapping, ...(defaults ? { defaults: defaults as Partial<Record<ArrayField, string>> } : {}) };
}

function groupsOf(list: string): ApplicableGroup[] {
  const groups = list
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  for (const group of groups) {
    if (!(APPLICABLE_GROUPS as readonly string[]).includes(group))
      throw new CliError('reconcile.badGroup', { group, allowed: APPLICABLE_GROUPS.join(', ') });
  }
  return groups as ApplicableGroup[];
}

/**
 * `svod reconcile FILE --participant P --category C`: the array compared with the bank, a progress
 * bar on stderr, and on stdout as its last line a JSON summary with the count of each group. With
 * `--report`, the report as a self-contained HTML file; with `--apply`, the chosen groups written
 * as one change. A file that cannot be read exits non-zero with the row and column at fault.
 */
async function reconcile(ctx: CommandContext, file: string, options: ReconcileOptions): Promise<number> {
  const { t, config } = ctx;
  const participant = requiredParticipant(options.participant);
  const groups = options.apply ? groupsOf(options.groups) : [];
  const mapping = options.mapping ? await readMapping(options.mapping) : undefined;
  return withStorage(config, async (db) => {
    await checkedParticipant(db, participant);
    const filing = startProgress(t, t('progress.filing'));
    await refileMatchKeysIfStale(db, filing.update);
    filing.stop();
    const store = { db, actor: cliActor(participant), purpose: options.purpose };
    const progress = startProgress(t, t('progress.reconciling', { file }));
    let view = await reconcileFile(
      store,
      {
        participant,
        category: options.category,
        path: file,
        fileName: basename(file),
        ...mapping,
        ...(options.against ? { against: options.against } : {}),
      },
      ({ done }) => progress.update(done),
    ).finally(() => progress.stop());
    if (view.status === 'failed') {
      const error = view.error!;
      throw new CliError('reconcile.failed', {
        file,
        reason: error.message,
        where: [error.row ? `row ${error.row}` : '', error.column ? `column ${error.column}` : ''].filter(Boolean).join(', ') || '—',
      });
    }
    if (options.report) await writeFile(options.report, reportHtml(view, await allReportItems(db, view.id), config.lang));
    if (options.apply) view = await applyReconciliation(store, view.id, groups);
    process.stdout.write(
      `${JSON.stringify({ id: view.id, status: view.status, ...view.summary, ...(view.applied ? { applied: view.applied } : {}) })}\n`,
    );
    return 0;
  });
}
