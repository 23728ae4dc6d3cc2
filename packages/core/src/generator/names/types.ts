/** The naming traditions the generator models (ethnic origin, not citizenship). */
export const NATIONALITIES = [
  'russian',
  'ukrainian',
  'belarusian',
  'kazakh',
  'kyrgyz',
  'tajik',
  'uzbek',
  'azerbaijani',
  'moldovan',
  'armenian',
] as const;
/** One naming tradition. */
export type Nationality = (typeof NATIONALITIES)[number];

/**
 * One naming tradition's lists. Entries are written as the people write them; where the
 * Russian spelling cannot be derived by rule (Məmmədov → Мамедов, Հովհաննիսյան → Оганесян),
 * the entry is `native|russian`. Surnames are listed in their male form.
 */
export interface NameList {
  surnames: readonly string[];
  male: readonly string[];
  female: readonly string[];
}
