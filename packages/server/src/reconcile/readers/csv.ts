import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { assertCellsFit, cellsOfList, checkedHeaders, isBlank } from './cells.ts';
import { type TextEncoding, textChunks } from './decode.ts';
import { ArrayReadError } from './errors.ts';
import type { ArrayLimits, OpenedArray } from './types.ts';

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter the header line uses most, not counting quoted text; ties go to the comma's side. */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') break;
    else if (counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

interface CsvSource {
  path: string;
  encoding: TextEncoding;
  delimiter: string;
  limits: ArrayLimits;
}

/** Header row first: its names are checked before any row is read, so a bad header costs no parsing. */
export async function openCsv(path: string, encoding: TextEncoding, head: string, limits: ArrayLimits): Promise<OpenedArray> {
  const source = { path, encoding, delimiter: detectDelimiter(head), limits };
  const headers = await headerRow(source);
  return { headers, rows: { [Symbol.asyncIterator]: () => dataRows(source, headers) } };
}

async function headerRow(source: CsvSource): Promise<string[]> {
  for await (const { row, values } of records(source)) return checkedHeaders(values, source.limits, row);
  throw new ArrayReadError('empty_file', 'The file has no header row');
}

async function* dataRows(source: CsvSource, headers: string[]) {
  for await (const { row, values } of records(source)) {
    if (row === 1) continue;
    if (values.length > headers.length) {
      throw new ArrayReadError('ragged_row', `Row ${row} has ${values.length} cells under ${headers.length} headers`, { row });
    }
    // Blank lines and the «;;;;» rows spreadsheets leave at the end carry nothing; they still count.
    if (isBlank(values)) continue;
    assertCellsFit(values, headers, source.limits, row);
    yield { row, cells: cellsOfList(headers, values) };
  }
}

/** Every record of the file, numbered as a spreadsheet numbers its rows (a quoted line break stays in its cell). */
async function* records({ path, encoding, delimiter, limits }: CsvSource): AsyncGenerator<{ row: number; values: string[] }> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // A ceiling on what the parser holds for one record, far above any row within the limits.
    max_record_size: limits.maxColumns * (limits.maxCellChars + 1) * 2,
  });
  // Errors reach the parser, whose iteration below rethrows them; a row read early ends it all.
  pipeline(Readable.from(textChunks(path, encoding)), parser, () => {});
  let row = 0;
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, values };
    }
  } catch (error) {
    throw asArrayError(error, row);
  }
}

function asArrayError(error: unknown, rowsRead: number): unknown {
  if (!(error instanceof CsvError)) return error;
  const row = (typeof error.records === 'number' ? error.records : rowsRead) + 1;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new ArrayReadError('row_too_long', `Row ${row} is longer than its columns and cells may be`, { row });
  }
  return new ArrayReadError('bad_csv', `Row ${row}: ${error.message}`, { row });
}
