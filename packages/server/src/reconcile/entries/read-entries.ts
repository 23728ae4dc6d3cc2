import { Worker } from 'node:worker_threads';
import type { ArrayMapping, Domain, LinkModel, RowContext } from '@svod/core';
import { ArrayReadError, type ArrayFormat } from '../readers/index.ts';
import type { FromReader, ToReader } from './messages.ts';

/** What a read yields: a batch of rows, or the end. */
export type Batch = Extract<FromReader, { kind: 'rows' | 'end' }>;

export interface ArrayInWorker {
  format: ArrayFormat;
  encoding: string;
  headers: string[];
  /**
   * The rows as records, a batch at a time, then the end with the subjects filed twice. The next
   * batch is read while this one is compared; the reading waits when a few are not yet taken.
   * `models`: what rows filed twice are linked by (the bank's active ones).
   */
  read(mapping: ArrayMapping, context: RowContext, models: Partial<Record<Domain, LinkModel>>): AsyncGenerator<Batch>;
  /** Lets the thread go: back to wait for the next file once the array is read to its end, else stopped. */
  close(): Promise<void>;
}

/** A reading thread kept for the next run once its file is read: one is enough for runs one after another. */
let idle: Worker | undefined;

/**
 * Opens a national array on a reading thread (see `worker.ts`): the headers come back first, for
 * the mapping to be chosen, and the rows once `read` is called. A file that cannot be read
 * rejects with the `ArrayReadError` the reader gave, wherever in the file it is found.
 */
export async function openArrayInWorker(path: string): Promise<ArrayInWorker> {
  const worker = idle ?? new Worker(new URL('./worker.mjs', import.meta.url));
  idle = undefined;
  worker.ref();
  const queue: FromReader[] = [];
  let failure: Error | undefined;
  let exited = false;
  let finished = false;
  let wake: (() => void) | undefined;
  const onMessage = (message: FromReader) => {
    queue.push(message);
    wake?.();
  };
  const onError = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  const onExit = () => {
    exited = true;
    wake?.();
  };
  worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  let closed = false;
  const next = async (): Promise<Exclude<FromReader, { kind: 'failed' }>> => {
    while (queue.length === 0) {
      // A batch asked for ahead (while the one before is compared) when the run stops.
      if (closed) throw new Error('the array was closed before the end of its rows');
      if (failure) throw failure;
      if (exited) throw new Error('the reading thread stopped before the end of the array');
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const message = queue.shift()!;
    if (message.kind === 'failed') {
      finished = true;
      const { code, message: text, ...where } = message.error;
      throw new ArrayReadError(code, text, where);
    }
    return message;
  };
  const tell = (message: ToReader) => worker.postMessage(message);
  const close = async () => {
    if (closed) return;
    closed = true;
    wake?.();
    worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    // A thread left mid-file is in a state no next run should inherit.
    if (!finished || exited || failure || idle) {
      if (!exited) await worker.terminate();
      return;
    }
    // Kept, it must not keep the process alive.
    worker.unref();
    idle = worker;
  };

  tell({ kind: 'open', path });
  try {
    const opened = await next();
    if (opened.kind !== 'opened') throw new Error(`the reading thread said ${opened.kind} before opening the array`);
    return {
      format: opened.format,
      encoding: opened.encoding,
      headers: opened.headers,
      close,
      async *read(mapping, context, models) {
        try {
          tell({ kind: 'read', mapping, context, models });
          for (;;) {
            const message = await next();
            if (message.kind === 'opened') throw new Error('the reading thread opened the array twice');
            if (message.kind === 'end') finished = true;
            yield message;
            if (message.kind === 'end') return;
            tell({ kind: 'taken' });
          }
        } finally {
          await close();
        }
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
