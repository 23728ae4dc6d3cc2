import type { Command } from 'commander';
import { migrateToLatest, openDatabase } from '@svod/server';
import { describeStorage } from '../config.ts';
import type { CommandContext } from '../context.ts';

export function registerMigrate(program: Command, ctx: CommandContext): void {
  program
    .command('migrate')
    .description(ctx.t('migrate.description'))
    .action(ctx.run(() => migrate(ctx)));
}

async function migrate({ config, t }: CommandContext): Promise<number> {
  const db = await openDatabase(config.storage);
  try {
    const applied = await migrateToLatest(db);
    const storage = describeStorage(config.storage, t);
    process.stdout.write(`${applied.length ? t('migrate.applied', { storage, names: applied.join(', ') }) : t('migrate.current', { storage })}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}
