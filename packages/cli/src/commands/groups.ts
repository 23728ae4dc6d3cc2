import type { Command } from 'commander';
import { GROUP_STATUSES, type GroupStatus, type GroupSummary, type GroupTimelineEntry, type GroupView } from '@svod/core';
import { groupTerms } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import { addRemoteOptions, positiveInt, purposeOption, type RemoteFlags } from '../options.ts';
import type { ApiClient } from '../remote/client.ts';
import { connectRemote } from '../remote/connect.ts';
import { cliActor, withStorage } from './shared.ts';

interface GroupFlags extends RemoteFlags {
  purpose: string;
}

const line = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

/** A member's own view, through a server with their session: a group is its members' alone. */
function asMember(ctx: CommandContext, flags: GroupFlags): ApiClient {
  const client = connectRemote(ctx.config, flags, flags.purpose);
  if (!client) throw new CliError('groups.needsServer');
  return client;
}

/**
 * Joint groups from the command line. Through a server, a member's session reads their groups,
 * a workspace and its timeline. In-process, the installation's operators (who hold the
 * database anyway) list every group's terms and size, never what is in them.
 */
export function registerGroups(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const groups = program.command('groups').description(t('groups.description'));
  addRemoteOptions(
    groups.command('list').description(t('groups.list')).option('--status <status>', t('groups.status')).addOption(purposeOption(t)),
    t,
  ).action(
    ctx.run(async (flags: GroupFlags & { status?: string }) => {
      if (flags.status !== undefined && !GROUP_STATUSES.includes(flags.status as GroupStatus)) {
        throw new CliError('groups.badStatus', { status: flags.status, allowed: GROUP_STATUSES.join(', ') });
      }
      const client = connectRemote(ctx.config, flags, flags.purpose);
      const listed: GroupSummary[] = client
        ? (await client.json<{ items: GroupSummary[] }>('GET', '/groups')).items
        : await withStorage(ctx.config, (db) => groupTerms({ db, actor: cliActor('BKBOP', 'administrator'), purpose: flags.purpose }));
      for (const group of listed.filter((g) => flags.status === undefined || g.status === flags.status)) line(group);
      return 0;
    }),
  );
  addRemoteOptions(groups.command('show').description(t('groups.show')).argument('<id>', t('groups.id')).addOption(purposeOption(t)), t).action(
    ctx.run(async (id: string, flags: GroupFlags) => {
      process.stdout.write(`${JSON.stringify(await asMember(ctx, flags).json<GroupView>('GET', `/groups/${encodeURIComponent(id)}`), null, 2)}\n`);
      return 0;
    }),
  );
  addRemoteOptions(
    groups
      .command('timeline')
      .description(t('groups.timeline'))
      .argument('<id>', t('groups.id'))
      .option('--limit <n>', t('groups.limit'), positiveInt(t), 100)
      .addOption(purposeOption(t)),
    t,
  ).action(
    ctx.run(async (id: string, flags: GroupFlags & { limit: number }) => {
      const page = await asMember(ctx, flags).json<{ items: GroupTimelineEntry[] }>('GET', `/groups/${encodeURIComponent(id)}/timeline`, {
        query: { limit: String(Math.min(flags.limit, 200)) },
      });
      for (const entry of page.items) line(entry);
      return 0;
    }),
  );
}
