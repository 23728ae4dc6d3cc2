import { CheckInput, type CheckInput as Check } from '@svod/core';
import { compileAsserter, createAjv, runCheck, SYSTEM_ACTOR } from '@svod/server';
import type { CliConfig } from '../config.ts';
import { withStorage } from './shared.ts';

export interface CheckOptions {
  participant: string;
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
export async function check(config: CliConfig, options: CheckOptions): Promise<number> {
  const input = checkOf(options);
  const result = await withStorage(config, (db) =>
    runCheck(
      {
        db,
        actor: { ...SYSTEM_ACTOR, id: 'svod-cli', name: 'svod cli', participant: options.participant, role: 'operator' },
        purpose: options.purpose,
      },
      input,
    ),
  );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}
