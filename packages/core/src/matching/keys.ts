import { nameKeys } from './names/index.ts';
import type { MatchProfile, PersonProfile } from './profile.ts';

/** Bumped whenever a change alters any key, so stored keys are recomputed. */
export const MATCH_KEYS_VERSION = 4;

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
 * The match keys a record is filed under, and those a query looks up. Two records are
 * candidates when they share a key; everything finer is left to scoring.
 *
 * - `n:<name key>|<birth year>` — each name key (see `nameKeys`) with each possible birth year,
 *   or `?` when the year is unknown; a stated year stays the same under day/month mix-ups and
 *   year-only dates, which are the usual date errors.
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
    for (const name of profile.names) {
      for (const key of nameKeys(name)) for (const year of years) keys.add(`n:${key}|${year}`);
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

/** Description keys join a nameless record with a missing person; two named records never meet there. */
export const isDescriptionKey = (key: string): boolean => key.startsWith('u:');
