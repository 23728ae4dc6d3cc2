import { describe, expect, it } from 'vitest';
import { addOutcome, emptyOutcome, type ImportOutcome } from '../import-report.ts';
import { chunkLines } from './chunks.ts';

async function* linesFrom(lines: string[]) {
  yield* lines;
}

async function chunksOf(lines: string[], maxLines: number, maxBytes: number) {
  const chunks = [];
  for await (const chunk of chunkLines(linesFrom(lines), { maxLines, maxBytes })) chunks.push(chunk);
  return chunks;
}

describe('a remote import sends a file in pieces and reports on the whole file', () => {
  it('cuts whole lines by count and by UTF-8 size, numbering each piece from its first line in the file', async () => {
    const byCount = await chunksOf(['a', 'b', '', 'd', 'e'], 2, 1000);
    expect(byCount.map((c) => [c.firstLine, c.lines])).toEqual([
      [1, ['a', 'b']],
      [3, ['', 'd']],
      [5, ['e']],
    ]);
    // "жж" is 4 bytes; with the newline between lines a piece of 9 bytes holds two of them.
    const bySize = await chunksOf(['жж', 'жж', 'жж', 'x'.repeat(20), 'y'], 100, 9);
    expect(bySize.map((c) => c.lines)).toEqual([['жж', 'жж'], ['жж'], ['x'.repeat(20)], ['y']]);
    expect(bySize.map((c) => c.bytes)).toEqual([9, 4, 20, 1]);
    expect(await chunksOf([], 10, 10)).toEqual([]);
  });

  it('adds the pieces up: every rejected line counted, the first 1,000 listed', () => {
    const part = (rejected: number, firstLine: number): ImportOutcome => ({
      lines: 800,
      created: 800 - rejected,
      updated: 0,
      unchanged: 0,
      applied: true,
      rejectedTotal: rejected,
      rejected: Array.from({ length: Math.min(rejected, 1000) }, (_, i) => ({ line: firstLine + i, code: 'invalid_record', issues: [] })),
    });
    const total = [part(600, 1), part(700, 801), part(5, 1601)].reduce(addOutcome, emptyOutcome());
    expect(total).toMatchObject({ lines: 2400, created: 1095, rejectedTotal: 1305, applied: true });
    expect(total.rejected).toHaveLength(1000);
    expect(total.rejected.at(-1)!.line).toBe(801 + 399);
  });
});
