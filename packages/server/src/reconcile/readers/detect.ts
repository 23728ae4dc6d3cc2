import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { TextEncoding } from './decode.ts';
import { ArrayReadError } from './errors.ts';
import type { ArrayFormat } from './types.ts';

/** Enough of the file to choose its format, encoding and delimiter. */
export const HEAD_BYTES = 64 * 1024;

export async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const BY_EXTENSION: Record<string, ArrayFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.xml': 'xml',
  '.xlsx': 'xlsx',
};

const startsWith = (head: Buffer, ...bytes: number[]): boolean => bytes.every((byte, index) => head[index] === byte);

/**
 * The bytes decide where they are unmistakable (a zip is never a text file, whatever its name),
 * then the name, then the first character of the text.
 */
export function detectFormat(path: string, head: Buffer): ArrayFormat {
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ArrayReadError('unsupported_format', 'An Excel 97–2003 workbook (.xls): save it as .xlsx or CSV');
  }
  const named = BY_EXTENSION[extname(path).toLowerCase()];
  if (named) return named;
  const first = head
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()[0];
  if (first === '<') return 'xml';
  if (first === '{') return 'jsonl';
  return 'csv';
}

/** UTF-8 when the sample is valid UTF-8 (a character cut at the sample's end is no fault), else Windows-1251. */
export function sniffEncoding(head: Buffer, wholeFile: boolean): TextEncoding {
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
    throw new ArrayReadError('unsupported_encoding', 'UTF-16 text: save the file as UTF-8 or Windows-1251');
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !wholeFile });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** An XML file names its encoding; when it does not, the bytes are sniffed as for text files. */
export function xmlEncoding(head: Buffer, wholeFile: boolean): TextEncoding {
  const declared = /^(?:\xEF\xBB\xBF)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(head.toString('latin1'))?.[1]?.toLowerCase();
  if (declared === undefined) return sniffEncoding(head, wholeFile);
  if (declared === 'utf-8' || declared === 'utf8') return 'utf-8';
  if (['windows-1251', 'cp1251', 'win-1251', 'win1251'].includes(declared)) return 'windows-1251';
  throw new ArrayReadError('unsupported_encoding', `The XML declares the encoding «${declared}»: save it as UTF-8 or Windows-1251`);
}
