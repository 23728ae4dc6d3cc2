import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadSigningKey, loadVerifyingKey, verifyAuditTrail, writeCheckpoint } from '@svod/server';
import type { CliConfig } from '../config.ts';
import type { CommandContext } from '../context.ts';
import type { Translate } from '../i18n.ts';
import { addRemoteOptions, purposeOption, type RemoteFlags } from '../options.ts';
import { startProgress } from '../progress.ts';
import { connectRemote } from '../remote/connect.ts';
import { withStorage } from './shared.ts';

/** What a verification finds, in the store's terms (`verifyAuditTrail`, `GET /audit/verify`). */
interface Verification {
  ok: boolean;
  entries: number;
  problem?: { seq: number; kind: string; message: string };
  checkpoint: { seq: number; at: string } | null;
}

export function registerAudit(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const audit = program.command('audit').description(t('audit.description'));
  const verify = audit.command('verify').description(t('auditVerify.description')).addOption(purposeOption(t));
  addRemoteOptions(verify, t).action(ctx.run((options: RemoteFlags & { purpose: string }) => auditVerify(ctx, options)));
  audit
    .command('checkpoint')
    .description(t('auditCheckpoint.description'))
    .action(ctx.run(() => auditCheckpoint(ctx)));
}

/** The checkpoints to hold the chain against, when a key (or its public half) is where the config says. */
function checkpointsOf(config: CliConfig) {
  const { keyFile, checkpointDir } = config.audit;
  if (!existsSync(keyFile) && !existsSync(`${keyFile}.pub`)) return undefined;
  return { dir: checkpointDir, key: loadVerifyingKey(keyFile) };
}

/**
 * Exit 0 when the chain is intact (and reaches the newest signed checkpoint); 1 naming the first
 * entry edited, removed or relinked, or the checkpoint it no longer reaches.
 */
async function auditVerify(ctx: CommandContext, options: RemoteFlags & { purpose: string }): Promise<number> {
  const { t } = ctx;
  const client = connectRemote(ctx.config, options, options.purpose);
  const checkpoints = client ? undefined : checkpointsOf(ctx.config);
  let result: Verification;
  if (client) {
    // An administrator's request: the server walks the chain against its own checkpoints.
    result = await client.json<Verification>('GET', '/audit/verify');
  } else {
    const progress = startProgress(t, t('progress.verifying'));
    result = await withStorage(ctx.config, (db) => verifyAuditTrail(db, checkpoints, progress.update));
    progress.stop();
  }
  if (!result.ok) {
    const problem = result.problem!;
    process.stdout.write(`${t('audit.broken', { seq: problem.seq, problem: describeProblem(result, t), entries: result.entries })}\n`);
    return 1;
  }
  process.stdout.write(
    `${t('audit.intact', { entries: result.entries })} ${anchorOf(result, client ? 'server' : checkpoints ? 'key' : 'none', ctx)}\n`,
  );
  return 0;
}

/** What the chain was held against, said plainly: a missing anchor is a limit of what was proved. */
function anchorOf(result: Verification, checkedBy: 'server' | 'key' | 'none', { config, t }: CommandContext): string {
  if (result.checkpoint) return t('audit.anchored', { seq: result.checkpoint.seq, at: result.checkpoint.at });
  if (checkedBy === 'server') return t('audit.serverNoCheckpoint');
  return checkedBy === 'key' ? t('audit.noCheckpoint') : t('audit.noKey', { file: config.audit.keyFile });
}

/** The store words a break in English; its kind (with the numbers it carries) is reworded here. */
function describeProblem({ problem, checkpoint }: Verification, t: Translate): string {
  const { seq, kind, message } = problem!;
  if (kind === 'altered') return t('audit.altered', { seq });
  if (kind === 'relinked') return t('audit.relinked', { seq, previous: seq - 1 });
  if (kind === 'rewritten' && checkpoint) return t('audit.rewritten', { seq, at: checkpoint.at });
  if (kind === 'truncated' && checkpoint) return t('audit.truncated', { from: seq, to: checkpoint.seq, at: checkpoint.at });
  if (kind === 'checkpoint') return t('audit.forged', { detail: message });
  const gap = /(\d+)\.\.(\d+)/.exec(message);
  if (kind === 'missing' && gap) return t('audit.missing', { from: gap[1]!, to: gap[2]! });
  return message;
}

/** Signs the chain's head now and keeps the checkpoint outside the database. */
async function auditCheckpoint({ config, t }: CommandContext): Promise<number> {
  const key = loadSigningKey(config.audit.keyFile, { create: true });
  const checkpoint = await withStorage(config, (db) => writeCheckpoint(db, { dir: config.audit.checkpointDir, key }));
  process.stdout.write(
    `${t('audit.checkpointWritten', { seq: checkpoint.seq, hash: checkpoint.hash, key: checkpoint.key, dir: config.audit.checkpointDir })}\n`,
  );
  return 0;
}
