import { generateRecords } from '@svod/core';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { closeOutput, openOutput, writeLine } from './shared.ts';

/** Writes synthetic records with ground truth as JSON Lines; memory stays flat at any size. */
export async function generate(_config: CliConfig, options: { count: number; seed: number; out?: string }): Promise<number> {
  const out = openOutput(options.out);
  const progress = startProgress('Generating', options.count);
  let written = 0;
  for (const record of generateRecords({ seed: options.seed, count: options.count })) {
    await writeLine(out, JSON.stringify(record));
    if (++written % 10_000 === 0) progress.update(written);
  }
  progress.update(written);
  progress.stop();
  await closeOutput(out);
  return 0;
}
