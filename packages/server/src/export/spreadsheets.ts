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

export function csvOf(records: AsyncIterable<RecordView>): Readable {
  const rows = Readable.from(
    (async function* () {
      for await (const record of records) yield inertRow(recordTableRow(record));
    })(),
  );
  return rows.pipe(stringify({ header: true, columns: [...RECORD_COLUMNS], bom: true }));
}

/** Records as an Excel workbook, written as a stream (bounded memory however many records). */
export function xlsxOf(records: AsyncIterable<RecordView>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('records');
  sheet.columns = RECORD_COLUMNS.map((key) => ({ header: key, key }));
  (async () => {
    for await (const record of records) sheet.addRow(recordTableRow(record)).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
