import { type Comparer, unknown } from './comparer.ts';

/**
 * Found date against the last-seen date, in days. Bits are log2 of the density of that gap among
 * true pairs (m) over its density among unrelated ones, about even over a bank spanning ten years
 * (u = 1/3,650 a day). m: 45 % of bodies and wanderers are found within weeks (an exponential
 * with a mean of 12 days), 30 % within months (mean 150 days), 25 % years later (mean 1,000
 * days) — +7 bits the same day, +5 three weeks on, about 0 after a year, and no lower than −2
 * however late (skeletal remains turn up after decades). Found before the last-seen date
 * happens: the date recorded is often the day the family reported, not the day the person went
 * (4 %, within about ten days), or is simply wrong (3 %, any time); so two days before still
 * counts +3.6 bits, months before about −5, and it is never an exclusion — identities confirmed
 * by DNA against such dates exist. Levels for the reviewer: `days` (up to 30), `months` (up to a
 * year), `years` (up to five), `later`, `shortly_before` (up to 30 days before), `before`.
 */
const BANK_SPAN_DAYS = 3650;
const FOUND_AFTER = [
  { share: 0.45, meanDays: 12 },
  { share: 0.3, meanDays: 150 },
  { share: 0.25, meanDays: 1000 },
] as const;
const FOUND_EARLY = { share: 0.04, meanDays: 10 };
const FOUND_LATE_FLOOR_BITS = -2;
/** Last-seen dates simply wrong: the lowest a timeline falls (about −5 bits). */
const WRONG_DATE_SHARE = 0.03;
const FOUND_FLOOR_BITS = Math.log2(WRONG_DATE_SHARE);
function foundCurve(gap: number): number {
  if (gap < 0) {
    const density = (FOUND_EARLY.share / FOUND_EARLY.meanDays) * Math.exp(gap / FOUND_EARLY.meanDays) + WRONG_DATE_SHARE / BANK_SPAN_DAYS;
    return Math.log2(density * BANK_SPAN_DAYS);
  }
  let density = 0;
  for (const { share, meanDays } of FOUND_AFTER) density += (share / meanDays) * Math.exp(-gap / meanDays);
  return Math.max(FOUND_LATE_FLOOR_BITS, Math.log2(density * BANK_SPAN_DAYS));
}
/** `foundCurve` by whole days from `FOUND_TABLE_FROM` on: ranking needs it for every candidate. */
const FOUND_TABLE_FROM = -120;
const FOUND_TABLE = Float64Array.from({ length: 4000 }, (_, k) => foundCurve(FOUND_TABLE_FROM + k));
function foundBits(gap: number): number {
  const k = gap - FOUND_TABLE_FROM;
  return k >= 0 && k < FOUND_TABLE.length && Number.isInteger(k) ? FOUND_TABLE[k]! : foundCurve(gap);
}
const foundLevel = (gap: number): string =>
  gap < -30 ? 'before' : gap < 0 ? 'shortly_before' : gap <= 30 ? 'days' : gap <= 365 ? 'months' : gap <= 5 * 365 ? 'years' : 'later';
export const compareFound: Comparer = (m, f, out, explain) => {
  if (m.day === undefined || f.day === undefined) return unknown(out);
  const gap = f.day - m.day;
  out.level = foundLevel(gap);
  out.bits = foundBits(gap);
  out.detail = explain ? `${gap >= 0 ? '+' : ''}${gap} days after last seen` : undefined;
};

/**
 * A body's estimated time since death against the last-seen date. When the body lay long before
 * it was found, the found date says little of when the person went, and the death window says
 * much: so for a body with the estimate the timeline's evidence is log2 of the density of the
 * last-seen date given the window (m) over 1/3,650 a day (u, as for `found`), and this entry
 * carries its difference from `found`'s bits — the two together are that evidence. m: death any
 * time in the window, widened by 3 days and a fifth of its reach (such estimates are rough, the
 * more so the longer the body lay), and no later than the day found; the person went missing
 * shortly before dying (70 %: within days, an exponential with a mean of 5) or lived on for a
 * while (30 %, mean 180 days); and 3 % of last-seen dates are wrong, any time. A body found a
 * year and a half after the person went, with a window that holds the last-seen date, gains
 * about 3.5 bits here; one dead for months when the person was seen last week loses about 11
 * (the timeline as a whole never falls below −5, the 3 % of wrong dates). Levels: `fits` (last seen
 * inside the widened window), `later` (death well after it), `earlier` (death before it).
 * When the body was found before the last-seen date, `found` alone counts.
 */
const DEATH_DELAY = [
  { share: 0.7, meanDays: 5 },
  { share: 0.3, meanDays: 180 },
] as const;
/** Share of the delays between disappearance and death that are shorter than `days`. */
function delayShare(days: number): number {
  if (days <= 0) return 0;
  let sum = 0;
  for (const { share, meanDays } of DEATH_DELAY) sum += share * (1 - Math.exp(-days / meanDays));
  return sum;
}
export const compareDeath: Comparer = (m, f, out, explain) => {
  if (f.deathFirst === undefined || f.deathLast === undefined || m.day === undefined || f.day === undefined || f.day < m.day) return unknown(out);
  const slack = 3 + 0.2 * (f.day - f.deathFirst);
  const first = f.deathFirst - slack;
  const last = Math.min(f.day, f.deathLast + slack);
  const within = (delayShare(last - m.day) - delayShare(first - m.day)) / Math.max(1, last - first);
  const timeline = Math.log2((1 - WRONG_DATE_SHARE) * within * BANK_SPAN_DAYS + WRONG_DATE_SHARE);
  out.bits = Math.max(FOUND_FLOOR_BITS, timeline) - foundBits(f.day - m.day);
  out.level = m.day < first ? 'later' : m.day > last ? 'earlier' : 'fits';
  out.detail = explain ? `died ${f.deathFirst - m.day}…${f.deathLast - m.day} days after last seen` : undefined;
};
