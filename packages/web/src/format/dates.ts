import type { Language } from '../domain.ts';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

export const localeOf = (lang: Language): string => LOCALES[lang];

const DAY: Record<Language, Intl.DateTimeFormatOptions> = {
  ru: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { day: 'numeric', month: 'short', year: 'numeric' },
};
const MONTH: Record<Language, Intl.DateTimeFormatOptions> = {
  ru: { month: '2-digit', year: 'numeric' },
  en: { month: 'short', year: 'numeric' },
};

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A calendar date known to the year, month or day, as people write it in the language:
 * the day is never invented for a partial date. Anything unparseable is shown as given.
 *
 * @example formatPartialDate('1989-04', 'ru') // '04.1989'
 * @example formatPartialDate('2025-03-12', 'en') // '12 Mar 2025'
 */
export function formatPartialDate(value: string, lang: Language): string {
  const match = PARTIAL.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year!;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  if (Number.isNaN(date.getTime())) return value;
  const options = day ? DAY[lang] : MONTH[lang];
  return new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' }).format(date);
}

/** A moment (ISO date-time) in the viewer's time zone, to the minute. */
export function formatTimestamp(value: string, lang: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lang], { ...DAY[lang], hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
