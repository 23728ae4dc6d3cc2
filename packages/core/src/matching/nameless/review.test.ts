import { describe, expect, it } from 'vitest';
import { namelessForReview, namelessProbability } from './review.ts';
import { body, missing } from './test-records.ts';

describe('nameless pairs put to a supervisor', () => {
  it('the same bits single out a candidate among ten but not among ten thousand', () => {
    expect(namelessProbability(10, 10)).toBeGreaterThan(0.95);
    expect(namelessProbability(10, 10_000)).toBeLessThan(0.1);
    expect(namelessProbability(0, 0)).toBe(0.5);
  });

  it('a missing man gets to review the male body of his age found nearby weeks later, not a woman nor a man of seventy found years before he went missing', () => {
    const subject = missing({ person: { description: { heightCm: 180, marks: [{ kind: 'tattoo', description: 'якорь на левом предплечье' }] } } });
    const him = body('him', { person: { description: { heightCm: 180, marks: [{ kind: 'tattoo', description: 'якорь левое предплечье' }] } } });
    const woman = body('woman', { person: { sex: 'female', description: { heightCm: 160 } } });
    const old = body('old', {
      found: { foundOn: '2016-02-01', estimatedAge: { min: 65, max: 75 }, foundPlace: { country: 'KZ', locality: 'Актобе' } },
    });
    const reviewed = namelessForReview(subject, [woman, old, him]);
    expect(reviewed.map((r) => r.candidate.nationalRef)).toEqual(['him']);
    expect(reviewed[0]!.probability).toBeGreaterThanOrEqual(0.5);
  });
});
