/**
 * Stores keep every record's match keys and match profile as computed when the record was
 * written, and compute them again only when MATCH_KEYS_VERSION changes. A change to profiling or
 * keys that forgets the bump would leave every stored record compared in its old form: checks
 * would quietly miss. This pins what the current version computes for a fixed sample.
 */
import { describe, expect, it } from 'vitest';
import { generateRecords } from '../generator/index.ts';
import { compareProfiles } from './comparisons.ts';
import { MATCH_KEYS_VERSION, matchKeys } from './keys.ts';
import { profileOf, type MatchProfile } from './profile.ts';

/** What version 5 computes for the sample. */
const PINNED = { version: 5, fingerprint: 'aa602214' };

/** A 32-bit FNV-1a hash: core stays free of Node's modules, and a fingerprint needs no more. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const sample = () => [...generateRecords({ count: 3000, seed: 11 })];

describe('stored match keys and profiles', () => {
  it('change only together with MATCH_KEYS_VERSION', () => {
    let text = '';
    for (const record of sample()) {
      const profile = profileOf(record);
      text += JSON.stringify(profile ?? null) + JSON.stringify(profile ? matchKeys(profile) : []);
    }
    const computed = { version: MATCH_KEYS_VERSION, fingerprint: fnv1a(text) };
    // On failure: if profiles or keys changed on purpose, bump MATCH_KEYS_VERSION (stores then
    // re-file at start-up) and pin the new fingerprint; if only the generator changed, pin it alone.
    expect(computed).toEqual(PINNED);
  });

  it('compare the same after a round trip through the store as when computed', () => {
    const profiles = sample()
      .map((record) => profileOf(record))
      .filter((p): p is MatchProfile => p !== undefined);
    const stored = profiles.map((p) => JSON.parse(JSON.stringify(p)) as MatchProfile);
    let compared = 0;
    for (let i = 0; i < profiles.length; i++) {
      // Each record against the next of its domain, fresh against stored.
      const j = profiles.findIndex((p, k) => k > i && p.domain === profiles[i]!.domain);
      if (j < 0) continue;
      expect(Array.from(compareProfiles(profiles[i]!, stored[j]!))).toEqual(Array.from(compareProfiles(profiles[i]!, profiles[j]!)));
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
