import { readFile } from 'node:fs/promises';
import { evaluateNamePairs, parseNamePairs } from '@svod/core';
import { CliError } from '../errors.ts';

/**
 * `svod eval --name-pairs FILE`: scores labelled pairs of real names on names alone with the
 * shipped person model and prints the report (recall, precision, where recall is lost, every
 * miss) as JSON on the last line.
 */
export async function evaluateNamePairsFile(file: string, threshold: number): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError('eval.namePairsUnreadable', { file, reason: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
  let pairs: ReturnType<typeof parseNamePairs>;
  try {
    pairs = parseNamePairs(text);
  } catch (error) {
    throw new CliError('eval.namePairsInvalid', { file, reason: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
  process.stdout.write(`${JSON.stringify(evaluateNamePairs(pairs, { threshold }))}\n`);
  return 0;
}
