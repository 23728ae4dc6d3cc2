import { describe, expect, it } from 'vitest';
import { lookAlike, typo } from './corruption.ts';
import { CORRUPTION_KINDS, generateRecords, type CorruptionKind, type CorruptionRates, type GeneratedRecord } from './index.ts';
import { createRandom } from './random.ts';

const NONE = Object.fromEntries(CORRUPTION_KINDS.map((k) => [k, 0])) as unknown as CorruptionRates;

/** Later records of each subject (the first one is the clean reference). */
function laterRecords(corruption: Partial<CorruptionRates>, count: number, seed = 3): GeneratedRecord[] {
  const seen = new Set<string>();
  const out: GeneratedRecord[] = [];
  for (const r of generateRecords({ seed, count, corruption, duplicateRate: 0.5 })) {
    if (seen.has(r.truth)) out.push(r);
    seen.add(r.truth);
  }
  return out;
}

const observed = (records: GeneratedRecord[], kind: CorruptionKind, eligible: (r: GeneratedRecord) => boolean) => {
  const pool = records.filter(eligible);
  return { n: pool.length, rate: pool.filter((r) => r.corruptions.includes(kind)).length / pool.length };
};

describe('corruption rates', () => {
  it('applies nothing when every rate is zero', () => {
    const records = laterRecords(NONE, 4000);
    expect(records.length).toBeGreaterThan(500);
    expect(records.filter((r) => r.corruptions.length > 0)).toEqual([]);
  });

  it('applies each kind at its configured rate where it can apply', () => {
    const rates: Partial<CorruptionRates> = {
      ...NONE,
      transliteration: 0.5,
      typo: 0.3,
      swappedNameParts: 0.2,
      documentDigit: 0.4,
      heightOff: 0.25,
      lookAlike: 0.6,
    };
    const records = laterRecords(rates, 30000);
    const named = (r: GeneratedRecord) => (r.person?.names?.length ?? 0) > 0;
    const checks: [CorruptionKind, number, (r: GeneratedRecord) => boolean][] = [
      ['transliteration', 0.5, (r) => (r.person?.names ?? []).some((n) => n.kind === 'latin')],
      ['typo', 0.3, named],
      ['swappedNameParts', 0.2, (r) => (r.person?.names ?? []).some((n) => n.surname && n.given)],
      ['documentDigit', 0.4, (r) => (r.person?.documents?.length ?? 0) > 0],
      ['heightOff', 0.25, (r) => r.person?.description?.heightCm !== undefined],
      ['lookAlike', 0.6, (r) => r.firearm !== undefined || !!(r.vehicle?.plate || r.vehicle?.bodyNumber || r.vehicle?.engineNumber)],
    ];
    for (const [kind, rate, eligible] of checks) {
      const { n, rate: seen } = observed(records, kind, eligible);
      expect(n, kind).toBeGreaterThan(800);
      expect(Math.abs(seen - rate), `${kind}: ${seen.toFixed(3)} over ${n}`).toBeLessThan(0.04);
    }
    const off = records
      .flatMap((r) => r.corruptions)
      .filter((k) => !['transliteration', 'typo', 'swappedNameParts', 'documentDigit', 'heightOff', 'lookAlike'].includes(k));
    expect(off).toEqual([]);
  });

  it('changes a two-part date only when the day could be a month', () => {
    const records = laterRecords({ ...NONE, dayMonthTransposed: 1, yearOnlyDate: 0 }, 8000);
    const transposed = records.filter((r) => r.corruptions.includes('dayMonthTransposed'));
    expect(transposed.length).toBeGreaterThan(100);
    for (const r of transposed) {
      const [, m, d] = (r.person?.birthDate ?? '').split('-').map(Number);
      expect(m).toBeLessThanOrEqual(12);
      expect(d).toBeLessThanOrEqual(12);
    }
  });

  it('produces the regional name changes: -zoda surnames and the other script', () => {
    const records = laterRecords({ ...NONE, surnameChange: 1, scriptChange: 1 }, 20000);
    const surnames = records.filter((r) => r.corruptions.includes('surnameChange')).map((r) => r.person?.names?.[0]?.surname ?? '');
    expect(surnames.some((s) => /(зода|zoda|zadə|заде|zade)$/i.test(s))).toBe(true);
    expect(surnames.some((s) => /(li|lı|lu|lü|ли|лы)$/.test(s))).toBe(true);
    const langs = new Set(records.filter((r) => r.corruptions.includes('scriptChange')).map((r) => r.person?.names?.[0]?.lang));
    expect(langs.has('uz-Cyrl')).toBe(true);
    expect(langs.has('kk') || langs.has('tg') || langs.has('ky')).toBe(true);
  });
});

describe('corruption operators', () => {
  it('makes one keying error and keeps a valid name', () => {
    const rng = createRandom(5);
    for (const name of ['Иванов', 'Məmmədov', "Yo'ldoshev", 'Հովհաննիսյան', 'Ter-Petrosyan']) {
      for (let i = 0; i < 50; i++) {
        const out = typo(rng, name);
        expect(out).not.toBe(name);
        expect(out).toMatch(/^[\p{L}\p{M}][\p{L}\p{M}'ʼʻ’‘`\-. ]*$/u);
        expect(Math.abs(Array.from(out).length - Array.from(name).length)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('retypes plates and serials with look-alikes or new spacing', () => {
    const rng = createRandom(8);
    const outs = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const out = lookAlike(rng, 'А123ВС77');
      expect(out).not.toBe('А123ВС77');
      expect(out).toMatch(/^[\p{L}\p{N}][\p{L}\p{N} \-/.]*$/u);
      outs.add(out);
    }
    expect(outs.has('A123BC77')).toBe(true);
    expect([...outs].some((s) => s.includes(' ') || s.includes('-'))).toBe(true);
    expect(lookAlike(rng, '0612345')).not.toBe('0612345');
  });
});
