import { describe, expect, it } from 'vitest';
import { groupPriorOffsets } from './group-priors.ts';

describe('match rates per pair of source arrays', () => {
  // 2,000 candidate pairs in each of two groups of a million pairs: in one, a tenth are clear
  // matches; in the other, one in a hundred, and the rest of both weak look-alikes.
  const weights: number[] = [];
  const groups: string[] = [];
  for (let k = 0; k < 2000; k++) {
    weights.push(k % 10 === 0 ? 25 : -15);
    groups.push('wanted~wanted');
    weights.push(k % 100 === 0 ? 25 : -15);
    groups.push('missing~wanted');
  }
  weights.push(25);
  groups.push('missing~missing');
  const allPairs = new Map([
    ['wanted~wanted', 1e6],
    ['missing~wanted', 1e6],
    ['missing~missing', 1e6],
  ]);
  const offsets = groupPriorOffsets(weights, Math.log2(1e-4), { groupOf: (k) => groups[k], allPairs });

  it('pairs between arrays that rarely share a person need more evidence to link', () => {
    expect(offsets.get('missing~wanted')!).toBeLessThan(-1);
  });

  it('arrays that share people more often than average keep the weights they had', () => {
    expect(offsets.get('wanted~wanted')).toBe(0);
  });

  it('a pair of arrays with too few compared pairs to tell keeps the weights it had', () => {
    expect(offsets.has('missing~missing')).toBe(false);
  });
});
