import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { RECORD_COLUMNS, recordTableRow, type RecordView } from '@svod/core';

/** The table formats an export can be had in besides JSON Lines. */
export const TABLE_FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;
export type TableFormat = keyof typeof TABLE_FORMATS;

/**
 * Records as CSV, one row each under a header of `RECORD_COLUMNS`: UTF-8 with a byte-order mark,
 * so that Excel reads Cyrillic and Armenian names as they are; quoted where a value needs it.
 */
/**
 * A spreadsheet opening a CSV runs a cell that begins with `=`, `+`, `-`, `@` (or a tab or carriage
 * return before one) as a formula: a record's remarks could then call out of the analyst's
 * machine. Such cells are written with a leading apostrophe, which shows them as the text they are.
 * (The XLSX export writes every cell as a string, which a spreadsheet never evaluates.)
 */
export const inertCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const inertRow = <K extends string>(row: Record<K, string>): Record<K, string> =>
  Object.fromEntries(Object.entries<string>(row).map(([key, value]) => [key, inertCell(value)])) as Record<K, string>;

/** Rows of text under a header of `columns` as CSV, formula-like cells made inert. */
export function csvTable<K extends string>(columns: readonly K[], rows: AsyncIterable<Record<K, string>>): Readable {
  const inert = Readable.from(
    (async function* () {
      for await (const row of rows) yield inertRow(row);
    })(),
  );
  return inert.pipe(stringify({ header: true, columns: [...columns], bom: true }));
}

/** Rows of text under a header of `columns` as an Excel workbook, written as a stream (bounded memory however many rows). */
export function xlsxTable<K extends string>(columns: readonly K[], rows: AsyncIterable<Record<K, string>>, sheetName = 'records'): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((key) => ({ header: key, key }));
  (async () => {
    for await (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

async function* tableRows(records: AsyncIterable<RecordView>) {
  for await (const record of records) yield recordTableRow(record);
}

export const csvOf = (records: AsyncIterable<RecordView>): Readable => csvTable(RECORD_COLUMNS, tableRows(records));

/** Records as an Excel workbook. */
export const xlsxOf = (records: AsyncIterable<RecordView>): Readable => xlsxTable(RECORD_COLUMNS, tableRows(records));
