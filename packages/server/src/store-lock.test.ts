import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from './db/connect.ts';
import { StoreInUseError } from './db/store-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'svod-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Another process that opens the store and keeps it until it is killed; resolves once it holds it. */
function holderProcess(dataDir: string) {
  const script = join(dir, 'hold.mts');
  const connect = fileURLToPath(new URL('./db/connect.ts', import.meta.url));
  writeFileSync(
    script,
    `import { openDatabase } from ${JSON.stringify(connect)};\nawait openDatabase({ dataDir: ${JSON.stringify(dataDir)} });\nprocess.stdout.write('held\\n');\nsetInterval(() => {}, 1000);\n`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const held = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return { child, held };
}

describe('one process per embedded store', () => {
  it('a second opener is refused with the holder named, and the store opens again once released', async () => {
    const dataDir = join(dir, 'same-process');
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first);
    const refused = await openDatabase({ dataDir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreInUseError);
    expect((refused as StoreInUseError).holder?.pid).toBe(process.pid);
    expect((refused as Error).message).toContain(String(process.pid));
    await first.destroy();
    const again = await openDatabase({ dataDir });
    await again.destroy();
  });

  it('another process holding the store is named; killed with -9, it leaves the store free', async () => {
    const dataDir = join(dir, 'other-process');
    const setup = await openDatabase({ dataDir });
    await migrateToLatest(setup);
    await setup.destroy();
    const { child, held } = holderProcess(dataDir);
    try {
      await held;
      const refused = await openDatabase({ dataDir }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StoreInUseError);
      expect((refused as StoreInUseError).holder?.pid).toBe(child.pid);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('close', resolve));
    }
    const after = await openDatabase({ dataDir });
    await after.destroy();
  });

  it('the store is readable by the bank account only', async () => {
    const dataDir = join(dir, 'private');
    const db = await openDatabase({ dataDir });
    await migrateToLatest(db);
    await db.destroy();
    // Opening again tightens what the engine wrote with the default umask.
    await (await openDatabase({ dataDir })).destroy();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dataDir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const file of files.slice(0, 50)) expect(statSync(join(file.parentPath, file.name)).mode & 0o077, file.name).toBe(0);
  });
});
