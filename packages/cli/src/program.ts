import { Command } from 'commander';
import type { CliConfig } from './config.ts';
import type { CommandContext, Run } from './context.ts';
import { describeError } from './errors.ts';
import { localizeCommander } from './help.ts';
import { translator } from './i18n.ts';
import { registerAudit } from './commands/audit.ts';
import { registerCheck } from './commands/check.ts';
import { registerEval } from './commands/eval.ts';
import { registerExport } from './commands/export.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerImport } from './commands/import.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerCrossmatch } from './commands/crossmatch.ts';
import { registerReconcile } from './commands/reconcile.ts';
import { registerRequests } from './commands/requests.ts';
import { registerGroups } from './commands/groups.ts';
import { registerFederation } from './commands/federation.ts';
import { registerSeed } from './commands/seed.ts';
import { registerServe } from './commands/serve.ts';
import { registerTrain } from './commands/train.ts';

/** The `svod` command with every subcommand, worded in the configured language. */
export function buildProgram(config: CliConfig): Command {
  const t = translator(config.lang);
  /** A command's outcome becomes the exit code; a failure becomes a message, never a stack. */
  const run: Run =
    (action) =>
    async (...args) => {
      try {
        process.exitCode = (await action(...args)) ?? 0;
      } catch (error) {
        process.stderr.write(`svod: ${describeError(error, t, config.lang)}\n`);
        process.exitCode = 1;
      }
    };
  const ctx: CommandContext = { config, t, run };
  const program = localizeCommander(new Command('svod'), t).description(t('program.description')).showHelpAfterError();
  for (const register of [
    registerServe,
    registerMigrate,
    registerSeed,
    registerImport,
    registerExport,
    registerGenerate,
    registerEval,
    registerTrain,
    registerCheck,
    registerCrossmatch,
    registerReconcile,
    registerRequests,
    registerGroups,
    registerFederation,
    registerAudit,
  ]) {
    register(program, ctx);
  }
  return program;
}
