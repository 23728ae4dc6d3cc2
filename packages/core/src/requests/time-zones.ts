import type { MemberState } from '../domain/participants.ts';

/**
 * Where each member state's central agencies keep office hours. Russia's federal ministries and
 * BKBOP sit in Moscow.
 *
 * Kazakhstan moved to a single UTC+5 on 1 March 2024. The IANA database has that from release
 * 2024a (Asia/Almaty); Node 20's ICU (tz 2025c) says +05:00, which `time-zones.test.ts` checks so
 * that a runtime with older zone data fails loudly instead of shifting every Kazakh deadline.
 */
export const STATE_TIME_ZONES: Readonly<Record<MemberState, string>> = {
  AM: 'Asia/Yerevan',
  AZ: 'Asia/Baku',
  BY: 'Europe/Minsk',
  KZ: 'Asia/Almaty',
  KG: 'Asia/Bishkek',
  MD: 'Europe/Chisinau',
  RU: 'Europe/Moscow',
  TJ: 'Asia/Dushanbe',
  UZ: 'Asia/Tashkent',
};

/** A wall-clock moment in some zone: civil date and time of day. */
export interface LocalDateTime {
  /** `YYYY-MM-DD`. */
  date: string;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallClockFields(instant: Date, zone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return { year: fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour!, minute: fields.minute!, second: fields.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toLocal(instant: Date, zone: string): LocalDateTime {
  const f = wallClockFields(instant, zone);
  return { date: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`, hour: f.hour, minute: f.minute };
}

/** Minutes the zone is ahead of UTC at that instant (negative west of Greenwich). */
export function offsetMinutes(instant: Date, zone: string): number {
  const f = wallClockFields(instant, zone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall clock in the zone shows the given date and time. Office hours (09:00, 18:00)
 * never fall in a DST gap or overlap in the member states, so the one-step correction is exact.
 */
export function fromLocal(date: string, hour: number, minute: number, zone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const firstGuess = new Date(wall - offsetMinutes(new Date(wall), zone) * 60_000);
  return new Date(wall - offsetMinutes(firstGuess, zone) * 60_000);
}

/** Civil date arithmetic, independent of any zone. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
