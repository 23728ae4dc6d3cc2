import type { TextEncoding } from './decode.ts';

export type ArrayFormat = 'csv' | 'jsonl' | 'xml' | 'xlsx';

export interface ArrayRow {
  /**
   * Where a person finds the row: the row in the sheet for CSV and XLSX (the header is row 1),
   * the line for JSON Lines, the record's place among its siblings for XML.
   */
  row: number;
  cells: Record<string, string>;
}

export interface ArrayReadOptions {
  /** Detected from the name and the first bytes when not given. */
  format?: ArrayFormat;
  /** A larger file is refused before a byte is read; default 2 GiB − 1. */
  maxBytes?: number;
  /** Default 200. */
  maxColumns?: number;
  /** Default 10,000. */
  maxCellChars?: number;
}

export type ArrayLimits = Required<Omit<ArrayReadOptions, 'format'>>;

export interface OpenedArray {
  headers: string[];
  rows: AsyncIterable<ArrayRow>;
}

export interface OpenedArrayFile extends OpenedArray {
  format: ArrayFormat;
  encoding: TextEncoding;
}
