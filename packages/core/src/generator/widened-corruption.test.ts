import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import type { PersonName } from '../schemas/person.ts';
import { RecordInput } from '../schemas/record.ts';
import { checkRecordRules } from '../validation/record-rules.ts';
import { CORRUPTION_KINDS, DEFAULT_CORRUPTION, generateRecords, type CorruptionKind, type CorruptionRates, type GeneratedRecord } from './index.ts';
import { layoutSlips, ocrVariants, otherLayout } from './name-errors.ts';
import { eastSlavicPart } from './names/east-slavic.ts';
import { romanizeBelarusian, romanizeUkrainian } from './transliterate.ts';

const NONE = Object.fromEntries(CORRUPTION_KINDS.map((k) => [k, 0])) as unknown as CorruptionRates;
const NEW_KINDS: CorruptionKind[] = [
  'nameInOneField',
  'keyboardLayout',
  'ocrLookAlike',
  'belarusianUkrainianForm',
  'birthDateMissing',
  'birthYearDigit',
  'twoGivenNames',
  'hyphenatedSurname',
  'unrelatedAlias',
  'birthDateEstimated',
];

interface Later {
  record: GeneratedRecord;
  first: GeneratedRecord;
}

/** Later records of each subject with the subject's clean first record. */
function laterRecords(corruption: Partial<CorruptionRates>, count: number, seed = 11): Later[] {
  const firsts = new Map<string, GeneratedRecord>();
  const out: Later[] = [];
  for (const record of generateRecords({ seed, count, corruption, duplicateRate: 0.5 })) {
    const first = firsts.get(record.truth);
    if (first) out.push({ record, first });
    else firsts.set(record.truth, record);
  }
  return out;
}

const primaryOf = (r: GeneratedRecord) => r.person?.names?.find((n) => n.kind === 'primary');
const named = (r: GeneratedRecord) => (r.person?.names?.length ?? 0) > 0;
const partsOf = (n: PersonName | undefined) => [n?.surname, n?.given, n?.patronymic].filter((s): s is string => !!s);
const validator = Compile(RecordInput);
const input = ({ owner: _o, truth: _t, corruptions: _c, ...rest }: GeneratedRecord) => rest;

describe('widened corruption: each kind at rate 1 does what it says, only where it applies', () => {
  const byKind = new Map<CorruptionKind, Later[]>(NEW_KINDS.map((kind) => [kind, laterRecords({ ...NONE, [kind]: 1 }, 5000)]));
  const withKind = (kind: CorruptionKind) => (byKind.get(kind) ?? []).filter((l) => l.record.corruptions.includes(kind));

  it('keeps every record valid under the schema and the record rules', () => {
    for (const [kind, records] of byKind) {
      const bad = records
        .map((l) => l.record)
        .filter((r) => !validator.Check(input(r)) || checkRecordRules(r.category, input(r), '2026-11-01').length > 0)
        .map((r) => ({ kind, ref: r.nationalRef, names: r.person?.names, birth: r.person?.birthDate }));
      expect(bad.slice(0, 2)).toEqual([]);
    }
  });

  it('never applies a name or birth kind to vehicles, firearms or nameless records', () => {
    for (const [kind, records] of byKind) {
      const off = records.filter((l) => !named(l.record) && l.record.corruptions.includes(kind));
      expect(
        off.map((l) => l.record.category),
        kind,
      ).toEqual([]);
      expect(withKind(kind).length, kind).toBeGreaterThan(40);
    }
  });

  it('puts the whole name into one field, in the state’s order', () => {
    for (const { record } of withKind('nameInOneField')) {
      const p = primaryOf(record);
      const parts = partsOf(p);
      expect(parts).toHaveLength(1);
      expect(parts[0]?.split(' ').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('types a name part on the other keyboard layout', () => {
    for (const { record } of withKind('keyboardLayout')) {
      const p = primaryOf(record);
      const text = partsOf(p).join(' ');
      const foreign = p?.script === 'Cyrl' ? /\p{Script=Latin}/u : /\p{Script=Cyrillic}/u;
      expect(text, text).toMatch(foreign);
    }
  });

  it('mixes OCR look-alikes into a Cyrillic or Latin name', () => {
    const changed = withKind('ocrLookAlike').filter(({ record }) =>
      (record.person?.names ?? []).some((n) => partsOf(n).some((s) => /\p{Script=Cyrillic}/u.test(s) && /\p{Script=Latin}/u.test(s))),
    );
    // Cyrillic names get a Latin look-alike; the rest are Latin confusions, checked by the operator test below.
    expect(changed.length).toBeGreaterThan(0);
  });

  it('writes East Slavic names in Belarusian or Ukrainian with that state’s romanization', () => {
    const records = withKind('belarusianUkrainianForm');
    for (const { record } of records) {
      const names = record.person?.names ?? [];
      expect(['be', 'uk']).toContain(primaryOf(record)?.lang);
      const latin = names.find((n) => n.kind === 'latin');
      if (latin) expect(['be-Latn', 'uk-Latn']).toContain(latin.lang);
    }
    expect(records.some(({ record }) => primaryOf(record)?.lang === 'uk')).toBe(true);
    const untouched = (byKind.get('belarusianUkrainianForm') ?? []).filter((l) => !l.record.corruptions.includes('belarusianUkrainianForm'));
    expect(untouched.filter(({ record }) => primaryOf(record)?.lang === 'uk')).toEqual([]);
  });

  it('drops the birth date on one side', () => {
    for (const { record } of withKind('birthDateMissing')) {
      expect(record.person?.birthDate).toBeUndefined();
      expect(record.person?.birthDateRange).toBeUndefined();
    }
  });

  it('changes exactly one digit of the birth year', () => {
    const compared = withKind('birthYearDigit').filter((l) => l.first.person?.birthDate !== undefined);
    expect(compared.length).toBeGreaterThan(40);
    for (const { record, first } of compared) {
      const a = (first.person?.birthDate ?? '').slice(0, 4);
      const b = (record.person?.birthDate ?? '').slice(0, 4);
      const differing = Array.from(a).filter((ch, i) => ch !== b[i]).length;
      expect(differing, `${a} → ${b}`).toBe(1);
    }
  });

  it('writes a range of two to five years that holds the birth year, where one state knows only the age', () => {
    const estimated = withKind('birthDateEstimated').filter((l) => l.first.person?.birthDate !== undefined);
    expect(estimated.length).toBeGreaterThan(40);
    const centred = estimated.filter(({ record, first }) => {
      const range = record.person?.birthDateRange;
      const year = Number(first.person?.birthDate?.slice(0, 4));
      expect(record.person?.birthDate).toBeUndefined();
      const from = Number(range?.from);
      const to = Number(range?.to);
      expect(to - from).toBeGreaterThanOrEqual(1);
      expect(to - from).toBeLessThanOrEqual(4);
      expect(from <= year && year <= to, `${year} in ${from}–${to}`).toBe(true);
      return year - from === to - year;
    });
    expect(centred.length).toBeLessThan(estimated.length);
  });

  it('adds a second given name, a second surname and an unrelated alias', () => {
    for (const { record, first } of withKind('twoGivenNames')) {
      const before = primaryOf(first)?.given?.split(' ').length ?? 0;
      const given = primaryOf(record)?.given ?? '';
      expect(given.split(' ').length, given).toBeGreaterThan(Math.min(before, 1));
    }
    for (const { record } of withKind('hyphenatedSurname')) expect(primaryOf(record)?.surname ?? '').toContain('-');
    for (const { record, first } of withKind('unrelatedAlias')) {
      const aliases = (record.person?.names ?? []).filter((n) => n.kind === 'alias');
      const before = (first.person?.names ?? []).filter((n) => n.kind === 'alias').length;
      expect(aliases.length).toBeGreaterThan(0);
      const last = aliases[aliases.length - 1];
      expect(last?.surname ?? last?.given).not.toBe(primaryOf(record)?.surname);
      expect(aliases.length + 1).toBeGreaterThan(before);
    }
  });
});

describe('widened corruption rates', () => {
  it('measures each kind back at its configured rate where it can apply', () => {
    const rates = Object.fromEntries(NEW_KINDS.map((k) => [k, 0.3])) as Partial<CorruptionRates>;
    const records = laterRecords({ ...NONE, ...rates }, 20000, 4).map((l) => l.record);
    const namedRecords = records.filter(named);
    expect(namedRecords.length).toBeGreaterThan(1500);
    const share = (pool: GeneratedRecord[], kind: CorruptionKind) => pool.filter((r) => r.corruptions.includes(kind)).length / pool.length;
    // Kinds that apply to (nearly) every named record.
    for (const kind of ['birthDateMissing', 'twoGivenNames', 'hyphenatedSurname', 'unrelatedAlias'] as const) {
      expect(Math.abs(share(namedRecords, kind) - 0.3), `${kind}: ${share(namedRecords, kind).toFixed(3)}`).toBeLessThan(0.04);
    }
    // A year digit can change only where a birth date is left; a few slips would make the record invalid.
    const dated = namedRecords.filter((r) => !r.corruptions.includes('birthDateMissing') && r.person?.birthDate !== undefined);
    expect(Math.abs(share(dated, 'birthYearDigit') - 0.3)).toBeLessThan(0.05);
    // The rest apply where the name allows it, so over all named records they come out at or under the rate.
    for (const kind of ['nameInOneField', 'keyboardLayout', 'ocrLookAlike', 'belarusianUkrainianForm'] as const) {
      const seen = share(namedRecords, kind);
      expect(seen, kind).toBeGreaterThan(0.02);
      expect(seen, kind).toBeLessThan(0.34);
    }
  });

  it('ships modest defaults for the new kinds', () => {
    for (const kind of NEW_KINDS) {
      expect(DEFAULT_CORRUPTION[kind]).toBeGreaterThanOrEqual(0.02);
      expect(DEFAULT_CORRUPTION[kind]).toBeLessThanOrEqual(0.08);
    }
  });
});

describe('name error operators', () => {
  it('types Cyrillic on the Latin layout and Latin on the Cyrillic one', () => {
    expect(otherLayout('Иванов')).toBe('Bdfyjd');
    expect(otherLayout('Ivanov')).toBe('Шмфтщм');
    expect(otherLayout('Жуков')).toBe(':erjd');
    expect(otherLayout('Хабибуллин')).toBe('{f,b,ekkby');
  });

  it('offers slips that import accepts as written, stray layout keys included', () => {
    expect(layoutSlips('Иванов')[0]).toBe('Bdfyjd');
    // Ж is a colon on the Latin layout: a name keeps it as typed, and matching reads it back.
    expect(layoutSlips('Жуков')).toContain(':erjd');
    for (const slip of layoutSlips('Жуков')) expect(slip).toMatch(/\p{L}/u);
  });

  it('misreads look-alikes: Latin letters and digits in Cyrillic words, rn/m, cl/d, vv/w, I/l, 0/o, 1/l', () => {
    expect(ocrVariants('Сергей')).toContain('Cергей');
    expect(ocrVariants('Romanov')).toContain('Rornanov');
    expect(ocrVariants('Rustam')).toContain('Rustarn');
    expect(ocrVariants('Klimov')).toContain('KIimov');
    expect(ocrVariants('Vladimir')).toContain('VIadimir');
    expect(ocrVariants('Hovhannisyan')).toEqual(['H0vhannisyan']);
    expect(ocrVariants('Зубов')).toContain('3убов');
  });

  it('gives the Belarusian and Ukrainian forms of common names and their romanizations', () => {
    const cases: [string, 'surname' | 'given' | 'patronymic', string, string, string, string][] = [
      ['Дмитрий', 'given', 'Дзмітрый', 'Dzmitry', 'Дмитро', 'Dmytro'],
      ['Сергей', 'given', 'Сяргей', 'Siarhei', 'Сергій', 'Serhii'],
      ['Александр', 'given', 'Аляксандр', 'Aliaksandr', 'Олександр', 'Oleksandr'],
      ['Елена', 'given', 'Алена', 'Alena', 'Олена', 'Olena'],
      ['Иванов', 'surname', 'Іваноў', 'Ivanou', 'Іванов', 'Ivanov'],
      ['Сергеевич', 'patronymic', 'Сяргеевіч', 'Siarheyevich', 'Сергійович', 'Serhiiovych'],
    ];
    for (const [ru, part, be, beLat, uk, ukLat] of cases) {
      expect(eastSlavicPart(ru, part, 'be')).toBe(be);
      expect(romanizeBelarusian(be)).toBe(beLat);
      expect(eastSlavicPart(ru, part, 'uk')).toBe(uk);
      expect(romanizeUkrainian(uk)).toBe(ukLat);
    }
  });
});
