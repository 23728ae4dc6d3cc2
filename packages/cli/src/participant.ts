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
