/**
 * A profiling worker: parses a batch of JSON Lines records and profiles each for matching —
 * the CPU-bound part of reading a large file, done on every core.
 */
import { parentPort } from 'node:worker_threads';
import { profileOf, type MatchProfile, type RecordInput } from '@svod/core';
import type { ProfiledBatch, RecordLabel } from './pool.ts';

function labelOf(record: Record<string, unknown> & RecordInput): RecordLabel {
  return {
    category: record.category,
    truth: typeof record.truth === 'string' ? record.truth : undefined,
    corruptions: Array.isArray(record.corruptions) ? (record.corruptions as string[]) : [],
    script: record.person?.names?.[0]?.script,
    nationalRef: typeof record.nationalRef === 'string' ? record.nationalRef : undefined,
  };
}

parentPort!.on('message', ({ id, firstLine, lines }: { id: number; firstLine: number; lines: string[] }) => {
  const profiles: (MatchProfile | undefined)[] = [];
  const labels: RecordLabel[] = [];
  let error: ProfiledBatch['error'];
  for (let k = 0; k < lines.length; k++) {
    let record: Record<string, unknown> & RecordInput;
    try {
      record = JSON.parse(lines[k]!);
    } catch {
      error = { line: firstLine + k };
      break;
    }
    labels.push(labelOf(record));
    try {
      profiles.push(profileOf(record));
    } catch (e) {
      error = { line: firstLine + k, reason: e instanceof Error ? e.message : String(e) };
      break;
    }
  }
  const batch: ProfiledBatch = { id, firstLine, profiles, labels, error };
  parentPort!.postMessage(batch);
});
