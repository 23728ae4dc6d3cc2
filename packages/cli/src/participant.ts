import { listParticipants, type Db } from '@svod/server';
import { CliError } from './errors.ts';

/**
 * The one check of `--participant` for every command: the code must name a participant the
 * store holds, exactly as written there (RU-MVD, not ru-mvd). A near miss in letter case is
 * pointed out; otherwise the known codes are listed.
 */
export function assertKnownParticipant(code: string, known: readonly string[]): void {
  if (known.includes(code)) return;
  const hint = known.find((k) => k.toUpperCase() === code.toUpperCase());
  throw new CliError('participant.unknown', { code, hint: hint ?? '', known: known.join(', ') });
}

/** For a command acting on the store in-process: the participant it acts as, checked against the store. */
export async function checkedParticipant(db: Db, code: string): Promise<string> {
  assertKnownParticipant(
    code,
    (await listParticipants(db)).map((p) => p.code),
  );
  return code;
}

/** A local command that must act as someone: `--participant` is then required. */
export function requiredParticipant(code: string | undefined): string {
  if (code === undefined) throw new CliError('participant.required');
  return code;
}

/** Through a server the credential decides who acts; `--participant` may only repeat that. */
export function assertKeysParticipant(actual: string, given: string | undefined): void {
  if (given !== undefined && given !== actual) throw new CliError('participant.notKeys', { actual, given });
}
