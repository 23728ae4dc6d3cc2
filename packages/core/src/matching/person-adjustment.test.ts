/** What a person pair's own values add to the model's average weights, as a reviewer sees it in the explanation. */
import { describe, expect, it } from 'vitest';
import { compareProfiles } from './comparisons.ts';
import { DEFAULT_MODELS } from './default-models.ts';
import { scoreVector, weightsOf } from './model.ts';
import { personAdjustment } from './person-adjustment.ts';
import { type PersonPartInput, wantedProfile } from '../test/persons.ts';

type Person = PersonPartInput;

const weights = weightsOf(DEFAULT_MODELS.person);
const profile = wantedProfile;

/** Each field's weight in the pair's explanation. */
function explained(a: Partial<Person>, b: Partial<Person>): Record<string, number> {
  const pa = profile(a);
  const pb = profile(b);
  const vector = compareProfiles(pa, pb);
  const score = scoreVector(
    weights,
    vector,
    personAdjustment(weights, () => undefined, pa, pb, vector),
  );
  return Object.fromEntries(score.explanation.map((c) => [c.field, c.weight]));
}

const tableWeight = (field: string, level: string) => {
  const model = DEFAULT_MODELS.person.fields.find((f) => f.field === field)!;
  const i = model.levels.indexOf(level);
  return Math.log2(model.m[i]! / model.u[i]!);
};

describe('a birth date inside a range of years', () => {
  const date = { birthDate: '1984-07-15' };

  it('counts for less the more years the range spans', () => {
    const two = explained({ birthDateRange: { from: '1983', to: '1984' } }, date).birth!;
    const five = explained({ birthDateRange: { from: '1982', to: '1986' } }, date).birth!;
    // Five years' births let in five times the namesakes one year's do.
    expect(five).toBeLessThanOrEqual(tableWeight('birth', 'same_year') - Math.log2(5) + 0.01);
    expect(five).toBeLessThan(two);
    expect(two).toBeLessThan(explained({ birthDate: '1984' }, date).birth!);
  });

  it('leaves the same range on both sides at its own weight', () => {
    const range = { birthDateRange: { from: '1982', to: '1986' } };
    expect(explained(range, range).birth).toBeCloseTo(tableWeight('birth', 'same_range'), 1);
  });
});

describe('what a shared name already says', () => {
  const uzbek = { citizenships: ['UZ'], names: [{ kind: 'primary' as const, script: 'Latn' as const, surname: 'Karimov', given: 'Sardor' }] };

  it('adds nothing for the same sex and a shared citizenship when the names agree: namesakes share them too', () => {
    const weights = explained({ ...uzbek, birthDate: '1984' }, { ...uzbek, birthDate: '1984-07-15' });
    expect(weights.sex).toBe(0);
    expect(weights.citizenship).toBe(0);
  });

  it('still counts them when the names do not agree, and still counts against a different sex or citizenship', () => {
    const other = { citizenships: ['UZ'], names: [{ kind: 'primary' as const, script: 'Latn' as const, surname: 'Toshmatov', given: 'Bobur' }] };
    const unlike = explained({ ...uzbek, birthDate: '1984-07-15' }, { ...other, birthDate: '1984-07-15' });
    expect(unlike.citizenship).toBeCloseTo(tableWeight('citizenship', 'shared'), 1);
    expect(unlike.sex).toBeGreaterThan(0);
    const abroad = explained(uzbek, { ...uzbek, citizenships: ['KZ'], sex: 'female' });
    expect(abroad.citizenship).toBeLessThan(0);
    expect(abroad.sex).toBeLessThan(0);
  });
});
