import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { ArrayReadError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'windows-1251';

/**
 * The file's text, chunk by chunk. UTF-8 is decoded strictly: a byte that is not UTF-8 further on
 * than the sample that chose the encoding is refused, not turned into «�» in somebody's surname.
 */
export async function* textChunks(path: string, encoding: TextEncoding): AsyncGenerator<string> {
  const decode = encoding === 'utf-8' ? strictUtf8() : lenientWindows1251();
  for await (const bytes of createReadStream(path)) yield decode(bytes as Buffer);
  yield decode(undefined);
}

type Decode = (bytes: Buffer | undefined) => string;

function strictUtf8(): Decode {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (bytes) => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw new ArrayReadError('bad_encoding', 'The file reads as UTF-8 at first but has bytes further on that are not UTF-8');
    }
  };
}

function lenientWindows1251(): Decode {
  const decoder = iconv.getDecoder('win1251');
  return (bytes) => (bytes === undefined ? (decoder.end() ?? '') : decoder.write(bytes));
}

/** The sample read to choose the encoding, as text (a character cut at its end is dropped). */
export const headText = (head: Buffer, encoding: TextEncoding): string =>
  encoding === 'utf-8' ? new TextDecoder('utf-8').decode(head, { stream: true }) : iconv.decode(head, 'win1251');
