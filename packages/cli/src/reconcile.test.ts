import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test/run-cli.ts';

const svod = (dataDir: string, ...args: string[]) =>
  runCli({ ...process.env, SVOD_DATA_DIR: dataDir, DATABASE_URL: '', SVOD_LANG: 'en', SVOD_AUDIT_KEY_FILE: join(dataDir, '..', 'no-key.pem') }, args);

const vehicleLine = (ref: string, plate: string, colour: string) =>
  JSON.stringify({
    category: 'vehicle',
    nationalRef: ref,
    legalBasis: 'Заявление владельца',
    actionOnHit: 'seize',
    distribution: { kind: 'all' },
    vehicle: { plate: { number: plate, state: 'UZ' }, make: 'Chevrolet', model: 'Cobalt', colour },
  });

describe('svod reconcile (embedded store)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'svod-reconcile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compares a CSV array with the bank, writes the HTML report, applies new and changed rows, and a second run finds nothing to do', async () => {
    const data = join(dir, 'store');
    writeFileSync(join(dir, 'bank.jsonl'), `${vehicleLine('UZ-1', '01 A 111 AA', 'white')}\n${vehicleLine('UZ-2', '01 A 222 BB', 'grey')}\n`);
    expect((await svod(data, 'import', join(dir, 'bank.jsonl'), '--participant', 'UZ-MVD')).code).toBe(0);
    const array = join(dir, 'array.csv');
    writeFileSync(
      array,
      '\uFEFFNational ref,Plate,Make,Model,Colour\nUZ-1,01 A 111 AA,Chevrolet,Cobalt,white\nUZ-2,01 A 222 BB,Chevrolet,Cobalt,black\nUZ-3,"01 A 333 CC",Chevrolet,Nexia,red\n',
    );
    const report = join(dir, 'report.html');
    const first = await svod(data, 'reconcile', array, '--participant', 'UZ-MVD', '--category', 'vehicle', '--report', report, '--apply');
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({
      status: 'applied',
      new: 1,
      changed: 1,
      unchanged: 1,
      stale: 0,
      duplicates: 0,
      conflicts: 0,
      crossMatches: 0,
      applied: { created: 1, updated: 1 },
    });
    expect(readFileSync(report, 'utf8')).toContain('<td class="differs">black</td>');

    const second = await svod(data, 'reconcile', array, '--participant', 'UZ-MVD', '--category', 'vehicle');
    expect(JSON.parse(second.stdout.trim().split('\n').at(-1)!)).toMatchObject({ status: 'compared', new: 0, changed: 0, unchanged: 3 });
  });

  it('a file it cannot read exits non-zero naming the row, and applies nothing', async () => {
    const data = join(dir, 'store-bad');
    const array = join(dir, 'ragged.csv');
    writeFileSync(array, 'National ref,Plate,Make\nUZ-9,01 A 999 ZZ,Chevrolet,extra\n');
    const result = await svod(data, 'reconcile', array, '--participant', 'UZ-MVD', '--category', 'vehicle', '--apply');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/row 2/);
  });
});
