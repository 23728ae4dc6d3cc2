/** Profiles hold dates as whole days since 1970-01-01 (UTC): ranking subtracts them for every candidate. */

export const DAY_MS = 86_400_000;
export const YEAR_DAYS = 365.25;
export const dayOf = (isoDate: string): number | undefined => {
  const day = Math.floor(Date.parse(isoDate) / DAY_MS);
  return Number.isFinite(day) ? day : undefined;
};
