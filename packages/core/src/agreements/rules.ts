import type { FieldIssue } from '../errors.ts';
import type { RequestType } from '../requests/types.ts';
import type { Category } from '../schemas/record.ts';
import type { AgreementInput } from './types.ts';

/** When an agreement is in force: an open end is absent (as entered) or null (as the register returns it). */
interface Period {
  inForceFrom: string;
  inForceTo?: string | null | undefined;
}

/** What the rules read of an agreement, as entered (`AgreementInput`) or as the register returns it (`AgreementView`). */
interface Scope extends Period {
  parties: readonly string[];
  coordinator?: string | null | undefined;
  categories: readonly Category[];
  requestTypes: readonly RequestType[];
}

/** What the schema cannot say of one agreement: an end after its start, and something covered. */
export function agreementIssues(agreement: AgreementInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (agreement.inForceTo !== undefined && agreement.inForceTo < agreement.inForceFrom) {
    issues.push({ path: '/inForceTo', code: 'date_order', params: { before: agreement.inForceFrom } });
  }
  if (agreement.coordinator !== undefined && !agreement.parties.includes(agreement.coordinator)) {
    issues.push({ path: '/coordinator', code: 'not_allowed_value', params: { allowed: agreement.parties.join(', ') } });
  }
  if (agreement.categories.length === 0 && agreement.requestTypes.length === 0) {
    issues.push({ path: '/categories', code: 'too_few', params: { limit: 1 } });
  }
  return issues;
}

/** Whether the agreement is in force on `day` (YYYY-MM-DD): from its first day to its last, both inclusive. */
export const inForceOn = (agreement: Period, day: string): boolean => agreement.inForceFrom <= day && day <= (agreement.inForceTo ?? '9999-12-31');

const periodsMeet = (a: Period, b: Period) => a.inForceFrom <= (b.inForceTo ?? '9999-12-31') && b.inForceFrom <= (a.inForceTo ?? '9999-12-31');

const sameParties = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((party) => b.includes(party));
const meet = <T>(a: readonly T[], b: readonly T[]) => a.some((item) => b.includes(item));

/** Whether the agreement binds these two: both parties, and one of them the coordinator where there is one. */
const binds = (agreement: Scope, x: string, y: string): boolean =>
  agreement.parties.includes(x) &&
  agreement.parties.includes(y) &&
  (!agreement.coordinator || agreement.coordinator === x || agreement.coordinator === y);

/**
 * Whether two agreements of the same parties cover something twice at the same time: the same
 * array or the same request type in periods that meet. Such a pair would leave it unclear which
 * one a refusal or a share rests on, so the second is refused.
 */
export const agreementsOverlap = (a: Scope, b: Scope): boolean =>
  sameParties(a.parties, b.parties) &&
  (a.coordinator ?? null) === (b.coordinator ?? null) &&
  periodsMeet(a, b) &&
  (meet(a.categories, b.categories) || meet(a.requestTypes, b.requestTypes));

/** The agreement in force on `day` under which `from` may send `to` a request of this type, if any. */
export function agreementForRequest<A extends Scope>(
  agreements: readonly A[],
  from: string,
  to: string,
  type: RequestType,
  day: string,
): A | undefined {
  return agreements.find((a) => inForceOn(a, day) && binds(a, from, to) && a.requestTypes.includes(type));
}

/** The agreement in force on `day` under which `reader` shares `owner`'s array of this category, if any. */
export function agreementForShare<A extends Scope>(
  agreements: readonly A[],
  reader: string,
  owner: string,
  category: Category,
  day: string,
): A | undefined {
  return agreements.find((a) => inForceOn(a, day) && binds(a, reader, owner) && a.categories.includes(category));
}

/** Whom the agreement lets `reader` read: every other party, or, where it has a coordinator, across it only. */
function ownersFor(agreement: Scope, reader: string): readonly string[] {
  if (!agreement.parties.includes(reader)) return [];
  if (agreement.coordinator && agreement.coordinator !== reader) return [agreement.coordinator];
  return agreement.parties.filter((party) => party !== reader);
}

/**
 * For each array, the owners whose records `reader` may read under the agreements in force on
 * `day`: the agreements' half of every share (the record's distribution is the other). The same
 * answer as `agreementForShare` for each owner, computed once for all of them.
 */
export function sharesFor(agreements: readonly Scope[], reader: string, day: string): Map<Category, string[]> {
  const shares = new Map<Category, string[]>();
  for (const agreement of agreements) {
    if (!inForceOn(agreement, day)) continue;
    const owners = ownersFor(agreement, reader);
    if (owners.length === 0) continue;
    for (const category of agreement.categories) shares.set(category, [...new Set([...(shares.get(category) ?? []), ...owners])]);
  }
  return shares;
}
