import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaroWinkler } from './similarity.ts';

describe('jaroWinkler', () => {
  it('matches the published values', () => {
    // Winkler (1990) / Cohen et al. examples
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('jones', 'johnson')).toBeCloseTo(0.8324, 4);
  });

  it('is 1 for equal strings and 0 for nothing in common or an empty side', () => {
    expect(jaroWinkler('ivanov', 'ivanov')).toBe(1);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('is symmetric and bounded', () => {
    const words = ['ivanov', 'ivanenko', 'petrov', 'petrosian', 'alev', 'alimov', 'a', 'ab', 'ba'];
    for (const a of words) {
      for (const b of words) {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeCloseTo(jaroWinkler(b, a), 12);
      }
    }
  });

  it('gives the same result for long strings (the array path) as for short ones', () => {
    const a = 'abcdefghijklmnopqrstuvwxyzabcdefghij';
    const b = 'abcdefghijklmnopqrstuvwxzyabcdefghik';
    const short = jaroWinkler(a.slice(0, 30), b.slice(0, 30));
    expect(short).toBeGreaterThan(0.9);
    expect(jaroWinkler(a, b)).toBeGreaterThan(0.9);
    expect(jaroWinkler(a + a, a + a)).toBe(1);
  });
});

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(damerauLevenshtein('ivanov', 'ivanov')).toBe(0);
    expect(damerauLevenshtein('ivanov', 'ivnaov')).toBe(1); // swap
    expect(damerauLevenshtein('ivanov', 'ivanova')).toBe(1); // insertion
    expect(damerauLevenshtein('ivanov', 'ivanv')).toBe(1); // deletion
    expect(damerauLevenshtein('ivanov', 'ivanoff')).toBe(2);
    expect(damerauLevenshtein('ca', 'abc')).toBe(3); // optimal string alignment, not unrestricted DL
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('abc', '')).toBe(3);
  });

  it('stops at the bound and returns max + 1 beyond it', () => {
    expect(damerauLevenshtein('ivanov', 'petrov', 2)).toBe(3);
    expect(damerauLevenshtein('ivanov', 'petrov')).toBe(4);
    expect(damerauLevenshtein('ivanov', 'ivanovskaya', 2)).toBe(3); // length difference alone
    expect(damerauLevenshtein('ivanov', 'ivnaov', 1)).toBe(1);
    expect(damerauLevenshtein('abcdefgh', 'hgfedcba', 0)).toBe(1);
  });

  it('handles strings longer than its scratch rows', () => {
    const a = 'x'.repeat(100);
    expect(damerauLevenshtein(a, `${a}y`, 3)).toBe(1);
  });
});
