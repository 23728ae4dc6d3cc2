import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@svod/core';

/** Where an uploaded array is kept until its reconciliation is applied: a run can start again from it after a crash. */
export const uploadPath = (dir: string, id: string): string => join(dir, `${id}.array`);

/**
 * Streams an uploaded array to its file, counting bytes as they come: past `limit` the upload is
 * refused (413) and the part written removed. The body is never held in memory.
 */
export async function saveUpload(body: Readable, dir: string, id: string, limit: number): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = uploadPath(dir, id);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limit) done(new AppError('payload_too_large', { params: { limit } }));
      else done(null, chunk);
    },
  });
  const file = createWriteStream(path, { mode: 0o600 });
  try {
    await pipeline(body, counter, file);
  } catch (error) {
    // The refusal can come before the file is even open: removing it before it closes would
    // let the pending open create it again afterwards, and the part written would stay.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    await removeUpload(dir, id);
    throw error;
  }
  return path;
}

export async function removeUpload(dir: string, id: string): Promise<void> {
  await rm(uploadPath(dir, id), { force: true });
}
