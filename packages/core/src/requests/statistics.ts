import { isOverdue } from './deadline.ts';
import type { HistoryEntry, RequestState, RequestType } from './types.ts';

/** What the figures need of a request: its parties, type, deadline and history. */
export interface RequestFacts {
  sender: string;
  recipient: string;
  type: RequestType;
  deadline: string | null;
  history: readonly Pick<HistoryEntry, 'at' | 'action' | 'to'>[];
}

export interface AnswerTimes {
  count: number;
  /** Hours from sending to the (full or partial) answer; null when nothing was answered. */
  median: number | null;
  p90: number | null;
}

export interface RequestFigures {
  key: string;
  sent: number;
  answered: number;
  partlyAnswered: number;
  refused: number;
  withdrawn: number;
  /** Sent and still waiting for an answer. */
  open: number;
  /** Closed after the deadline, or open past it now. */
  overdue: number;
  answerHours: AnswerTimes;
}

export interface RequestStatistics {
  bySender: RequestFigures[];
  byRecipient: RequestFigures[];
  byType: RequestFigures[];
  /** By the UTC month the request was sent, `YYYY-MM`. */
  byMonth: RequestFigures[];
}

/**
 * Linear interpolation between closest ranks — PostgreSQL's `percentile_cont` — so that the SQL
 * version of these figures can be checked against this one exactly.
 */
export function percentileCont(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (position - lower);
}

const HOUR = 3_600_000;
const ANSWERS: ReadonlySet<RequestState> = new Set(['answered', 'partly_answered']);
const CLOSED: ReadonlySet<RequestState> = new Set(['answered', 'partly_answered', 'refused', 'withdrawn']);

interface Outcome {
  sentAt: string;
  state: RequestState;
  closedAt: string | null;
}

/** Drafts never sent do not count: the figures are about correspondence between agencies. */
function outcomeOf(request: RequestFacts): Outcome | null {
  const sent = request.history.find((entry) => entry.action === 'send');
  if (!sent) return null;
  const last = request.history.reduce((latest, entry) => (entry.at > latest.at ? entry : latest), sent);
  return { sentAt: sent.at, state: last.to, closedAt: CLOSED.has(last.to) ? last.at : null };
}

class Tally {
  private readonly figures = { sent: 0, answered: 0, partlyAnswered: 0, refused: 0, withdrawn: 0, open: 0, overdue: 0 };
  private readonly hours: number[] = [];

  add(request: RequestFacts, outcome: Outcome, now: Date): void {
    const f = this.figures;
    f.sent += 1;
    if (outcome.state === 'answered') f.answered += 1;
    else if (outcome.state === 'partly_answered') f.partlyAnswered += 1;
    else if (outcome.state === 'refused') f.refused += 1;
    else if (outcome.state === 'withdrawn') f.withdrawn += 1;
    else f.open += 1;

    const deadline = request.deadline === null ? null : new Date(request.deadline);
    const late =
      outcome.closedAt === null
        ? isOverdue(deadline, now, outcome.state)
        : outcome.state !== 'withdrawn' && deadline !== null && new Date(outcome.closedAt).getTime() > deadline.getTime();
    if (late) f.overdue += 1;
    if (ANSWERS.has(outcome.state) && outcome.closedAt !== null) {
      this.hours.push((new Date(outcome.closedAt).getTime() - new Date(outcome.sentAt).getTime()) / HOUR);
    }
  }

  result(key: string): RequestFigures {
    const sorted = [...this.hours].sort((a, b) => a - b);
    return { key, ...this.figures, answerHours: { count: sorted.length, median: percentileCont(sorted, 0.5), p90: percentileCont(sorted, 0.9) } };
  }
}

function group(
  requests: readonly [RequestFacts, Outcome][],
  keyOf: (request: RequestFacts, outcome: Outcome) => string,
  now: Date,
): RequestFigures[] {
  const tallies = new Map<string, Tally>();
  for (const [request, outcome] of requests) {
    const key = keyOf(request, outcome);
    let tally = tallies.get(key);
    if (!tally) {
      tally = new Tally();
      tallies.set(key, tally);
    }
    tally.add(request, outcome, now);
  }
  return [...tallies.keys()].sort().map((key) => tallies.get(key)!.result(key));
}

/** Counts and answer times by sender, recipient, type and month; `now` decides what is overdue. */
export function requestStatistics(requests: readonly RequestFacts[], now: Date): RequestStatistics {
  const sent: [RequestFacts, Outcome][] = [];
  for (const request of requests) {
    const outcome = outcomeOf(request);
    if (outcome) sent.push([request, outcome]);
  }
  return {
    bySender: group(sent, (r) => r.sender, now),
    byRecipient: group(sent, (r) => r.recipient, now),
    byType: group(sent, (r) => r.type, now),
    byMonth: group(sent, (_, o) => new Date(o.sentAt).toISOString().slice(0, 7), now),
  };
}
