import { listParticipants, type Db } from '@svod/server';
import { CliError } from './errors.ts';

/** The one check of `--participant`: the code must name a participant the store holds, exactly as written there. */
export function assertKnownParticipant(code: string, known: readonly string[]): void {
  if (!known.includes(code)) throw new CliError('participant.unknown', { code, known: known.join(', ') });
}

/** For a command acting on the store in-process: the participant it acts as, checked against the store. */
export async function checkedParticipant(db: Db, code: string): Promise<string> {
  assertKnownParticipant(
    code,
    (await listParticipants(db)).map((p) => p.code),
  );
  return code;
}
