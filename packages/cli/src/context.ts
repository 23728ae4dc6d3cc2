import type { CliConfig } from './config.ts';
import type { Translate } from './i18n.ts';

/** Turns a command's outcome (an exit code) and its failures (a message) into the process's exit. */
export type Run = <A extends unknown[]>(action: (...args: A) => Promise<number | undefined>) => (...args: A) => Promise<void>;

/** What every command is given: the configuration read at start-up, its words, and how to run. */
export interface CommandContext {
  config: CliConfig;
  t: Translate;
  run: Run;
}
