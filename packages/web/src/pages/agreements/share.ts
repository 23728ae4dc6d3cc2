import { agreementForShare } from '@svod/core';
import type { AgreementView } from '@svod/core';
import type { Category, ParticipantInfo } from '../../domain.ts';

/** Today as the rules count days: YYYY-MM-DD, in UTC like the bank's own checks. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Every party to the agreements, in the order of the bank's list of participants (those it does
 * not know after them, by code).
 */
export function participantsOf(agreements: readonly AgreementView[], known: readonly ParticipantInfo[]): string[] {
  const codes = new Set(agreements.flatMap((a) => a.parties));
  const rank = (code: string) => {
    const index = known.findIndex((p) => p.code === code);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...codes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** For each pair of different participants, the agreement under which they share the category on `day`, if any. */
export type ShareMatrix = (row: string, column: string) => AgreementView | undefined;

export function shareMatrix(agreements: readonly AgreementView[], category: Category, day: string): ShareMatrix {
  return (row, column) => agreementForShare(agreements, row, column, category, day);
}
