import { describe, expect, it } from 'vitest';
import { deadlineFor, isOverdue, isWorkingDay, receiptDay, reminderAt, REQUEST_TERMS, calendarStateOf } from './deadline.ts';
import { holidayCalendars, HOLIDAY_DATA } from './holidays.ts';

const at = (iso: string) => new Date(iso);

describe('deadlineFor: counted in the recipient’s working days and time zone', () => {
  it('gives a request received in Almaty at 17:30 on a Friday a day less than one received at 18:30', () => {
    // Almaty is UTC+5: 17:30 local is 12:30Z, 18:30 local is 13:30Z; urgent information = 2 working days.
    expect(deadlineFor('person_information', 'urgent', 'KZ', at('2026-02-06T12:30:00Z')).toISOString()).toBe('2026-02-10T13:00:00.000Z');
    expect(deadlineFor('person_information', 'urgent', 'KZ', at('2026-02-06T13:30:00Z')).toISOString()).toBe('2026-02-11T13:00:00.000Z');
  });

  it('reads the same instant in the recipient’s own zone: 17:30 in Almaty is already 18:30 in Bishkek', () => {
    expect(receiptDay('KZ', at('2026-02-06T12:30:00Z'))).toBe('2026-02-06');
    expect(receiptDay('KG', at('2026-02-06T12:30:00Z'))).toBe('2026-02-09');
    expect(deadlineFor('person_information', 'urgent', 'KG', at('2026-02-06T12:30:00Z')).toISOString()).toBe('2026-02-11T12:00:00.000Z');
  });

  it('skips Kazakhstan’s Independence Day, which Russia works through', () => {
    // Tuesday 15 December 2026, 10:00 local; detention for extradition is due in one working day.
    expect(deadlineFor('search_detention_extradition', 'urgent', 'KZ', at('2026-12-15T05:00:00Z')).toISOString()).toBe('2026-12-17T13:00:00.000Z');
    expect(deadlineFor('search_detention_extradition', 'urgent', 'RU', at('2026-12-15T07:00:00Z')).toISOString()).toBe('2026-12-16T15:00:00.000Z');
  });

  it('carries a routine Russian request over the New Year holidays and the decreed bridge days', () => {
    // Received Tuesday 30 December 2025 at noon in Moscow; 31 Dec and 1–9 Jan are off, ten working days end on 23 January.
    expect(deadlineFor('person_information', 'routine', 'RU', at('2025-12-30T09:00:00Z')).toISOString()).toBe('2026-01-23T15:00:00.000Z');
  });

  it('ends at 18:00 Chisinau time whether Moldova is on winter or summer time', () => {
    // Summer time starts on Sunday 29 March 2026: Tuesday's 18:00 is 15:00Z, not 16:00Z.
    expect(deadlineFor('person_information', 'urgent', 'MD', at('2026-03-27T08:00:00Z')).toISOString()).toBe('2026-03-31T15:00:00.000Z');
    // Winter time returns on Sunday 25 October 2026.
    expect(deadlineFor('person_information', 'urgent', 'MD', at('2026-10-23T07:00:00Z')).toISOString()).toBe('2026-10-27T16:00:00.000Z');
  });

  it('counts a Saturday Belarus decreed a working day and skips the bridge day it paid for', () => {
    // Saturday 26 April 2025 was worked for Monday 28 April; Tuesday 29 April is Radunitsa.
    expect(isWorkingDay('BY', '2025-04-26')).toBe(true);
    expect(deadlineFor('search_detention_extradition', 'urgent', 'BY', at('2025-04-26T07:00:00Z')).toISOString()).toBe('2025-04-30T15:00:00.000Z');
  });

  it('starts a request that arrives on a weekend on the next working day', () => {
    expect(receiptDay('RU', at('2026-02-07T07:00:00Z'))).toBe('2026-02-09');
    expect(deadlineFor('person_information', 'urgent', 'RU', at('2026-02-07T07:00:00Z')).toISOString()).toBe('2026-02-11T15:00:00.000Z');
  });

  it('follows a holiday table the administrators changed', () => {
    const calendars = holidayCalendars({
      ...HOLIDAY_DATA,
      TJ: { ...HOLIDAY_DATA.TJ, years: { 2026: { daysOff: [{ date: '2026-02-10', name: 'Day off by decree' }] } } },
    });
    // Dushanbe is UTC+5: Monday 9 February 2026, 10:00.
    expect(deadlineFor('hit_answer', 'urgent', 'TJ', at('2026-02-09T05:00:00Z')).toISOString()).toBe('2026-02-10T13:00:00.000Z');
    expect(deadlineFor('hit_answer', 'urgent', 'TJ', at('2026-02-09T05:00:00Z'), calendars).toISOString()).toBe('2026-02-11T13:00:00.000Z');
  });

  it('gives urgent requests shorter terms than routine ones of every type', () => {
    for (const terms of Object.values(REQUEST_TERMS)) expect(terms.urgent).toBeLessThan(terms.routine);
    expect(REQUEST_TERMS.search_detention_extradition.urgent).toBe(1);
  });
});

describe('isWorkingDay', () => {
  it('knows weekends, fixed holidays and holidays that began only in a later year', () => {
    expect(isWorkingDay('KZ', '2026-12-16')).toBe(false);
    expect(isWorkingDay('KZ', '2026-12-19')).toBe(false);
    expect(isWorkingDay('KZ', '2026-12-18')).toBe(true);
    // Armenia made 27 January a day off from 2026.
    expect(isWorkingDay('AM', '2025-01-27')).toBe(true);
    expect(isWorkingDay('AM', '2026-01-27')).toBe(false);
  });
});

describe('calendarStateOf', () => {
  it('puts BKBOP on the Moscow calendar and refuses agencies of states outside the bank', () => {
    expect(calendarStateOf('BKBOP')).toBe('RU');
    expect(calendarStateOf('KZ-GP')).toBe('KZ');
    expect(calendarStateOf('UA-MVS')).toBeNull();
  });
});

describe('reminderAt', () => {
  it('reminds of a routine request at 09:00 local on its last day', () => {
    expect(reminderAt(at('2026-01-23T15:00:00Z'), 'routine', 'RU').toISOString()).toBe('2026-01-23T06:00:00.000Z');
  });

  it('reminds of an urgent request at 13:30 local on its last day', () => {
    expect(reminderAt(at('2026-02-10T13:00:00Z'), 'urgent', 'KZ').toISOString()).toBe('2026-02-10T08:30:00.000Z');
  });
});

describe('isOverdue', () => {
  const deadline = at('2026-02-10T13:00:00Z');
  it('flags an open request only after its deadline', () => {
    expect(isOverdue(deadline, at('2026-02-10T12:59:59Z'), 'in_work')).toBe(false);
    expect(isOverdue(deadline, at('2026-02-10T13:00:01Z'), 'in_work')).toBe(true);
  });

  it('never flags a closed request, one waiting for the sender’s clarification, or one not yet received', () => {
    const later = at('2026-03-01T00:00:00Z');
    expect(isOverdue(deadline, later, 'answered')).toBe(false);
    expect(isOverdue(deadline, later, 'withdrawn')).toBe(false);
    expect(isOverdue(deadline, later, 'clarification_requested')).toBe(false);
    expect(isOverdue(null, later, 'sent')).toBe(false);
  });
});
