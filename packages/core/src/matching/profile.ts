import type { Category, RecordInput } from '../schemas/record.ts';
import { parsePartialDate, partialDateBounds, type PartialDateParts } from '../validation/dates.ts';
import { identifierKey, plateKey, vinKey } from './identifiers/fold.ts';
import { makeKey } from './identifiers/makes.ts';
import { normalizeText, phoneticSkeleton } from './names/index.ts';
import { parsePersonName, type ParsedName } from './names/index.ts';

export type Domain = 'person' | 'vehicle' | 'firearm';

/** When a person was born, as precisely as the record knows it. */
export interface BirthWindow {
  /** Earliest and latest possible dates, `YYYY-MM-DD`. */
  earliest: string;
  latest: string;
  /** The same as days since 1970-01-01, so that comparing two windows parses no dates. */
  firstDay: number;
  lastDay: number;
  /** The stated date when there is one (not a range or an estimate). */
  parts?: PartialDateParts;
  /** True when derived from an estimated age (unidentified persons). */
  estimated: boolean;
}

export interface PersonProfile {
  domain: 'person';
  names: ParsedName[];
  sex?: 'male' | 'female';
  birth?: BirthWindow;
  heightCm?: number;
  /** `<issuing state>:<folded number>`: a field officer rarely knows which kind of document the owner filed. */
  documents: string[];
  citizenships: string[];
  /** Whether the record names the person (unidentified ones do not). */
  named: boolean;
  /** When and where the person was last seen (missing) or found (unidentified). */
  event?: PersonEvent;
  /** Hair and eye colour as written, folded: compared within one language. */
  hair?: string;
  eyes?: string;
  /** Words of the distinguishing marks and of the clothing, folded (see `descriptionWords`). */
  marks: string[];
  clothing: string[];
}

/** The moment a missing person was last seen or an unidentified one found. */
export interface PersonEvent {
  kind: 'seen' | 'found';
  /** Days since 1970-01-01. */
  day: number;
  country: string;
  /** Locality folded by sound, so `Минск` and `Minsk` agree. */
  locality?: string;
}

export interface VehicleProfile {
  domain: 'vehicle';
  vin?: string;
  plate?: string;
  engine?: string;
  body?: string;
  make?: string;
  model?: string;
  year?: number;
  /** Day of the theft (days since 1970-01-01). */
  theftDay?: number;
}

export interface FirearmProfile {
  domain: 'firearm';
  serials: string[];
  make?: string;
  model?: string;
  type?: string;
  calibre?: string;
  kind?: 'lost_stolen' | 'found_seized';
  /** Day it was lost, stolen, found or seized (days since 1970-01-01). */
  eventDay?: number;
  /** Year of manufacture. */
  year?: number;
}

export type MatchProfile = PersonProfile | VehicleProfile | FirearmProfile;

/** The domain whose records a category holds: the four person arrays are matched together. */
export const domainOfCategory = (category: Category): Domain => (category === 'vehicle' || category === 'firearm' ? category : 'person');

const DAY_MS = 86_400_000;
/** Days since 1970-01-01; undefined for a date that does not parse. */
const dayOf = (isoDate: string): number | undefined => {
  const day = Math.floor(Date.parse(isoDate) / DAY_MS);
  return Number.isFinite(day) ? day : undefined;
};

const addYears = (isoDate: string, years: number): string => {
  const year = Number(isoDate.slice(0, 4)) + years;
  return `${String(year).padStart(4, '0')}${isoDate.slice(4)}`;
};

function birthWindow(record: RecordInput): BirthWindow | undefined {
  const window = (earliest: string, latest: string, estimated: boolean, parts?: PartialDateParts): BirthWindow | undefined => {
    const firstDay = dayOf(earliest);
    const lastDay = dayOf(latest);
    return firstDay === undefined || lastDay === undefined ? undefined : { earliest, latest, firstDay, lastDay, parts, estimated };
  };
  const person = record.person;
  if (person?.birthDate) {
    const parts = parsePartialDate(person.birthDate);
    if (parts) {
      const { earliest, latest } = partialDateBounds(parts);
      return window(earliest, latest, false, parts);
    }
  }
  if (person?.birthDateRange) {
    const from = parsePartialDate(person.birthDateRange.from);
    const to = parsePartialDate(person.birthDateRange.to);
    if (from && to) return window(partialDateBounds(from).earliest, partialDateBounds(to).latest, false);
  }
  // An estimated age at discovery stands for a window of birth dates.
  const found = record.unidentifiedCorpse ?? record.unidentifiedPerson;
  if (found?.estimatedAge) {
    return window(addYears(found.foundOn, -(found.estimatedAge.max + 1)), addYears(found.foundOn, -found.estimatedAge.min), true);
  }
  return undefined;
}

/** Make and model compared by sound, so `Макаров`, `Makarov` and `MAKAROV` agree. */
const textKey = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  const key = phoneticSkeleton(value);
  return key || undefined;
};

/** Words too common in descriptions to tell people apart ("цвета", "de culoare"). */
const DESCRIPTION_STOPWORDS = new Set(['цвета', 'de', 'culoare', 'на', 'в', 'и', 'с', 'область', 'area']);
/** Descriptions longer than this are cut: matching needs the gist, and time per record stays bounded. */
const MAX_DESCRIPTION_WORDS = 60;

/** The distinct folded words of free-text descriptions, for overlap comparison. */
export function descriptionWords(texts: readonly (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of normalizeText(text.slice(0, 2000)).split(/[^\p{L}\p{N}]+/u)) {
      if (word.length >= 2 && !DESCRIPTION_STOPWORDS.has(word)) words.add(word);
      if (words.size >= MAX_DESCRIPTION_WORDS) return [...words].sort();
    }
  }
  return [...words].sort();
}

function personEvent(record: RecordInput): PersonEvent | undefined {
  const found = record.unidentifiedCorpse ?? record.unidentifiedPerson;
  const [kind, date, place] = record.missing
    ? (['seen', record.missing.lastSeenOn, record.missing.lastSeenPlace] as const)
    : found
      ? (['found', found.foundOn, found.foundPlace] as const)
      : [];
  if (!kind) return undefined;
  const day = dayOf(date);
  if (day === undefined) return undefined;
  return { kind, day, country: place.country, locality: place.locality ? textKey(place.locality) : undefined };
}

const folded = (value: string | undefined) => (value ? normalizeText(value.slice(0, 100)) || undefined : undefined);

/**
 * The profile as linking by name takes it: none for a person without a name (an unidentified
 * body), who is ranked against missing persons by description instead (`nameless/`).
 */
export const linkableProfile = <P extends MatchProfile | undefined>(profile: P): P | undefined =>
  profile?.domain === 'person' && profile.names.length === 0 ? undefined : profile;

/**
 * What matching compares of a record, computed once: parsed names, the birth window, folded
 * identifiers. Records of categories that are not compared (none today) give undefined.
 */
export function profileOf(record: RecordInput): MatchProfile | undefined {
  if (record.vehicle) {
    const v = record.vehicle;
    return {
      domain: 'vehicle',
      vin: v.vin ? vinKey(v.vin) || undefined : undefined,
      plate: v.plate ? plateKey(v.plate.number, v.plate.state) : undefined,
      engine: v.engineNumber ? identifierKey(v.engineNumber) : undefined,
      body: v.bodyNumber ? identifierKey(v.bodyNumber) : undefined,
      make: makeKey(v.make),
      model: textKey(v.model),
      year: v.year,
      theftDay: v.theft ? dayOf(v.theft.date) : undefined,
    };
  }
  if (record.firearm) {
    const f = record.firearm;
    return {
      domain: 'firearm',
      serials: [...new Set(f.serials.map(identifierKey).filter((s) => s.length > 0))],
      make: textKey(f.make),
      model: textKey(f.model),
      type: f.type,
      calibre: f.calibre
        ? f.calibre
            .toLowerCase()
            .replace(/[^0-9a-z]/g, '')
            .replace(/mm$/, '')
        : undefined,
      kind: f.kind,
      eventDay: dayOf(f.eventDate),
      year: f.yearOfManufacture,
    };
  }
  const person = record.person;
  const found = record.unidentifiedCorpse ?? record.unidentifiedPerson;
  if (!person && !found) return undefined;
  const names = (person?.names ?? [])
    .map((n) => parsePersonName({ surname: n.surname, given: n.given, patronymic: n.patronymic }, { lang: n.lang }))
    .filter((n) => n.surname || n.given || n.patronymic);
  const sex = person?.sex === 'male' || person?.sex === 'female' ? person.sex : undefined;
  return {
    domain: 'person',
    names,
    sex,
    birth: birthWindow(record),
    heightCm: person?.description?.heightCm,
    documents: [...new Set((person?.documents ?? []).map((d) => `${d.issuingState}:${identifierKey(d.number)}`))],
    citizenships: person?.citizenships ?? [],
    named: names.length > 0,
    event: personEvent(record),
    hair: folded(person?.description?.hairColour),
    eyes: folded(person?.description?.eyeColour),
    marks: descriptionWords((person?.description?.marks ?? []).flatMap((m) => [m.location, m.description])),
    clothing: descriptionWords([record.missing?.clothing, record.unidentifiedCorpse?.clothing]),
  };
}
