import { Command, InvalidArgumentError, Option } from 'commander';
import { CATEGORIES, STATUSES } from '@svod/core';
import { migrateToLatest, openDatabase } from '@svod/server';
import { describeStorage, readConfig } from './config.ts';
import { auditCheckpoint, auditVerify } from './commands/audit.ts';
import { generate, parseCorruption, type GenerateOptions } from './commands/generate.ts';
import { evaluate } from './commands/eval.ts';
import { train } from './commands/train.ts';
import { check, type CheckOptions } from './commands/check.ts';
import { seed, DEMO_RECORD_COUNT } from './commands/seed.ts';
import { serve } from './commands/serve.ts';
import { describeError } from './commands/shared.ts';
import { exportCommand, importCommand } from './commands/transfer.ts';

const config = readConfig();

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};
const purposeOption = () => new Option('--purpose <code>', 'purpose code recorded in the audit trail').default('cli');

/** Runs a command and turns its outcome into an exit code; errors become a message, never a stack. */
const run =
  <A extends unknown[]>(action: (...args: A) => Promise<unknown>) =>
  async (...args: A) => {
    try {
      const outcome = await action(...args);
      process.exitCode = typeof outcome === 'number' ? outcome : 0;
    } catch (error) {
      process.stderr.write(`svod: ${describeError(error, config.lang)}\n`);
      process.exitCode = 1;
    }
  };

const program = new Command('svod').description('Svod — the interstate information bank').showHelpAfterError();

program
  .command('serve')
  .description('serve the API and the web console (loads demo data into an empty store)')
  .action(run(() => serve(config)));

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(
    run(async () => {
      const db = openDatabase(config.storage);
      try {
        const applied = await migrateToLatest(db);
        process.stdout.write(`${describeStorage(config.storage)}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}\n`);
      } finally {
        await db.destroy();
      }
    }),
  );

program
  .command('seed')
  .description('load demo participants, users and records into an empty store')
  .option('--count <n>', 'records to generate', positiveInt, DEMO_RECORD_COUNT)
  .action(run((options: { count: number }) => seed(config, options)));

program
  .command('import')
  .description('load records from a JSON Lines file (- for stdin); creates or updates by national reference')
  .argument('<file>')
  .option('--participant <code>', 'act as this participant (lines may omit owner); without it each line names its owner')
  .option('--atomic', 'apply nothing if any line is bad')
  .addOption(purposeOption())
  .action(run((file: string, options: { participant?: string; atomic?: boolean; purpose: string }) => importCommand(config, file, options)));

program
  .command('export')
  .description('write the records a participant may see as JSON Lines')
  .requiredOption('--participant <code>', 'whose view of the bank to export')
  .option('--out <file>', 'output file (default: stdout)')
  .addOption(new Option('--category <category>').choices([...CATEGORIES]))
  .addOption(new Option('--status <status>').choices([...STATUSES]))
  .addOption(purposeOption())
  .action(
    run((options: { participant: string; out?: string; category?: string; status?: string; purpose: string }) => exportCommand(config, options)),
  );

program
  .command('generate')
  .description('write synthetic CIS records with ground truth (truth ids) as JSON Lines')
  .option('--count <n>', 'records', positiveInt, 1000)
  .option('--seed <n>', 'random seed: the same seed gives the same data', positiveInt, 1)
  .option('--out <file>', 'output file (default: stdout)')
  .option('--corruption <kind=rate,...>', 'override corruption rates, e.g. typo=0.2,transliteration=0.5', (v) => {
    try {
      return parseCorruption(v);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  })
  .option('--duplicate-rate <p>', 'share of subjects recorded more than once', (v) => {
    const p = Number(v);
    if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError('must be between 0 and 1');
    return p;
  })
  .option('--today <date>', 'no generated date is later than this (YYYY-MM-DD)')
  .action(run((options: GenerateOptions) => generate(config, options)));

program
  .command('eval')
  .description('link a labelled file (svod generate) with the matcher and print precision, recall and F1 as JSON')
  .requiredOption('--input <file>', 'JSON Lines with a truth id on every record')
  .option('--by-category', 'break the figures down by category pair and corruption kind')
  .option(
    '--threshold <p>',
    'match probability at which two records are linked',
    (v) => {
      const p = Number(v);
      if (!(p > 0 && p < 1)) throw new InvalidArgumentError('must be between 0 and 1');
      return p;
    },
    0.5,
  )
  .action(run((options: { input: string; byCategory?: boolean; threshold: number }) => evaluate(config, options)));

program
  .command('train')
  .description("estimate the matching models (EM) from a JSON Lines array (e.g. the bank's export)")
  .requiredOption('--input <file>', 'records, one per line')
  .option('--out <file>', 'write the models as JSON')
  .option('--activate', "store the models and make them the ones the bank's checks score with")
  .option('--version <label>', 'version label of the models', new Date().toISOString().replace(/[:.]/g, '-'))
  .action(run((options: { input: string; out?: string; activate?: boolean; version: string }) => train(config, options)));

program
  .command('check')
  .description("check a person, vehicle or firearm against the bank, as the participant's officer")
  .requiredOption('--participant <code>', 'whose view of the bank to check against')
  .option('--surname <name>')
  .option('--given <name>')
  .option('--patronymic <name>')
  .option('--birth-date <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
  .option('--document <number>')
  .option('--document-state <code>', 'issuing state of the document, e.g. TJ')
  .option('--vin <vin>')
  .option('--plate <number>')
  .option('--plate-state <code>')
  .option('--serial <serial>', 'firearm serial number')
  .addOption(purposeOption())
  .action(run((options: CheckOptions) => check(config, options)));

const audit = program.command('audit').description('the audit trail');
audit
  .command('verify')
  .description('check the hash chain and the newest signed checkpoint; exit 1 naming the first edited or deleted entry')
  .action(run(() => auditVerify(config)));
audit
  .command('checkpoint')
  .description("sign the chain's head with the audit key and keep it outside the database")
  .action(run(() => auditCheckpoint(config)));

await program.parseAsync(process.argv);
