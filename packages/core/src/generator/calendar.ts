/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), done by hand so the generator
 * needs no Date object and stays identical across time zones and engines.
 */

/** A civil date: year, month 1–12, day 1–31. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Day number of a civil date (Hinnant's algorithm, proleptic Gregorian). */
export function toDay({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function fromDay(day: number): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  const { y, m, d } = fromDay(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** `DD.MM.YYYY`, the way dates are written in the members' documents and free text. */
export function dottedOf(day: number): string {
  const { y, m, d } = fromDay(day);
  return `${pad(d)}.${pad(m)}.${pad(y, 4)}`;
}

/** Day number of a `YYYY-MM-DD` string; throws on anything else, since it only reads options. */
export function parseIso(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${text}`);
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  const day = toDay(ymd);
  const back = fromDay(day);
  if (back.y !== ymd.y || back.m !== ymd.m || back.d !== ymd.d) throw new Error(`no such date: ${text}`);
  return day;
}

/** Whole years between a birth day and a later day. */
export function ageOn(birth: number, day: number): number {
  const b = fromDay(birth);
  const t = fromDay(day);
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0);
}

/** The same month and day `years` later (29 February falls back to the 28th). */
export function addYears(day: number, years: number): number {
  const { y, m, d } = fromDay(day);
  const target = { y: y + years, m, d };
  const back = fromDay(toDay(target));
  return back.m === m ? toDay(target) : toDay({ y: y + years, m, d: 28 });
}
