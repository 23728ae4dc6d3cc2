import type { HistoryEntry } from '../requests/types.ts';

/**
 * How a request's history that arrives stands to the one a node holds. Each side's node moves a
 * request on its own and sends the whole history, so the histories themselves order the changes:
 * - `same`: nothing new (a message delivered twice);
 * - `newer`: it begins with all that is held and goes on (the steps to file are `added`);
 * - `older`: it is where the held history began (the node's own change already went further);
 * - `crossed`: both sides moved it at once from the same step (a withdrawal crossing an answer),
 *   and the held history has steps the other does not (`added`: the other's steps not held).
 */
export type HistoryOrder =
  | { order: 'same' }
  | { order: 'older' }
  | { order: 'newer'; added: HistoryEntry[] }
  | { order: 'crossed'; added: HistoryEntry[] };

/** A step's identity: who did what and when, the same on every node that holds it. */
const stepKey = (entry: HistoryEntry) => `${entry.at}|${entry.action}|${entry.actor.id}|${entry.actor.participant}`;

export function historyOrder(held: readonly HistoryEntry[], incoming: readonly HistoryEntry[]): HistoryOrder {
  const common = commonPrefix(held, incoming);
  if (common === held.length && common === incoming.length) return { order: 'same' };
  if (common === held.length) return { order: 'newer', added: incoming.slice(common) };
  if (common === incoming.length) return { order: 'older' };
  const heldKeys = new Set(held.map(stepKey));
  return { order: 'crossed', added: incoming.slice(common).filter((entry) => !heldKeys.has(stepKey(entry))) };
}

function commonPrefix(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): number {
  let i = 0;
  while (i < a.length && i < b.length && stepKey(a[i]!) === stepKey(b[i]!)) i++;
  return i;
}
