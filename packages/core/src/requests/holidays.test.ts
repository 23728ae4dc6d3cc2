import { describe, expect, it } from 'vitest';
import { HOLIDAY_DATA } from './holidays.ts';
import { addDays, weekday } from './time-zones.ts';

/** Orthodox Easter as a Gregorian date (Meeus' Julian algorithm plus the 13-day calendar gap of 1900–2099). */
function orthodoxEaster(year: number): string {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return addDays(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, 13);
}

const dayOff = (state: keyof typeof HOLIDAY_DATA, year: number, name: string) =>
  HOLIDAY_DATA[state].years[year]?.daysOff.find((d) => d.name === name)?.date;

describe('holiday table', () => {
  it('dates the feasts counted from Orthodox Easter correctly in 2025–2027', () => {
    for (const year of [2025, 2026, 2027]) {
      const easter = orthodoxEaster(year);
      expect(dayOff('MD', year, 'Easter Monday')).toBe(addDays(easter, 1));
      expect(dayOff('MD', year, 'Memorial Easter')).toBe(addDays(easter, 8));
      expect(dayOff('BY', year, 'Radunitsa')).toBe(addDays(easter, 9));
    }
    expect(orthodoxEaster(2025)).toBe('2025-04-20');
  });

  it('lists each dated day in the year it is filed under, with a valid calendar date', () => {
    for (const data of Object.values(HOLIDAY_DATA)) {
      for (const [year, entry] of Object.entries(data.years)) {
        for (const day of [...entry.daysOff, ...(entry.workingDays ?? [])]) {
          expect(day.date.slice(0, 4)).toBe(year);
          expect(new Date(`${day.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day.date);
        }
      }
    }
  });

  it('puts replacement and bridge days on weekdays and decreed working days on weekends', () => {
    for (const data of Object.values(HOLIDAY_DATA)) {
      for (const entry of Object.values(data.years)) {
        for (const day of entry.daysOff.filter((d) => /^(Day off for|Bridge day)/.test(d.name))) {
          expect([0, 6], `${day.date} ${day.name}`).not.toContain(weekday(day.date));
        }
        for (const day of entry.workingDays ?? []) expect([0, 6], day.date).toContain(weekday(day.date));
      }
    }
  });

  it('writes fixed holidays as real month-days', () => {
    for (const data of Object.values(HOLIDAY_DATA)) {
      for (const holiday of data.fixed) expect(new Date(`2024-${holiday.day}T00:00:00Z`).toISOString().slice(5, 10)).toBe(holiday.day);
    }
  });
});
