import type { MemberState } from '../domain/participants.ts';

/**
 * Public holidays of the member states: what makes a weekday a day off for the recipient of a
 * request, and so moves its deadline.
 *
 * THIS TABLE MUST BE KEPT BY THE ADMINISTRATORS. It is a starting point compiled in 2026 from the
 * labour codes and holiday laws as we know them and from the published government decrees,
 * not an authority:
 * - fixed-date holidays repeat every year (bounded by `since` / `until` where a law changed them);
 * - everything else is listed per year: movable feasts (Orthodox Easter and the days counted
 *   from it, Eid al-Fitr and Eid al-Adha, whose dates the religious boards announce only weeks
 *   ahead), days off that replace a holiday falling on a weekend, and the bridge days and
 *   working Saturdays that governments decree each autumn for the following year;
 * - a year that is not listed gets the fixed-date holidays only, so a deadline there may fall
 *   a day or two early — never silently late.
 * Islamic feasts for 2027 are deliberately absent: their dates are not known to the day yet.
 */
export interface FixedHoliday {
  /** `MM-DD`. */
  day: string;
  name: string;
  /** First and last year the holiday was a day off, where a law changed it. */
  since?: number;
  until?: number;
}

export interface DatedDay {
  /** `YYYY-MM-DD`. */
  date: string;
  name: string;
}

export interface HolidayYear {
  /** Days off besides the fixed-date holidays. */
  daysOff: readonly DatedDay[];
  /** Saturdays and Sundays a decree made working days, usually in return for a bridge day. */
  workingDays?: readonly DatedDay[];
}

export interface StateHolidays {
  fixed: readonly FixedHoliday[];
  years: Readonly<Record<number, HolidayYear>>;
}

export type HolidayData = Readonly<Record<MemberState, StateHolidays>>;

const off = (date: string, name: string): DatedDay => ({ date, name });
const substitute = (date: string, holiday: string): DatedDay => ({ date, name: `Day off for ${holiday} falling on a weekend` });
const bridge = (date: string, workedOn: string): DatedDay => ({ date, name: `Bridge day, worked on ${workedOn}` });
const worked = (date: string, instead: string): DatedDay => ({ date, name: `Working day in return for ${instead}` });

export const HOLIDAY_DATA: HolidayData = {
  AM: {
    fixed: [
      { day: '01-01', name: 'New Year' },
      { day: '01-02', name: 'New Year' },
      { day: '01-06', name: 'Christmas and Epiphany' },
      { day: '01-27', name: 'Day of Remembrance of the Fallen Defenders of the Fatherland', since: 2026 },
      { day: '01-28', name: 'Army Day' },
      { day: '03-08', name: "Women's Day" },
      { day: '04-24', name: 'Armenian Genocide Remembrance Day' },
      { day: '05-01', name: 'Labour Day' },
      { day: '05-09', name: 'Victory and Peace Day' },
      { day: '05-28', name: 'Republic Day' },
      { day: '07-05', name: 'Constitution Day' },
      { day: '09-21', name: 'Independence Day' },
      { day: '12-31', name: "New Year's Eve" },
    ],
    // Armenia does not move a holiday that falls on a weekend.
    years: {},
  },
  AZ: {
    fixed: [
      { day: '01-01', name: 'New Year' },
      { day: '01-02', name: 'New Year' },
      { day: '01-20', name: 'National Day of Mourning' },
      { day: '03-08', name: "Women's Day" },
      { day: '03-20', name: 'Novruz' },
      { day: '03-21', name: 'Novruz' },
      { day: '03-22', name: 'Novruz' },
      { day: '03-23', name: 'Novruz' },
      { day: '03-24', name: 'Novruz' },
      { day: '05-09', name: 'Victory over Fascism Day' },
      { day: '05-28', name: 'Independence Day' },
      { day: '06-15', name: 'National Salvation Day' },
      { day: '06-26', name: 'Armed Forces Day' },
      { day: '11-08', name: 'Victory Day' },
      { day: '11-09', name: 'National Flag Day' },
      { day: '12-31', name: 'Day of Solidarity of World Azerbaijanis' },
    ],
    // Labour Code art. 105(5)-(6): a holiday on a weekend, or a Bayram on another holiday,
    // gives the next working day off. The Cabinet may place those days elsewhere by decree.
    years: {
      2025: {
        daysOff: [
          bridge('2025-01-03', '2024-12-29'),
          off('2025-01-29', 'Municipal elections'),
          substitute('2025-03-25', 'Novruz'),
          substitute('2025-03-26', 'Novruz'),
          substitute('2025-03-27', "Women's Day"),
          substitute('2025-03-28', 'Ramazan Bayrami'),
          off('2025-03-31', 'Ramazan Bayrami'),
          off('2025-06-06', 'Gurban Bayrami'),
          substitute('2025-06-09', 'Gurban Bayrami'),
          substitute('2025-06-16', 'National Salvation Day'),
          bridge('2025-06-27', '2025-06-21'),
          substitute('2025-11-10', 'Victory Day'),
          substitute('2025-11-11', 'National Flag Day'),
        ],
        workingDays: [worked('2025-06-21', 'the bridge day of 27 June')],
      },
      2026: {
        daysOff: [
          substitute('2026-03-09', "Women's Day"),
          substitute('2026-03-25', 'Novruz'),
          substitute('2026-03-26', 'Novruz'),
          substitute('2026-03-27', 'Ramazan Bayrami coinciding with Novruz'),
          substitute('2026-03-30', 'Ramazan Bayrami coinciding with Novruz'),
          substitute('2026-05-11', 'Victory over Fascism Day'),
          off('2026-05-27', 'Gurban Bayrami'),
          off('2026-05-28', 'Gurban Bayrami'),
          substitute('2026-11-10', 'Victory Day'),
        ],
      },
      2027: {
        daysOff: [
          substitute('2027-01-04', 'New Year'),
          substitute('2027-03-25', 'Novruz'),
          substitute('2027-03-26', 'Novruz'),
          substitute('2027-05-10', 'Victory over Fascism Day'),
          substitute('2027-06-28', 'Armed Forces Day'),
        ],
      },
    },
  },
  BY: {
    fixed: [
      { day: '01-01', name: 'New Year' },
      { day: '01-02', name: 'New Year', since: 2020 },
      { day: '01-07', name: 'Orthodox Christmas' },
      { day: '03-08', name: "Women's Day" },
      { day: '05-01', name: 'Labour Day' },
      { day: '05-09', name: 'Victory Day' },
      { day: '07-03', name: 'Independence Day' },
      { day: '11-07', name: 'October Revolution Day' },
      { day: '12-25', name: 'Catholic Christmas' },
    ],
    // Belarus does not move holidays off weekends; the Council of Ministers decrees bridge days.
    years: {
      2025: {
        daysOff: [
          bridge('2025-01-06', '2025-01-11'),
          bridge('2025-04-28', '2025-04-26'),
          off('2025-04-29', 'Radunitsa'),
          bridge('2025-07-04', '2025-07-12'),
          bridge('2025-12-26', '2025-12-20'),
        ],
        workingDays: [
          worked('2025-01-11', 'the bridge day of 6 January'),
          worked('2025-04-26', 'the bridge day of 28 April'),
          worked('2025-07-12', 'the bridge day of 4 July'),
          worked('2025-12-20', 'the bridge day of 26 December'),
        ],
      },
      2026: {
        daysOff: [bridge('2026-04-20', '2026-04-25'), off('2026-04-21', 'Radunitsa')],
        workingDays: [worked('2026-04-25', 'the bridge day of 20 April')],
      },
      2027: { daysOff: [off('2027-05-11', 'Radunitsa')] },
    },
  },
  KZ: {
    fixed: [
      { day: '01-01', name: 'New Year' },
      { day: '01-02', name: 'New Year' },
      { day: '01-07', name: 'Orthodox Christmas' },
      { day: '03-08', name: "International Women's Day" },
      { day: '03-21', name: 'Nauryz' },
      { day: '03-22', name: 'Nauryz' },
      { day: '03-23', name: 'Nauryz' },
      { day: '05-01', name: 'Unity Day of the People of Kazakhstan' },
      { day: '05-07', name: 'Defender of the Fatherland Day' },
      { day: '05-09', name: 'Victory Day' },
      { day: '07-06', name: 'Capital Day' },
      { day: '08-30', name: 'Constitution Day' },
      { day: '10-25', name: 'Republic Day', since: 2022 },
      { day: '12-16', name: 'Independence Day' },
    ],
    // Labour Code: a holiday on a weekend gives the next working day off, except the religious
    // ones (Orthodox Christmas, Kurban Ait).
    years: {
      2025: {
        daysOff: [
          bridge('2025-01-03', '2025-01-05'),
          substitute('2025-03-10', "International Women's Day"),
          substitute('2025-03-24', 'Nauryz'),
          substitute('2025-03-25', 'Nauryz'),
          off('2025-06-06', 'Kurban Ait'),
          substitute('2025-07-07', 'Capital Day'),
          substitute('2025-09-01', 'Constitution Day'),
          substitute('2025-10-27', 'Republic Day'),
        ],
        workingDays: [worked('2025-01-05', 'the bridge day of 3 January')],
      },
      2026: {
        daysOff: [
          substitute('2026-03-09', "International Women's Day"),
          substitute('2026-03-24', 'Nauryz'),
          substitute('2026-03-25', 'Nauryz'),
          substitute('2026-05-11', 'Victory Day'),
          off('2026-05-27', 'Kurban Ait'),
          substitute('2026-08-31', 'Constitution Day'),
          substitute('2026-10-26', 'Republic Day'),
        ],
      },
      2027: {
        daysOff: [
          substitute('2027-01-04', 'New Year'),
          substitute('2027-03-24', 'Nauryz'),
          substitute('2027-05-03', 'Unity Day of the People of Kazakhstan'),
          substitute('2027-05-10', 'Victory Day'),
        ],
      },
    },
  },
  KG: {
    fixed: [
      { day: '01-01', name: 'New Year' },
      { day: '01-02', name: 'New Year holidays', since: 2026 },
      { day: '01-03', name: 'New Year holidays', since: 2026 },
      { day: '01-04', name: 'New Year holidays', since: 2026 },
      { day: '01-05', name: 'New Year holidays', since: 2026 },
      { day: '01-07', name: 'Orthodox Christmas' },
      { day: '03-08', name: "International Women's Day" },
      { day: '03-21', name: 'Nooruz' },
      { day: '05-01', name: 'Labour Day' },
      { day: '05-02', name: 'May holidays', since: 2025 },
      { day: '05-03', name: 'May holidays', since: 2025 },
      { day: '05-05', name: 'Constitution Day' },
      { day: '05-06', name: 'May holidays', since: 2025 },
      { day: '05-07', name: 'May holidays', since: 2025 },
      { day: '05-09', name: 'Victory Day' },
      { day: '08-31', name: 'Independence Day' },
    ],
    // The Labour Code of 23 January 2025 no longer moves a holiday off a weekend.
    years: {
      2025: {
        daysOff: [
          bridge('2025-01-02', '2025-01-11'),
          off('2025-01-03', 'Additional day off'),
          off('2025-01-06', 'Additional day off'),
          off('2025-03-30', 'Orozo Ait'),
          off('2025-06-06', 'Kurman Ait'),
        ],
        workingDays: [worked('2025-01-11', 'the bridge day of 2 January')],
      },
      2026: { daysOff: [off('2026-03-20', 'Orozo Ait'), off('2026-05-27', 'Kurman Ait')] },
    },
  },
  MD: {
    fixed: [
      { day: '01-01', name: 'New Year' },
      { day: '01-07', name: 'Christmas (old style)' },
      { day: '01-08', name: 'Christmas (old style)' },
      { day: '03-08', name: "International Women's Day" },
      { day: '05-01', name: 'Labour Day' },
      { day: '05-09', name: 'Victory Day and Europe Day' },
      { day: '06-01', name: "Children's Day" },
      { day: '08-27', name: 'Independence Day' },
      { day: '08-31', name: 'National Language Day' },
      { day: '12-25', name: 'Christmas (new style)' },
    ],
    // Orthodox Easter: 20 April 2025, 12 April 2026, 2 May 2027; Memorial Easter is eight days later.
    years: {
      2025: { daysOff: [off('2025-04-21', 'Easter Monday'), off('2025-04-28', 'Memorial Easter')] },
      2026: { daysOff: [off('2026-04-13', 'Easter Monday'), off('2026-04-20', 'Memorial Easter')] },
      2027: { daysOff: [off('2027-05-03', 'Easter Monday'), off('2027-05-10', 'Memorial Easter')] },
    },
  },
  RU: {
    fixed: [
      { day: '01-01', name: 'New Year holidays' },
      { day: '01-02', name: 'New Year holidays' },
      { day: '01-03', name: 'New Year holidays' },
      { day: '01-04', name: 'New Year holidays' },
      { day: '01-05', name: 'New Year holidays' },
      { day: '01-06', name: 'New Year holidays' },
      { day: '01-07', name: 'Orthodox Christmas' },
      { day: '01-08', name: 'New Year holidays' },
      { day: '02-23', name: 'Defender of the Fatherland Day' },
      { day: '03-08', name: "International Women's Day" },
      { day: '05-01', name: 'Spring and Labour Day' },
      { day: '05-09', name: 'Victory Day' },
      { day: '06-12', name: 'Russia Day' },
      { day: '11-04', name: 'Unity Day' },
    ],
    // Labour Code art. 112: a holiday on a weekend gives the next working day off, unless the
    // Government's yearly decree places it elsewhere (it always does for the January ones).
    years: {
      2025: {
        daysOff: [
          bridge('2025-05-02', '4 January'),
          bridge('2025-05-08', '23 February'),
          bridge('2025-06-13', '8 March'),
          bridge('2025-11-03', '2025-11-01'),
          bridge('2025-12-31', '5 January'),
        ],
        workingDays: [worked('2025-11-01', 'the bridge day of 3 November')],
      },
      2026: {
        daysOff: [
          bridge('2026-01-09', '3 January'),
          substitute('2026-03-09', "International Women's Day"),
          substitute('2026-05-11', 'Victory Day'),
          bridge('2026-12-31', '4 January'),
        ],
      },
      // Art. 112 only; the decree for 2027 (where the 2 and 3 January days go) is not yet known.
      2027: {
        daysOff: [substitute('2027-05-03', 'Spring and Labour Day'), substitute('2027-05-10', 'Victory Day'), substitute('2027-06-14', 'Russia Day')],
      },
    },
  },
  TJ: {
    fixed: [
      { day: '01-01', name: 'New Year' },
      { day: '03-08', name: "Mother's Day" },
      { day: '03-21', name: 'Navruz' },
      { day: '03-22', name: 'Navruz' },
      { day: '03-23', name: 'Navruz' },
      { day: '03-24', name: 'Navruz' },
      { day: '05-09', name: 'Victory Day' },
      { day: '06-27', name: 'National Unity Day' },
      { day: '09-09', name: 'Independence Day' },
      { day: '11-06', name: 'Constitution Day' },
    ],
    years: {
      2025: { daysOff: [off('2025-03-30', 'Idi Ramazon'), off('2025-06-06', 'Idi Qurbon')] },
      2026: { daysOff: [off('2026-03-20', 'Idi Ramazon'), off('2026-05-27', 'Idi Qurbon')] },
    },
  },
  UZ: {
    fixed: [
      { day: '01-01', name: 'New Year' },
      { day: '03-08', name: "Women's Day" },
      { day: '03-21', name: 'Navruz' },
      { day: '05-09', name: 'Day of Remembrance and Honour' },
      { day: '09-01', name: 'Independence Day' },
      { day: '10-01', name: "Teachers' and Instructors' Day" },
      { day: '12-08', name: 'Constitution Day' },
    ],
    // The Labour Code in force since 30 April 2023 moves a holiday on a weekend to the next
    // working day; presidential decrees add days off around the feasts.
    years: {
      2025: {
        daysOff: [
          bridge('2025-01-02', '2025-01-04'),
          substitute('2025-03-10', "Women's Day"),
          off('2025-03-30', 'Ramazon hayit'),
          substitute('2025-03-31', 'Ramazon hayit'),
          off('2025-06-06', 'Qurbon hayit'),
          off('2025-12-31', 'Additional day off by presidential decree'),
        ],
        workingDays: [worked('2025-01-04', 'the bridge day of 2 January')],
      },
      2026: {
        daysOff: [
          off('2026-01-02', 'Additional day off by presidential decree'),
          substitute('2026-03-09', "Women's Day"),
          off('2026-03-20', 'Ramazon hayit'),
          substitute('2026-03-23', 'Navruz'),
          substitute('2026-05-11', 'Day of Remembrance and Honour'),
          off('2026-05-27', 'Qurbon hayit'),
          off('2026-05-28', 'Additional day off by presidential decree'),
          off('2026-05-29', 'Additional day off by presidential decree'),
          off('2026-08-31', 'Additional day off by presidential decree'),
          bridge('2026-12-31', '2026-12-12'),
        ],
        workingDays: [worked('2026-12-12', 'the bridge day of 31 December')],
      },
      2027: {
        daysOff: [substitute('2027-03-22', 'Navruz'), substitute('2027-05-10', 'Day of Remembrance and Honour')],
      },
    },
  },
};

/** A member state's calendar made ready for lookups. */
export interface WorkingCalendar {
  /** Whether a weekday `YYYY-MM-DD` is a day off. */
  isHoliday(date: string): boolean;
  /** Whether a Saturday or Sunday `YYYY-MM-DD` was made a working day. */
  isWorkingWeekend(date: string): boolean;
}

export type HolidayCalendars = Readonly<Record<MemberState, WorkingCalendar>>;

function calendarOf(data: StateHolidays): WorkingCalendar {
  const fixed = new Map<string, FixedHoliday[]>();
  for (const holiday of data.fixed) fixed.set(holiday.day, [...(fixed.get(holiday.day) ?? []), holiday]);
  const dated = new Set<string>();
  const working = new Set<string>();
  for (const year of Object.values(data.years)) {
    for (const day of year.daysOff) dated.add(day.date);
    for (const day of year.workingDays ?? []) working.add(day.date);
  }
  return {
    isHoliday(date) {
      if (dated.has(date)) return true;
      const year = Number(date.slice(0, 4));
      return (fixed.get(date.slice(5)) ?? []).some((h) => (h.since ?? year) <= year && year <= (h.until ?? year));
    },
    isWorkingWeekend: (date) => working.has(date),
  };
}

/** Turns the administrators' table into calendars; the server builds it once per change of the table. */
export function holidayCalendars(data: HolidayData): HolidayCalendars {
  const entries = Object.entries(data) as [MemberState, StateHolidays][];
  return Object.fromEntries(entries.map(([state, holidays]) => [state, calendarOf(holidays)])) as Record<MemberState, WorkingCalendar>;
}

export const DEFAULT_HOLIDAY_CALENDARS: HolidayCalendars = holidayCalendars(HOLIDAY_DATA);
