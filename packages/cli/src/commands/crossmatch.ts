import { Option, type Command } from 'commander';
import { HIT_STATUSES, MATCH_STATUSES, type HitStatus, type MatchStatus } from '@svod/core';
import { crossmatchBacklog, crossmatchQueued, crossmatchWholeBank, listHits, listMatches, refileMatchKeysIfStale } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { purposeOption } from '../options.ts';
import { checkedParticipant, requiredParticipant } from '../participant.ts';
import { startProgress } from '../progress.ts';
import { cliActor, withStorage } from './shared.ts';

export function registerCrossmatch(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('crossmatch')
    .description(t('crossmatch.description'))
    .option('--queued', t('crossmatch.queued'))
    .action(ctx.run((options: { queued?: boolean }) => crossmatch(ctx, options)));
  const matches = program.command('matches').description(t('matches.description'));
  matches
    .command('list')
    .description(t('matchesList.description'))
    .option('--participant <code>', t('matchesList.participant'))
    .addOption(new Option('--status <status>', t('matchesList.status')).choices([...MATCH_STATUSES]))
    .option('--limit <n>', t('matchesList.limit'), (v) => Number.parseInt(v, 10), 50)
    .addOption(purposeOption(t))
    .action(ctx.run((options: { participant?: string; status?: MatchStatus; limit: number; purpose: string }) => listCommand(ctx, options)));
  const hits = program.command('hits').description(t('hits.description'));
  hits
    .command('list')
    .description(t('hitsList.description'))
    .option('--participant <code>', t('matchesList.participant'))
    .addOption(new Option('--box <box>', t('hitsList.box')).choices(['inbox', 'outbox']).default('inbox'))
    .addOption(new Option('--status <status>', t('matchesList.status')).choices([...HIT_STATUSES]))
    .option('--limit <n>', t('matchesList.limit'), (v) => Number.parseInt(v, 10), 50)
    .addOption(purposeOption(t))
    .action(ctx.run((options: HitsOptions) => hitsCommand(ctx, options)));
}

interface HitsOptions {
  participant?: string;
  box: 'inbox' | 'outbox';
  status?: HitStatus;
  limit: number;
  purpose: string;
}

/** The participant's hits, one JSON object per line, newest first. */
async function hitsCommand(ctx: CommandContext, options: HitsOptions) {
  const participant = requiredParticipant(options.participant);
  return withStorage(ctx.config, async (db) => {
    await checkedParticipant(db, participant);
    const items = await listHits(
      { db, actor: cliActor(participant), purpose: options.purpose },
      { box: options.box, ...(options.status ? { status: options.status } : {}) },
      Math.min(Math.max(options.limit, 1), 200),
    );
    for (const hit of items) process.stdout.write(`${JSON.stringify(hit)}\n`);
    return 0;
  });
}

/**
 * The full cross-match of the bank (`svod crossmatch`): every active record linked in memory in
 * one pass and the pairs stored; or, with `--queued`, the records waiting in the queue matched
 * one by one as the server does. Killed half-way, either is simply run again: the queue is kept
 * in the store, and the full pass stores each pair once.
 */
async function crossmatch({ config, t }: CommandContext, options: { queued?: boolean }): Promise<number> {
  return withStorage(config, async (db) => {
    // Matching reads the stored keys and profiles: a store filed by an earlier version is filed again first.
    const filing = startProgress(t, t('progress.filing'));
    await refileMatchKeysIfStale(db, filing.update);
    filing.stop();
    let done: number;
    if (options.queued) {
      const progress = startProgress(t, t('progress.crossmatching'), await crossmatchBacklog(db));
      done = await crossmatchQueued(db, { onProgress: progress.update });
      progress.stop();
    } else {
      const progress = startProgress(t, t('progress.crossmatching'));
      done = (await crossmatchWholeBank(db, ({ done }) => progress.update(done))).records;
      progress.stop();
    }
    const pending = await db
      .selectFrom('matches')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    process.stdout.write(`${t('crossmatch.done', { records: done, pending: Number(pending.count) })}\n`);
    return 0;
  });
}

/** The pairs a participant may see, one JSON object per line, newest first. */
async function listCommand(ctx: CommandContext, options: { participant?: string; status?: MatchStatus; limit: number; purpose: string }) {
  const participant = requiredParticipant(options.participant);
  return withStorage(ctx.config, async (db) => {
    await checkedParticipant(db, participant);
    const page = await listMatches({ db, actor: cliActor(participant), purpose: options.purpose }, options.status ? { status: options.status } : {}, {
      limit: Math.min(Math.max(options.limit, 1), 200),
    });
    for (const match of page.items) process.stdout.write(`${JSON.stringify(match)}\n`);
    return 0;
  });
}
