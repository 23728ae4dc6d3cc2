import { CliError } from '../errors.ts';
import type { Translate } from '../i18n.ts';
import { addOutcome, emptyOutcome, type ImportOutcome } from '../import-report.ts';
import { assertKeysParticipant } from '../participant.ts';
import { startProgress } from '../progress.ts';
import { readLines } from '../commands/shared.ts';
import { chunkLines, type LineChunk } from './chunks.ts';
import { NDJSON, type ApiClient } from './client.ts';

export interface RemoteImportOptions {
  participant?: string;
  atomic: boolean;
  /** Most lines per request of a non-atomic import. */
  chunkLines: number;
  /** The server's body limit for imports, in MiB. */
  limitMib: number;
}

/** Most bytes per request of a non-atomic import: well under the server's limit, and a chunk's work stays short. */
const CHUNK_BYTES = 8 * 1024 * 1024;

/** `POST /records/import` answers this: the store's report with each issue worded by the server. */
interface WireReport {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  applied: boolean;
  rejectedTotal: number;
  rejected: { line: number; nationalRef?: string; code: string; errors: { path: string; message: string }[] }[];
}

/**
 * Loads a JSON Lines file through a server. Non-atomic: in chunks of whole lines, each applied as
 * it arrives (an upsert, so a file sent again only counts what is unchanged); the reports are added
 * up with line numbers made the file's. Atomic: one request, refused here if over the server's limit.
 */
export async function importRemote(client: ApiClient, t: Translate, file: string, options: RemoteImportOptions): Promise<ImportOutcome> {
  // Who the key is, before any of the file is read: a wrong key or participant fails at once.
  assertKeysParticipant((await client.me()).participant, options.participant);
  const limitBytes = Math.floor(options.limitMib * 1024 * 1024);
  if (options.atomic) {
    const chunks = chunkLines(readLines(file), { maxLines: Number.POSITIVE_INFINITY, maxBytes: limitBytes });
    try {
      const whole = await chunks.next();
      if (whole.done) return emptyOutcome();
      // A second chunk means the file is over the limit: refused before a byte is sent.
      if (whole.value.bytes > limitBytes || !(await chunks.next()).done)
        throw new CliError('import.tooLargeForAtomic', { file, limit: options.limitMib });
      return await send(client, whole.value, true);
    } finally {
      await chunks.return(undefined);
    }
  }
  const progress = startProgress(t, t('progress.sending', { file }));
  let total = emptyOutcome();
  try {
    for await (const chunk of chunkLines(readLines(file), { maxLines: options.chunkLines, maxBytes: Math.min(CHUNK_BYTES, limitBytes) })) {
      try {
        total = addOutcome(total, await send(client, chunk, false));
      } catch (error) {
        throw new CliError('import.interrupted', { line: chunk.firstLine }, { cause: error });
      }
      progress.update(total.lines);
    }
  } finally {
    progress.stop();
  }
  return total;
}

async function send(client: ApiClient, chunk: LineChunk, atomic: boolean): Promise<ImportOutcome> {
  const report = await client.json<WireReport>('POST', '/records/import', {
    query: { atomic: String(atomic) },
    // Joined without a final newline: the server counts the lines it splits, and so must match the chunk.
    body: chunk.lines.join('\n'),
    contentType: NDJSON,
  });
  const shift = chunk.firstLine - 1;
  return {
    lines: report.lines,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    applied: report.applied,
    rejectedTotal: report.rejectedTotal,
    rejected: report.rejected.map(({ errors, line, ...rest }) => ({ ...rest, line: line + shift, issues: errors })),
  };
}
