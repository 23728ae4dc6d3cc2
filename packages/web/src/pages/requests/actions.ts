import type { RequestAction } from '../../domain.ts';

/** Actions whose text must be written: a question, a clarification, an answer, a refusal's reason. */
export type TextAction = 'ask_clarification' | 'clarify' | 'answer' | 'answer_partly' | 'refuse';
/** Actions that open a form of their own before they are sent; a withdrawal may say why. */
export type FormAction = TextAction | 'withdraw' | 'assign' | 'forward';

const FORM_ACTIONS: Record<FormAction, true> = {
  ask_clarification: true,
  clarify: true,
  answer: true,
  answer_partly: true,
  refuse: true,
  withdraw: true,
  assign: true,
  forward: true,
};

export const isFormAction = (action: RequestAction): action is FormAction => Object.hasOwn(FORM_ACTIONS, action);

/** The order buttons are shown in: the step forward first, withdrawing or refusing last. */
export const ACTION_ORDER: readonly RequestAction[] = [
  'edit',
  'sign',
  'send',
  'assign',
  'start',
  'answer',
  'answer_partly',
  'ask_clarification',
  'clarify',
  'forward',
  'refuse',
  'withdraw',
];

/** Actions that end or take back the request: shown as such. */
export const DESTRUCTIVE: ReadonlySet<RequestAction> = new Set(['refuse', 'withdraw']);
