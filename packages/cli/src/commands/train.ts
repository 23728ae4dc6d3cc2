import { writeFileSync } from 'node:fs';
import { trainModels } from '@svod/core';
import type { CliConfig } from '../config.ts';
import { readProfiles } from './shared.ts';

/** Estimates the matching models (EM) from an array of records and writes them as versioned JSON. */
export async function train(_config: CliConfig, options: { input: string; out: string; version: string }): Promise<number> {
  const profiles = await readProfiles(options.input);
  const models = trainModels(profiles);
  for (const model of Object.values(models)) model.version = `${model.domain}-${options.version}`;
  writeFileSync(options.out, `${JSON.stringify(models, null, 2)}\n`);
  for (const model of Object.values(models)) {
    process.stderr.write(`${model.domain}: ${model.training.records} records, ${model.training.candidatePairs} candidate pairs, ${model.training.iterations} EM iterations\n`);
  }
  return 0;
}
