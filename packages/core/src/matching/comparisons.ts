import type { FirearmProfile, MatchProfile, PersonProfile, PersonEvent, VehicleProfile, Domain, BirthWindow } from './profile.ts';
import { NAME_LEVELS, compareNames, damerauLevenshtein, jaroWinkler, type NameComparison, type NameLevel, type ParsedName } from './names/index.ts';

/**
 * One compared field: its levels from strongest agreement to disagreement. A comparison gives
 * the index of a level, or MISSING when either side lacks the field (no evidence either way).
 */
export interface FieldSpec {
  field: string;
  levels: readonly string[];
}

export const MISSING = -1;

const SURNAME_LEVELS = ['exact', 'translit', 'phonetic', 'gender_variant', 'surname_change', 'swapped', 'fuzzy', 'different'] as const;
const GIVEN_LEVELS = ['exact', 'translit', 'phonetic', 'swapped', 'fuzzy', 'different'] as const;
const PATRONYMIC_LEVELS = ['exact', 'translit', 'phonetic', 'fuzzy', 'different'] as const;
const IDENTIFIER_LEVELS = ['exact', 'near', 'different'] as const;
const SAME = ['same', 'different'] as const;
const BIRTH_LEVELS = ['exact', 'transposed', 'same_month', 'same_year', 'same_range', 'in_range', 'estimate', 'near', 'different'] as const;
/** Shares of words two descriptions have in common. */
const OVERLAP_LEVELS = ['most', 'some', 'none'] as const;

/** The fields each domain compares, in the order of its comparison vector. */
export const DOMAIN_FIELDS: Record<Domain, readonly FieldSpec[]> = {
  person: [
    { field: 'surname', levels: SURNAME_LEVELS },
    { field: 'given', levels: GIVEN_LEVELS },
    { field: 'patronymic', levels: PATRONYMIC_LEVELS },
    { field: 'birth', levels: BIRTH_LEVELS },
    { field: 'sex', levels: SAME },
    { field: 'document', levels: IDENTIFIER_LEVELS },
    { field: 'height', levels: ['close', 'near', 'different'] },
    { field: 'citizenship', levels: ['shared', 'none'] },
    // What an unidentified body or person can be matched on against a missing-person record.
    { field: 'timeline', levels: ['same_day', 'other_day', 'weeks', 'months', 'years', 'impossible'] },
    { field: 'place', levels: ['locality', 'country', 'different'] },
    { field: 'marks', levels: OVERLAP_LEVELS },
    { field: 'clothing', levels: OVERLAP_LEVELS },
    { field: 'hair', levels: SAME },
    { field: 'eyes', levels: SAME },
  ],
  vehicle: [
    { field: 'vin', levels: IDENTIFIER_LEVELS },
    { field: 'plate', levels: ['exact', 'different'] },
    { field: 'engine', levels: IDENTIFIER_LEVELS },
    { field: 'body', levels: IDENTIFIER_LEVELS },
    { field: 'make', levels: SAME },
    { field: 'model', levels: ['same', 'similar', 'different'] },
    { field: 'year', levels: ['same', 'near', 'different'] },
    { field: 'theft', levels: ['same_day', 'near', 'different'] },
  ],
  firearm: [
    // Short serials (Soviet ТБ 9803) repeat across a million guns; so do digits alone.
    { field: 'serial', levels: ['exact', 'exact_short', 'digits', 'short_digits', 'near', 'different'] },
    { field: 'make', levels: SAME },
    { field: 'model', levels: ['same', 'similar', 'different'] },
    { field: 'type', levels: SAME },
    { field: 'calibre', levels: SAME },
    // A gun is found after it was lost; two reports of one loss give the same day.
    { field: 'event', levels: ['same_day', 'found_after', 'found_before', 'different'] },
    { field: 'year', levels: ['same', 'near', 'different'] },
  ],
};

const NAME_RANK = Object.fromEntries(NAME_LEVELS.map((l, i) => [l, i])) as Record<NameLevel, number>;

/**
 * The closest pair of names of two people (each may have an original, a Latin form, aliases).
 * A patronymic missing from that pair is taken from the closest pair that has both: a Latin form
 * often drops it, and a different patronymic is strong evidence of a different person.
 */
export function bestNamePair(a: readonly ParsedName[], b: readonly ParsedName[]): NameComparison | undefined {
  let best: NameComparison | undefined;
  let patronymic: NameComparison['parts']['patronymic'];
  for (const x of a) {
    for (const y of b) {
      const c = compareNames(x, y);
      if (!best || NAME_RANK[c.level] < NAME_RANK[best.level] || (c.level === best.level && c.similarity > best.similarity)) best = c;
      const p = c.parts.patronymic;
      if (p && (!patronymic || NAME_RANK[p.level] < NAME_RANK[patronymic.level])) patronymic = p;
    }
  }
  if (best && !best.parts.patronymic && patronymic) best = { ...best, parts: { ...best.parts, patronymic } };
  return best;
}

const levelIndex = (levels: readonly string[], level: string): number => {
  const i = levels.indexOf(level);
  return i >= 0 ? i : levels.length - 1;
};

/** Days between two birth windows; 0 when they overlap. */
const gapDays = (a: BirthWindow, b: BirthWindow): number => Math.max(0, a.firstDay - b.lastDay, b.firstDay - a.lastDay);

const BIRTH = Object.fromEntries(BIRTH_LEVELS.map((l, i) => [l, i])) as Record<(typeof BIRTH_LEVELS)[number], number>;

const spanDays = (w: BirthWindow) => w.lastDay - w.firstDay;

/**
 * Birth dates: the same day; day and month swapped; one inside the other's partial date or range
 * (a month, a year, the same range of years, inside a wider range); inside an age estimate (wide, so weaker); close (within two
 * years of a partial date or an estimate, or two full dates agreeing on two of their three
 * parts); or different.
 */
export function compareBirth(a: BirthWindow | undefined, b: BirthWindow | undefined): number {
  if (!a || !b) return MISSING;
  const pa = a.parts;
  const pb = b.parts;
  const fullDates = pa?.day !== undefined && pb?.day !== undefined;
  if (fullDates) {
    if (pa.year === pb.year && pa.month === pb.month && pa.day === pb.day) return BIRTH.exact;
    if (pa.year === pb.year && pa.month === pb.day && pa.day === pb.month) return BIRTH.transposed;
    const sameParts = Number(pa.year === pb.year) + Number(pa.month === pb.month) + Number(pa.day === pb.day);
    return sameParts === 2 ? BIRTH.near : BIRTH.different;
  }
  const gap = gapDays(a, b);
  if (gap === 0) {
    if (a.estimated || b.estimated) return BIRTH.estimate;
    // The wider of the two windows says how much the agreement is worth: a month, a year, a range.
    const width = Math.max(spanDays(a), spanDays(b));
    if (width <= 31) return BIRTH.same_month;
    if (width <= 366) return BIRTH.same_year;
    // The same range written on both sides is one estimate copied from record to record; a date
    // that merely falls inside a range of years is what most people born in those years share.
    return a.firstDay === b.firstDay && a.lastDay === b.lastDay ? BIRTH.same_range : BIRTH.in_range;
  }
  return gap <= 730 ? BIRTH.near : BIRTH.different;
}

/** Years spanned by the wider of two birth windows: how many years' births an `in_range` agreement lets in. */
export function birthRangeYears(a: BirthWindow, b: BirthWindow): number {
  return (Math.max(spanDays(a), spanDays(b)) + 1) / 365.25;
}

/**
 * Two stated full birth dates that differ in more than one of day, month and year: a clerk's slip
 * changes one part or swaps day and month, so these are two people, whatever else agrees.
 */
export function birthDatesContradict(a: BirthWindow | undefined, b: BirthWindow | undefined): boolean {
  return a?.parts?.day !== undefined && b?.parts?.day !== undefined && compareBirth(a, b) === BIRTH.different;
}

/**
 * Two persons whose stated patronymics differ in every pair of their name forms (not even a
 * spelling or another state's form of one father's name apart): two fathers, two people.
 */
export function patronymicsContradict(a: PersonProfile, b: PersonProfile): boolean {
  return bestNamePair(a.names, b.names)?.parts.patronymic?.level === 'different';
}

/** Days between a missing person last seen and an unidentified one found, or between two sightings. */
export function compareTimeline(a: PersonEvent | undefined, b: PersonEvent | undefined): number {
  if (!a || !b || (a.kind === 'found' && b.kind === 'found')) return MISSING;
  if (a.kind === 'seen' && b.kind === 'seen') return Math.abs(a.day - b.day) <= 1 ? 0 : 1;
  const [seen, found] = a.kind === 'seen' ? [a, b] : [b, a];
  const days = found.day - seen.day;
  // A day's slack: the date last seen is often the date reported.
  if (days < -1) return 5;
  return days <= 60 ? 2 : days <= 400 ? 3 : 4;
}

function comparePlace(a: PersonEvent | undefined, b: PersonEvent | undefined): number {
  if (!a || !b) return MISSING;
  if (a.country !== b.country) return 2;
  return a.locality !== undefined && a.locality === b.locality ? 0 : 1;
}

/** How many items two sorted lists share, in one walk of both. */
export function sharedSorted<T extends string | number>(a: readonly T[], b: readonly T[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** How much of the shorter of two sorted word lists the other shares. */
export function compareWords(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return MISSING;
  const share = sharedSorted(a, b) / Math.min(a.length, b.length);
  return share >= 0.6 ? 0 : share > 0 ? 1 : 2;
}

/** Identifiers equal, one keystroke apart (on five or more characters), or different. */
export function compareIdentifier(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  if (Math.min(a.length, b.length) >= 5 && damerauLevenshtein(a, b, 1) <= 1) return 1;
  return 2;
}

const compareSame = (a: string | number | undefined, b: string | number | undefined): number =>
  a === undefined || b === undefined ? MISSING : a === b ? 0 : 1;

function compareDocuments(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return MISSING;
  let best = MISSING;
  for (const x of a) {
    const kindX = x.slice(0, x.lastIndexOf(':'));
    for (const y of b) {
      if (x === y) return 0;
      // Only documents of the same state say anything when they differ.
      if (y.slice(0, y.lastIndexOf(':')) !== kindX) continue;
      const level = compareIdentifier(x.slice(kindX.length + 1), y.slice(kindX.length + 1));
      if (best === MISSING || level < best) best = level;
    }
  }
  return best;
}

function comparePersons(a: PersonProfile, b: PersonProfile, out: Int8Array): NameComparison | undefined {
  const names = a.names.length > 0 && b.names.length > 0 ? bestNamePair(a.names, b.names) : undefined;
  const swapped = names?.level === 'swapped';
  const part = (kind: 'surname' | 'given' | 'patronymic', levels: readonly string[]) => {
    const c = names?.parts[kind];
    if (!c) return MISSING;
    // Swapped surname and given name are one finding: the surname field reports it, once.
    if (swapped && kind === 'given') return MISSING;
    return levelIndex(levels, swapped && kind === 'surname' ? 'swapped' : c.level);
  };
  out[0] = part('surname', SURNAME_LEVELS);
  out[1] = part('given', GIVEN_LEVELS);
  out[2] = part('patronymic', PATRONYMIC_LEVELS);
  out[3] = compareBirth(a.birth, b.birth);
  out[4] = compareSame(a.sex, b.sex);
  out[5] = compareDocuments(a.documents, b.documents);
  out[6] =
    a.heightCm === undefined || b.heightCm === undefined
      ? MISSING
      : Math.abs(a.heightCm - b.heightCm) <= 3
        ? 0
        : Math.abs(a.heightCm - b.heightCm) <= 8
          ? 1
          : 2;
  out[7] = a.citizenships.length === 0 || b.citizenships.length === 0 ? MISSING : a.citizenships.some((c) => b.citizenships.includes(c)) ? 0 : 1;
  out[8] = compareTimeline(a.event, b.event);
  out[9] = comparePlace(a.event, b.event);
  out[10] = compareWords(a.marks, b.marks);
  out[11] = compareWords(a.clothing, b.clothing);
  out[12] = compareSame(a.hair, b.hair);
  out[13] = compareSame(a.eyes, b.eyes);
  return names;
}

function compareVehicles(a: VehicleProfile, b: VehicleProfile, out: Int8Array) {
  out[0] = compareIdentifier(a.vin, b.vin);
  out[1] = a.plate && b.plate ? (a.plate === b.plate ? 0 : 1) : MISSING;
  out[2] = compareIdentifier(a.engine, b.engine);
  out[3] = compareIdentifier(a.body, b.body);
  out[4] = compareSame(a.make, b.make);
  out[5] = compareModel(a.model, b.model);
  out[6] = compareYear(a.year, b.year);
  out[7] =
    a.theftDay === undefined || b.theftDay === undefined ? MISSING : a.theftDay === b.theftDay ? 0 : Math.abs(a.theftDay - b.theftDay) <= 30 ? 1 : 2;
}

const compareYear = (a: number | undefined, b: number | undefined): number =>
  a === undefined || b === undefined ? MISSING : a === b ? 0 : Math.abs(a - b) <= 1 ? 1 : 2;

/** Model names folded by sound: the same, close (Солярис / Solaris), or different. */
function compareModel(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  return jaroWinkler(a, b) >= 0.88 ? 1 : 2;
}

function compareFirearmEvents(a: FirearmProfile, b: FirearmProfile): number {
  if (a.eventDay === undefined || b.eventDay === undefined) return MISSING;
  if (a.kind === b.kind || !a.kind || !b.kind) return a.eventDay === b.eventDay ? 0 : 3;
  const [lost, found] = a.kind === 'lost_stolen' ? [a, b] : [b, a];
  return found.eventDay! >= lost.eventDay! - 1 ? 1 : 2;
}

const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');

/** Folded serials shorter than this are `exact_short`: common enough to collide in a large bank. */
const SHORT_SERIAL = 7;

/** Letters of a folded serial with transliteration variants merged (ТС/Ц, КХ/Х, ЖЗ/Ж). */
const prefixOf = (s: string) =>
  s.replace(/[0-9]/g, '').replace(/KH/g, 'X').replace(/T[SZ]/g, 'C').replace(/ZH/g, 'J').replace(/[CS]H/g, 'S').replace(/Y/g, 'I');

/**
 * Serials whose digits agree and whose letters are the same prefix transcribed another way (or
 * left out). Soviet serials repeat their digits under every prefix: ЕЦ 6311 and ХГ 6311 are two guns.
 */
function samePrefixDigits(x: string, y: string): boolean {
  const digits = digitsOf(x);
  if (digits.length < 4 || digits !== digitsOf(y)) return false;
  const [px, py] = [prefixOf(x), prefixOf(y)];
  return px === '' || py === '' || px === py;
}

function compareFirearms(a: FirearmProfile, b: FirearmProfile, out: Int8Array) {
  let serial = MISSING;
  for (const x of a.serials) {
    for (const y of b.serials) {
      let level: number;
      if (x === y) level = x.length >= SHORT_SERIAL ? 0 : 1;
      else if (samePrefixDigits(x, y)) level = digitsOf(x).length >= 6 ? 2 : 3;
      else level = compareIdentifier(x, y) === 1 ? 4 : 5;
      if (serial === MISSING || level < serial) serial = level;
    }
  }
  out[0] = serial;
  out[1] = compareSame(a.make, b.make);
  out[2] = compareModel(a.model, b.model);
  out[3] = compareSame(a.type, b.type);
  out[4] = compareSame(a.calibre, b.calibre);
  out[5] = compareFirearmEvents(a, b);
  out[6] = compareYear(a.year, b.year);
}

/**
 * The comparison vector of two profiles of the same domain: one level index per field of
 * `DOMAIN_FIELDS[domain]`, MISSING where a side lacks the field; written into `into` when given.
 */
export function compareProfiles(a: MatchProfile, b: MatchProfile, into?: Int8Array): Int8Array {
  if (a.domain !== b.domain) throw new Error(`cannot compare a ${a.domain} with a ${b.domain}`);
  const length = DOMAIN_FIELDS[a.domain].length;
  // Linking compares millions of pairs into one scratch vector rather than a new one each.
  const out = into && into.length >= length ? into.subarray(0, length).fill(MISSING) : new Int8Array(length).fill(MISSING);
  if (a.domain === 'person') comparePersons(a, b as PersonProfile, out);
  else if (a.domain === 'vehicle') compareVehicles(a, b as VehicleProfile, out);
  else compareFirearms(a, b as FirearmProfile, out);
  return out;
}
