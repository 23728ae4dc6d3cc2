import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@svod/server';
import { runCli, type CliResult } from './test/run-cli.ts';

/** The CLI on a store of the test's own, with no audit key unless one is given (never the repository's). */
function svodWith(env: Record<string, string>, dataDir: string, ...args: string[]): Promise<CliResult> {
  const noKey = { SVOD_AUDIT_KEY_FILE: join(dataDir, '..', 'no-key', 'audit.pem'), SVOD_AUDIT_CHECKPOINT_DIR: join(dataDir, '..', 'no-checkpoints') };
  return runCli({ ...process.env, SVOD_DATA_DIR: dataDir, DATABASE_URL: '', SVOD_LANG: 'en', ...noKey, ...env }, args);
}

const svod = (dataDir: string, ...args: string[]) => svodWith({}, dataDir, ...args);

const vehicleLine = (ref: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    category: 'vehicle',
    nationalRef: ref,
    legalBasis: 'Заявление владельца',
    actionOnHit: 'seize',
    distribution: { kind: 'all' },
    vehicle: { plate: { number: '01 A 123 BC', state: 'UZ' }, make: 'Chevrolet', model: 'Cobalt' },
    ...extra,
  });

describe('svod CLI (embedded store)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'svod-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports every valid line, names each bad line and exits non-zero', async () => {
    const file = join(dir, 'uz.jsonl');
    writeFileSync(file, [vehicleLine('UZ-1'), vehicleLine('UZ-2', { vehicle: { make: 'Chevrolet' } }), 'not json', vehicleLine('UZ-3')].join('\n'));
    const result = await svod(join(dir, 'data'), 'import', file, '--participant', 'UZ-MVD');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 2');
    expect(result.stderr).toContain('needs at least one identifier');
    expect(result.stderr).toContain('line 3');
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toMatchObject({ created: 2, rejected: 2, applied: true });
  });

  it('with --atomic a file with a bad line applies nothing', async () => {
    const file = join(dir, 'atomic.jsonl');
    writeFileSync(file, [vehicleLine('UZ-10'), vehicleLine('UZ-11', { legalBasis: '' })].join('\n'));
    const result = await svod(join(dir, 'data'), 'import', file, '--participant', 'UZ-MVD', '--atomic');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nothing applied');
    const out = join(dir, 'export.jsonl');
    const exported = await svod(join(dir, 'data'), 'export', '--participant', 'UZ-MVD', '--out', out);
    expect(exported.code).toBe(0);
    const refs = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).nationalRef);
    expect(refs.sort()).toEqual(['UZ-1', 'UZ-3']);
  });

  it('an import with more than 1,000 bad lines counts every one and says that only the first 1,000 are listed', async () => {
    const file = join(dir, 'many-bad.jsonl');
    writeFileSync(file, [vehicleLine('UZ-900'), ...Array.from({ length: 1234 }, (_, i) => `not json ${i}`)].join('\n'));
    const result = await svod(join(dir, 'data'), 'import', file, '--participant', 'UZ-MVD');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('first 1,000 of 1,234 rejected lines shown');
    expect(result.stderr).toContain('1,235 lines: 1 created, 0 updated, 0 unchanged, 1,234 rejected');
    expect(result.stderr).toContain('line 1001:');
    expect(result.stderr).not.toContain('line 1002:');
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toMatchObject({ created: 1, rejected: 1234, rejectedListed: 1000 });
  });

  it('refuses an unknown participant and a missing file with a message', async () => {
    const unknown = await svod(join(dir, 'data'), 'import', join(dir, 'uz.jsonl'), '--participant', 'XX-NOPE');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown participant XX-NOPE');
    const missing = await svod(join(dir, 'data'), 'import', join(dir, 'absent.jsonl'), '--participant', 'UZ-MVD');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/svod: .*absent\.jsonl/);
  });

  it('every command refuses a participant that does not exist, or is not written exactly (ru-mvd), listing the known codes', async () => {
    const none = await svod(join(dir, 'data'), 'check', '--participant', 'XX-NONE', '--surname', 'Иванов', '--given', 'Иван');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Unknown participant XX-NONE; known: ');
    for (const code of ['RU-MVD', 'KZ-GP', 'BKBOP']) expect(none.stderr).toContain(code);
    expect(none.stdout).toBe('');
    const lower = await svod(join(dir, 'data'), 'export', '--participant', 'ru-mvd');
    expect(lower.code).toBe(1);
    expect(lower.stderr).toContain('Unknown participant ru-mvd (did you mean RU-MVD? codes are written in capitals)');
  });

  it('audit verify passes on an untouched trail and names the entry edited behind its back', async () => {
    const intact = await svod(join(dir, 'data'), 'audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/intact: \d+ entries/);

    const db = await openDatabase({ dataDir: join(dir, 'data') });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    await sql`UPDATE audit_log SET result_count = 999 WHERE seq = 2`.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
    await db.destroy();

    const broken = await svod(join(dir, 'data'), 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN at entry 2');
  });

  it('a command on a store another process has open is refused, naming the holder and the way through its server', async () => {
    const dataDir = join(dir, 'held');
    expect((await svod(dataDir, 'migrate')).code).toBe(0);
    const db = await openDatabase({ dataDir });
    try {
      const refused = await svod(dataDir, 'audit', 'verify');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`process ${process.pid}`);
      expect(refused.stderr).toContain('--server');
    } finally {
      await db.destroy();
    }
    expect((await svod(dataDir, 'audit', 'verify')).code).toBe(0);
  });

  it('audit checkpoint signs the head, and verify then holds the chain against it', async () => {
    const dataDir = join(dir, 'checkpointed');
    const file = join(dir, 'checkpointed.jsonl');
    writeFileSync(file, `${vehicleLine('UZ-70')}\n`);
    expect((await svod(dataDir, 'import', file, '--participant', 'UZ-MVD')).code).toBe(0);
    const keyed = { SVOD_AUDIT_KEY_FILE: join(dir, 'keys', 'audit.pem'), SVOD_AUDIT_CHECKPOINT_DIR: join(dir, 'checkpoints') };
    const signed = await svodWith(keyed, dataDir, 'audit', 'checkpoint');
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/Checkpoint signed: entry [1-9]\d*/);
    const verified = await svodWith(keyed, dataDir, 'audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/reaches the checkpoint signed at/);
  });

  it('generate is deterministic for a seed, and eval reports precision, recall and F1 as JSON on its last line', async () => {
    const first = join(dir, 'gen-a.jsonl');
    const second = join(dir, 'gen-b.jsonl');
    expect((await svod(join(dir, 'data'), 'generate', '--count', '600', '--seed', '5', '--out', first)).code).toBe(0);
    expect((await svod(join(dir, 'data'), 'generate', '--count', '600', '--seed', '5', '--out', second)).code).toBe(0);
    expect(readFileSync(first, 'utf8')).toBe(readFileSync(second, 'utf8'));
    expect(readFileSync(first, 'utf8').trim().split('\n')).toHaveLength(600);

    const result = await svod(join(dir, 'data'), 'eval', '--input', first, '--by-category');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(report.records).toBe(600);
    for (const key of ['precision', 'recall', 'f1']) expect(report.pairwise[key]).toBeGreaterThanOrEqual(0);
    expect(report.clusters).toHaveProperty('f1');
    expect(report.seconds.total).toBeGreaterThan(0);
    expect(Object.keys(report.byCategory).length).toBeGreaterThan(0);
    expect(report.persons.f1).toBeGreaterThan(0.5);
    expect(report.crossScript).toHaveProperty('recall');
  });

  it('eval reads a file in batches on worker threads and still names the exact line it cannot read', async () => {
    const file = join(dir, 'gen-broken.jsonl');
    expect((await svod(join(dir, 'data'), 'generate', '--count', '2500', '--seed', '9', '--out', file)).code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    lines.splice(10, 0, '');
    lines.splice(2301, 0, '{"category": broken');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await svod(join(dir, 'data'), 'eval', '--input', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2302: not valid JSON');
  });

  it('generate takes corruption rates and refuses an unknown kind', async () => {
    const file = join(dir, 'noisy.jsonl');
    expect(
      (await svod(join(dir, 'data'), 'generate', '--count', '400', '--seed', '3', '--corruption', 'typo=1,transliteration=0', '--out', file)).code,
    ).toBe(0);
    const kinds = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .flatMap((l) => JSON.parse(l).corruptions as string[]);
    expect(kinds).toContain('typo');
    expect(kinds).not.toContain('transliteration');
    const bad = await svod(join(dir, 'data'), 'generate', '--count', '10', '--corruption', 'gremlins=0.5');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('unknown corruption kind "gremlins"');
  });

  it("train estimates models from a file and activates them for the bank's checks, and says where models must go", async () => {
    const file = join(dir, 'gen-train.jsonl');
    expect((await svod(join(dir, 'data'), 'generate', '--count', '3000', '--seed', '4', '--out', file)).code).toBe(0);
    const nowhere = await svod(join(dir, 'data'), 'train', '--input', file);
    expect(nowhere.code).not.toBe(0);
    expect(nowhere.stderr).toContain('--out FILE, --activate');
    const trained = await svod(join(dir, 'data'), 'train', '--input', file, '--activate', '--version', 'bank-1');
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.stderr).toContain('active for checks: person-bank-1');
  });

  it('train says which domains it could not estimate and why: with none it writes nothing and fails, with some it writes those', async () => {
    const lines = readFileSync(join(dir, 'gen-train.jsonl'), 'utf8').trim().split('\n');
    const domainOf = (line: string) => {
      const category = JSON.parse(line).category as string;
      return category === 'vehicle' || category === 'firearm' ? category : 'person';
    };
    const one = (domain: string) => lines.find((l) => domainOf(l) === domain)!;
    const three = join(dir, 'three.jsonl');
    writeFileSync(three, [one('person'), one('vehicle'), one('firearm')].join('\n'));
    const threeOut = join(dir, 'three-models.json');
    const none = await svod(join(dir, 'data'), 'train', '--input', three, '--out', threeOut);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('persons: not trained — 1 record, at least 2 are needed');
    expect(none.stderr).toContain('vehicles: not trained');
    expect(none.stderr).toContain('No model could be estimated; nothing was written or activated.');
    expect(existsSync(threeOut)).toBe(false);

    const vehicles = join(dir, 'vehicles.jsonl');
    writeFileSync(vehicles, lines.filter((l) => domainOf(l) === 'vehicle').join('\n'));
    const vehiclesOut = join(dir, 'vehicle-models.json');
    const some = await svod(join(dir, 'data'), 'train', '--input', vehicles, '--out', vehiclesOut);
    expect(some.code, some.stderr).toBe(0);
    expect(some.stderr).toContain('persons: not trained — no records');
    expect(some.stderr).toContain('Skipped (their current models stay): persons, firearms');
    expect(Object.keys(JSON.parse(readFileSync(vehiclesOut, 'utf8')))).toEqual(['vehicle']);
  });

  it('eval refuses records without a truth id, naming the line, with a message and not a stack', async () => {
    const file = join(dir, 'unlabelled.jsonl');
    writeFileSync(file, `${vehicleLine('UZ-50')}\n`);
    const result = await svod(join(dir, 'data'), 'eval', '--input', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1: no "truth" field');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
