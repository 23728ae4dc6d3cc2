import { describe, expect, it } from 'vitest';
import type { RecordInput } from '../../schemas/record.ts';
import { MAX_NAMELESS_KEYS, namelessBlockKeys } from './blocking.ts';
import { body, missing } from './test-records.ts';

describe('blocking keys for missing and unidentified persons', () => {
  const shared = (a: RecordInput, b: RecordInput) => namelessBlockKeys(a).filter((k) => namelessBlockKeys(b).includes(k));

  it('a true pair shares a key even when the birth date is a range and the age estimate is wide', () => {
    const subject = missing({ person: { birthDate: undefined, birthDateRange: { from: '1958', to: '1962' } } });
    const found = body('old', { found: { foundOn: '2024-11-02', estimatedAge: { min: 55, max: 75 } } });
    expect(shared(subject, found).length).toBeGreaterThan(0);
    // An estimate that missed the true age by a few years is still within reach.
    expect(shared(subject, body('younger', { found: { foundOn: '2024-11-02', estimatedAge: { min: 45, max: 55 } } })).length).toBeGreaterThan(0);
    expect(shared(subject, body('child', { found: { foundOn: '2024-11-02', estimatedAge: { min: 8, max: 12 } } }))).toEqual([]);
  });

  it('keeps each record under thirty keys, with no country in them', () => {
    const wide = missing({ person: { sex: 'unknown', birthDate: undefined, birthDateRange: { from: '1940', to: '1980' } } });
    const vague = body('vague', { person: { sex: 'unknown' }, found: { estimatedAge: { min: 20, max: 80 } } });
    for (const record of [missing(), wide, body('b'), vague]) {
      const keys = namelessBlockKeys(record);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.length).toBeLessThanOrEqual(MAX_NAMELESS_KEYS);
      for (const key of keys) expect(key).toMatch(/^x:[mfu]:\d{4}$/);
    }
    expect(namelessBlockKeys(missing())).toHaveLength(10);
  });

  it('a body whose sex could not be told meets missing men and women; a man and a woman do not meet', () => {
    const unknownSex = body('unknown', { person: { sex: 'unknown' } });
    expect(shared(missing(), unknownSex).length).toBeGreaterThan(0);
    expect(shared(missing({ person: { sex: 'female' } }), unknownSex).length).toBeGreaterThan(0);
    expect(shared(missing({ person: { sex: 'female' } }), body('man'))).toEqual([]);
  });

  it('a record with nothing to say the age has no keys', () => {
    expect(namelessBlockKeys(missing({ person: { birthDate: undefined } }))).toEqual([]);
    expect(namelessBlockKeys(body('b', { found: { estimatedAge: undefined } }))).toEqual([]);
  });
});
