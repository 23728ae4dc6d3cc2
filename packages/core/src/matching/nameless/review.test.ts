import { describe, expect, it } from 'vitest';
import { namelessProfile } from './profile.ts';
import { namelessForReview, namelessProbability, namelessReviewPairs } from './review.ts';
import { body, missing, OMSK } from './test-records.ts';

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

  it('a pair found from the missing side and from the unidentified side is given once, naming the missing person first', () => {
    const profiles = [
      namelessProfile(body('him', { person: { description: { heightCm: 180, build: 'slim' } } })),
      undefined,
      namelessProfile(missing({ person: { description: { heightCm: 180, build: 'slim' } } })),
      namelessProfile(
        body('far', {
          found: { foundOn: '2024-05-31', foundPlace: { ...OMSK, country: 'BY', locality: 'Гомель' }, estimatedAge: { min: 60, max: 70 } },
        }),
      ),
    ];
    const pairs = namelessReviewPairs(profiles);
    expect(pairs.map((p) => [p.missing, p.unidentified])).toEqual([[2, 0]]);
    expect(pairs[0]!.evidence.fields.find((f) => f.field === 'sex')?.level).toBe('agree');
  });
});
