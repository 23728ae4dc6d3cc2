import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readLines } from './shared.ts';

const dir = mkdtempSync(join(tmpdir(), 'svod-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a file read after an awaited step (opening a transaction) still yields every line', async () => {
  const file = join(dir, 'array.jsonl');
  const count = 5000;
  writeFileSync(file, `${Array.from({ length: count }, (_, i) => JSON.stringify({ line: i + 1, pad: 'x'.repeat(60) })).join('\n')}\n`);
  const lines = readLines(file);
  // The import awaits BEGIN on the server before it asks for the first line.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const seen: number[] = [];
  for await (const line of lines) seen.push(JSON.parse(line).line);
  expect(seen).toHaveLength(count);
  expect(seen[0]).toBe(1);
  expect(seen.at(-1)).toBe(count);
});
