import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../errors.ts';
import type { RecordContent } from '../schemas/record.ts';
import { anyText, isJsonPointer, resolvePointer } from '../test/arbitraries.ts';
import { parsePartialDate, partialDateBounds, type PartialDateParts } from './dates.ts';
import { checkRecordRules } from './record-rules.ts';
import { isVinWellFormed, normalizeVin, vinCheckDigit } from './vin.ts';

// Oracles written from the calendar itself, not from the code under test.
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const format = ({ year, month, day }: PartialDateParts) =>
  [pad(year, 4), ...(month === undefined ? [] : [pad(month, 2)]), ...(day === undefined ? [] : [pad(day, 2)])].join('-');

/** Text shaped like a date (digits in the right places, any numbers), or nearly: what a clerk or a script sends. */
const dateLike: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.option(fc.integer({ min: 0, max: 99 })), d: fc.option(fc.integer({ min: 0, max: 99 })) })
    .map(({ y, m, d }) => [pad(y, 4), ...(m === null ? [] : [pad(m, 2)]), ...(m === null || d === null ? [] : [pad(d, 2)])].join('-')),
  fc.date({ min: new Date('1800-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('1984-02-29', '1985-02-29', '1900-02-29', '2000-02-29', '1984-7-15', '84-07-15', '1984-07-15 ', '１９８４', '1984-07-15T00:00', ''),
  anyText({ maxLength: 12 }),
);

const todayArb = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A complete wanted person, as the schema lets it through, whose dates the property then replaces. */
function wantedContent(): RecordContent {
  return {
    legalBasis: 'Постановление о розыске',
    actionOnHit: 'arrest',
    distribution: { kind: 'all' },
    person: {
      names: [{ kind: 'primary', script: 'Cyrl', surname: 'Рахмонов', given: 'Фаррух' }],
      sex: 'male',
      documents: [{ type: 'passport', number: '400123456', issuingState: 'TJ', issuedOn: '2010-01-01' }],
    },
    wanted: {
      offence: { article: 'ст. 162', description: 'Разбой' },
      warrant: { issuedBy: 'Суд', issuedOn: '2025-03-12' },
      measure: 'arrest',
    },
  };
}

const vehicleContent = (vin: string): RecordContent => ({
  legalBasis: 'Заявление владельца',
  actionOnHit: 'seize',
  distribution: { kind: 'all' },
  vehicle: { make: 'ВАЗ', vin },
});

const at = (issues: FieldIssue[], path: string) => issues.filter((i) => i.path === path).map((i) => i.code);

/** Every issue names a place in the content it judged: the field itself or, for a missing one, its parent. */
function expectPointersInto(content: unknown, issues: FieldIssue[]) {
  for (const { path } of issues) {
    expect(isJsonPointer(path), path).toBe(true);
    const parent = path.slice(0, path.lastIndexOf('/'));
    expect(resolvePointer(content, path) !== undefined || resolvePointer(content, parent) !== undefined, path).toBe(true);
  }
}

describe('partial dates, for any text', () => {
  it('parsePartialDate never throws, and what it accepts reformats to exactly the text it was given', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const parts = parsePartialDate(text);
        if (parts === null) return;
        expect(format(parts)).toBe(text);
        expect(parts.year).toBeGreaterThanOrEqual(1850);
        if (parts.month !== undefined) expect(parts.month).toBeGreaterThanOrEqual(1);
        if (parts.day !== undefined) expect(parts.day).toBeLessThanOrEqual(daysIn(parts.year, parts.month!));
      }),
      { numRuns: 5000 },
    );
  });

  it('parsePartialDate accepts exactly the dates that exist, from 1850 on', () => {
    const candidate = fc.record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.option(fc.integer({ min: 0, max: 13 }), { nil: undefined }),
      day: fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(candidate, ({ year, month, day }) => {
        const parts: PartialDateParts = { year, ...(month === undefined ? {} : { month, ...(day === undefined ? {} : { day }) }) };
        const exists =
          year >= 1850 &&
          (parts.month === undefined || (parts.month >= 1 && parts.month <= 12)) &&
          (parts.day === undefined || (parts.day >= 1 && parts.day <= daysIn(year, parts.month!)));
        expect(parsePartialDate(format(parts))).toEqual(exists ? parts : null);
      }),
      { numRuns: 5000 },
    );
  });

  it('the bounds of a partial date are the first and last real days it may stand for', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const parts = parsePartialDate(text);
        if (parts === null) return;
        const { earliest, latest } = partialDateBounds(parts);
        expect(parsePartialDate(earliest)?.day).toBeDefined();
        expect(parsePartialDate(latest)?.day).toBeDefined();
        expect(earliest.startsWith(text) && latest.startsWith(text)).toBe(true);
        expect(earliest <= latest).toBe(true);
        if (parts.day !== undefined) {
          expect([earliest, latest]).toEqual([text, text]);
          return;
        }
        expect(earliest).toBe(`${text}${parts.month === undefined ? '-01-01' : '-01'}`);
        expect(latest).toBe(`${format({ year: parts.year, month: parts.month ?? 12 })}-${pad(daysIn(parts.year, parts.month ?? 12), 2)}`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the record rules on birth dates and events, for any date text', () => {
  const birth = fc.record({
    birthDate: fc.option(dateLike, { nil: undefined }),
    range: fc.option(fc.record({ from: dateLike, to: dateLike }), { nil: undefined }),
    issuedOn: fc.option(dateLike, { nil: undefined }),
    expiresOn: fc.option(dateLike, { nil: undefined }),
    warrantOn: dateLike,
    reviewBy: fc.option(dateLike, { nil: undefined }),
    today: todayArb,
  });

  it('never throw, and every issue points into the record', () => {
    fc.assert(
      fc.property(birth, ({ birthDate, range, issuedOn, expiresOn, warrantOn, reviewBy, today }) => {
        const content = wantedContent();
        const person = content.person!;
        if (birthDate !== undefined) person.birthDate = birthDate;
        if (range !== undefined) person.birthDateRange = range;
        person.documents![0]!.issuedOn = issuedOn;
        person.documents![0]!.expiresOn = expiresOn;
        content.wanted!.warrant.issuedOn = warrantOn;
        content.reviewBy = reviewBy;
        const issues = checkRecordRules('wanted_person', JSON.parse(JSON.stringify(content)), today);
        expectPointersInto(content, issues);

        const birthParts = birthDate === undefined ? undefined : parsePartialDate(birthDate);
        // A birth date that cannot exist is named as such; one that can is judged against today.
        expect(at(issues, '/person/birthDate').includes('date_impossible')).toBe(birthParts === null);
        expect(at(issues, '/person/birthDate').includes('date_in_future')).toBe(!!birthParts && partialDateBounds(birthParts).earliest > today);
        expect(at(issues, '/person/birthDateRange').includes('birth_date_conflict')).toBe(birthDate !== undefined && range !== undefined);
        if (range) {
          const from = parsePartialDate(range.from);
          const to = parsePartialDate(range.to);
          const reversed = !!from && !!to && partialDateBounds(from).earliest > partialDateBounds(to).latest;
          expect(at(issues, '/person/birthDateRange').includes('range_order')).toBe(reversed);
          expect(at(issues, '/person/birthDateRange/from').includes('date_impossible')).toBe(from === null);
        }
        // A warrant must name a whole day that exists.
        const warrant = parsePartialDate(warrantOn);
        expect(at(issues, '/wanted/warrant/issuedOn').includes('date_impossible')).toBe(warrant?.day === undefined);
        expect(at(issues, '/reviewBy').includes('date_impossible')).toBe(reviewBy !== undefined && parsePartialDate(reviewBy) === null);
      }),
      { numRuns: 3000 },
    );
  });

  it('an event about a person is refused exactly when it falls before the earliest day they can have been born', () => {
    const valid = fc.date({ min: new Date('1850-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const partial = valid.chain((d) => fc.constantFrom(d, d.slice(0, 7), d.slice(0, 4)));
    fc.assert(
      fc.property(partial, valid, (birthDate, lastSeenOn) => {
        const content: RecordContent = {
          legalBasis: 'Заявление',
          actionOnHit: 'locate_and_inform',
          distribution: { kind: 'all' },
          person: { names: [{ kind: 'primary', script: 'Latn', surname: 'Ivanova' }], sex: 'female', birthDate },
          missing: { lastSeenOn, lastSeenPlace: { country: 'KZ' } },
        };
        const issues = checkRecordRules('missing_person', content, '2100-01-01');
        const before = lastSeenOn < partialDateBounds(parsePartialDate(birthDate)!).earliest;
        expect(issues.some((i) => i.path === '/person/birthDate' && i.code === 'date_order')).toBe(before);
      }),
      { numRuns: 2000 },
    );
  });
});

const VIN_ALPHABET = [...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'];
const wellFormedVin = fc.string({ unit: fc.constantFrom(...VIN_ALPHABET), minLength: 17, maxLength: 17 });
const withPosition9 = (vin: string, ch: string) => `${vin.slice(0, 8)}${ch}${vin.slice(9)}`;

describe('VINs, for any text', () => {
  it('normalizeVin never throws, drops every space and hyphen, and is idempotent', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 30 }), (text) => {
        const vin = normalizeVin(text);
        expect(vin).not.toMatch(/[\s-]/);
        expect(normalizeVin(vin)).toBe(vin);
      }),
      // ῒ upper-cases to a decomposed Ϊ̀ — a counterexample CI once found.
      { numRuns: 3000, examples: [['ῒ']] },
    );
  });

  it('a VIN typed in lower case with spaces and hyphens normalizes to the VIN itself', () => {
    const typed = wellFormedVin.chain((vin) =>
      fc
        .array(fc.record({ lower: fc.boolean(), sep: fc.constantFrom('', '', ' ', '-', '  ', '\t') }), { minLength: 17, maxLength: 17 })
        .map((how) => ({ vin, typed: [...vin].map((ch, i) => (how[i]!.lower ? ch.toLowerCase() : ch) + how[i]!.sep).join('') })),
    );
    fc.assert(
      fc.property(typed, ({ vin, typed }) => {
        expect(normalizeVin(typed)).toBe(vin);
        expect(isVinWellFormed(normalizeVin(typed))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the record rules call a VIN malformed exactly when its normal form is not 17 VIN characters', () => {
    const vinText = fc.oneof(
      anyText({ maxLength: 24 }),
      wellFormedVin,
      wellFormedVin.map((v) => v.slice(0, 16)),
      wellFormedVin.map((v) => `${v}Q`),
    );
    fc.assert(
      fc.property(vinText, (vin) => {
        const issues = checkRecordRules('vehicle', vehicleContent(vin), '2026-01-01');
        expectPointersInto(vehicleContent(vin), issues);
        const normal = normalizeVin(vin);
        expect(at(issues, '/vehicle/vin').includes('vin_malformed')).toBe(!(normal.length === 17 && /^[A-HJ-NPR-Z0-9]+$/.test(normal)));
      }),
      { numRuns: 3000 },
    );
  });

  it('a North American VIN passes exactly with its own check digit; elsewhere position 9 is free', () => {
    const position9 = fc.constantFrom(...'0123456789X');
    fc.assert(
      fc.property(wellFormedVin, position9, (vin, ch) => {
        const candidate = withPosition9(vin, ch);
        // The check digit is weighed without position 9 itself.
        expect(vinCheckDigit(candidate)).toBe(vinCheckDigit(vin));
        const issues = at(checkRecordRules('vehicle', vehicleContent(candidate), '2026-01-01'), '/vehicle/vin');
        const northAmerican = /^[1-5]/.test(candidate);
        expect(issues).toEqual(northAmerican && ch !== vinCheckDigit(vin) ? ['vin_check_digit'] : []);
      }),
      { numRuns: 3000 },
    );
  });
});
