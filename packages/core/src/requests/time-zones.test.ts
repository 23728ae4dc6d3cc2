import { describe, expect, it } from 'vitest';
import { fromLocal, offsetMinutes, STATE_TIME_ZONES, toLocal } from './time-zones.ts';

describe('member state time zones', () => {
  it('has Kazakhstan on UTC+5 since March 2024 (fails on a runtime with older zone data)', () => {
    expect(offsetMinutes(new Date('2026-01-15T00:00:00Z'), STATE_TIME_ZONES.KZ)).toBe(300);
    expect(offsetMinutes(new Date('2026-07-15T00:00:00Z'), STATE_TIME_ZONES.KZ)).toBe(300);
  });

  it('spans UTC+2 (Moldovan winter) to UTC+6 (Kyrgyzstan)', () => {
    const winter = new Date('2026-01-15T00:00:00Z');
    const offsets = Object.values(STATE_TIME_ZONES).map((zone) => offsetMinutes(winter, zone));
    expect(Math.min(...offsets)).toBe(120);
    expect(Math.max(...offsets)).toBe(360);
  });

  it('turns office hours into instants and back across Moldova’s clock changes', () => {
    expect(fromLocal('2026-03-27', 18, 0, 'Europe/Chisinau').toISOString()).toBe('2026-03-27T16:00:00.000Z');
    expect(fromLocal('2026-03-30', 18, 0, 'Europe/Chisinau').toISOString()).toBe('2026-03-30T15:00:00.000Z');
    expect(toLocal(new Date('2026-03-30T15:00:00Z'), 'Europe/Chisinau')).toEqual({ date: '2026-03-30', hour: 18, minute: 0 });
  });
});
