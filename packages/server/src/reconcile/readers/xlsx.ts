import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { assertCellsFit, cellsOfList, checkedHeaders } from './cells.ts';
import { ArrayReadError } from './errors.ts';
import type { ArrayLimits, ArrayRow, OpenedArray } from './types.ts';
import { assertNotZipBomb } from './zip-guard.ts';

interface SheetRow {
  row: number;
  values: string[];
}

/**
 * The first worksheet, its first row with anything in it the headers. The workbook is read once:
 * exceljs may have to spill a worksheet to disk before it can read it, too dear to do twice.
 * So unlike the text formats, the file stays open from here until `rows` is read or left.
 */
export async function openXlsx(path: string, fileSize: number, limits: ArrayLimits): Promise<OpenedArray> {
  await assertNotZipBomb(path, fileSize);
  const sheet = sheetRows(path);
  try {
    const first = await sheet.next();
    if (first.done) throw new ArrayReadError('empty_file', 'The first worksheet is empty');
    const headers = checkedHeaders(first.value.values, limits, first.value.row);
    return { headers, rows: { [Symbol.asyncIterator]: () => dataRows(sheet, headers, limits) } };
  } catch (error) {
    await sheet.return(undefined);
    throw error;
  }
}

async function* dataRows(sheet: AsyncGenerator<SheetRow>, headers: string[], limits: ArrayLimits): AsyncGenerator<ArrayRow> {
  for await (const { row, values } of sheet) {
    if (values.length > headers.length) {
      throw new ArrayReadError('ragged_row', `Row ${row} has cells beyond the ${headers.length} headed columns`, { row });
    }
    assertCellsFit(values, headers, limits, row);
    yield { row, cells: cellsOfList(headers, values) };
  }
}

/** Rows with anything in them, as text up to their last non-empty cell; gaps read as empty cells. */
async function* sheetRows(path: string): AsyncGenerator<SheetRow> {
  const input = createReadStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values: string[] = [];
        row.eachCell((cell, column) => {
          values[column - 1] = cellText(cell.value);
        });
        const dense = Array.from(values, (value) => value ?? '');
        while (dense.at(-1) === '') dense.pop();
        if (dense.length > 0) yield { row: row.number, values: dense };
      }
      return;
    }
  } catch (error) {
    if (error instanceof ArrayReadError) throw error;
    throw new ArrayReadError('bad_xlsx', `Not a readable XLSX file: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return cellText(value.result);
}

/** A date alone as yyyy-mm-dd; a date with a time keeps it. exceljs's serial arithmetic leaves stray milliseconds, hence the rounding. */
function isoDate(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
