import { verifyAuditChain } from '@svod/server';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { withStorage } from './shared.ts';

/** Exit 0 when the chain is intact; 1 naming the first entry edited, removed or relinked. */
export async function auditVerify(config: CliConfig): Promise<number> {
  const progress = startProgress('Verifying audit chain');
  const result = await withStorage(config, (db) => verifyAuditChain(db, progress.update));
  progress.stop();
  if (result.ok) {
    process.stdout.write(`Audit chain intact: ${result.entries} entries verified.\n`);
    return 0;
  }
  process.stdout.write(
    `Audit chain BROKEN at entry ${result.problem!.seq}: ${result.problem!.message} (${result.entries} entries before it verified).\n`,
  );
  return 1;
}
