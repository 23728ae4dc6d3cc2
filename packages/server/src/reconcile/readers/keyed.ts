import { assertColumnCount, cellsOfMap, isBlank } from './cells.ts';
import { ArrayReadError } from './errors.ts';
import type { ArrayLimits, ArrayRow, OpenedArray } from './types.ts';

/** How many records the columns of a format without a header row are gathered from. */
export const HEADER_SAMPLE_ROWS = 1000;

/** A record of a keyed format (JSON Lines, XML): its names in the order written, already checked. */
export interface KeyedRecord {
  row: number;
  values: Map<string, string>;
}

/**
 * JSON Lines and XML have no header row: the columns are the names the first records use, in the
 * order first seen. Those records are read twice rather than kept, so memory holds one row.
 */
export async function openKeyed(read: () => AsyncGenerator<KeyedRecord>, limits: ArrayLimits): Promise<OpenedArray> {
  const seen = new Set<string>();
  let sampled = 0;
  for await (const { values } of read()) {
    for (const name of values.keys()) seen.add(name);
    assertColumnCount(seen.size, limits);
    sampled += 1;
    if (sampled === HEADER_SAMPLE_ROWS) break;
  }
  const headers = [...seen];
  return { headers, rows: { [Symbol.asyncIterator]: () => alignedRows(read(), headers) } };
}

/** A name first used after the sample is refused: the columns are already given out, and dropping it would lose data silently. */
async function* alignedRows(records: AsyncIterable<KeyedRecord>, headers: string[]): AsyncGenerator<ArrayRow> {
  const known = new Set(headers);
  for await (const { row, values } of records) {
    for (const name of values.keys()) {
      if (!known.has(name)) {
        throw new ArrayReadError(
          'unexpected_column',
          `Row ${row}: «${name}» is used by none of the first ${HEADER_SAMPLE_ROWS} records, which set the columns`,
          { row, column: name },
        );
      }
    }
    if (isBlank(values.values())) continue;
    yield { row, cells: cellsOfMap(headers, values) };
  }
}
