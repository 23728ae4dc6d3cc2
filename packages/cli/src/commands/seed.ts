import { generateRecords } from '@svod/core';
import { isStoreEmpty, seedDemo } from '@svod/server';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { withStorage } from './shared.ts';

/** A few hundred records of every category, from every member state. */
export const DEMO_RECORD_COUNT = 2400;

/** The demo array: generated synthetic records with a fixed seed, so every demo bank looks alike. */
export function* demoRecordLines(count: number): Generator<string> {
  for (const record of generateRecords({ seed: 20261123, count })) yield JSON.stringify(record);
}

export async function seed(config: CliConfig, options: { count: number }): Promise<number> {
  return withStorage(config, async (db) => {
    if (!(await isStoreEmpty(db))) {
      process.stderr.write('The store already holds data; demo data is loaded only into an empty store.\n');
      return 0;
    }
    const progress = startProgress('Loading demo data', options.count);
    const result = await seedDemo(db, demoRecordLines(options.count), { passwordPolicy: config.app.passwordPolicy, onProgress: progress.update });
    progress.stop();
    process.stderr.write(
      `Loaded ${result.report.created} records, ${result.accounts.length} accounts (<participant>.<role>).\n` +
        `Password for every demo account: ${result.password}\n`,
    );
    return result.report.rejected.length > 0 ? 2 : 0;
  });
}
