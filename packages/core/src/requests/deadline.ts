import type { MemberState } from '../domain/participants.ts';
import { DEFAULT_HOLIDAY_CALENDARS, type HolidayCalendars } from './holidays.ts';
import { STATE_TIME_ZONES, addDays, fromLocal, toLocal, weekday } from './time-zones.ts';
import { FINAL_STATES, type Priority, type RequestState, type RequestType } from './types.ts';

export const OFFICE_OPENS = { hour: 9, minute: 0 } as const;
export const OFFICE_CLOSES = { hour: 18, minute: 0 } as const;

/**
 * Working days the recipient has to answer, by type and priority.
 * - Information checks (person, vehicle, firearm) are a look-up in national arrays: two days
 *   when urgent, ten routinely — the bank exists to beat the month a letter takes.
 * - Detention for extradition is urgent by nature: a detained person must be released unless the
 *   requesting state confirms quickly (the conventions give days, not weeks), hence one day.
 * - Establishing whereabouts and confirming identity need field work or a laboratory (DNA,
 *   fingerprints), hence longer terms; case documents need copying and certifying, the longest.
 * - `hit_answer` formalises a hit already confirmed within minutes over the hit workflow.
 * Agreements may set other terms; the table is the default and the place to change them.
 */
export const REQUEST_TERMS: Readonly<Record<RequestType, Readonly<Record<Priority, number>>>> = {
  person_information: { urgent: 2, routine: 10 },
  vehicle_information: { urgent: 2, routine: 10 },
  firearm_information: { urgent: 2, routine: 10 },
  search_whereabouts: { urgent: 3, routine: 20 },
  search_detention_extradition: { urgent: 1, routine: 10 },
  identity_confirmation: { urgent: 3, routine: 20 },
  case_documents: { urgent: 5, routine: 30 },
  hit_answer: { urgent: 1, routine: 5 },
};

/** Which calendar a participant keeps: its state's, or Russia's for BKBOP, which sits in Moscow. */
export function calendarStateOf(participant: string): MemberState | null {
  if (participant === 'BKBOP') return 'RU';
  const prefix = participant.slice(0, 2);
  return prefix in STATE_TIME_ZONES && participant[2] === '-' ? (prefix as MemberState) : null;
}

/** Whether `localDate` (`YYYY-MM-DD`) is a working day in the state: not a weekend unless decreed, not a holiday. */
export function isWorkingDay(state: MemberState, localDate: string, calendars: HolidayCalendars = DEFAULT_HOLIDAY_CALENDARS): boolean {
  const calendar = calendars[state];
  if (calendar.isHoliday(localDate)) return false;
  const day = weekday(localDate);
  return (day !== 0 && day !== 6) || calendar.isWorkingWeekend(localDate);
}

export function nextWorkingDay(state: MemberState, localDate: string, calendars: HolidayCalendars = DEFAULT_HOLIDAY_CALENDARS): string {
  let day = addDays(localDate, 1);
  // A guard against a table that marks every day off; no real calendar has 60 days off in a row.
  for (let i = 0; i < 60 && !isWorkingDay(state, day, calendars); i += 1) day = addDays(day, 1);
  return day;
}

/**
 * The working day on which a request counts as received: the day itself when it arrives on a
 * working day before 18:00 local, otherwise the next working day.
 */
export function receiptDay(state: MemberState, receivedAt: Date, calendars: HolidayCalendars = DEFAULT_HOLIDAY_CALENDARS): string {
  const local = toLocal(receivedAt, STATE_TIME_ZONES[state]);
  const closed = local.hour * 60 + local.minute >= OFFICE_CLOSES.hour * 60 + OFFICE_CLOSES.minute;
  return isWorkingDay(state, local.date, calendars) && !closed ? local.date : nextWorkingDay(state, local.date, calendars);
}

/**
 * When the answer is due, as a UTC instant: 18:00 recipient-local on the last day of the term.
 * As in the members' procedural codes a term starts the day after receipt, so a term of N working
 * days ends with the Nth working day after the receipt day — a one-day request received at 17:30
 * is due the next evening, not in thirty minutes.
 */
export function deadlineFor(
  type: RequestType,
  priority: Priority,
  recipientState: MemberState,
  receivedAt: Date,
  calendars: HolidayCalendars = DEFAULT_HOLIDAY_CALENDARS,
): Date {
  let day = receiptDay(recipientState, receivedAt, calendars);
  for (let n = REQUEST_TERMS[type][priority]; n > 0; n -= 1) day = nextWorkingDay(recipientState, day, calendars);
  return fromLocal(day, OFFICE_CLOSES.hour, OFFICE_CLOSES.minute, STATE_TIME_ZONES[recipientState]);
}

/**
 * When to remind the recipient. Routine requests: at 09:00 local on the last working day, so a
 * whole working day remains. Urgent ones have a day or two in all, so a day's notice would come
 * almost at once: remind at 13:30 local on the last day, half a working day before it ends.
 */
export function reminderAt(deadline: Date, priority: Priority, recipientState: MemberState): Date {
  const zone = STATE_TIME_ZONES[recipientState];
  const lastDay = toLocal(deadline, zone).date;
  return priority === 'urgent' ? fromLocal(lastDay, 13, 30, zone) : fromLocal(lastDay, OFFICE_OPENS.hour, OFFICE_OPENS.minute, zone);
}

/**
 * Whether the recipient is late. Never before the deadline is set (at receipt), never once the
 * request is closed, and not while the recipient waits for the sender's clarification: the delay
 * is then the sender's.
 */
export function isOverdue(deadline: Date | null, now: Date, state: RequestState): boolean {
  if (deadline === null || FINAL_STATES.has(state) || state === 'clarification_requested') return false;
  return now.getTime() > deadline.getTime();
}
