import { writeFileSync } from 'node:fs';
import { profileOf, trainModels, type MatchProfile, type RecordInput } from '@svod/core';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { readLines } from './shared.ts';

/** Estimates the matching models (EM) from an array of records and writes them as versioned JSON. */
export async function train(_config: CliConfig, options: { input: string; out: string; version: string }): Promise<number> {
  const profiles: (MatchProfile | undefined)[] = [];
  const reading = startProgress('Reading and profiling');
  let lineNo = 0;
  for await (const line of readLines(options.input)) {
    lineNo++;
    if (!line.trim()) continue;
    try {
      profiles.push(profileOf(JSON.parse(line) as RecordInput));
    } catch (error) {
      throw new Error(`line ${lineNo}: ${(error as Error).message}`);
    }
    if (profiles.length % 10_000 === 0) reading.update(profiles.length);
  }
  reading.stop();
  const models = trainModels(profiles);
  for (const model of Object.values(models)) model.version = `${model.domain}-${options.version}`;
  writeFileSync(options.out, `${JSON.stringify(models, null, 2)}\n`);
  for (const model of Object.values(models)) {
    process.stderr.write(`${model.domain}: ${model.training.records} records, ${model.training.candidatePairs} candidate pairs, ${model.training.iterations} EM iterations\n`);
  }
  return 0;
}
