/** A date known to a precision: `{ year }`, `{ year, month }` or `{ year, month, day }`. */
export interface PartialDateParts {
  year: number;
  month?: number;
  day?: number;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns null when the date cannot exist
 * (month 13, 31 February, 29 February in a common year).
 *
 * @example parsePartialDate('1984-02-29') // { year: 1984, month: 2, day: 29 }
 * @example parsePartialDate('1985-02-29') // null
 */
export function parsePartialDate(text: string): PartialDateParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1850) return null;
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The first and last full dates a partial date may stand for, as `YYYY-MM-DD` strings. */
export function partialDateBounds(parts: PartialDateParts): { earliest: string; latest: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const y = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return { earliest: `${y}-01-01`, latest: `${y}-12-31` };
  if (parts.day === undefined) {
    return { earliest: `${y}-${pad(parts.month)}-01`, latest: `${y}-${pad(parts.month)}-${pad(daysInMonth(parts.year, parts.month))}` };
  }
  const full = `${y}-${pad(parts.month)}-${pad(parts.day)}`;
  return { earliest: full, latest: full };
}
