import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { buildApp, isStoreEmpty, loadSigningKey, prepareChecks, refileMatchKeysIfStale, scheduleCheckpoints, seedDemo } from '@svod/server';
import { describeStorage, type CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { openStorage } from './shared.ts';
import { demoRecordLines, DEMO_RECORD_COUNT } from './seed.ts';

/** Starts the API and console; loads demo data first when the store is empty. */
export async function serve(config: CliConfig): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const db = await openStorage(config, { longRunning: true });
  // Keys computed by another version of the matcher (or before versions were recorded) are
  // computed again; when the versions agree this is a single read. Before the demo load, so
  // that a new store records its version and the demo is filed once.
  const filing = startProgress('Filing match keys');
  const filed = await refileMatchKeysIfStale(db, filing.update);
  filing.stop();
  if (filed > 0) logger.info({ records: filed }, 'filed match keys');
  if (config.demo && (await isStoreEmpty(db))) {
    const progress = startProgress('Loading demo data', DEMO_RECORD_COUNT);
    const seeded = await seedDemo(db, demoRecordLines(DEMO_RECORD_COUNT), {
      passwordPolicy: config.app.passwordPolicy,
      onProgress: progress.update,
    });
    progress.stop();
    announceDemo(config, seeded.password, seeded.report.created);
  }
  await prepareChecks(db);
  const auditCheckpoints = { dir: config.audit.checkpointDir, key: openAuditKey(config) };
  const stopCheckpoints = scheduleCheckpoints(db, auditCheckpoints, config.audit.checkpointMinutes, (err) =>
    logger.error({ err }, 'audit checkpoint failed'),
  );
  const app = await buildApp({ db, config: config.app, logger, auditCheckpoints });
  const close = async () => {
    await app.close();
    await stopCheckpoints();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host}:${config.port}`;
  process.stderr.write(
    `\nSvod is running on ${describeStorage(config.storage)}\n` +
      `  console:  ${url}/\n  API:      ${url}/api/v1\n  API docs: ${url}/api/v1/docs\n\n`,
  );
}

/** The key that signs audit checkpoints; made on first start, with a word on where it belongs. */
function openAuditKey(config: CliConfig) {
  const { keyFile } = config.audit;
  const created = !existsSync(keyFile);
  const key = loadSigningKey(keyFile, { create: true });
  if (created) {
    process.stderr.write(
      `\nCreated the audit checkpoint signing key ${keyFile} (public half: ${keyFile}.pub).\n` +
        'Keep it apart from the database and its backups; give the public half to your auditors (docs/operations.md).\n',
    );
  }
  return key;
}

function announceDemo(config: CliConfig, password: string, records: number) {
  const lines = [
    `Demo data loaded: ${records} records from every member state.`,
    `Demo accounts: <participant>.<role>, e.g. ru-mvd.operator, kz-gp.supervisor, bkbop.analyst, ru-mvd.administrator`,
    `Password for every demo account: ${password}`,
  ];
  if (!config.storage.databaseUrl) {
    const file = join(config.storage.dataDir, 'demo-credentials.txt');
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    lines.push(`(kept in ${file})`);
  }
  process.stderr.write(`\n${lines.join('\n')}\n`);
}
