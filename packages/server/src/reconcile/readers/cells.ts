import { ArrayReadError } from './errors.ts';
import type { ArrayLimits } from './types.ts';

/** A header as a person means it: spreadsheets pad names with spaces and leave a BOM on the first. */
export const headerName = (raw: string): string => raw.replace(/^\uFEFF/, '').trim();

export function assertCellFits(value: string, limits: ArrayLimits, row: number, column: string): void {
  if (value.length > limits.maxCellChars) {
    throw new ArrayReadError('cell_too_long', `Row ${row}, column «${column}»: ${value.length} characters, at most ${limits.maxCellChars}`, {
      row,
      column,
    });
  }
}

export function assertCellsFit(values: readonly string[], headers: readonly string[], limits: ArrayLimits, row: number): void {
  for (const [index, value] of values.entries()) assertCellFits(value, limits, row, headers[index]!);
}

export function assertColumnCount(count: number, limits: ArrayLimits, row?: number): void {
  if (count > limits.maxColumns) {
    throw new ArrayReadError('too_many_columns', `${count} columns, at most ${limits.maxColumns}`, row === undefined ? {} : { row });
  }
}

/** Adds a column name to those seen, refusing a blank one or one seen before. */
export function addColumn(seen: Set<string>, name: string, row: number, position: number): void {
  if (name === '') throw new ArrayReadError('empty_header', `Row ${row}: column ${position} has no name`, { row });
  if (seen.has(name)) throw new ArrayReadError('duplicate_header', `Row ${row}: column «${name}» appears twice`, { row, column: name });
  seen.add(name);
}

/** The header row of a CSV or XLSX file, checked: named, unique, within the limits. */
export function checkedHeaders(raw: readonly string[], limits: ArrayLimits, row: number): string[] {
  assertColumnCount(raw.length, limits, row);
  const seen = new Set<string>();
  for (const [index, value] of raw.entries()) {
    const name = headerName(value);
    assertCellFits(name, limits, row, String(index + 1));
    addColumn(seen, name, row, index + 1);
  }
  return [...seen];
}

/** One row's cells under the headers; a header the row does not reach reads as an empty cell. */
// fromEntries, not assignment: a column named «__proto__» stays a column.
export const cellsOfList = (headers: readonly string[], values: readonly string[]): Record<string, string> =>
  Object.fromEntries(headers.map((header, index) => [header, values[index] ?? '']));

export const cellsOfMap = (headers: readonly string[], values: ReadonlyMap<string, string>): Record<string, string> =>
  Object.fromEntries(headers.map((header) => [header, values.get(header) ?? '']));

export const isBlank = (values: Iterable<string>): boolean => {
  for (const value of values) if (value !== '') return false;
  return true;
};

/** A JSON object's or an XML record's names and values, checked as a header row and its cells are. */
export function keyedValues(entries: Iterable<readonly [string, string]>, limits: ArrayLimits, row: number): Map<string, string> {
  const values = new Map<string, string>();
  const seen = new Set<string>();
  for (const [raw, value] of entries) {
    assertColumnCount(seen.size + 1, limits, row);
    const name = headerName(raw);
    addColumn(seen, name, row, seen.size + 1);
    assertCellFits(value, limits, row, name);
    values.set(name, value);
  }
  return values;
}
