import { describe, expect, it } from 'vitest';
import { percentileCont, requestStatistics, type RequestFacts } from './statistics.ts';

const hoursAfter = (start: string, hours: number) => new Date(new Date(start).getTime() + hours * 3_600_000).toISOString();

const request = (
  overrides: Partial<RequestFacts> & { sentAt?: string; closed?: { to: 'answered' | 'partly_answered' | 'refused' | 'withdrawn'; hours: number } },
): RequestFacts => {
  const sentAt = overrides.sentAt ?? '2026-01-12T06:00:00.000Z';
  const history: RequestFacts['history'] = [
    { at: '2026-01-10T06:00:00.000Z', action: 'create', to: 'draft' },
    { at: '2026-01-11T06:00:00.000Z', action: 'sign', to: 'signed' },
    { at: sentAt, action: 'send', to: 'sent' },
    { at: hoursAfter(sentAt, 0.01), action: 'acknowledge', to: 'received' },
    ...(overrides.closed ? [{ at: hoursAfter(sentAt, overrides.closed.hours), action: 'answer' as const, to: overrides.closed.to }] : []),
  ];
  return { sender: 'KZ-MVD', recipient: 'RU-MVD', type: 'person_information', deadline: hoursAfter(sentAt, 48), history, ...overrides };
};

const now = new Date('2026-03-01T00:00:00Z');

describe('percentileCont', () => {
  it('interpolates between ranks as PostgreSQL’s percentile_cont does', () => {
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([], 0.5)).toBeNull();
  });
});

describe('requestStatistics', () => {
  it('gives median and 90th percentile answer times in hours from sending to answer', () => {
    const requests = [10, 20, 30, 40].map((hours) => request({ closed: { to: 'answered', hours } }));
    const [figures] = requestStatistics(requests, now).bySender;
    expect(figures).toMatchObject({ key: 'KZ-MVD', sent: 4, answered: 4, open: 0 });
    expect(figures!.answerHours.count).toBe(4);
    expect(figures!.answerHours.median).toBeCloseTo(25);
    expect(figures!.answerHours.p90).toBeCloseTo(37);
  });

  it('counts outcomes, leaves unsent drafts out, and leaves refusals out of answer times', () => {
    const unsent: RequestFacts = { ...request({}), history: [{ at: '2026-01-10T06:00:00.000Z', action: 'create', to: 'draft' }] };
    const stats = requestStatistics(
      [
        request({ closed: { to: 'answered', hours: 5 } }),
        request({ closed: { to: 'partly_answered', hours: 15 } }),
        request({ closed: { to: 'refused', hours: 1 } }),
        request({ closed: { to: 'withdrawn', hours: 2 } }),
        request({}),
        unsent,
      ],
      now,
    );
    expect(stats.byType).toEqual([
      {
        key: 'person_information',
        sent: 5,
        answered: 1,
        partlyAnswered: 1,
        refused: 1,
        withdrawn: 1,
        open: 1,
        overdue: 1,
        answerHours: { count: 2, median: expect.closeTo(10), p90: expect.closeTo(14) },
      },
    ]);
  });

  it('counts as overdue what was answered late and what is still open past its deadline', () => {
    const stats = requestStatistics(
      [
        request({ closed: { to: 'answered', hours: 47 } }),
        request({ closed: { to: 'answered', hours: 49 } }),
        request({ sentAt: '2026-02-28T12:00:00.000Z' }),
        request({ sentAt: '2026-02-01T12:00:00.000Z' }),
      ],
      now,
    );
    expect(stats.byRecipient[0]).toMatchObject({ key: 'RU-MVD', overdue: 2, open: 2 });
  });

  it('groups by sender, recipient, type and the month of sending', () => {
    const stats = requestStatistics(
      [
        request({ sender: 'BY-MVD', recipient: 'KZ-MVD', type: 'vehicle_information', sentAt: '2026-01-31T23:30:00.000Z' }),
        request({ sender: 'BY-MVD', sentAt: '2026-02-01T00:30:00.000Z' }),
        request({}),
      ],
      now,
    );
    expect(stats.bySender.map((f) => [f.key, f.sent])).toEqual([
      ['BY-MVD', 2],
      ['KZ-MVD', 1],
    ]);
    expect(stats.byRecipient.map((f) => [f.key, f.sent])).toEqual([
      ['KZ-MVD', 1],
      ['RU-MVD', 2],
    ]);
    expect(stats.byType.map((f) => f.key)).toEqual(['person_information', 'vehicle_information']);
    expect(stats.byMonth.map((f) => [f.key, f.sent])).toEqual([
      ['2026-01', 2],
      ['2026-02', 1],
    ]);
  });
});
