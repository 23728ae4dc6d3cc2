/** How two birth dates agree: the level decides how much a shared date is worth. */
import { describe, expect, it } from 'vitest';
import { compareBirth, DOMAIN_FIELDS } from './comparisons.ts';
import { DEFAULT_MODELS } from './default-models.ts';
import { type PersonPartInput, wantedProfile } from '../test/persons.ts';

type Birth = Pick<PersonPartInput, 'birthDate' | 'birthDateRange'>;

const birthOf = (birth: Birth) => wantedProfile(birth).birth;

const BIRTH_FIELD = DOMAIN_FIELDS.person.find((f) => f.field === 'birth')!;
const levelOf = (a: Birth, b: Birth) => BIRTH_FIELD.levels[compareBirth(birthOf(a), birthOf(b))];
const shippedWeight = (level: string) => {
  const field = DEFAULT_MODELS.person.fields.find((f) => f.field === 'birth')!;
  const i = field.levels.indexOf(level);
  return Math.log2(field.m[i]! / field.u[i]!);
};

describe('birth dates given as a range of years', () => {
  const range = { birthDateRange: { from: '1982', to: '1985' } };

  it('agree as the same range when both records state it', () => {
    expect(levelOf(range, range)).toBe('same_range');
  });

  it('agree only as within the range when one record states a date inside it', () => {
    expect(levelOf(range, { birthDate: '1984-07-15' })).toBe('in_range');
    expect(levelOf({ birthDate: '1983' }, range)).toBe('in_range');
    expect(levelOf(range, { birthDateRange: { from: '1983', to: '1986' } })).toBe('in_range');
  });

  it('a date inside a range of years is weaker evidence than the same year or the same range', () => {
    // Most people born in those years share it: the weight of a namesake born then must stay small.
    expect(shippedWeight('in_range')).toBeLessThan(shippedWeight('same_year') - 1);
    expect(shippedWeight('in_range')).toBeLessThan(shippedWeight('same_range') - 3);
    expect(shippedWeight('in_range')).toBeGreaterThan(0);
  });

  it('a year or month written alone still agrees as the year or the month', () => {
    expect(levelOf({ birthDate: '1984' }, { birthDate: '1984-07-15' })).toBe('same_year');
    expect(levelOf({ birthDate: '1984-07' }, { birthDate: '1984-07-15' })).toBe('same_month');
  });
});
