import { existsSync } from 'node:fs';
import { loadSigningKey, loadVerifyingKey, verifyAuditTrail, writeCheckpoint } from '@svod/server';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { withStorage } from './shared.ts';

/** The checkpoints to hold the chain against, when a key (or its public half) is where the config says. */
function checkpointsOf(config: CliConfig) {
  const { keyFile, checkpointDir } = config.audit;
  if (!existsSync(keyFile) && !existsSync(`${keyFile}.pub`)) return undefined;
  return { dir: checkpointDir, key: loadVerifyingKey(keyFile) };
}

/**
 * Exit 0 when the chain is intact (and reaches the newest signed checkpoint); 1 naming the first
 * entry edited, removed or relinked, or the checkpoint it no longer reaches.
 */
export async function auditVerify(config: CliConfig): Promise<number> {
  const checkpoints = checkpointsOf(config);
  const progress = startProgress('Verifying audit chain');
  const result = await withStorage(config, (db) => verifyAuditTrail(db, checkpoints, progress.update));
  progress.stop();
  if (!result.ok) {
    process.stdout.write(
      `Audit chain BROKEN at entry ${result.problem!.seq}: ${result.problem!.message} (${result.entries} entries before it verified).\n`,
    );
    return 1;
  }
  const anchor = result.checkpoint
    ? ` It reaches the checkpoint signed at ${result.checkpoint.at} (entry ${result.checkpoint.seq}).`
    : checkpoints
      ? ' No checkpoint has been signed yet.'
      : ` No checkpoint key at ${config.audit.keyFile}: deletion of the newest entries cannot be detected.`;
  process.stdout.write(`Audit chain intact: ${result.entries} entries verified.${anchor}\n`);
  return 0;
}

/** Signs the chain's head now and keeps the checkpoint outside the database. */
export async function auditCheckpoint(config: CliConfig): Promise<number> {
  const key = loadSigningKey(config.audit.keyFile, { create: true });
  const checkpoint = await withStorage(config, (db) => writeCheckpoint(db, { dir: config.audit.checkpointDir, key }));
  process.stdout.write(
    `Checkpoint signed: entry ${checkpoint.seq}, hash ${checkpoint.hash}, key ${checkpoint.key}, kept in ${config.audit.checkpointDir}.\n`,
  );
  return 0;
}
