import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test/run-cli.ts';

describe('svod federation', () => {
  let dir: string;
  const env = () => ({
    PATH: process.env.PATH,
    SVOD_LANG: 'en',
    DATABASE_URL: '',
    SVOD_DATA_DIR: join(dir, 'store'),
    SVOD_AUDIT_KEY_FILE: join(dir, 'no-key.pem'),
    SVOD_NODE_KEY_FILE: join(dir, 'node', 'key.pem'),
  });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'svod-federation-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a node's key is made once and printed; the bank registers it, and its status lists the node; a bad key or state is refused", async () => {
    const first = await runCli(env(), ['federation', 'key']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(first.stderr).toContain('Node key created');
    const again = await runCli(env(), ['federation', 'key']);
    expect(again.stdout).toBe(first.stdout);
    writeFileSync(join(dir, 'kz.pub'), first.stdout);

    const registered = await runCli(env(), ['federation', 'register', '--state', 'KZ', '--public-key', join(dir, 'kz.pub')]);
    expect(registered.code, registered.stderr).toBe(0);
    const status = await runCli({ ...env(), SVOD_FEDERATION_ROLE: 'central' }, ['federation', 'status']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      role: 'central',
      bus: 'disconnected',
      nodes: [{ state: 'KZ', applied: 0, lagSeconds: null }],
      deadLetters: 0,
    });

    // The node is given the bank's key the same way; its status then says it holds it.
    const bank = await runCli({ ...env(), SVOD_NODE_KEY_FILE: join(dir, 'bank', 'key.pem') }, ['federation', 'key']);
    writeFileSync(join(dir, 'bank.pub'), bank.stdout);
    const trusted = await runCli(env(), ['federation', 'trust-bank', '--public-key', join(dir, 'bank.pub')]);
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(trusted.stderr).toContain("The central bank's key is entered");
    const national = await runCli({ ...env(), SVOD_FEDERATION_ROLE: 'national', SVOD_STATE: 'KZ' }, ['federation', 'status']);
    expect(JSON.parse(national.stdout)).toMatchObject({
      role: 'national',
      state: 'KZ',
      bank: { keyTrusted: true, lastReceivedAt: null },
      hitOnly: [],
    });

    // Kazakhstan shares its wanted persons as hit / no hit from now on.
    const hitOnly = await runCli({ ...env(), SVOD_STATE: 'KZ' }, ['federation', 'disclosure', '--category', 'wanted_person', '--mode', 'hit']);
    expect(hitOnly.code, hitOnly.stderr).toBe(0);
    expect(hitOnly.stderr).toContain('Array wanted_person: hit; records queued: 0');
    const after = await runCli({ ...env(), SVOD_FEDERATION_ROLE: 'national', SVOD_STATE: 'KZ' }, ['federation', 'status']);
    expect(JSON.parse(after.stdout).hitOnly).toEqual(['wanted_person']);
    const badMode = await runCli({ ...env(), SVOD_STATE: 'KZ' }, ['federation', 'disclosure', '--category', 'wanted_person', '--mode', 'some']);
    expect(badMode.code).not.toBe(0);
    expect(badMode.stderr).toMatch(/disclosure/);

    writeFileSync(join(dir, 'bad.pub'), 'not a key');
    const badBank = await runCli(env(), ['federation', 'trust-bank', '--public-key', join(dir, 'bad.pub')]);
    expect(badBank.code).not.toBe(0);
    expect(badBank.stderr).toMatch(/publicKey/);
    const badKey = await runCli(env(), ['federation', 'register', '--state', 'KZ', '--public-key', join(dir, 'bad.pub')]);
    expect(badKey.code).not.toBe(0);
    expect(badKey.stderr).toMatch(/publicKey/);
    const badState = await runCli(env(), ['federation', 'register', '--state', 'Kazakhstan', '--public-key', join(dir, 'kz.pub')]);
    expect(badState.code).not.toBe(0);
    expect(badState.stderr).toContain('two-letter ISO code');
  }, 120_000);

  it('a national node sent to a new bank queues its whole array; serve refuses a role without what it needs', async () => {
    const backfill = await runCli(env(), ['federation', 'backfill', '--state', 'KZ']);
    expect(backfill.code, backfill.stderr).toBe(0);
    expect(backfill.stderr).toContain('KZ records queued: 0');
    const noNats = await runCli(env(), ['serve', '--role', 'national', '--state', 'KZ']);
    expect(noNats.code).not.toBe(0);
    expect(noNats.stderr).toContain('needs a NATS server');
    const badRole = await runCli(env(), ['serve', '--role', 'leader']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('must be one of single, national, central');
  }, 120_000);
});
