import type { Actor, Role } from '../auth/permissions.ts';
import { calendarStateOf, deadlineFor } from './deadline.ts';
import type { HolidayCalendars } from './holidays.ts';
import type { HistoryEntry, Priority, RequestAction, RequestCreate, RequestState, RequestType } from './types.ts';
import { REQUEST_ACTIONS } from './types.ts';

/** What the state machine needs to know about a request. */
export interface WorkflowRequest {
  type: RequestType;
  priority: Priority;
  sender: string;
  recipient: string;
  state: RequestState;
  assignee: string | null;
}

/** What some actions carry: the text of a question, answer or reason; an assignee; a forward target; a new draft. */
export interface TransitionInput {
  text?: string;
  assignee?: string;
  forwardTo?: string;
  content?: RequestCreate;
}

/** The fields a transition changes; anything absent stays as it was. */
export interface RequestChanges {
  state: RequestState;
  recipient?: string;
  assignee?: string | null;
  sentAt?: string;
  receivedAt?: string;
  deadline?: string | null;
  answeredAt?: string;
  content?: RequestCreate;
}

export type TransitionFailureCode =
  | 'transition_not_allowed'
  | 'not_your_side'
  | 'role_not_allowed'
  | 'signature_requires_person'
  | 'not_assignee'
  | 'text_required'
  | 'reason_required'
  | 'assignee_required'
  | 'content_required'
  | 'recipient_is_sender'
  | 'forward_target_required'
  | 'forward_to_self'
  | 'forward_outside_state';

/** Why a transition was refused, with what would have made it possible. */
export interface TransitionFailure {
  ok: false;
  code: TransitionFailureCode;
  action: RequestAction;
  state: RequestState;
  allowedFrom?: readonly RequestState[];
  requiredSide?: Side;
  requiredRoles?: readonly Role[];
}

export type TransitionResult = { ok: true; next: RequestChanges; entry: Readonly<HistoryEntry> } | TransitionFailure;

export type Side = 'sender' | 'recipient' | 'system';

interface Rule {
  from: readonly RequestState[];
  to: RequestState;
  side: Side;
  roles: readonly Role[];
  /** A signature: an API key or the system cannot give one. */
  signs?: boolean;
  /** An operator may act only on what is assigned to them; a supervisor on anything of the side. */
  assigneeOnly?: boolean;
}

const OPEN_AFTER_DRAFT: readonly RequestState[] = ['signed', 'sent', 'received', 'assigned', 'in_work', 'clarification_requested'];
const WORKERS: readonly Role[] = ['operator', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];

/**
 * Who may do what, from where. Analysts and administrators watch requests but never move them:
 * a request is official correspondence between the sides' officers.
 */
const RULES: Readonly<Record<RequestAction, Rule>> = {
  edit: { from: ['draft'], to: 'draft', side: 'sender', roles: WORKERS },
  sign: { from: ['draft'], to: 'signed', side: 'sender', roles: SUPERVISOR, signs: true },
  send: { from: ['signed'], to: 'sent', side: 'sender', roles: WORKERS },
  acknowledge: { from: ['sent'], to: 'received', side: 'system', roles: [] },
  assign: { from: ['received', 'assigned'], to: 'assigned', side: 'recipient', roles: SUPERVISOR },
  start: { from: ['assigned'], to: 'in_work', side: 'recipient', roles: WORKERS, assigneeOnly: true },
  ask_clarification: { from: ['in_work'], to: 'clarification_requested', side: 'recipient', roles: WORKERS, assigneeOnly: true },
  clarify: { from: ['clarification_requested'], to: 'in_work', side: 'sender', roles: WORKERS },
  answer: { from: ['in_work'], to: 'answered', side: 'recipient', roles: SUPERVISOR, signs: true },
  answer_partly: { from: ['in_work'], to: 'partly_answered', side: 'recipient', roles: SUPERVISOR, signs: true },
  refuse: { from: ['received', 'assigned', 'in_work'], to: 'refused', side: 'recipient', roles: SUPERVISOR, signs: true },
  forward: { from: ['received', 'assigned'], to: 'received', side: 'recipient', roles: SUPERVISOR },
  withdraw: { from: ['draft', ...OPEN_AFTER_DRAFT], to: 'withdrawn', side: 'sender', roles: SUPERVISOR },
};

/** Which end of the request the actor's agency is on; BKBOP may be either, a third agency neither. */
export function sideOf(request: Pick<WorkflowRequest, 'sender' | 'recipient'>, actor: Actor): Side | null {
  if (actor.kind === 'system') return 'system';
  if (actor.participant === request.sender) return 'sender';
  if (actor.participant === request.recipient) return 'recipient';
  return null;
}

/** The member state an agency belongs to; BKBOP is interstate and belongs to none. */
const memberStateOf = (participant: string): string | null => (participant === 'BKBOP' ? null : calendarStateOf(participant));

function failure(
  code: TransitionFailureCode,
  action: RequestAction,
  request: WorkflowRequest,
  extra: Partial<TransitionFailure> = {},
): TransitionFailure {
  return { ok: false, code, action, state: request.state, ...extra };
}

/** Side, state and role: everything but the action's input. */
function permission(request: WorkflowRequest, action: RequestAction, actor: Actor): TransitionFailure | null {
  const rule = RULES[action];
  const side = sideOf(request, actor);
  if (rule.side === 'system' || side === 'system') {
    if (side !== rule.side) return failure('role_not_allowed', action, request, { requiredSide: rule.side });
  } else if (side !== rule.side) {
    return failure('not_your_side', action, request, { requiredSide: rule.side });
  }
  if (!rule.from.includes(request.state)) return failure('transition_not_allowed', action, request, { allowedFrom: rule.from });
  if (rule.side === 'system') return null;
  // Whoever wrote a draft may throw it away; once signed, only a supervisor takes it back.
  const roles = action === 'withdraw' && request.state === 'draft' ? WORKERS : rule.roles;
  if (!roles.includes(actor.role)) return failure('role_not_allowed', action, request, { requiredRoles: roles });
  if (rule.signs && actor.kind !== 'user') return failure('signature_requires_person', action, request);
  if (rule.assigneeOnly && actor.role !== 'supervisor' && request.assignee !== actor.id) return failure('not_assignee', action, request);
  return null;
}

/** The actions that would succeed for this actor now, given the right input: the buttons to show. */
export function allowedActions(request: WorkflowRequest, actor: Actor): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => permission(request, action, actor) === null);
}

const present = (text: string | undefined): text is string => text !== undefined && text.trim().length > 0;

const TEXT_REQUIRED: ReadonlySet<RequestAction> = new Set(['ask_clarification', 'clarify', 'answer', 'answer_partly']);

/**
 * Moves a request one step. Pure: the caller stores `next` and appends `entry` in one
 * transaction, with the request's version as the guard against a concurrent transition.
 */
export function transition(
  request: WorkflowRequest,
  action: RequestAction,
  actor: Actor,
  input: TransitionInput,
  now: Date,
  calendars?: HolidayCalendars,
): TransitionResult {
  const denied = permission(request, action, actor);
  if (denied) return denied;
  const rule = RULES[action];
  const at = now.toISOString();
  const text = present(input.text) ? input.text.trim() : undefined;
  const next: RequestChanges = { state: rule.to };
  const entry: HistoryEntry = {
    at,
    action,
    actor: { id: actor.id, name: actor.name, participant: actor.participant, role: actor.role },
    from: request.state,
    to: rule.to,
  };

  if (TEXT_REQUIRED.has(action) && text === undefined) return failure('text_required', action, request);
  if (action === 'refuse' && text === undefined) return failure('reason_required', action, request);
  if (text !== undefined) entry.text = text;

  const deadlineAt = (recipient: string): string | null => {
    const state = calendarStateOf(recipient);
    return state === null ? null : deadlineFor(request.type, request.priority, state, now, calendars).toISOString();
  };

  switch (action) {
    case 'edit': {
      if (!input.content) return failure('content_required', action, request);
      if (input.content.recipient === request.sender) return failure('recipient_is_sender', action, request);
      next.content = input.content;
      next.recipient = input.content.recipient;
      break;
    }
    case 'send':
      next.sentAt = at;
      break;
    case 'acknowledge':
      next.receivedAt = at;
      next.deadline = deadlineAt(request.recipient);
      break;
    case 'assign': {
      const assignee = input.assignee?.trim();
      if (!assignee) return failure('assignee_required', action, request);
      next.assignee = assignee;
      entry.assignee = assignee;
      break;
    }
    case 'answer':
    case 'answer_partly':
    case 'refuse':
      next.answeredAt = at;
      break;
    case 'forward': {
      const target = input.forwardTo?.trim();
      if (!target) return failure('forward_target_required', action, request);
      if (target === request.recipient) return failure('forward_to_self', action, request);
      if (target === request.sender) return failure('recipient_is_sender', action, request);
      const state = memberStateOf(request.recipient);
      if (state === null || memberStateOf(target) !== state) return failure('forward_outside_state', action, request);
      // The new agency gets the request as if just received: its own calendar, a fresh term, no assignee.
      next.recipient = target;
      next.assignee = null;
      next.receivedAt = at;
      next.deadline = deadlineAt(target);
      entry.forwardedFrom = request.recipient;
      entry.forwardedTo = target;
      break;
    }
    default:
      break;
  }
  return { ok: true, next, entry: Object.freeze(entry) };
}

/** The first history entry of a request: its creation as a draft by the sender's officer. */
export function draftCreated(
  content: RequestCreate,
  actor: Actor,
  now: Date,
): { ok: true; request: WorkflowRequest; entry: Readonly<HistoryEntry> } | { ok: false; code: 'role_not_allowed' | 'recipient_is_sender' } {
  if (actor.kind === 'system' || !WORKERS.includes(actor.role)) return { ok: false, code: 'role_not_allowed' };
  if (content.recipient === actor.participant) return { ok: false, code: 'recipient_is_sender' };
  const request: WorkflowRequest = {
    type: content.type,
    priority: content.priority,
    sender: actor.participant,
    recipient: content.recipient,
    state: 'draft',
    assignee: null,
  };
  const entry: HistoryEntry = {
    at: now.toISOString(),
    action: 'create',
    actor: { id: actor.id, name: actor.name, participant: actor.participant, role: actor.role },
    from: null,
    to: 'draft',
  };
  return { ok: true, request, entry: Object.freeze(entry) };
}
