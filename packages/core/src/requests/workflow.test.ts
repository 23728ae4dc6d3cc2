import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../auth/permissions.ts';
import type { RequestCreate } from './types.ts';
import { allowedActions, draftCreated, transition, type RequestChanges, type WorkflowRequest } from './workflow.ts';

const officer = (participant: string, role: Role, id = `${participant}-${role}`, kind: Actor['kind'] = 'user'): Actor => ({
  kind,
  id,
  name: `${role} of ${participant}`,
  participant,
  role,
});
const system: Actor = { kind: 'system', id: 'svod', name: 'Svod', participant: 'BKBOP', role: 'administrator' };

const kzSupervisor = officer('KZ-MVD', 'supervisor');
const kzOperator = officer('KZ-MVD', 'operator');
const ruSupervisor = officer('RU-MVD', 'supervisor');
const ruOperator = officer('RU-MVD', 'operator', 'ivanov');

const draft: RequestCreate = {
  type: 'person_information',
  recipient: 'RU-MVD',
  legalBasis: { agreement: 'Agreement on cooperation of the ministries of internal affairs, 1992', article: '3' },
  priority: 'urgent',
  subject: 'Information about Ivanov I. I.',
  body: 'Please tell us whether the person is registered and where.',
  form: { subject: { surname: 'Иванов', givenName: 'Иван' } },
};

const request = (overrides: Partial<WorkflowRequest> = {}): WorkflowRequest => ({
  type: 'person_information',
  priority: 'urgent',
  sender: 'KZ-MVD',
  recipient: 'RU-MVD',
  state: 'draft',
  assignee: null,
  ...overrides,
});

const apply = (r: WorkflowRequest, next: RequestChanges): WorkflowRequest => ({
  ...r,
  state: next.state,
  recipient: next.recipient ?? r.recipient,
  assignee: next.assignee === undefined ? r.assignee : next.assignee,
});

const now = new Date('2026-02-06T07:00:00Z');

describe('a request from draft to answer', () => {
  it('goes draft → signed → sent → received → assigned → in work → answered, each step recorded', () => {
    const steps: [Parameters<typeof transition>[1], Actor, Parameters<typeof transition>[3]][] = [
      ['sign', kzSupervisor, {}],
      ['send', kzOperator, {}],
      ['acknowledge', system, {}],
      ['assign', ruSupervisor, { assignee: 'ivanov' }],
      ['start', ruOperator, {}],
      ['answer', ruSupervisor, { text: 'Registered in Omsk since 2019.' }],
    ];
    let current = request();
    const states = [current.state];
    for (const [action, actor, input] of steps) {
      const result = transition(current, action, actor, input, now);
      if (!result.ok) throw new Error(`${action}: ${result.code}`);
      expect(result.entry).toMatchObject({ action, from: current.state, to: result.next.state, at: now.toISOString() });
      expect(result.entry.actor).toEqual({ id: actor.id, name: actor.name, participant: actor.participant, role: actor.role });
      current = apply(current, result.next);
      states.push(current.state);
    }
    expect(states).toEqual(['draft', 'signed', 'sent', 'received', 'assigned', 'in_work', 'answered']);
  });

  it('sets the deadline in the recipient’s calendar when the request is received', () => {
    const result = transition(request({ state: 'sent' }), 'acknowledge', system, {}, now);
    // Friday 6 Feb 2026, 10:00 in Moscow; two working days: Tuesday 10 Feb, 18:00 MSK.
    expect(result).toMatchObject({ ok: true, next: { state: 'received', receivedAt: now.toISOString(), deadline: '2026-02-10T15:00:00.000Z' } });
  });

  it('records the answer text and when the request was answered', () => {
    const result = transition(request({ state: 'in_work' }), 'answer_partly', ruSupervisor, { text: '  Part of it.  ' }, now);
    expect(result).toMatchObject({ ok: true, next: { state: 'partly_answered', answeredAt: now.toISOString() }, entry: { text: 'Part of it.' } });
  });

  it('keeps history entries immutable', () => {
    const result = transition(request(), 'sign', kzSupervisor, {}, now);
    if (!result.ok) throw new Error(result.code);
    expect(Object.isFrozen(result.entry)).toBe(true);
  });
});

describe('refusals name the state and the reason', () => {
  it('refuses to send an unsigned draft with 409-style transition_not_allowed naming the state', () => {
    expect(transition(request(), 'send', kzOperator, {}, now)).toEqual({
      ok: false,
      code: 'transition_not_allowed',
      action: 'send',
      state: 'draft',
      allowedFrom: ['signed'],
    });
  });

  it('lets only a supervisor sign', () => {
    expect(transition(request(), 'sign', kzOperator, {}, now)).toMatchObject({ ok: false, code: 'role_not_allowed', requiredRoles: ['supervisor'] });
  });

  it('does not accept a signature from a national system’s API key', () => {
    const apiKey = officer('KZ-MVD', 'supervisor', 'key-1', 'api_key');
    expect(transition(request(), 'sign', apiKey, {}, now)).toMatchObject({ ok: false, code: 'signature_requires_person' });
  });

  it('keeps a third agency out of the request', () => {
    expect(transition(request(), 'sign', officer('BY-MVD', 'supervisor'), {}, now)).toMatchObject({ ok: false, code: 'not_your_side' });
  });

  it('keeps the recipient from acting for the sender and the other way round', () => {
    expect(transition(request(), 'sign', ruSupervisor, {}, now)).toMatchObject({ ok: false, code: 'not_your_side', requiredSide: 'sender' });
    expect(transition(request({ state: 'received' }), 'assign', kzSupervisor, { assignee: 'x' }, now)).toMatchObject({
      ok: false,
      code: 'not_your_side',
      requiredSide: 'recipient',
    });
  });

  it('leaves acknowledgement of receipt to the system alone', () => {
    expect(transition(request({ state: 'sent' }), 'acknowledge', ruSupervisor, {}, now)).toMatchObject({ ok: false, code: 'role_not_allowed' });
    expect(transition(request(), 'sign', system, {}, now)).toMatchObject({ ok: false, code: 'role_not_allowed' });
  });

  it('requires a reason to refuse', () => {
    expect(transition(request({ state: 'received' }), 'refuse', ruSupervisor, { text: '   ' }, now)).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(transition(request({ state: 'received' }), 'refuse', ruSupervisor, { text: 'No agreement covers this.' }, now)).toMatchObject({
      ok: true,
      next: { state: 'refused' },
      entry: { text: 'No agreement covers this.' },
    });
  });

  it('requires the text of a question, a clarification and an answer, and an assignee to assign', () => {
    expect(transition(request({ state: 'in_work' }), 'ask_clarification', ruSupervisor, {}, now)).toMatchObject({ code: 'text_required' });
    expect(transition(request({ state: 'clarification_requested' }), 'clarify', kzOperator, {}, now)).toMatchObject({ code: 'text_required' });
    expect(transition(request({ state: 'in_work' }), 'answer', ruSupervisor, {}, now)).toMatchObject({ code: 'text_required' });
    expect(transition(request({ state: 'received' }), 'assign', ruSupervisor, {}, now)).toMatchObject({ code: 'assignee_required' });
  });

  it('lets an operator start only the work assigned to them', () => {
    const assigned = request({ state: 'assigned', assignee: 'ivanov' });
    expect(transition(assigned, 'start', officer('RU-MVD', 'operator', 'petrov'), {}, now)).toMatchObject({ ok: false, code: 'not_assignee' });
    expect(transition(assigned, 'start', ruOperator, {}, now)).toMatchObject({ ok: true, next: { state: 'in_work' } });
    expect(transition(assigned, 'start', ruSupervisor, {}, now)).toMatchObject({ ok: true });
  });

  it('keeps analysts and administrators from moving requests', () => {
    expect(transition(request({ state: 'received' }), 'assign', officer('RU-MVD', 'analyst'), { assignee: 'x' }, now)).toMatchObject({
      code: 'role_not_allowed',
    });
  });
});

describe('clarification', () => {
  it('goes back and forth: recipient asks, sender answers, work resumes', () => {
    const asked = transition(request({ state: 'in_work', assignee: 'ivanov' }), 'ask_clarification', ruOperator, { text: 'Date of birth?' }, now);
    expect(asked).toMatchObject({ ok: true, next: { state: 'clarification_requested' }, entry: { text: 'Date of birth?' } });
    const clarified = transition(request({ state: 'clarification_requested' }), 'clarify', kzOperator, { text: '1980-05-01' }, now);
    expect(clarified).toMatchObject({ ok: true, next: { state: 'in_work' }, entry: { text: '1980-05-01', from: 'clarification_requested' } });
  });
});

describe('forwarding', () => {
  it('hands the request to another agency of the same state, received anew with a fresh term and no assignee', () => {
    const result = transition(request({ state: 'assigned', assignee: 'ivanov' }), 'forward', ruSupervisor, { forwardTo: 'RU-GP' }, now);
    expect(result).toMatchObject({
      ok: true,
      next: { state: 'received', recipient: 'RU-GP', assignee: null, receivedAt: now.toISOString(), deadline: '2026-02-10T15:00:00.000Z' },
      entry: { action: 'forward', from: 'assigned', to: 'received', forwardedFrom: 'RU-MVD', forwardedTo: 'RU-GP' },
    });
  });

  it('refuses to forward abroad, to itself, back to the sender, or out of BKBOP', () => {
    const received = request({ state: 'received' });
    expect(transition(received, 'forward', ruSupervisor, { forwardTo: 'BY-MVD' }, now)).toMatchObject({ code: 'forward_outside_state' });
    expect(transition(received, 'forward', ruSupervisor, { forwardTo: 'RU-MVD' }, now)).toMatchObject({ code: 'forward_to_self' });
    expect(transition(received, 'forward', ruSupervisor, {}, now)).toMatchObject({ code: 'forward_target_required' });
    const withinKz = request({ state: 'received', sender: 'KZ-GP', recipient: 'KZ-MVD' });
    expect(transition(withinKz, 'forward', kzSupervisor, { forwardTo: 'KZ-GP' }, now)).toMatchObject({ code: 'recipient_is_sender' });
    const toBkbop = request({ state: 'received', recipient: 'BKBOP' });
    expect(transition(toBkbop, 'forward', officer('BKBOP', 'supervisor'), { forwardTo: 'RU-MVD' }, now)).toMatchObject({
      code: 'forward_outside_state',
    });
  });
});

describe('withdrawal', () => {
  it('lets the sender’s supervisor withdraw until the answer, and not after', () => {
    for (const state of ['signed', 'sent', 'received', 'in_work', 'clarification_requested'] as const) {
      expect(transition(request({ state }), 'withdraw', kzSupervisor, {}, now)).toMatchObject({ ok: true, next: { state: 'withdrawn' } });
    }
    expect(transition(request({ state: 'answered' }), 'withdraw', kzSupervisor, {}, now)).toMatchObject({
      ok: false,
      code: 'transition_not_allowed',
      state: 'answered',
    });
  });

  it('lets an operator throw away a draft but not withdraw a signed request', () => {
    expect(transition(request(), 'withdraw', kzOperator, {}, now)).toMatchObject({ ok: true });
    expect(transition(request({ state: 'signed' }), 'withdraw', kzOperator, {}, now)).toMatchObject({ code: 'role_not_allowed' });
  });
});

describe('editing a draft', () => {
  it('replaces the content of a draft, but never of a signed request', () => {
    const changed = { ...draft, recipient: 'RU-GP' };
    expect(transition(request(), 'edit', kzOperator, { content: changed }, now)).toMatchObject({
      ok: true,
      next: { state: 'draft', recipient: 'RU-GP', content: changed },
    });
    expect(transition(request({ state: 'signed' }), 'edit', kzOperator, { content: changed }, now)).toMatchObject({ code: 'transition_not_allowed' });
    expect(transition(request(), 'edit', kzOperator, { content: { ...draft, recipient: 'KZ-MVD' } }, now)).toMatchObject({
      code: 'recipient_is_sender',
    });
    expect(transition(request(), 'edit', kzOperator, {}, now)).toMatchObject({ code: 'content_required' });
  });
});

describe('allowedActions', () => {
  it('shows each officer only the buttons that work for them now', () => {
    expect(allowedActions(request(), kzSupervisor)).toEqual(['edit', 'sign', 'withdraw']);
    expect(allowedActions(request(), kzOperator)).toEqual(['edit', 'withdraw']);
    expect(allowedActions(request(), ruSupervisor)).toEqual([]);
    expect(allowedActions(request({ state: 'received' }), ruSupervisor)).toEqual(['assign', 'refuse', 'forward']);
    expect(allowedActions(request({ state: 'in_work', assignee: 'ivanov' }), ruOperator)).toEqual(['ask_clarification']);
    expect(allowedActions(request({ state: 'sent' }), system)).toEqual(['acknowledge']);
    expect(allowedActions(request({ state: 'answered' }), kzSupervisor)).toEqual([]);
  });

  it('lets BKBOP act on whichever side it is', () => {
    const bkbop = officer('BKBOP', 'supervisor');
    expect(allowedActions(request({ sender: 'BKBOP' }), bkbop)).toContain('sign');
    expect(allowedActions(request({ recipient: 'BKBOP', state: 'received' }), bkbop)).toContain('assign');
  });
});

describe('draftCreated', () => {
  it('makes the actor’s agency the sender and records the creation', () => {
    const result = draftCreated(draft, kzOperator, now);
    expect(result).toMatchObject({
      ok: true,
      request: { sender: 'KZ-MVD', recipient: 'RU-MVD', state: 'draft' },
      entry: { action: 'create', from: null, to: 'draft' },
    });
  });

  it('refuses a request addressed to the sender itself, or created by an analyst', () => {
    expect(draftCreated({ ...draft, recipient: 'KZ-MVD' }, kzOperator, now)).toEqual({ ok: false, code: 'recipient_is_sender' });
    expect(draftCreated(draft, officer('KZ-MVD', 'analyst'), now)).toEqual({ ok: false, code: 'role_not_allowed' });
  });
});
