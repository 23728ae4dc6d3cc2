import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Translate } from './i18n.ts';

/** Argument parsers whose refusals read in the operator's language. */
export const positiveInt = (t: Translate) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(t('arg.positiveInt'));
  return n;
};

export const positiveNumber = (t: Translate) => (value: string) => {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(t('arg.positiveNumber'));
  return n;
};

export const purposeOption = (t: Translate) => new Option('--purpose <code>', t('option.purpose')).default('cli');

export const outOption = (t: Translate) => new Option('--out <file>', t('option.out'));

/** The options of a command that can run against a server; the key itself is never an option. */
export const addRemoteOptions = (command: Command, t: Translate): Command =>
  command.addOption(new Option('--server <url>', t('option.server'))).addOption(new Option('--api-key-file <path>', t('option.apiKeyFile')));

export interface RemoteFlags {
  server?: string;
  apiKeyFile?: string;
}
