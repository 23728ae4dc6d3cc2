import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { DEFAULT_PARTICIPANTS } from '../domain/participants.ts';
import { CATEGORIES, RecordInput } from '../schemas/record.ts';
import { checkRecordRules } from '../validation/record-rules.ts';
import { generateRecords, type GeneratedRecord, type GeneratorOptions } from './index.ts';

const take = (options: GeneratorOptions, n = options.count): GeneratedRecord[] => {
  const out: GeneratedRecord[] = [];
  for (const record of generateRecords(options)) {
    if (out.length >= n) break;
    out.push(record);
  }
  return out;
};

/** The record as a participant submits it: the generator's ground-truth fields removed. */
const input = ({ owner: _owner, truth: _truth, corruptions: _corruptions, ...rest }: GeneratedRecord) => rest;

const validator = Compile(RecordInput);

describe('generateRecords: determinism and size', () => {
  it('gives identical output for the same seed', () => {
    const a = JSON.stringify(take({ seed: 42, count: 1500 }));
    const b = JSON.stringify(take({ seed: 42, count: 1500 }));
    expect(a).toBe(b);
  });

  it('gives different output for a different seed', () => {
    const a = take({ seed: 1, count: 300 });
    const b = take({ seed: 2, count: 300 });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('emits exactly `count` records', () => {
    for (const count of [1, 7, 100, 101, 997, 2500]) {
      let n = 0;
      for (const _ of generateRecords({ seed: count, count })) n++;
      expect(n).toBe(count);
    }
  });

  it('refuses counts and rates outside the documented range', () => {
    expect(() => take({ seed: 1, count: 0 })).toThrow(RangeError);
    expect(() => take({ seed: 1, count: 2.5 })).toThrow(RangeError);
    expect(() => take({ seed: 1, count: 10_000_001 })).toThrow(RangeError);
    expect(() => take({ seed: 1, count: 100, duplicateRate: 1.5 })).toThrow(RangeError);
    expect(() => take({ seed: 1, count: 100, corruption: { typo: -0.1 } })).toThrow(RangeError);
    expect(() => take({ seed: 1, count: 100, today: '2026-02-30' })).toThrow();
  });

  it('streams lazily: the first records of a ten-million run come at once', () => {
    const started = performance.now();
    const first = take({ seed: 9, count: 10_000_000 }, 10);
    expect(first).toHaveLength(10);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('generateRecords: every record is valid', () => {
  const today = '2026-11-01';
  const records = [...take({ seed: 2026, count: 3000 }), ...take({ seed: 77, count: 2000, duplicateRate: 0.6 })];

  it('validates against RecordInput', () => {
    const failures = records.filter((r) => !validator.Check(input(r)));
    const detail = failures.slice(0, 3).map((r) => ({ ref: r.nationalRef, errors: validator.Errors(input(r)).slice(0, 3) }));
    expect(detail).toEqual([]);
  });

  it('passes the record rules with no issues', () => {
    const failures = records
      .map((r) => ({ ref: r.nationalRef, issues: checkRecordRules(r.category, input(r), today) }))
      .filter((f) => f.issues.length > 0);
    expect(failures.slice(0, 3)).toEqual([]);
  });

  it('keeps every date on or before a custom `today`', () => {
    const old = take({ seed: 5, count: 1500, today: '2012-03-15' });
    for (const r of old) {
      expect(validator.Check(input(r))).toBe(true);
      expect(checkRecordRules(r.category, input(r), '2012-03-15')).toEqual([]);
    }
  });
});

describe('generateRecords: what is modelled', () => {
  const records = take({ seed: 11, count: 12000 });

  it('gives every owning participant records, and none to BKBOP', () => {
    const owners = new Set(records.map((r) => r.owner));
    for (const p of DEFAULT_PARTICIPANTS) {
      if (p.code === 'BKBOP') expect(owners.has(p.code)).toBe(false);
      else expect(owners.has(p.code), p.code).toBe(true);
    }
  });

  it('covers every category in roughly the intended mix', () => {
    const share = (c: string) => records.filter((r) => r.category === c).length / records.length;
    const target: Record<string, number> = {
      wanted_person: 0.3,
      missing_person: 0.2,
      unidentified_corpse: 0.1,
      unidentified_person: 0.08,
      vehicle: 0.17,
      firearm: 0.15,
    };
    for (const c of CATEGORIES) expect(Math.abs(share(c) - (target[c] ?? 0)), c).toBeLessThan(0.04);
    const kinds = new Set(records.flatMap((r) => (r.firearm ? [r.firearm.kind] : [])));
    expect([...kinds].sort()).toEqual(['found_seized', 'lost_stolen']);
  });

  it('keeps national references unique per owner and truth ids well-formed', () => {
    const refs = new Set(records.map((r) => `${r.owner}|${r.nationalRef}`));
    expect(refs.size).toBe(records.length);
    for (const r of records) {
      expect(r.truth).toMatch(/^[PVF]\d{7,}$/);
      expect(r.truth[0]).toBe(r.category === 'vehicle' ? 'V' : r.category === 'firearm' ? 'F' : 'P');
    }
  });

  it('records a share of subjects more than once, across and within states', () => {
    const bySubject = new Map<string, GeneratedRecord[]>();
    for (const r of records) bySubject.set(r.truth, [...(bySubject.get(r.truth) ?? []), r]);
    const multi = [...bySubject.values()].filter((rs) => rs.length > 1);
    const share = multi.length / bySubject.size;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    expect(multi.some((rs) => new Set(rs.map((r) => r.owner.slice(0, 2))).size > 1)).toBe(true);
    expect(multi.some((rs) => rs.length === 2 && rs[0]?.owner === rs[1]?.owner)).toBe(true);
    const pairs = new Set(multi.map((rs) => rs.map((r) => r.category).join('>')));
    for (const pair of [
      'missing_person>unidentified_corpse',
      'missing_person>unidentified_person',
      'wanted_person>wanted_person',
      'vehicle>vehicle',
    ]) {
      expect(pairs.has(pair), pair).toBe(true);
    }
    expect(multi.some((rs) => rs[0]?.firearm?.kind === 'lost_stolen' && rs[1]?.firearm?.kind === 'found_seized')).toBe(true);
  });

  it('leaves the first record of each subject clean', () => {
    const seen = new Set<string>();
    for (const r of records) {
      if (!seen.has(r.truth)) expect(r.corruptions).toEqual([]);
      seen.add(r.truth);
    }
  });

  it('writes names in the script each owner uses and says so', () => {
    const SCRIPT: Record<string, RegExp> = { Cyrl: /\p{Script=Cyrillic}/u, Latn: /\p{Script=Latin}/u, Armn: /\p{Script=Armenian}/u };
    const OWNER_SCRIPT: Record<string, string> = {
      RU: 'Cyrl',
      BY: 'Cyrl',
      KZ: 'Cyrl',
      KG: 'Cyrl',
      TJ: 'Cyrl',
      UZ: 'Latn',
      AZ: 'Latn',
      MD: 'Latn',
      AM: 'Armn',
    };
    for (const r of records) {
      for (const n of r.person?.names ?? []) {
        const text = [n.surname, n.given, n.patronymic].filter(Boolean).join(' ');
        expect(SCRIPT[n.script]?.test(text), `${n.script} ${text}`).toBe(true);
        if (n.kind === 'latin') expect(n.script).toBe('Latn');
      }
      const primary = r.person?.names?.[0];
      if (primary && !r.corruptions.includes('scriptChange')) expect(primary.script).toBe(OWNER_SCRIPT[r.owner.slice(0, 2)]);
    }
  });

  it('uses each nation\u2019s letters where its own state writes the name', () => {
    const primaries = records.flatMap((r) => (r.person?.names?.[0] ? [{ owner: r.owner, name: r.person.names[0] }] : []));
    const text = (lang: string) =>
      primaries
        .filter((p) => p.name.lang === lang)
        .map((p) => `${p.name.surname} ${p.name.given}`)
        .join(' ');
    expect(text('kk')).toMatch(/[әғқңөұүһі]/);
    expect(text('tg')).toMatch(/[ғӣқӯҳҷ]/);
    expect(text('az')).toMatch(/[əğışçöü]/);
    expect(text('ro')).toMatch(/[ăâîșțşţ]/);
    expect(text('be')).toMatch(/[іў]/);
    expect(text('uz')).toMatch(/[ʻ'’`]/);
  });

  it('writes Russian plates with the twelve Cyrillic letters and VINs that pass their check', () => {
    const plates = records.filter((r) => r.owner.startsWith('RU') && r.vehicle?.plate?.state === 'RU' && r.corruptions.length === 0);
    expect(plates.length).toBeGreaterThan(50);
    for (const r of plates) expect(r.vehicle?.plate?.number).toMatch(/^[АВЕКМНОРСТУХ]\d{3}[АВЕКМНОРСТУХ]{2}\d{2,3}$/);
    const vins = records.flatMap((r) => (r.vehicle?.vin ? [r.vehicle.vin] : []));
    expect(vins.some((v) => /^[1-5]/.test(v))).toBe(true);
    expect(records.some((r) => r.vehicle && !r.vehicle.vin && r.vehicle.bodyNumber)).toBe(true);
  });

  it('gives Soviet service weapons Cyrillic-prefixed serials', () => {
    const serials = records.flatMap((r) => r.firearm?.serials ?? []);
    expect(serials.some((s) => /^[А-Я]{2} ?\d{3,4}$/.test(s))).toBe(true);
  });
});
