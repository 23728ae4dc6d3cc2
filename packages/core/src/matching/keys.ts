import { nameKeys } from './names/index.ts';
import type { MatchProfile, PersonProfile } from './profile.ts';

/**
 * Bumped whenever a change alters any key or any match profile (`profileOf`), so that the keys
 * and profiles a store keeps are recomputed at its next start. `keys.fingerprint.test.ts` fails
 * when profiles or keys change and this does not.
 */
export const MATCH_KEYS_VERSION = 5;

/** A window of birth years longer than this blocks by name alone: a wide estimate says little. */
const MAX_BLOCK_YEARS = 12;

function birthYears(profile: PersonProfile): string[] {
  if (!profile.birth) return ['?'];
  const from = Number(profile.birth.earliest.slice(0, 4));
  const to = Number(profile.birth.latest.slice(0, 4));
  if (to - from + 1 > MAX_BLOCK_YEARS) return ['?'];
  const years: string[] = [];
  for (let y = from; y <= to; y++) years.push(String(y));
  return years;
}

/**
 * `MMDD` of a stated full birth date: the day a person was born survives a wrong digit or two
 * swapped digits in the year, which the year keys do not.
 */
function birthDayOfYear(profile: PersonProfile): string | undefined {
  const parts = profile.birth?.parts;
  if (!parts?.day || !parts.month || profile.birth!.estimated) return undefined;
  return `${String(parts.month).padStart(2, '0')}${String(parts.day).padStart(2, '0')}`;
}

/**
 * The match keys a record is filed under, and those a query looks up. Two records are
 * candidates when they share a key; everything finer is left to scoring.
 *
 * - `n:<name key>|<birth year>` — each name key (see `nameKeys`) with each possible birth year,
 *   or `?` when the year is unknown; a stated year stays the same under day/month mix-ups and
 *   year-only dates, which are the usual date errors. A query also looks up the name's
 *   undated records (`|?`), or, with no year of its own, the name in any year (`|*`).
 * - `m:<name key>|<MMDD>` — each name key with the month and day of a stated full birth date,
 *   so that a year typed with a wrong or swapped digit still meets its record. Kept apart from
 *   `n:` so that a query's any-year range over `n:` does not read them twice.
 * - `d:<type>:<state>:<number>` — identity documents, folded.
 * - `u:<sex>:<year>:<country>` — nameless persons (unidentified) and missing persons, by sex,
 *   birth year and country of the disappearance or discovery, so a body can be linked to a
 *   missing-person record (a reviewer's list; linking does not use them).
 * - `v:`, `vs:`, `p:`, `e:`, `b:` — VIN, VIN serial section with make, plate, engine and body numbers.
 * - `s:`, `sd:` — firearm serials folded, and their digits alone (prefix transcriptions differ).
 */
export function matchKeys(profile: MatchProfile, role: 'file' | 'query' = 'file'): string[] {
  const keys = new Set<string>();
  if (profile.domain === 'person') {
    const years = birthYears(profile);
    // A query with no birth year looks a name up in every year (`*`, a range in the store);
    // a dated query also looks up the records of that name whose birth year is unknown.
    const undatedQuery = role === 'query' && years[0] === '?';
    const dayOfYear = birthDayOfYear(profile);
    for (const name of profile.names) {
      for (const key of nameKeys(name)) {
        if (undatedQuery) keys.add(`n:${key}|${ANY_YEAR}`);
        else for (const year of years) keys.add(`n:${key}|${year}`);
        if (role === 'query' && !undatedQuery) keys.add(`n:${key}|?`);
        if (dayOfYear) keys.add(`m:${key}|${dayOfYear}`);
      }
    }
    for (const doc of profile.documents) keys.add(`d:${doc}`);
    // Nameless records reach missing persons by description. Missing persons are filed under
    // these keys but named queries do not look them up: between two named records the names are
    // better evidence (linkers pair these blocks only across named and nameless; see
    // `isDescriptionKey`).
    if (profile.event && (role === 'file' || !profile.named)) {
      const sex = profile.sex ?? '?';
      for (const year of years) if (year !== '?') keys.add(`u:${sex}:${year}:${profile.event.country}`);
    }
  } else if (profile.domain === 'vehicle') {
    if (profile.vin) {
      keys.add(`v:${profile.vin}`);
      if (profile.vin.length === 17) keys.add(`vs:${profile.make ?? ''}:${profile.vin.slice(11)}`);
    }
    if (profile.plate) keys.add(`p:${profile.plate}`);
    if (profile.engine) keys.add(`e:${profile.engine}`);
    if (profile.body) keys.add(`b:${profile.body}`);
  } else {
    for (const serial of profile.serials) {
      keys.add(`s:${serial}`);
      const digits = serial.replace(/[^0-9]/g, '');
      if (digits.length >= 4) keys.add(`sd:${digits}`);
    }
  }
  return [...keys];
}

/** The year of a query name key that stands for every year: the store reads it as a range. */
export const ANY_YEAR = '*';

/**
 * The keys of records with the same name but no known birth year, which a dated record looks
 * up without being filed under them: a date missing on one side must not keep a pair apart.
 *
 * @example undatedTwins(['n:sg:ivan.i|1984', 'd:passport:RU:1']) // ['n:sg:ivan.i|?']
 */
export function undatedTwins(keys: readonly string[]): string[] {
  const twins = new Set<string>();
  for (const key of keys) {
    if (!key.startsWith('n:') || key.endsWith('|?')) continue;
    twins.add(`${key.slice(0, key.lastIndexOf('|'))}|?`);
  }
  return [...twins];
}

/** Description keys join a nameless record with a missing person; two named records never meet there. */
export const isDescriptionKey = (key: string): boolean => key.startsWith('u:');
