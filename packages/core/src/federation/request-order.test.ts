import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../requests/types.ts';
import { historyOrder } from './request-order.ts';

const step = (minute: number, action: HistoryEntry['action'], participant: string, to: HistoryEntry['to']): HistoryEntry => ({
  at: `2026-12-08T10:${String(minute).padStart(2, '0')}:00.000Z`,
  action,
  actor: { id: `${participant}-officer`, name: 'Officer', participant, role: 'supervisor' },
  from: null,
  to,
});

const sent = [step(0, 'create', 'KZ-MVD', 'draft'), step(1, 'sign', 'KZ-MVD', 'signed'), step(2, 'send', 'KZ-MVD', 'sent')];
const accepted = [...sent, step(5, 'start', 'KG-MVD', 'in_work')];
const answered = [...accepted, step(9, 'answer', 'KG-MVD', 'answered')];
const withdrawn = [...accepted, step(9, 'withdraw', 'KZ-MVD', 'withdrawn')];

describe("a request's history orders the changes two nodes send", () => {
  it('the same history sent again changes nothing', () => {
    expect(historyOrder(accepted, [...accepted])).toEqual({ order: 'same' });
  });

  it("a history that goes on from the held one brings the other side's steps", () => {
    expect(historyOrder(sent, answered)).toEqual({ order: 'newer', added: answered.slice(3) });
  });

  it("a history the held one already went past is older: the node's own step stands", () => {
    expect(historyOrder(answered, accepted)).toEqual({ order: 'older' });
  });

  it('an answer that crossed a withdrawal is told apart, with the steps the holder lacks', () => {
    expect(historyOrder(answered, withdrawn)).toEqual({ order: 'crossed', added: [withdrawn[4]] });
    // A node that took the bank's word after its own step holds both; the bank's history does not cross it again.
    expect(historyOrder([...answered, withdrawn[4]!], withdrawn)).toEqual({ order: 'crossed', added: [] });
  });
});
