import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { formatRegistrationNumber, parseRegistrationNumber } from './registration.ts';

describe('registration numbers', () => {
  it('prints participant, year and a six-digit running number', () => {
    expect(formatRegistrationNumber({ participant: 'KZ-MVD', year: 2026, sequence: 123 })).toBe('KZ-MVD/2026/000123');
    expect(formatRegistrationNumber({ participant: 'BKBOP', year: 2025, sequence: 1_234_567 })).toBe('BKBOP/2025/1234567');
  });

  it('reads back what it prints', () => {
    for (const value of [
      { participant: 'KZ-MVD', year: 2026, sequence: 123 },
      { participant: 'AM-POLICE', year: 2027, sequence: 999_999 },
      { participant: 'BKBOP', year: 2025, sequence: 1_000_000 },
    ]) {
      expect(parseRegistrationNumber(formatRegistrationNumber(value))).toEqual({ ok: true, value });
    }
  });

  it('rejects malformed numbers with the reason', () => {
    expect(parseRegistrationNumber('kz-mvd/2026/000123')).toEqual({ ok: false, reason: 'bad_format' });
    expect(parseRegistrationNumber('KZ-MVD/2026/123')).toEqual({ ok: false, reason: 'bad_format' });
    expect(parseRegistrationNumber('KZ-MVD/2026/000123 ')).toEqual({ ok: false, reason: 'bad_format' });
    expect(parseRegistrationNumber('KZ-MVD/1999/000123')).toEqual({ ok: false, reason: 'year_out_of_range' });
    expect(parseRegistrationNumber('KZ-MVD/2026/000000')).toEqual({ ok: false, reason: 'sequence_out_of_range' });
    expect(parseRegistrationNumber('KZ-MVD/2026/0001234')).toEqual({ ok: false, reason: 'not_canonical' });
  });

  it('refuses to print a number from impossible parts', () => {
    const attempt = () => formatRegistrationNumber({ participant: 'kz mvd', year: 2026.5, sequence: 0 });
    expect(attempt).toThrow();
    try {
      attempt();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('validation_failed');
      expect(isAppError(error) && error.issues.map((i) => i.path)).toEqual(['/participant', '/year', '/sequence']);
    }
  });
});
