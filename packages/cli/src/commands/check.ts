import type { Command } from 'commander';
import { CheckInput, type CheckInput as Check } from '@svod/core';
import { compileAsserter, createAjv, runCheck } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { addRemoteOptions, purposeOption, type RemoteFlags } from '../options.ts';
import { assertKeysParticipant, checkedParticipant, requiredParticipant } from '../participant.ts';
import type { ApiClient } from '../remote/client.ts';
import { connectRemote } from '../remote/connect.ts';
import { cliActor, withStorage } from './shared.ts';

export interface CheckOptions extends RemoteFlags {
  participant?: string;
  surname?: string;
  given?: string;
  patronymic?: string;
  birthDate?: string;
  document?: string;
  documentState?: string;
  vin?: string;
  plate?: string;
  plateState?: string;
  serial?: string;
  purpose: string;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const command = program
    .command('check')
    .description(t('check.description'))
    .option('--participant <code>', t('check.participant'))
    .option('--surname <name>', t('check.surname'))
    .option('--given <name>', t('check.given'))
    .option('--patronymic <name>', t('check.patronymic'))
    .option('--birth-date <date>', t('check.birthDate'))
    .option('--document <number>', t('check.document'))
    .option('--document-state <code>', t('check.documentState'))
    .option('--vin <vin>', t('check.vin'))
    .option('--plate <number>', t('check.plate'))
    .option('--plate-state <code>', t('check.plateState'))
    .option('--serial <serial>', t('check.serial'))
    .addOption(purposeOption(t));
  addRemoteOptions(command, t).action(ctx.run((options: CheckOptions) => check(ctx, options)));
}

/** Builds the check from flags, validated by the same schema as the API. */
function checkOf(options: CheckOptions): Check {
  const person =
    options.surname || options.given || options.document
      ? {
          surname: options.surname,
          given: options.given,
          patronymic: options.patronymic,
          birthDate: options.birthDate,
          document: options.document ? { number: options.document, issuingState: options.documentState ?? '' } : undefined,
        }
      : undefined;
  const vehicle =
    options.vin || options.plate
      ? { vin: options.vin, plate: options.plate ? { number: options.plate, state: options.plateState ?? '' } : undefined }
      : undefined;
  const firearm = options.serial ? { serial: options.serial } : undefined;
  const raw = JSON.parse(JSON.stringify({ person, vehicle, firearm }));
  return compileAsserter<Check>(createAjv(), CheckInput)(raw);
}

/** A check from the command line, as the participant's officer: prints the result as JSON. */
async function check(ctx: CommandContext, options: CheckOptions): Promise<number> {
  const client = connectRemote(ctx.config, options, options.purpose);
  const via: { client: ApiClient } | { participant: string } = client ? { client } : { participant: requiredParticipant(options.participant) };
  const input = checkOf(options);
  const result =
    'client' in via
      ? await checkRemote(via.client, options.participant, input)
      : await withStorage(ctx.config, async (db) =>
          runCheck({ db, actor: cliActor(await checkedParticipant(db, via.participant), 'operator'), purpose: options.purpose }, input),
        );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

async function checkRemote(client: ApiClient, participant: string | undefined, input: Check): Promise<unknown> {
  if (participant !== undefined) assertKeysParticipant((await client.me()).participant, participant);
  return client.json<unknown>('POST', '/checks', { body: JSON.stringify(input), contentType: 'application/json' });
}
