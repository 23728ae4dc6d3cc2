import type { Actor, RequestState, RequestView } from '../../domain.ts';

/**
 * Operators and supervisors write and work on requests; analysts and administrators only
 * watch them (core's workflow). What a user may do to one request the bank says itself, in its
 * `allowedActions`: this only decides which links and forms to offer.
 */
export const mayDraftRequests = (actor: Actor): boolean => actor.role === 'operator' || actor.role === 'supervisor';

/**
 * Where each side adds files (the bank's rule): the sender while it writes the request or
 * answers a question about it, the recipient while it works on the answer. After that the
 * files are the record of what was sent.
 */
const ATTACHING: Record<'sender' | 'recipient', readonly RequestState[]> = {
  sender: ['draft', 'clarification_requested'],
  recipient: ['received', 'assigned', 'in_work'],
};

export function mayAttach(actor: Actor, view: Pick<RequestView, 'sender' | 'recipient' | 'state'>): boolean {
  if (!mayDraftRequests(actor)) return false;
  const side = actor.participant === view.sender ? 'sender' : actor.participant === view.recipient ? 'recipient' : null;
  return side !== null && ATTACHING[side].includes(view.state);
}
