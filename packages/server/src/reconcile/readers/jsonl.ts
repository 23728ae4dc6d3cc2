import { headerName, keyedValues } from './cells.ts';
import { type TextEncoding, textChunks } from './decode.ts';
import { ArrayReadError } from './errors.ts';
import type { KeyedRecord } from './keyed.ts';
import { textLines } from './text-lines.ts';
import type { ArrayLimits } from './types.ts';

/** Each line a JSON object of scalars; a blank line is skipped but counted, so rows are line numbers. */
export async function* jsonlRecords(path: string, encoding: TextEncoding, limits: ArrayLimits): AsyncGenerator<KeyedRecord> {
  for await (const { number: row, text } of textLines(textChunks(path, encoding), longestLine(limits))) {
    if (text.trim() === '') continue;
    const entries = Object.entries(objectOn(text, row)).map(([key, value]) => [key, scalarText(value, row, headerName(key))] as const);
    yield { row, values: keyedValues(entries, limits, row) };
  }
}

/** The longest line that can hold a row within the limits, every character escaped as «\uXXXX». */
const longestLine = (limits: ArrayLimits): number => (limits.maxColumns + 1) * (limits.maxCellChars * 6 + 256);

function objectOn(text: string, row: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ArrayReadError('bad_json', `Line ${row} is not JSON: ${(error as Error).message}`, { row });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArrayReadError('bad_json', `Line ${row} is not a JSON object`, { row });
  }
  return value as Record<string, unknown>;
}

function scalarText(value: unknown, row: number, column: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // JSON.parse has already rounded such a number: a 19-digit document number would come out changed.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new ArrayReadError('unsafe_number', `Line ${row}, «${column}»: the number is too long to keep exactly; write it as a string`, {
        row,
        column,
      });
    }
    return String(value);
  }
  throw new ArrayReadError('nested_value', `Line ${row}, «${column}»: a nested object or list, where a cell needs one value`, { row, column });
}
