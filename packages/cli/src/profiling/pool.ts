import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MatchProfile } from '@svod/core';
import { CliError } from '../errors.ts';

/** What evaluation needs of a record besides its profile. */
export interface RecordLabel {
  category: string;
  truth?: string;
  corruptions: string[];
  script?: string;
  nationalRef?: string;
}

export interface ProfiledBatch {
  id: number;
  firstLine: number;
  profiles: (MatchProfile | undefined)[];
  labels: RecordLabel[];
  /** The line that stopped the batch: not JSON, or (with a reason) not a record the matcher can read. */
  error?: { line: number; reason?: string };
}

const BATCH_LINES = 2_000;

/**
 * Parses and profiles JSON Lines on worker threads, one per core: batches go out as lines are
 * read, a few at a time per worker so that memory stays bounded, and come back in file order.
 * Blank lines are skipped; an unparsable line ends the run with its line number.
 */
export async function profileLines(
  lines: AsyncIterable<string>,
  onBatch: (batch: ProfiledBatch) => void,
  workers = Math.max(1, availableParallelism()),
): Promise<void> {
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./bootstrap.mjs', import.meta.url)));
  const done = new Map<number, ProfiledBatch>();
  let nextToDeliver = 0;
  let failure: Error | undefined;
  const inFlight = new Map<Worker, number>(pool.map((w) => [w, 0]));
  let wake: (() => void) | undefined;
  for (const worker of pool) {
    worker.on('message', (batch: ProfiledBatch) => {
      inFlight.set(worker, inFlight.get(worker)! - 1);
      done.set(batch.id, batch);
      // Delivered in order: a batch waits for the ones read before it.
      for (let ready = done.get(nextToDeliver); ready; ready = done.get(nextToDeliver)) {
        done.delete(nextToDeliver);
        nextToDeliver++;
        if (ready.error) {
          const { line, reason } = ready.error;
          failure ??= reason === undefined ? new CliError('line.notJson', { line }) : new CliError('line.unprofilable', { line, reason });
        } else {
          // A refusal by the caller (a record eval cannot use) ends the run like a bad line,
          // rather than escaping this event handler as an uncaught exception with a stack.
          try {
            onBatch(ready);
          } catch (error) {
            failure ??= error instanceof Error ? error : new Error(String(error));
          }
        }
      }
      wake?.();
    });
    worker.on('error', (error) => {
      failure ??= error;
      wake?.();
    });
  }
  const waitForRoom = async () => {
    while (!failure) {
      const free = pool.find((w) => inFlight.get(w)! < 2);
      if (free) return free;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return undefined;
  };
  let id = 0;
  let lineNo = 0;
  let batch: string[] = [];
  let firstLine = 1;
  const send = async () => {
    const worker = await waitForRoom();
    if (!worker) return;
    inFlight.set(worker, inFlight.get(worker)! + 1);
    worker.postMessage({ id: id++, firstLine, lines: batch });
    batch = [];
  };
  try {
    for await (const line of lines) {
      lineNo++;
      if (failure) break;
      // Line numbers within a batch are counted from its first line, so a blank line ends a batch.
      if (!line.trim()) {
        if (batch.length > 0) await send();
        continue;
      }
      if (batch.length === 0) firstLine = lineNo;
      batch.push(line);
      if (batch.length >= BATCH_LINES) await send();
    }
    if (batch.length > 0 && !failure) await send();
    while (!failure && nextToDeliver < id) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
