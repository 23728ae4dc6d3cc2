import { agreementForShare, inForceOn } from '@svod/core';
import type { AgreementView } from '@svod/core';
import type { Category, ParticipantInfo } from '../../domain.ts';

/** Today as the rules count days: YYYY-MM-DD, in UTC like the bank's own checks. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** The rules' reading of an agreement: no coordinator and an open end are absent, not null. */
function scopeOf(agreement: AgreementView) {
  const { coordinator, inForceTo, ...rest } = agreement;
  return {
    ...rest,
    ...(coordinator !== null ? { coordinator } : {}),
    ...(inForceTo !== null ? { inForceTo } : {}),
    agreement,
  };
}

/** Whether the agreement is in force on `day` (YYYY-MM-DD), both ends inclusive: core's rule. */
export const inForce = (agreement: Pick<AgreementView, 'inForceFrom' | 'inForceTo'>, day: string): boolean =>
  inForceOn({ inForceFrom: agreement.inForceFrom, ...(agreement.inForceTo !== null ? { inForceTo: agreement.inForceTo } : {}) }, day);

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
  const scopes = agreements.map(scopeOf);
  return (row, column) => agreementForShare(scopes, row, column, category, day)?.agreement;
}
