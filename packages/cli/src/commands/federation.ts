import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { COORDINATING_BODY, isStateCode, type FederationStatusView } from '@svod/core';
import { federationStatus, loadSigningKey, queueSentRequests, queueWholeArray, registerNode, setDisclosure, trustBank } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import { addRemoteOptions, purposeOption, type RemoteFlags } from '../options.ts';
import { connectRemote } from '../remote/connect.ts';
import { cliActor, withStorage } from './shared.ts';

interface FederationFlags extends RemoteFlags {
  purpose: string;
}

/** BKBOP's administrator acting in-process, as the federation's register is BKBOP's. */
const registrar = () => cliActor(COORDINATING_BODY, 'administrator');

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError('federation.badKeyFile', { file: path, reason: error instanceof Error ? error.message : String(error) });
  }
}

/** A state code as subjects and the register hold it. */
function stateOf(raw: string | undefined): string {
  if (!isStateCode(raw)) throw new CliError('federation.badState', { state: raw ?? '' });
  return raw;
}

/**
 * The federation from the command line: a node's key to register at the bank, the bank's
 * register of keys, the status (lag, outbox, dead letters), and sending a node's whole array.
 */
export function registerFederation(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const federation = program.command('federation').description(t('federation.description'));

  federation
    .command('key')
    .description(t('federation.key'))
    .action(
      ctx.run(async () => {
        const { keyFile } = ctx.config.federation;
        const created = !existsSync(keyFile);
        const key = loadSigningKey(keyFile, { create: true });
        if (created) process.stderr.write(`${t('federation.keyCreated', { file: keyFile })}\n`);
        process.stdout.write(key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
        return 0;
      }),
    );

  addRemoteOptions(
    federation
      .command('register')
      .description(t('federation.register'))
      .requiredOption('--state <code>', t('federation.state'))
      .requiredOption('--public-key <file>', t('federation.publicKey'))
      .addOption(purposeOption(t)),
    t,
  ).action(
    ctx.run(async (flags: FederationFlags & { state: string; publicKey: string }) => {
      const state = stateOf(flags.state);
      const publicKey = readKeyFile(flags.publicKey);
      const client = connectRemote(ctx.config, flags, flags.purpose);
      if (client) await client.send('PUT', '/federation/nodes', { body: JSON.stringify({ state, publicKey }), contentType: 'application/json' });
      else await withStorage(ctx.config, (db) => registerNode({ db, actor: registrar(), purpose: flags.purpose }, state, publicKey));
      process.stderr.write(`${t('federation.registered', { state })}\n`);
      return 0;
    }),
  );

  federation
    .command('trust-bank')
    .description(t('federation.trustBank'))
    .requiredOption('--public-key <file>', t('federation.bankKey'))
    .addOption(purposeOption(t))
    .action(
      ctx.run(async (flags: { publicKey: string; purpose: string }) => {
        const publicKey = readKeyFile(flags.publicKey);
        await withStorage(ctx.config, (db) =>
          trustBank({ db, actor: cliActor(COORDINATING_BODY, 'administrator'), purpose: flags.purpose }, publicKey),
        );
        process.stderr.write(`${t('federation.bankTrusted')}\n`);
        return 0;
      }),
    );

  federation
    .command('disclosure')
    .description(t('federation.disclosure'))
    .requiredOption('--category <array>', t('federation.category'))
    .requiredOption('--mode <mode>', t('federation.mode'))
    .option('--state <code>', t('federation.state'))
    .addOption(purposeOption(t))
    .action(
      ctx.run(async (flags: { category: string; mode: string; state?: string; purpose: string }) => {
        const state = stateOf(flags.state ?? ctx.config.federation.state);
        const queued = await withStorage(ctx.config, (db) =>
          setDisclosure({ db, actor: registrar(), purpose: flags.purpose }, state, flags.category, flags.mode),
        );
        process.stderr.write(`${t('federation.disclosureSet', { category: flags.category, mode: flags.mode, count: queued })}\n`);
        return 0;
      }),
    );

  addRemoteOptions(federation.command('status').description(t('federation.status')).addOption(purposeOption(t)), t).action(
    ctx.run(async (flags: FederationFlags) => {
      const client = connectRemote(ctx.config, flags, flags.purpose);
      const { role, state } = ctx.config.federation;
      // In-process there is no bus to ask: the store tells the outbox, the nodes' lag and the dead letters.
      const status = client
        ? await client.json<FederationStatusView>('GET', '/federation/status')
        : await withStorage(ctx.config, (db) =>
            federationStatus(
              { db, actor: registrar(), purpose: flags.purpose },
              { role, state: state ?? null, bus: () => null, ready: Promise.resolve(), stop: async () => {} },
            ),
          );
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      return 0;
    }),
  );

  federation
    .command('backfill')
    .description(t('federation.backfill'))
    .option('--state <code>', t('federation.state'))
    .action(
      ctx.run(async (flags: { state?: string }) => {
        const state = stateOf(flags.state ?? ctx.config.federation.state);
        const queued = await withStorage(ctx.config, async (db) => ({
          records: await queueWholeArray(db, state),
          requests: await queueSentRequests(db, state),
        }));
        process.stderr.write(`${t('federation.queued', { count: queued.records, requests: queued.requests, state })}\n`);
        return 0;
      }),
    );
}
