import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import pino from 'pino';
import {
  buildApp,
  resumeReconciliations,
  isStoreEmpty,
  loadSecretKey,
  loadSigningKey,
  sealStoredSecrets,
  prepareChecks,
  refileMatchKeysIfStale,
  scheduleCheckpoints,
  seedDemo,
  scheduleNightlyCrossmatch,
  startCrossmatching,
  startWebhookDelivery,
  watchDeadlines,
  refreshStatistics,
  scheduleStatisticsRefresh,
  STATISTICS_REFRESH_MS,
  startFederation,
  federationProblem,
  type FederationConfig,
} from '@svod/server';
import { FEDERATION_ROLES, type FederationRole } from '@svod/core';
import { describeStorage, type CliConfig } from '../config.ts';
import { CliError } from '../errors.ts';
import type { CommandContext } from '../context.ts';
import { startProgress } from '../progress.ts';
import { openStorage } from './shared.ts';
import { demoRecordLines, DEMO_RECORD_COUNT } from './seed.ts';

interface ServeFlags {
  role?: string;
  state?: string;
  nats?: string;
}

export function registerServe(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('serve')
    .description(t('serve.description'))
    .option('--role <role>', t('serve.role'))
    .option('--state <code>', t('serve.state'))
    .option('--nats <url>', t('serve.nats'))
    .action(ctx.run((flags: ServeFlags) => serve(ctx, flags)));
}

/** The federation's settings from the environment, as the command line overrides them; refused before anything starts. */
function federationOf(config: CliConfig, flags: ServeFlags): FederationConfig {
  const role = flags.role ?? config.federation.role;
  if (!FEDERATION_ROLES.includes(role as FederationRole)) throw new CliError('config.role', { raw: role, allowed: FEDERATION_ROLES.join(', ') });
  const federation = {
    ...config.federation,
    role: role as FederationRole,
    state: flags.state ?? config.federation.state,
    nats: flags.nats ?? config.federation.nats,
  };
  const problem = federationProblem(federation);
  if (problem) throw new CliError('serve.federation', { problem });
  return federation;
}

/** Starts the API and console; loads demo data first when the store is empty. Runs until a signal. */
async function serve(ctx: CommandContext, flags: ServeFlags): Promise<undefined> {
  const { t } = ctx;
  const federationConfig = federationOf(ctx.config, flags);
  // A federated node holds one state's records, or what the nodes send: never the demo of every state.
  const config = federationConfig.role === 'single' ? ctx.config : { ...ctx.config, demo: false };
  const logger = pino({ level: config.logLevel });
  const db = await openStorage(config, { longRunning: true });
  // Keys computed by another version of the matcher (or before versions were recorded) are
  // computed again; when the versions agree this is a single read. Before the demo load, so
  // that a new store records its version and the demo is filed once.
  const filing = startProgress(t, t('progress.filing'));
  const filed = await refileMatchKeysIfStale(db, filing.update);
  filing.stop();
  if (filed > 0) logger.info({ records: filed }, 'filed match keys');
  if (config.demo && (await isStoreEmpty(db))) {
    const progress = startProgress(t, t('progress.demo'), DEMO_RECORD_COUNT);
    const seeded = await seedDemo(db, demoRecordLines(DEMO_RECORD_COUNT), {
      passwordPolicy: config.app.passwordPolicy,
      onProgress: progress.update,
    });
    progress.stop();
    announceDemo(ctx, seeded.password, seeded.report.created);
  }
  await prepareChecks(db);
  const auditCheckpoints = { dir: config.audit.checkpointDir, key: openAuditKey(ctx) };
  const secretKey = openSecretsKey(ctx);
  const sealed = await sealStoredSecrets(db, secretKey);
  if (sealed > 0) logger.info({ webhooks: sealed }, 'sealed webhook secrets stored in clear');
  const appConfig = { ...config.app, secretKey };
  const stopCheckpoints = scheduleCheckpoints(db, auditCheckpoints, config.audit.checkpointMinutes, (err) =>
    logger.error({ err }, 'audit checkpoint failed'),
  );
  // New and changed records (and what a killed process left queued) are matched in the background.
  const stopCrossmatching = startCrossmatching(db, config.app.hitDeadlines, (err) => logger.error({ err }, 'cross-matching failed'));
  const stopNightly =
    config.crossmatchHour === undefined
      ? () => undefined
      : scheduleNightlyCrossmatch(db, config.crossmatchHour, (err) => logger.error({ err }, 'nightly cross-match failed'));
  const stopWebhooks = startWebhookDelivery(db, (err) => logger.error({ err }, 'webhook delivery failed'), {
    allowLoopback: config.app.webhookLoopback,
    secretKey,
  });
  const stopDeadlines = watchDeadlines(db, config.app.hitDeadlines, (err) => logger.error({ err }, 'deadlines failed'));
  // The dashboard's counts of records and checks: counted now, then every minute.
  await refreshStatistics(db);
  const stopStatistics = scheduleStatisticsRefresh(db, STATISTICS_REFRESH_MS, (err) => logger.error({ err }, 'statistics count failed'));
  const resumed = await resumeReconciliations(db, config.app.uploadDir, (err) => logger.error({ err }, 'reconciliation failed'));
  if (resumed > 0) logger.info({ reconciliations: resumed }, 'reconciliations left running are run again');
  const federation = await startFederation(
    db,
    { ...federationConfig, concurrentBatches: config.storage.databaseUrl ? 2 : 1, hitDeadlines: config.app.hitDeadlines },
    (err) => logger.error({ err }, 'federation failed'),
  );
  if (federation.role !== 'single')
    logger.info({ role: federation.role, state: federation.state, nats: federationConfig.nats }, 'federation started');
  const app = await buildApp({ db, config: appConfig, logger, auditCheckpoints, federation });
  const close = async () => {
    await app.close();
    await federation.stop();
    await stopCrossmatching();
    stopDeadlines();
    stopStatistics();
    stopWebhooks();
    stopNightly();
    await stopCheckpoints();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host}:${config.port}`;
  process.stderr.write(`\n${t('serve.running', { storage: describeStorage(config.storage, t), url })}\n\n`);
  return undefined;
}

/** The key that signs audit checkpoints; made on first start, with a word on where it belongs. */
function openAuditKey({ config, t }: CommandContext) {
  const { keyFile } = config.audit;
  const created = !existsSync(keyFile);
  const key = loadSigningKey(keyFile, { create: true });
  if (created) process.stderr.write(`\n${t('audit.keyCreated', { file: keyFile })}\n`);
  return key;
}

/** The key webhooks' signing secrets are sealed with; made on first start, with a word on where it belongs. */
function openSecretsKey({ config, t }: CommandContext): Buffer {
  const file = config.secretsKeyFile;
  const created = !existsSync(file);
  const key = loadSecretKey(file, { create: true });
  if (created) process.stderr.write(`\n${t('secrets.keyCreated', { file })}\n`);
  return key;
}

function announceDemo({ config, t }: CommandContext, password: string, records: number) {
  const lines = [t('demo.loaded', { records }), t('demo.accounts'), t('demo.password', { password })];
  if (!config.storage.databaseUrl) {
    const file = join(config.storage.dataDir, 'demo-credentials.txt');
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    lines.push(t('demo.kept', { file }));
  }
  process.stderr.write(`\n${lines.join('\n')}\n`);
}
