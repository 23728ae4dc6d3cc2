/**
 * A reading thread of reconciliations: opens a national array, makes each row a record and
 * validates it, and links the rows that describe one subject — the CPU-bound part of a run, kept
 * off the thread that answers checks. It reads one file at a time and then waits for the next:
 * starting a thread costs seconds, most of a small array's run.
 */
import { parentPort } from 'node:worker_threads';
import { SubjectLinker, type ArrayEntry } from '@svod/core';
import { createAjv } from '../../validation/ajv.ts';
import { createRecordValidators } from '../../validation/records.ts';
import { ArrayReadError, openArray } from '../readers/index.ts';
import type { FromReader, InvalidRow, ToReader } from './messages.ts';
import { rowEntry } from './row-entry.ts';

/** Rows a batch carries. */
const BATCH_ROWS = 1_000;
/** Batches sent and not yet taken: the reading waits beyond it, so memory stays bounded whatever the file. */
const MAX_UNTAKEN = 4;

const port = parentPort!;
const send = (message: FromReader) => port.postMessage(message);
const validators = createRecordValidators(createAjv());
let untaken = 0;
let room: (() => void) | undefined;
let start: ((message: Extract<ToReader, { kind: 'read' }>) => void) | undefined;

port.on('message', (message: ToReader) => {
  if (message.kind === 'open') void readFile(message.path);
  else if (message.kind === 'read') start?.(message);
  else {
    untaken--;
    room?.();
  }
});

async function readFile(path: string): Promise<void> {
  untaken = 0;
  try {
    await read(path);
  } catch (error) {
    if (!(error instanceof ArrayReadError)) throw error;
    const { code, message, row, column, line } = error;
    send({
      kind: 'failed',
      error: { code, message, ...(row !== undefined ? { row } : {}), ...(column ? { column } : {}), ...(line !== undefined ? { line } : {}) },
    });
  }
}

async function read(path: string): Promise<void> {
  const array = await openArray(path);
  send({ kind: 'opened', format: array.format, encoding: array.encoding, headers: array.headers });
  const { mapping, context, models } = await new Promise<Extract<ToReader, { kind: 'read' }>>((resolve) => (start = resolve));
  const linker = new SubjectLinker(models);
  let entries: ArrayEntry[] = [];
  let invalid: InvalidRow[] = [];
  let rows = 0;
  const flush = async () => {
    while (untaken >= MAX_UNTAKEN) await new Promise<void>((resolve) => (room = resolve));
    untaken++;
    send({ kind: 'rows', entries, invalid, rowsRead: rows });
    entries = [];
    invalid = [];
  };
  for await (const row of array.rows) {
    rows++;
    const made = rowEntry(row, mapping, context, validators);
    if ('invalid' in made) invalid.push(made.invalid);
    else {
      entries.push(made.entry);
      linker.add(made.entry);
    }
    if (entries.length + invalid.length >= BATCH_ROWS) await flush();
  }
  await flush();
  send({ kind: 'end', rows, sameSubjects: linker.links() });
}
