import { InvalidArgumentError, Option } from 'commander';
import type { Translate } from './i18n.ts';

/** Argument parsers whose refusals read in the operator's language. */
export const positiveInt = (t: Translate) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(t('arg.positiveInt'));
  return n;
};

export const purposeOption = (t: Translate) => new Option('--purpose <code>', t('option.purpose')).default('cli');

export const outOption = (t: Translate) => new Option('--out <file>', t('option.out'));
