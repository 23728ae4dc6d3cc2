import { CORRUPTION_KINDS, generateRecords, type CorruptionKind, type CorruptionRates } from '@svod/core';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { closeOutput, openOutput, writeLine } from './shared.ts';

/** Writes synthetic records with ground truth as JSON Lines; memory stays flat at any size. */
export interface GenerateOptions {
  count: number;
  seed: number;
  out?: string;
  corruption?: Partial<CorruptionRates>;
  duplicateRate?: number;
  today?: string;
}

export async function generate(_config: CliConfig, options: GenerateOptions): Promise<number> {
  const out = openOutput(options.out);
  const progress = startProgress('Generating', options.count);
  let written = 0;
  const { count, seed, corruption, duplicateRate, today } = options;
  for (const record of generateRecords({ seed, count, corruption, duplicateRate, today })) {
    await writeLine(out, JSON.stringify(record));
    if (++written % 10_000 === 0) progress.update(written);
  }
  progress.update(written);
  progress.stop();
  await closeOutput(out);
  return 0;
}

/**
 * Parses `--corruption typo=0.2,transliteration=0.5`.
 *
 * @example parseCorruption('typo=0.2') // { typo: 0.2 }
 */
export function parseCorruption(text: string): Partial<CorruptionRates> {
  const rates: Partial<CorruptionRates> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [kind = '', value = ''] = part.split('=');
    if (!(CORRUPTION_KINDS as readonly string[]).includes(kind)) {
      throw new Error(`unknown corruption kind "${kind}"; known: ${CORRUPTION_KINDS.join(', ')}`);
    }
    const rate = Number(value);
    if (!(rate >= 0 && rate <= 1)) throw new Error(`corruption rate for ${kind} must be between 0 and 1, got "${value}"`);
    rates[kind as CorruptionKind] = rate;
  }
  return rates;
}
