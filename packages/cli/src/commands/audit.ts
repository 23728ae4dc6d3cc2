import type { Command } from 'commander';
import { verifyAuditChain } from '@svod/server';
import type { CommandContext } from '../context.ts';
import type { Translate } from '../i18n.ts';
import { addRemoteOptions, purposeOption, type RemoteFlags } from '../options.ts';
import { startProgress } from '../progress.ts';
import { connectRemote } from '../remote/connect.ts';
import { withStorage } from './shared.ts';

/** What a verification finds, in the store's terms (`verifyAuditChain`, `GET /audit/verify`). */
interface Verification {
  ok: boolean;
  entries: number;
  problem?: { seq: number; kind: string; message: string };
}

export function registerAudit(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const audit = program.command('audit').description(t('audit.description'));
  const verify = audit.command('verify').description(t('auditVerify.description')).addOption(purposeOption(t));
  addRemoteOptions(verify, t).action(ctx.run((options: RemoteFlags & { purpose: string }) => auditVerify(ctx, options)));
}

/** Exit 0 when the chain is intact; 1 naming the first entry edited, removed or relinked. */
async function auditVerify(ctx: CommandContext, options: RemoteFlags & { purpose: string }): Promise<number> {
  const { t } = ctx;
  const client = connectRemote(ctx.config, options, options.purpose);
  let result: Verification;
  if (client) {
    // An administrator's request: the server walks the chain, so there is no progress to show here.
    result = await client.json<Verification>('GET', '/audit/verify');
  } else {
    const progress = startProgress(t, t('progress.verifying'));
    result = await withStorage(ctx.config, (db) => verifyAuditChain(db, progress.update));
    progress.stop();
  }
  if (result.ok) {
    process.stdout.write(`${t('audit.intact', { entries: result.entries })}\n`);
    return 0;
  }
  const problem = result.problem!;
  process.stdout.write(`${t('audit.broken', { seq: problem.seq, problem: describeProblem(problem, t), entries: result.entries })}\n`);
  return 1;
}

/** The store words a break in English; its kind (and, for a gap, the range in the text) is reworded here. */
function describeProblem(problem: NonNullable<Verification['problem']>, t: Translate): string {
  const { seq, kind, message } = problem;
  if (kind === 'altered') return t('audit.altered', { seq });
  if (kind === 'relinked') return t('audit.relinked', { seq, previous: seq - 1 });
  const gap = /(\d+)\.\.(\d+)/.exec(message);
  if (kind === 'missing' && gap) return t('audit.missing', { from: gap[1]!, to: gap[2]! });
  return message;
}
