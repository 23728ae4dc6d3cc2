import { stat } from 'node:fs/promises';
import { openCsv } from './csv.ts';
import { headText, type TextEncoding } from './decode.ts';
import { detectFormat, HEAD_BYTES, readHead, sniffEncoding, xmlEncoding } from './detect.ts';
import { ArrayReadError } from './errors.ts';
import { jsonlRecords } from './jsonl.ts';
import { openKeyed } from './keyed.ts';
import type { ArrayFormat, ArrayLimits, ArrayReadOptions, OpenedArray, OpenedArrayFile } from './types.ts';
import { xmlRecords } from './xml.ts';
import { openXlsx } from './xlsx.ts';

export { ArrayReadError, type ArrayReadErrorCode } from './errors.ts';
export type { ArrayFormat, ArrayReadOptions, ArrayRow } from './types.ts';

export const DEFAULT_LIMITS: ArrayLimits = { maxBytes: 2 ** 31 - 1, maxColumns: 200, maxCellChars: 10_000 };

/**
 * Opens a member state's national array (CSV, JSON Lines, XML or XLSX) as text rows under named
 * columns, reading as the rows are asked for: a file of a million rows holds one row in memory.
 * The format is detected from the name and the first bytes unless given; the headers are checked
 * before this returns. Anything unreadable is an `ArrayReadError` saying where.
 *
 * Iterate `rows` once, to its end or until leaving the loop: that closes the file (an XLSX file
 * is held open from this call, a text file only while its rows are read).
 *
 * @example
 * const array = await openArray('/uploads/kz-wanted.csv');
 * for await (const { row, cells } of array.rows) console.log(row, cells['Фамилия']);
 */
export async function openArray(
  path: string,
  options: ArrayReadOptions = {},
): Promise<{ format: ArrayFormat; encoding: TextEncoding; headers: string[]; rows: OpenedArray['rows'] }> {
  const limits = limitsOf(options);
  const { size } = await stat(path);
  if (size > limits.maxBytes) throw new ArrayReadError('file_too_large', `The file has ${size} bytes, at most ${limits.maxBytes}`);
  if (size === 0) throw new ArrayReadError('empty_file', 'The file is empty');
  const head = await readHead(path);
  const wholeFile = size <= HEAD_BYTES;
  const format = options.format ?? detectFormat(path, head);
  return opened(format, path, size, head, wholeFile, limits);
}

async function opened(
  format: ArrayFormat,
  path: string,
  size: number,
  head: Buffer,
  wholeFile: boolean,
  limits: ArrayLimits,
): Promise<OpenedArrayFile> {
  switch (format) {
    case 'csv': {
      const encoding = sniffEncoding(head, wholeFile);
      return { format, encoding, ...(await openCsv(path, encoding, headText(head, encoding), limits)) };
    }
    case 'jsonl': {
      const encoding = sniffEncoding(head, wholeFile);
      return { format, encoding, ...(await openKeyed(() => jsonlRecords(path, encoding, limits), limits)) };
    }
    case 'xml': {
      const encoding = xmlEncoding(head, wholeFile);
      return { format, encoding, ...(await openKeyed(() => xmlRecords(path, encoding, limits), limits)) };
    }
    case 'xlsx':
      // Its parts are XML, which is Unicode whatever the workbook holds.
      return { format, encoding: 'utf-8', ...(await openXlsx(path, size, limits)) };
  }
}

function limitsOf(options: ArrayReadOptions): ArrayLimits {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxColumns: options.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxCellChars: options.maxCellChars ?? DEFAULT_LIMITS.maxCellChars,
  };
}
