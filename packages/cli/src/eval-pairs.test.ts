import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test/run-cli.ts';

const svod = (dir: string, ...args: string[]) =>
  runCli({ ...process.env, SVOD_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SVOD_LANG: 'en' }, args);
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
const rows = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe('svod eval --pairs-out', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'svod-pairs-'));
    input = join(dir, 'gen.jsonl');
    const generated = await svod(dir, 'generate', '--count', '1500', '--seed', '21', '--duplicate-rate', '0.5', '--out', input);
    expect(generated.code, generated.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one parseable line per linked pair a reviewer can study, as many as the report counts', async () => {
    const out = join(dir, 'pairs.jsonl');
    const result = await svod(dir, 'eval', '--input', input, '--pairs-out', out);
    expect(result.code, result.stderr).toBe(0);
    const report = lastJson(result.stdout);
    const links = rows(out);
    expect(report.linkedPairs).toBeGreaterThan(50);
    expect(links).toHaveLength(report.linkedPairs);
    expect(report.pairsOut).toMatchObject({ links: report.linkedPairs, missed: 0 });
    const records = readFileSync(input, 'utf8').trim().split('\n');
    for (const row of links) {
      expect(row.kind).toBe('link');
      expect(row.probability).toBeGreaterThanOrEqual(0.5);
      expect(row.true).toBe(row.truths[0] === row.truths[1]);
      const a = JSON.parse(records[row.a - 1]!);
      const b = JSON.parse(records[row.b - 1]!);
      expect(row.nationalRefs).toEqual([a.nationalRef, b.nationalRef]);
      expect(row.truths).toEqual([a.truth, b.truth]);
      expect(row.corruptions).toEqual([...new Set([...a.corruptions, ...b.corruptions])].sort());
      expect(Object.keys(row.fields).length).toBeGreaterThan(0);
      for (const f of Object.values(row.fields) as { level: string; weight: number }[]) expect(typeof f.level).toBe('string');
    }
    expect(report.namesakeMerge.subjects).toBeGreaterThan(0);
    expect(report.personClusters).toHaveProperty('f1');
  }, 120_000);

  it('adds the true pairs it did not link with --pairs-missed: as many as the report’s false negatives', async () => {
    const out = join(dir, 'pairs-missed.jsonl');
    const result = await svod(dir, 'eval', '--input', input, '--pairs-out', out, '--pairs-missed');
    expect(result.code, result.stderr).toBe(0);
    const report = lastJson(result.stdout);
    const missed = rows(out).filter((r) => r.kind === 'missed');
    expect(missed.length).toBe(report.pairwise.falseNegatives);
    expect(missed.every((r) => r.true === true)).toBe(true);
  }, 120_000);

  it('refuses --pairs-missed without a file to write to', async () => {
    const result = await svod(dir, 'eval', '--input', input, '--pairs-missed');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--pairs-missed works only together with --pairs-out');
  }, 60_000);
});
