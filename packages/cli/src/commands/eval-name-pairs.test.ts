import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NamePairTally, NamePairsReport } from '@svod/core';
import { runCli } from '../test/run-cli.ts';

const PAIRS = join(import.meta.dirname, '../../../core/src/matching/names/real-world/pairs.tsv');
const dir = mkdtempSync(join(tmpdir(), 'svod-name-pairs-'));
const svod = (...args: string[]) => runCli({ ...process.env, SVOD_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SVOD_LANG: 'en' }, args);

describe('svod eval --name-pairs on the real-world names test set', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores every labelled pair of the file on names alone and reports recall per state, script pair and system', async () => {
    const dataLines = readFileSync(PAIRS, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .slice(1);
    const positives = dataLines.filter((l) => l.split('\t')[1] === '1').length;
    const result = await svod('eval', '--name-pairs', PAIRS);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as NamePairsReport;
    expect(report.pairs).toBe(dataLines.length);
    expect(report.positives).toBe(positives);
    expect(report.negatives).toBe(dataLines.length - positives);
    // Every positive is linked, lost in blocking or lost in scoring: none goes unscored.
    expect(report.misses.length).toBe(report.lostInBlocking + report.lostInScoring);
    expect(report.falseMatches.length).toBe(report.falseLinks);
    for (const state of ['RU', 'BY', 'UA', 'KZ', 'KG', 'TJ', 'UZ', 'TM', 'AZ', 'AM', 'MD'])
      expect(report.byState[state]?.positives).toBeGreaterThan(0);
    const sum = (g: Record<string, NamePairTally>) => Object.values(g).reduce((n, t) => n + t.positives + t.negatives, 0);
    expect(sum(report.byState)).toBe(report.pairs);
    expect(sum(report.byScripts)).toBe(report.pairs);
    expect(sum(report.bySystem)).toBe(report.pairs);
    const line = (name: string, t: NamePairTally) =>
      `${name.padEnd(16)} ${String(t.positives).padStart(4)}+ ${String(t.negatives).padStart(4)}-  recall ${t.recall.toFixed(3)}  precision ${t.precision.toFixed(3)}  lost in blocking ${t.lostInBlocking}, scoring ${t.lostInScoring}  names agree ${t.namesAgree.recall.toFixed(3)} (${t.namesAgree.falseAgreements} false)`;
    console.log(
      [
        line('all', report),
        `at precision >= 0.95 (ranked): ${JSON.stringify(report.atPrecision95)}`,
        '-- by state',
        ...Object.entries(report.byState).map(([k, t]) => line(k, t)),
        '-- by scripts',
        ...Object.entries(report.byScripts).map(([k, t]) => line(k, t)),
        '-- by system',
        ...Object.entries(report.bySystem).map(([k, t]) => line(k, t)),
      ].join('\n'),
    );
  }, 120_000);

  it('names the line of a pairs file that does not parse, with a message and not a stack', async () => {
    const bad = join(dir, 'bad.tsv');
    const header = [
      'id',
      'label',
      'state',
      'kind',
      ...['a', 'b'].flatMap((s) => ['surname', 'given', 'patronymic', 'script', 'lang', 'system'].map((c) => `${s}_${c}`)),
    ];
    writeFileSync(bad, `# comment\n${header.join('\t')}\n1\tyes\tRU\tx\tИванов\tИван\t\tCyrl\tru\tnational\tIvanov\tIvan\t\tLatn\ten\ticao9303\n`);
    const result = await svod('eval', '--name-pairs', bad);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('line 3');
    expect(result.stderr).toContain('label must be 0 or 1');
    expect(result.stderr).not.toContain('    at ');
  }, 60_000);
});
