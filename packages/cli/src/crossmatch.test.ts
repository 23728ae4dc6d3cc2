import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test/run-cli.ts';

const BIN = fileURLToPath(new URL('../bin/svod.js', import.meta.url));

describe('svod crossmatch killed half-way', () => {
  let dir: string;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'svod-crossmatch-'));
    env = {
      ...process.env,
      SVOD_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: '',
      SVOD_LANG: 'en',
      SVOD_AUDIT_KEY_FILE: join(dir, 'no-key', 'audit.pem'),
      SVOD_AUDIT_CHECKPOINT_DIR: join(dir, 'no-checkpoints'),
    };
    const seeded = await runCli(env, ['seed', '--count', '800']);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pendingOf = (stdout: string) => Number(/awaiting a decision: (\d+)/.exec(stdout)?.[1] ?? Number.NaN);

  it('loses nothing and stores no pair twice: the next run finishes the queue, and a full pass after it finds the same pairs', async () => {
    // Killed with SIGKILL as soon as it reports its first round of matches: mid-job, no chance to tidy up.
    const child = spawn(process.execPath, [BIN, 'crossmatch', '--queued'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/Cross-matching: [1-9]\d*\/800/.test(stderr)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`crossmatch ended before it could be killed: ${stderr}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));

    const resumed = await runCli(env, ['crossmatch', '--queued']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const matchedAfterKill = Number(/Records matched: (\d+)/.exec(resumed.stdout)?.[1]);
    expect(matchedAfterKill).toBeGreaterThan(0);
    expect(matchedAfterKill).toBeLessThan(800);
    const pending = pendingOf(resumed.stdout);
    expect(pending).toBeGreaterThan(0);

    // The full pass links the whole bank in memory: it finds what the queue found, give or take a
    // pair near the threshold, and a second pass changes nothing.
    const full = await runCli(env, ['crossmatch']);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain('Records matched: 800');
    expect(Math.abs(pendingOf(full.stdout) - pending)).toBeLessThanOrEqual(Math.ceil(pending * 0.05));
    const again = await runCli(env, ['crossmatch']);
    expect(pendingOf(again.stdout)).toBe(pendingOf(full.stdout));

    const listed = await runCli(env, ['matches', 'list', '--participant', 'RU-MVD', '--status', 'pending', '--limit', '5']);
    expect(listed.code, listed.stderr).toBe(0);
    const pairs = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; records: { id: string }[] });
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(5);
    for (const pair of pairs) {
      expect(pair.status).toBe('pending');
      expect(pair.records).toHaveLength(2);
    }
    const hits = await runCli(env, ['hits', 'list', '--participant', 'RU-MVD', '--box', 'sideways']);
    expect(hits.code).not.toBe(0);
    expect(hits.stderr).toContain('sideways');
  }, 180_000);

  it('generate --activity writes months of hits and requests into the store and says how many', async () => {
    const written = await runCli(env, ['generate', '--activity', '--months', '2', '--per-month', '40']);
    expect(written.code, written.stderr).toBe(0);
    const [, hits, requests] = /Wrote (\d+) hits and (\d+) requests/.exec(written.stderr) ?? [];
    expect(Number(hits)).toBeGreaterThan(0);
    expect(Number(requests)).toBeGreaterThan(0);
  });
});
