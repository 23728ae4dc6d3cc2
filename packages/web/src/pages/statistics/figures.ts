import { OUTCOME_OF_CATEGORY, type CooperationStatistics } from '@svod/core';
import { CATEGORY_VALUES, type Category, type ParticipantInfo } from '../../domain.ts';

export type Outcome = (typeof OUTCOME_OF_CATEGORY)[Category];
export const OUTCOMES: readonly Outcome[] = ['detained', 'found', 'identified', 'recovered'];

/** What the trend and state charts compare: the four movements of the bank's work. */
export const MEASURES = ['recordsAdded', 'checks', 'hits', 'requestsSent'] as const;
export type Measure = (typeof MEASURES)[number];

export interface Period {
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` (not 2025-02-30). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The twelve calendar months up to today's (UTC), today's month counted whole so far. */
export function defaultPeriod(now = new Date()): Period {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}

/** The period a page address names (`?from=…&to=…`), or the default one when it names none or a wrong one. */
export function periodOf(search: string, now = new Date()): Period {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  return isDay(from) && isDay(to) && from <= to ? { from, to } : defaultPeriod(now);
}

/** The months `YYYY-MM` a period touches, first to last. */
export function monthsOf({ from, to }: Period): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

const total = <T>(rows: readonly T[], count: (row: T) => number): number => rows.reduce((sum, row) => sum + count(row), 0);

export interface KeyFigures {
  active: number;
  added: number;
  checks: number;
  hits: number;
  confirmedHits: number;
  sent: number;
  answered: number;
  overdue: number;
  medianHours: number | null;
  p90Hours: number | null;
  outcomes: Record<Outcome, number>;
  outcomesTotal: number;
}

export function keyFigures(stats: CooperationStatistics): KeyFigures {
  const outcomes: Record<Outcome, number> = { detained: 0, found: 0, identified: 0, recovered: 0 };
  for (const row of stats.outcomes) outcomes[OUTCOME_OF_CATEGORY[row.category]] += row.count;
  const overall = stats.answerTimes.find((row) => row.recipient === null);
  return {
    active: total(stats.recordsActive, (r) => r.count),
    added: total(stats.recordsAdded, (r) => r.count),
    checks: total(stats.checks, (r) => r.count),
    hits: total(stats.hits, (r) => r.count),
    confirmedHits: total(stats.hits, (r) => r.confirmed),
    sent: total(stats.requests, (r) => r.sent),
    answered: total(stats.requests, (r) => r.answered),
    overdue: total(stats.requests, (r) => r.overdue),
    medianHours: overall?.medianHours ?? null,
    p90Hours: overall?.p90Hours ?? null,
    outcomes,
    outcomesTotal: total(stats.outcomes, (r) => r.count),
  };
}

/** Each measure's row with the agency it is counted for: hits go to the checking agency, like checks. */
function measureRows(stats: CooperationStatistics): Record<Measure, { agency: string; month: string; count: number }[]> {
  return {
    recordsAdded: stats.recordsAdded.map((r) => ({ agency: r.owner, month: r.month, count: r.count })),
    checks: stats.checks.map((r) => ({ agency: r.participant, month: r.month, count: r.count })),
    hits: stats.hits.map((r) => ({ agency: r.requester, month: r.month, count: r.count })),
    requestsSent: stats.requests.map((r) => ({ agency: r.sender, month: r.month, count: r.sent })),
  };
}

/** Each measure month by month, in the order of `months`. */
export function monthly(stats: CooperationStatistics, months: readonly string[]): Record<Measure, number[]> {
  const rows = measureRows(stats);
  const byMonth = (measure: Measure) => months.map((month) => total(rows[measure], (r) => (r.month === month ? r.count : 0)));
  return { recordsAdded: byMonth('recordsAdded'), checks: byMonth('checks'), hits: byMonth('hits'), requestsSent: byMonth('requestsSent') };
}

/**
 * The side an agency's figures are shown on: its state (`KZ`), or, for an agency of no state
 * (BKBOP) or one the console does not know, its own code.
 */
export const sideOf = (participants: readonly ParticipantInfo[], agency: string): string =>
  participants.find((p) => p.code === agency)?.state ?? agency;

/** Whether a side is a state (shown by its name) rather than an agency (shown by its code). */
export const isState = (participants: readonly ParticipantInfo[], side: string): boolean => participants.some((p) => p.state === side);

/** Each measure summed by side, over every side of the bank and any other the figures name. */
export function bySide(
  stats: CooperationStatistics,
  participants: readonly ParticipantInfo[],
): { sides: string[]; values: Record<Measure, number[]> } {
  const rows = measureRows(stats);
  const sides = [
    ...new Set([
      ...participants.map((p) => sideOf(participants, p.code)),
      ...MEASURES.flatMap((m) => rows[m].map((r) => sideOf(participants, r.agency))),
    ]),
  ];
  const sum = (measure: Measure) => sides.map((side) => total(rows[measure], (r) => (sideOf(participants, r.agency) === side ? r.count : 0)));
  return { sides, values: { recordsAdded: sum('recordsAdded'), checks: sum('checks'), hits: sum('hits'), requestsSent: sum('requestsSent') } };
}

export interface Flow {
  sender: string;
  recipient: string;
  sent: number;
}

/** Requests sent from side to side, most first; those between two agencies of one state apart. */
export function flows(stats: CooperationStatistics, participants: readonly ParticipantInfo[]): { between: Flow[]; within: Flow[] } {
  const sums = new Map<string, Flow>();
  for (const row of stats.requests) {
    const sender = sideOf(participants, row.sender);
    const recipient = sideOf(participants, row.recipient);
    const key = `${sender}\n${recipient}`;
    const flow = sums.get(key) ?? { sender, recipient, sent: 0 };
    flow.sent += row.sent;
    sums.set(key, flow);
  }
  const all = [...sums.values()].filter((f) => f.sent > 0).sort((a, b) => b.sent - a.sent);
  return { between: all.filter((f) => f.sender !== f.recipient), within: all.filter((f) => f.sender === f.recipient) };
}

/** Records that reached their end in the period, by array, in the console's order of arrays. */
export function outcomesByCategory(stats: CooperationStatistics): { category: Category; outcome: Outcome; count: number }[] {
  return CATEGORY_VALUES.map((category) => ({
    category,
    outcome: OUTCOME_OF_CATEGORY[category],
    count: total(stats.outcomes, (r) => (r.category === category ? r.count : 0)),
  }));
}
