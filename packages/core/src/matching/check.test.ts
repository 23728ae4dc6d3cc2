import { describe, expect, it } from 'vitest';
import { checkProfile } from './check.ts';
import { compareProfiles, DOMAIN_FIELDS, MISSING } from './comparisons.ts';
import { profileOf } from './profile.ts';

describe('a field officer’s check', () => {
  it('by a gun’s serial alone is compared on what the officer typed, not on the dates and kind the check cannot know', () => {
    const stolen = profileOf({
      category: 'firearm',
      nationalRef: 'f1',
      legalBasis: 'x',
      actionOnHit: 'seize',
      distribution: { kind: 'all' },
      firearm: {
        kind: 'lost_stolen',
        type: 'pistol',
        model: 'ПМ',
        serials: ['ТБ 9803'],
        eventDate: '2016-11-24',
        eventPlace: { country: 'BY' },
        yearOfManufacture: 1962,
      },
    })!;
    const vector = compareProfiles(checkProfile({ firearm: { serial: 'TB-9803' } })!, stolen);
    const compared = DOMAIN_FIELDS.firearm.filter((_, i) => vector[i] !== MISSING).map((f) => f.field);
    expect(compared).toEqual(['serial']);
  });
});
