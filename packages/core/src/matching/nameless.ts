/**
 * Missing persons set beside the records that carry no name — unidentified bodies and living
 * persons who cannot say who they are — for a reviewer's ranked list.
 *
 * Names cannot link these pairs, and EM on them learns "shares clothing words" rather than "is
 * the same person" (docs/matching.md, Known limits), so the weights here are set by hand from
 * what is known of such cases: each field's bits are log2(m/u), m the chance of what is seen
 * among true pairs and u among unrelated ones, both written beside the constants. They are not
 * fitted to the generator; `svod eval` measures them (`nameless.recallAt10`).
 *
 * A field missing on either side gives 0 bits and is listed as `unknown`, so a reviewer sees
 * what was and was not compared. Biometrics are never scored: they are the comparison the
 * reviewer orders, so the evidence says which references each side holds.
 */
import type { Place } from '../schemas/common.ts';
import { BUILDS } from '../schemas/person.ts';
import type { RecordInput } from '../schemas/record.ts';
import { parsePartialDate, partialDateBounds } from '../validation/dates.ts';
import { consonantKey, phoneticSkeleton } from './names/index.ts';

export const NAMELESS_FIELDS = ['sex', 'age', 'found', 'death', 'height', 'build', 'place', 'marks', 'clothing', 'hair', 'eyes'] as const;
export type NamelessField = (typeof NAMELESS_FIELDS)[number];

/** One compared field: its level, what it adds in bits (log2 of the likelihood ratio), and the values compared. */
export interface NamelessFieldEvidence {
  field: NamelessField;
  level: string;
  bits: number;
  detail?: string;
}

export const BIOMETRIC_KINDS = ['dna', 'fingerprints', 'dental'] as const;
export type BiometricKind = (typeof BIOMETRIC_KINDS)[number];

/** Which biometric references each side holds: `both` can be compared at once. */
export interface BiometricAvailability {
  both: BiometricKind[];
  missingOnly: BiometricKind[];
  unidentifiedOnly: BiometricKind[];
}

/** Why a missing person and an unidentified one may be the same: the sum of the fields' bits. */
export interface NamelessEvidence {
  bits: number;
  fields: NamelessFieldEvidence[];
  biometrics: BiometricAvailability;
}

/**
 * A place as numbers that compare without reading text: the country and up to two name keys of
 * the locality and of the region (consonant keys of the distinctive words, see `placeCodes`),
 * 0 where there is none.
 */
export interface PlaceCodes {
  country: number;
  locality1: number;
  locality2: number;
  region1: number;
  region2: number;
}

/** A distinguishing mark folded for comparison. */
export interface MarkWords {
  kind: string;
  /** Keys of the stems of the description and the location (`textKey`), side words aside, sorted. */
  words: number[];
  side?: 'left' | 'right';
  /** As written, for the explanation. */
  text: string;
}

type Script = 'Cyrl' | 'Latn' | 'Armn';

/**
 * What nameless ranking compares of a missing or unidentified person record, computed once
 * (`namelessProfile`) so that ranking thousands of candidates parses no text. Flat on purpose:
 * ranking reads a few fields of each of thousands of candidates, and at a hundred thousand
 * records fetching nested objects from memory cost more than the arithmetic. Its own place codes
 * are those of where the person was last seen (missing) or found.
 */
export interface NamelessProfile extends PlaceCodes {
  role: 'missing' | 'unidentified';
  /** For the unidentified: a body or a living person. */
  found?: 'corpse' | 'living';
  sex?: 'male' | 'female';
  /** Missing: the earliest and latest day the person may have been born (days since 1970-01-01). */
  birthFirst?: number;
  birthLast?: number;
  /** Unidentified: the estimated age range, whole years. */
  ageMin?: number;
  ageMax?: number;
  /** Day last seen (missing) or found (unidentified), days since 1970-01-01. */
  day?: number;
  /** Bodies: the first and last day death may have happened, from the estimated time since death. */
  deathFirst?: number;
  deathLast?: number;
  heightCm?: number;
  /** Build as a step from slim (0) to heavy (3). */
  build?: number;
  /** Missing: the last known address, where a person is also often found. */
  otherPlace?: PlaceCodes;
  /** The place (and the other place) as written, for the explanation. */
  placeLabels: string[];
  /** Absent when none is described. */
  marks?: MarkWords[];
  /** Keys of the distinct stems of the clothing description (`textKey`), sorted; absent when none. */
  clothing?: number[];
  /** Folded colour words, and a number for them that compares without reading text. */
  hair?: string;
  hairKey?: number;
  eyes?: string;
  eyesKey?: number;
  /** The script each free text is written in: texts in two scripts are mostly in two languages. */
  clothingScript?: Script;
  hairScript?: Script;
  eyesScript?: Script;
  biometrics: BiometricKind[];
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;
const dayOf = (isoDate: string): number | undefined => {
  const day = Math.floor(Date.parse(isoDate) / DAY_MS);
  return Number.isFinite(day) ? day : undefined;
};
const bitsOf = (m: number, u: number): number => Math.log2(m / u);
const round2 = (x: number): number => Math.round(x * 100) / 100;
/** Density of a normal distribution centred on 0. */
const normal = (x: number, sd: number): number => Math.exp(-0.5 * (x / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

/* ---------- text: every script folded to one Latin skeleton, then lightly stemmed ---------- */

/**
 * Inflection endings as they read in the skeleton (`й ы → i`, `я → ia`): Russian cases and
 * adjective endings (`левом/левое/левая → lev`, `предплечье/предплечья → predplec`), Romanian
 * articles (`stâng/stângă`), Turkic possessives (`viloyati`). Only the longest one is cut, and a
 * stem keeps at least three letters, so short words stay apart.
 */
const ENDINGS = [
  'iami',
  'aia',
  'oho',
  'eho',
  'omu',
  'emu',
  'ami',
  'iah',
  'ah',
  'ih',
  'im',
  'om',
  'em',
  'oi',
  'ei',
  'ii',
  'ie',
  'oe',
  'ee',
  'ia',
  'iu',
  'a',
  'e',
  'i',
  'o',
  'u',
];
/** Descriptions are compared on stems of this length: enough to keep `predpl` from `predme`, short enough for compounds. */
const STEM_LENGTH = 6;
const MIN_STEM = 3;

function stemOf(word: string, length = STEM_LENGTH): string {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) {
      word = word.slice(0, -ending.length);
      break;
    }
  }
  return word.slice(0, length);
}

/** The skeleton words of a text in any member's script: `якорь на левом` and `yakor levom` give the same. */
const skeletonWords = (text: string): string[] => phoneticSkeleton(text.slice(0, 1000)).split(' ');

const stems = (words: readonly string[]): Set<string> => new Set(words.flatMap(skeletonWords).map((w) => stemOf(w)));

/**
 * Words that say nothing about which person it is: prepositions and conjunctions of the
 * members' languages, "colour" (`цвета`, `de culoare`), and the words naming a mark's kind
 * (`татуировка`, `döymə`, `шрам`), since the kind is compared on its own.
 */
const STOP_STEMS = stems([
  'на в во и с со по из у под над около',
  'va bilan ve və ilə de pe la și cu din în sau',
  'цвета цвет culoare rangli rəngli',
  'татуировка татуировки наколка тату tatuirovka tatuaj tatuaje döymə döymələr դաջվածք դաջվածքներ',
  'шрам рубец chandiq çapıq cicatrice սպի',
]);

/** Side words of the members' languages: "left forearm" and "right forearm" are not one mark. */
const LEFT_STEMS = stems(['левый левая левое левой левом chap sol stâng stângă ձախ left']);
const RIGHT_STEMS = stems(["правый правая правое правой правом o'ng оң sağ drept dreaptă աջ right"]);

/** The distinct stems of a free text, stop words aside. */
function foldedWords(text: string | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const word of skeletonWords(text)) {
    if (word.length < 2 || /^\d+$/.test(word)) continue;
    const stem = stemOf(word);
    if (!STOP_STEMS.has(stem)) out.add(stem);
  }
  return [...out];
}

/** Stems as sorted numbers: ranking compares thousands of descriptions, and numbers compare without reading text. */
const stemKeys = (stems: readonly string[]): number[] => [...new Set(stems.map(textKey))].sort((a, b) => a - b);

/** The script most of a text's letters are in. */
function scriptOf(text: string | undefined): Script | undefined {
  if (!text) return undefined;
  let cyrillic = 0;
  let armenian = 0;
  let latin = 0;
  for (let i = 0; i < text.length && i < 200; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c < 0x530) cyrillic++;
    else if (c >= 0x531 && c < 0x590) armenian++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c < 0x250)) latin++;
  }
  if (cyrillic + armenian + latin === 0) return undefined;
  return cyrillic >= latin && cyrillic >= armenian ? 'Cyrl' : armenian > latin ? 'Armn' : 'Latn';
}

/** Whether two texts are written in different scripts, and so most likely in different languages. */
const otherScripts = (a: Script | undefined, b: Script | undefined): boolean => a !== undefined && b !== undefined && a !== b;

/** A number for a short text (FNV-1a), 0 for none: colour words compare without reading the text. */
function textKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0 || 1;
}

function markWords(mark: { kind: string; location?: string; description: string }): MarkWords {
  let side: MarkWords['side'];
  const words: string[] = [];
  for (const stem of foldedWords(`${mark.location ?? ''} ${mark.description}`)) {
    if (LEFT_STEMS.has(stem)) side = 'left';
    else if (RIGHT_STEMS.has(stem)) side = 'right';
    else words.push(stem);
  }
  return { kind: mark.kind, words: stemKeys(words), side, text: mark.location ? `${mark.description} (${mark.location})` : mark.description };
}

/** How many words two sorted lists of stem keys share. */
function sharedCount(a: readonly number[], b: readonly number[]): number {
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

/** Share of words two sorted lists of stem keys have in common (Dice): 1 when the same, 0 when none. */
const dice = (a: readonly number[], b: readonly number[]): number =>
  a.length + b.length === 0 ? 0 : (2 * sharedCount(a, b)) / (a.length + b.length);

/* ---------- places ---------- */

/** Words that say what kind of place it is, not which: `область`, `viloyati`, `г.`, `raionul`, `şəhəri`, `մարզ`. */
const PLACE_STOP_STEMS = stems([
  'область облысы обл край республика республикасы район г город пгт село посёлок станица округ автономный',
  'viloyati viloyat shahri tumani şəhəri rayonu respublikasi raionul municipiul orașul satul comuna marz մարզ քաղաք',
]);

/** A consonant key (letters a–z, at most four) as a number. */
const keyNumber = (key: string): number => {
  let n = 0;
  for (let i = 0; i < key.length; i++) n = n * 27 + (key.charCodeAt(i) - 96);
  return n;
};
const countryNumber = (code: string): number => (code.charCodeAt(0) - 64) * 27 + (code.charCodeAt(1) - 64);

/**
 * Up to two name keys of a place name's distinctive words, four consonants long: `Қарағанды`
 * and `Карагандинская`, `Toshkent` and `Ташкентская` agree; vowels differ between the Russian
 * and the national spelling far more than consonants do.
 */
function placeNameKeys(text: string | undefined): [number, number] {
  const keys: number[] = [];
  for (const word of text ? skeletonWords(text) : []) {
    if (word.length < 2) continue;
    const stem = stemOf(word, 40);
    if (PLACE_STOP_STEMS.has(stem.slice(0, STEM_LENGTH))) continue;
    const key = consonantKey(stem).slice(0, 4);
    if (key.length >= 2 && !keys.includes(keyNumber(key))) keys.push(keyNumber(key));
    if (keys.length === 2) break;
  }
  return [keys[0] ?? 0, keys[1] ?? 0];
}

/** The codes of a place; a place of no country (none given) has country 0. */
export function placeCodes(place: Place | undefined): PlaceCodes {
  if (!place) return { country: 0, locality1: 0, locality2: 0, region1: 0, region2: 0 };
  const [locality1, locality2] = placeNameKeys(place.locality);
  const [region1, region2] = placeNameKeys(place.region);
  return { country: countryNumber(place.country), locality1, locality2, region1, region2 };
}

const placeLabel = (place: Place): string => [place.locality, place.region, place.country].filter(Boolean).join(', ');

/**
 * Member states that share a land border: people cross them on foot, by bus, for seasonal work.
 * Georgia and Ukraine are not members but border several, and their records may still arrive.
 */
const NEIGHBOURS = new Set(
  [
    'RU-BY',
    'RU-KZ',
    'RU-AZ',
    'RU-UA',
    'RU-GE',
    'BY-UA',
    'KZ-KG',
    'KZ-UZ',
    'KZ-TM',
    'KG-UZ',
    'KG-TJ',
    'TJ-UZ',
    'UZ-TM',
    'AZ-AM',
    'AZ-GE',
    'AM-GE',
    'MD-UA',
  ].flatMap((pair) => {
    const a = countryNumber(pair.slice(0, 2));
    const b = countryNumber(pair.slice(3));
    return [a * 1000 + b, b * 1000 + a];
  }),
);

/* ---------- profile ---------- */

function birthOf(person: RecordInput['person']): { first: number; last: number } | undefined {
  const bounds = (earliest: string, latest: string) => {
    const first = dayOf(earliest);
    const last = dayOf(latest);
    return first === undefined || last === undefined || last < first ? undefined : { first, last };
  };
  const date = person?.birthDate ? parsePartialDate(person.birthDate) : null;
  if (date) {
    const { earliest, latest } = partialDateBounds(date);
    return bounds(earliest, latest);
  }
  const range = person?.birthDateRange;
  const from = range ? parsePartialDate(range.from) : null;
  const to = range ? parsePartialDate(range.to) : null;
  return from && to ? bounds(partialDateBounds(from).earliest, partialDateBounds(to).latest) : undefined;
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

/**
 * The part of a missing, unidentified-corpse or unidentified-person record that nameless ranking
 * compares; undefined for records of other categories.
 *
 * @example namelessProfile(missingRecord)?.role // 'missing'
 */
export function namelessProfile(record: RecordInput): NamelessProfile | undefined {
  const person = record.person;
  const description = person?.description;
  const found = record.unidentifiedCorpse ?? record.unidentifiedPerson;
  const missing = record.missing;
  if (!missing && !found) return undefined;
  const corpse = record.unidentifiedCorpse;
  const place = missing ? missing.lastSeenPlace : found!.foundPlace;
  const home = missing ? person?.lastKnownAddress : undefined;
  const birth = missing ? birthOf(person) : undefined;
  const day = dayOf(missing ? missing.lastSeenOn : found!.foundOn);
  const age = found?.estimatedAge;
  const since = corpse?.timeSinceDeathDays;
  const hair = foldedWords(description?.hairColour).sort().join(' ') || undefined;
  const eyes = foldedWords(description?.eyeColour).sort().join(' ') || undefined;
  const clothing = missing ? missing.clothing : corpse?.clothing;
  const biometrics = missing
    ? BIOMETRIC_KINDS.filter((k) => missing.biometrics?.[k])
    : corpse
      ? BIOMETRIC_KINDS.filter((k) => corpse.samples?.[k])
      : // A living person can give any sample on request.
        [...BIOMETRIC_KINDS];
  // Every field is written, undefined or not, so that all profiles share one layout in memory.
  return {
    role: missing ? 'missing' : 'unidentified',
    found: missing ? undefined : corpse ? 'corpse' : 'living',
    sex: person?.sex === 'male' ? 'male' : person?.sex === 'female' ? 'female' : undefined,
    birthFirst: birth?.first,
    birthLast: birth?.last,
    ageMin: age && age.max >= age.min ? age.min : undefined,
    ageMax: age && age.max >= age.min ? age.max : undefined,
    day,
    deathFirst: since && day !== undefined && since.max >= since.min ? day - since.max : undefined,
    deathLast: since && day !== undefined && since.max >= since.min ? day - since.min : undefined,
    heightCm: description?.heightCm,
    build: description?.build ? BUILDS.indexOf(description.build) : undefined,
    ...placeCodes(place),
    otherPlace: home ? placeCodes(home) : undefined,
    placeLabels: [placeLabel(place), ...(home ? [placeLabel(home)] : [])],
    marks: nonEmpty((description?.marks ?? []).map(markWords)),
    clothing: nonEmpty(stemKeys(foldedWords(clothing))),
    hair,
    hairKey: hair ? textKey(hair) : undefined,
    eyes,
    eyesKey: eyes ? textKey(eyes) : undefined,
    clothingScript: scriptOf(clothing),
    hairScript: scriptOf(description?.hairColour),
    eyesScript: scriptOf(description?.eyeColour),
    biometrics,
  };
}

/* ---------- fields ---------- */

/** What one field comparison wrote; reused across candidates so that ranking allocates nothing per field. */
interface Outcome {
  level: string;
  bits: number;
  detail?: string;
}
type Comparer = (missing: NamelessProfile, found: NamelessProfile, out: Outcome, explain: boolean, pool: PoolRates) => void;

const unknown = (out: Outcome) => {
  out.level = 'unknown';
  out.bits = 0;
  out.detail = undefined;
};

/**
 * Sex. Agreeing: m 0.97 (clerks and pathologists rarely err), u 0.5. Disagreeing: m 0.03 — a
 * decomposed body misjudged, a box ticked wrong — so it costs about 4 bits and never excludes.
 */
const SEX_BITS = { agree: bitsOf(0.97, 0.5), disagree: bitsOf(0.03, 0.5) };
const compareSex: Comparer = (m, f, out, explain) => {
  if (!m.sex || !f.sex) return unknown(out);
  out.level = m.sex === f.sex ? 'agree' : 'disagree';
  out.bits = m.sex === f.sex ? SEX_BITS.agree : SEX_BITS.disagree;
  out.detail = explain ? `${m.sex} / ${f.sex}` : undefined;
};

/**
 * Age. The missing person's age on the day the other was found (from the birth date or range),
 * against the estimated range. Bits are log2 of the density of that age given the estimate (m)
 * over its density among the bank's missing persons, whose ages spread over about 50 years
 * (u = 1/50 a year), so a narrow estimate hit in its middle counts most (about +3 bits) and a
 * 20-year one little. m: forensic estimates centre on the true age and hold it about 80 % of the
 * time (a normal with the range as ±1.3 sd), but a fifth miss by more, the more the older the
 * person (a tail with 2 years + a tenth of the age added to the sd); the missing person's own
 * birth range widens both. Floored at −4.5 bits (a wrong birth year, a wild estimate): never an
 * exclusion. Levels for the reviewer: `inside` the range, `near` (within 2 years + a tenth of the
 * age + a quarter of both widths), `far` (twice that), `beyond`.
 */
const AGE_SPREAD_YEARS = 50;
const AGE_TAIL_SHARE = 0.2;
const AGE_FLOOR_BITS = -4.5;
const compareAge: Comparer = (m, f, out, explain) => {
  if (m.birthFirst === undefined || m.birthLast === undefined || f.ageMin === undefined || f.ageMax === undefined || f.day === undefined) {
    return unknown(out);
  }
  const youngest = (f.day - m.birthLast) / YEAR_DAYS;
  const oldest = (f.day - m.birthFirst) / YEAR_DAYS;
  const age = (youngest + oldest) / 2;
  const low = f.ageMin;
  const high = f.ageMax + 1;
  const mid = (low + high) / 2;
  const ownVariance = (oldest - youngest) ** 2 / 12;
  const core = Math.sqrt(Math.max(1, (high - low) / 2 / 1.3) ** 2 + ownVariance);
  const tail = Math.sqrt((core + 2 + 0.1 * mid) ** 2 + ownVariance);
  const density = (1 - AGE_TAIL_SHARE) * normal(age - mid, core) + AGE_TAIL_SHARE * normal(age - mid, tail);
  out.bits = Math.max(AGE_FLOOR_BITS, Math.log2(density * AGE_SPREAD_YEARS));
  const gap = Math.max(0, low - oldest, youngest - high);
  const tolerance = 2 + 0.1 * mid + 0.25 * (high - low + oldest - youngest);
  out.level = gap === 0 ? 'inside' : gap <= tolerance ? 'near' : gap <= 2 * tolerance ? 'far' : 'beyond';
  out.detail = undefined;
  if (!explain) return;
  const seenAge = m.day === undefined ? undefined : Math.floor((m.day - (m.birthFirst + m.birthLast) / 2) / YEAR_DAYS);
  out.detail = `${seenAge === undefined ? '' : `${seenAge} when last seen, `}${Math.floor(age)} when found; estimated ${f.ageMin}–${f.ageMax}`;
};

/**
 * Found date against the last-seen date, in days. Bits are log2 of the density of that gap among
 * true pairs (m) over its density among unrelated ones, about even over a bank spanning ten years
 * (u = 1/3,650 a day). m: 45 % of bodies and wanderers are found within weeks (an exponential
 * with a mean of 12 days), 30 % within months (mean 150 days), 25 % years later (mean 1,000
 * days) — +7 bits the same day, +5 three weeks on, about 0 after a year, and no lower than −2
 * however late (skeletal remains turn up after decades). Found before the last-seen date
 * happens: the date recorded is often the day the family reported, not the day the person went
 * (4 %, within about ten days), or is simply wrong (3 %, any time); so two days before still
 * counts +3.6 bits, months before about −5, and it is never an exclusion — identities confirmed
 * by DNA against such dates exist. Levels for the reviewer: `days` (up to 30), `months` (up to a
 * year), `years` (up to five), `later`, `shortly_before` (up to 30 days before), `before`.
 */
const BANK_SPAN_DAYS = 3650;
const FOUND_AFTER = [
  { share: 0.45, meanDays: 12 },
  { share: 0.3, meanDays: 150 },
  { share: 0.25, meanDays: 1000 },
] as const;
const FOUND_EARLY = { share: 0.04, meanDays: 10 };
const FOUND_LATE_FLOOR_BITS = -2;
/** Last-seen dates simply wrong: the lowest a timeline falls (about −5 bits). */
const WRONG_DATE_SHARE = 0.03;
const FOUND_FLOOR_BITS = Math.log2(WRONG_DATE_SHARE);
function foundCurve(gap: number): number {
  if (gap < 0) {
    const density = (FOUND_EARLY.share / FOUND_EARLY.meanDays) * Math.exp(gap / FOUND_EARLY.meanDays) + WRONG_DATE_SHARE / BANK_SPAN_DAYS;
    return Math.log2(density * BANK_SPAN_DAYS);
  }
  let density = 0;
  for (const { share, meanDays } of FOUND_AFTER) density += (share / meanDays) * Math.exp(-gap / meanDays);
  return Math.max(FOUND_LATE_FLOOR_BITS, Math.log2(density * BANK_SPAN_DAYS));
}
/** `foundCurve` by whole days from `FOUND_TABLE_FROM` on: ranking needs it for every candidate. */
const FOUND_TABLE_FROM = -120;
const FOUND_TABLE = Float64Array.from({ length: 4000 }, (_, k) => foundCurve(FOUND_TABLE_FROM + k));
function foundBits(gap: number): number {
  const k = gap - FOUND_TABLE_FROM;
  return k >= 0 && k < FOUND_TABLE.length && Number.isInteger(k) ? FOUND_TABLE[k]! : foundCurve(gap);
}
const foundLevel = (gap: number): string =>
  gap < -30 ? 'before' : gap < 0 ? 'shortly_before' : gap <= 30 ? 'days' : gap <= 365 ? 'months' : gap <= 5 * 365 ? 'years' : 'later';
const compareFound: Comparer = (m, f, out, explain) => {
  if (m.day === undefined || f.day === undefined) return unknown(out);
  const gap = f.day - m.day;
  out.level = foundLevel(gap);
  out.bits = foundBits(gap);
  out.detail = explain ? `${gap >= 0 ? '+' : ''}${gap} days after last seen` : undefined;
};

/**
 * A body's estimated time since death against the last-seen date. When the body lay long before
 * it was found, the found date says little of when the person went, and the death window says
 * much: so for a body with the estimate the timeline's evidence is log2 of the density of the
 * last-seen date given the window (m) over 1/3,650 a day (u, as for `found`), and this entry
 * carries its difference from `found`'s bits — the two together are that evidence. m: death any
 * time in the window, widened by 3 days and a fifth of its reach (such estimates are rough, the
 * more so the longer the body lay), and no later than the day found; the person went missing
 * shortly before dying (70 %: within days, an exponential with a mean of 5) or lived on for a
 * while (30 %, mean 180 days); and 3 % of last-seen dates are wrong, any time. A body found a
 * year and a half after the person went, with a window that holds the last-seen date, gains
 * about 3.5 bits here; one dead for months when the person was seen last week loses about 11
 * (the timeline as a whole never falls below −5, the 3 % of wrong dates). Levels: `fits` (last seen
 * inside the widened window), `later` (death well after it), `earlier` (death before it).
 * When the body was found before the last-seen date, `found` alone counts.
 */
const DEATH_DELAY = [
  { share: 0.7, meanDays: 5 },
  { share: 0.3, meanDays: 180 },
] as const;
/** Share of the delays between disappearance and death that are shorter than `days`. */
function delayShare(days: number): number {
  if (days <= 0) return 0;
  let sum = 0;
  for (const { share, meanDays } of DEATH_DELAY) sum += share * (1 - Math.exp(-days / meanDays));
  return sum;
}
const compareDeath: Comparer = (m, f, out, explain) => {
  if (f.deathFirst === undefined || f.deathLast === undefined || m.day === undefined || f.day === undefined || f.day < m.day) return unknown(out);
  const slack = 3 + 0.2 * (f.day - f.deathFirst);
  const first = f.deathFirst - slack;
  const last = Math.min(f.day, f.deathLast + slack);
  const within = (delayShare(last - m.day) - delayShare(first - m.day)) / Math.max(1, last - first);
  const timeline = Math.log2((1 - WRONG_DATE_SHARE) * within * BANK_SPAN_DAYS + WRONG_DATE_SHARE);
  out.bits = Math.max(FOUND_FLOOR_BITS, timeline) - foundBits(f.day - m.day);
  out.level = m.day < first ? 'later' : m.day > last ? 'earlier' : 'fits';
  out.detail = explain ? `died ${f.deathFirst - m.day}…${f.deathLast - m.day} days after last seen` : undefined;
};

/**
 * Height. Relatives state it (with shoes, from memory), pathologists measure a body and estimate
 * a living person, often rounding to 5 cm. Bits are log2 of the density of the difference among
 * true pairs (m: 85 % within a normal of sd 3 cm, 15 % of sd 7 cm) over its density between two
 * unrelated people of one sex (u: sd 10 cm, the difference of two heights of sd 7): +1.6 bits
 * for the same height, +0.5 at 4 cm, −2.8 at 10 cm, no lower than −4. A missing child grows:
 * up to 7 cm a year since last seen is allowed upwards. Levels: `close` (4 cm), `near` (8), `far`.
 */
const HEIGHT_M = [
  { share: 0.85, sd: 3 },
  { share: 0.15, sd: 7 },
] as const;
const HEIGHT_U_SD = 10;
const HEIGHT_FLOOR_BITS = -4;
const CHILD_GROWTH_CM_PER_YEAR = 7;
const compareHeight: Comparer = (m, f, out, explain) => {
  if (m.heightCm === undefined || f.heightCm === undefined) return unknown(out);
  let diff = Math.abs(f.heightCm - m.heightCm);
  const ageLastSeen = m.birthFirst !== undefined && m.day !== undefined ? (m.day - m.birthFirst) / YEAR_DAYS : undefined;
  if (ageLastSeen !== undefined && ageLastSeen < 18 && f.heightCm > m.heightCm && f.day !== undefined && f.day > m.day!) {
    diff = Math.max(0, diff - (CHILD_GROWTH_CM_PER_YEAR * (f.day - m.day!)) / YEAR_DAYS);
  }
  let density = 0;
  for (const { share, sd } of HEIGHT_M) density += share * normal(diff, sd);
  out.bits = Math.max(HEIGHT_FLOOR_BITS, Math.log2(density / normal(diff, HEIGHT_U_SD)));
  out.level = diff <= 4 ? 'close' : diff <= 8 ? 'near' : 'far';
  out.detail = explain ? `${m.heightCm} / ${f.heightCm} cm` : undefined;
};

/**
 * Build (slim, medium, stocky, heavy): a choice from a list, so comparable whatever the language.
 * Relatives and pathologists judge it differently, and people lose or gain weight: the same build
 * m 0.55 against u 0.35 (medium is the commonest), +0.65 bits; one step apart m 0.4 against
 * u 0.45, −0.17; two or more m 0.05 against u 0.2, −2.
 */
const BUILD_BITS = [bitsOf(0.55, 0.35), bitsOf(0.4, 0.45), bitsOf(0.05, 0.2), bitsOf(0.05, 0.2)];
const BUILD_LEVELS = ['same', 'adjacent', 'different', 'different'];
const compareBuild: Comparer = (m, f, out, explain) => {
  if (m.build === undefined || f.build === undefined || m.build < 0 || f.build < 0) return unknown(out);
  const steps = Math.abs(m.build - f.build);
  out.level = BUILD_LEVELS[steps]!;
  out.bits = BUILD_BITS[steps]!;
  out.detail = explain ? `${BUILDS[m.build]} / ${BUILDS[f.build]}` : undefined;
};

/**
 * Where last seen (or lived) against where found. Many are found near where they went (same
 * locality m 0.28, same region 0.12); but records reach the interstate bank largely because the
 * person may have crossed a border, so another state is common among its true pairs (0.3; a
 * neighbouring one 0.12; the same state but another region 0.18). u, the share of unrelated pairs
 * at each level, depends on the place: sharing Moscow says less than sharing a village. Alone,
 * a pair uses the shares of a bank of many towns (`PLACE_U`: locality 0.03, +3.2 bits; another
 * state 0.58, −0.95 bits); in a ranking, u is the candidates' own share at the level (nearly all
 * of them are unrelated), tempered by `POOL_PRIOR_WEIGHT` pseudo-candidates at those shares, and
 * no level counts more than `PLACE_MAX_BITS`.
 */
const PLACE_LEVELS = ['locality', 'region', 'country', 'neighbour', 'other_state'] as const;
type PlaceLevel = (typeof PLACE_LEVELS)[number];
const PLACE_M: Record<PlaceLevel, number> = { locality: 0.28, region: 0.12, country: 0.18, neighbour: 0.12, other_state: 0.3 };
const PLACE_U: Record<PlaceLevel, number> = { locality: 0.03, region: 0.04, country: 0.2, neighbour: 0.15, other_state: 0.58 };
const PLACE_MAX_BITS = 5;
/** How many candidates the default shares weigh as, against a ranking's own: a short list says little. */
const POOL_PRIOR_WEIGHT = 50;

/** What a ranking learns from its candidates: how common each place level is among them. */
interface PoolRates {
  /** Bits of each level, in `PLACE_LEVELS` order. */
  placeBits: number[];
  /** Share of the candidates at each level; absent for a pair compared alone. */
  placeShare?: number[];
}

function placeRates(counts?: readonly number[]): PoolRates {
  const total = counts ? counts.reduce((n, c) => n + c, 0) : 0;
  const u = (k: number, level: PlaceLevel) =>
    counts ? (counts[k]! + POOL_PRIOR_WEIGHT * PLACE_U[level]) / (total + POOL_PRIOR_WEIGHT) : PLACE_U[level];
  return {
    placeBits: PLACE_LEVELS.map((level, k) => Math.min(PLACE_MAX_BITS, bitsOf(PLACE_M[level], u(k, level)))),
    placeShare: counts && total > 0 ? counts.map((c) => c / total) : undefined,
  };
}
const DEFAULT_RATES = placeRates();

const shareKey = (a1: number, a2: number, b1: number, b2: number): boolean =>
  a1 !== 0 && (a1 === b1 || a1 === b2 || (a2 !== 0 && (a2 === b1 || a2 === b2)));

/** The level of two places, as its index in `PLACE_LEVELS` (closest first); −1 when either is unknown. */
function placeLevel(a: PlaceCodes, b: PlaceCodes): number {
  if (a.country === 0 || b.country === 0) return -1;
  if (a.country !== b.country) return NEIGHBOURS.has(a.country * 1000 + b.country) ? 3 : 4;
  if (shareKey(a.locality1, a.locality2, b.locality1, b.locality2)) return 0;
  // A city of regional rank is its own region (`г. Ташкент`), and a region may be named after its capital.
  if (
    shareKey(a.region1, a.region2, b.region1, b.region2) ||
    shareKey(a.locality1, a.locality2, b.region1, b.region2) ||
    shareKey(a.region1, a.region2, b.locality1, b.locality2)
  ) {
    return 1;
  }
  return 2;
}

/** The closest of the missing person's places (last seen, home) to where the other was found: an index in `PLACE_LEVELS`, −1 when unknown. */
function closestPlaceLevel(m: NamelessProfile, f: NamelessProfile): number {
  const seen = placeLevel(m, f);
  const home = m.otherPlace ? placeLevel(m.otherPlace, f) : -1;
  return seen < 0 ? home : home < 0 ? seen : Math.min(seen, home);
}

const comparePlace: Comparer = (m, f, out, explain, pool) => {
  const level = closestPlaceLevel(m, f);
  if (level < 0) return unknown(out);
  out.level = PLACE_LEVELS[level]!;
  out.bits = pool.placeBits[level]!;
  out.detail = undefined;
  if (!explain) return;
  const fromHome = level !== placeLevel(m, f);
  const share = pool.placeShare?.[level];
  out.detail = `${m.placeLabels[fromHome ? 1 : 0]} / ${f.placeLabels[0]}${share === undefined ? '' : `; ${Math.round(share * 100)} % of candidates alike`}`;
};

/**
 * Distinguishing marks. Two marks of one kind (or one of them `other`) whose words mostly agree
 * once scripts are folded (Dice ≥ 0.5), not on opposite sides, are the same mark; a quarter of
 * the words shared is `similar`; the kind alone (a description in another language, or another
 * scar) is `kind`. Of true pairs with marks on both records, 45 % show the same mark, 15 % a
 * similar one, 30 % the kind only (decay and language hide the rest). u is the share of unrelated
 * pairs at the level, by kind (`MARK_U`): an army or prison tattoo design recurs in about one
 * pair in 70 (+4.9 bits), a described scar or birthmark in one in 20 (+3.2), an earlobe piercing
 * in one in 4 (+0.8); an amputation is rare even as a kind. A level never counts against; both
 * described with no kind in common does (m 0.3, u 0.6: −1 bit). Each further same mark adds a
 * bit, at most two.
 */
type MarkLevel = 'same' | 'similar' | 'kind';
const MARK_M: Record<MarkLevel, number> = { same: 0.45, similar: 0.15, kind: 0.3 };
const MARK_U: Record<string, Record<MarkLevel, number>> = {
  tattoo: { same: 0.015, similar: 0.04, kind: 0.25 },
  amputation: { same: 0.02, similar: 0.04, kind: 0.1 },
  scar: { same: 0.05, similar: 0.1, kind: 0.35 },
  birthmark: { same: 0.05, similar: 0.1, kind: 0.3 },
  piercing: { same: 0.25, similar: 0.4, kind: 0.5 },
  other: { same: 0.05, similar: 0.1, kind: 0.35 },
};
const MARKS_NONE_BITS = bitsOf(0.3, 0.6);
const markBits = (level: MarkLevel, kind: string) => Math.max(0, bitsOf(MARK_M[level], (MARK_U[kind] ?? MARK_U.other!)[level]));
function markLevel(a: MarkWords, b: MarkWords): MarkLevel | undefined {
  if (a.kind !== b.kind && a.kind !== 'other' && b.kind !== 'other') return undefined;
  const similarity = dice(a.words, b.words);
  const otherSide = a.side !== undefined && b.side !== undefined && a.side !== b.side;
  if (similarity >= 0.5 && !otherSide) return 'same';
  if (similarity >= 0.25) return 'similar';
  return 'kind';
}
const compareMarks: Comparer = (m, f, out, explain) => {
  if (!m.marks || !f.marks) return unknown(out);
  let best: { level: MarkLevel; bits: number; a: MarkWords; b: MarkWords } | undefined;
  let sameMarks = 0;
  for (const a of m.marks) {
    let sameHere = false;
    for (const b of f.marks) {
      const level = markLevel(a, b);
      if (!level) continue;
      sameHere ||= level === 'same';
      const bits = markBits(level, a.kind === 'other' ? b.kind : a.kind);
      if (!best || bits > best.bits) best = { level, bits, a, b };
    }
    if (sameHere) sameMarks++;
  }
  out.level = best?.level ?? 'none';
  out.bits = best ? best.bits + Math.min(2, Math.max(0, sameMarks - 1)) : MARKS_NONE_BITS;
  out.detail = explain && best ? `${best.a.text} / ${best.b.text}` : undefined;
};

/**
 * Clothing: what the person wore when last seen against what the body or the living person wore.
 * Weaker than marks: people change, bodies are found undressed. No word shared counts against
 * (m 0.4, u 0.85: −1.1 bits) only when both are written in one script: in two, the records are
 * mostly in two languages and nothing could be shared (`other_script`, 0). Most words shared
 * (Dice ≥ 0.5) is strong only when there are several — three garments and colours alike happen
 * by chance about once in thirty pairs (m 0.35: +3.4 bits, held to +3 so that clothing never
 * outweighs a shared tattoo), a "black jacket" alone once in eight (+1.5). A few words shared
 * (Dice ≥ 0.3) says little (m 0.15, u 0.12).
 */
const CLOTHING_BITS = { most: 3, most_few: 1.5, some: bitsOf(0.15, 0.12), none: bitsOf(0.4, 0.85), other_script: 0 };
/** Shared words below which `most` is a common pair of garments rather than an outfit. */
const CLOTHING_OUTFIT_WORDS = 3;
const compareClothing: Comparer = (m, f, out, explain) => {
  if (!m.clothing || !f.clothing) return unknown(out);
  const shared = sharedCount(m.clothing, f.clothing);
  const similarity = (2 * shared) / (m.clothing.length + f.clothing.length);
  const level = similarity >= 0.5 ? 'most' : similarity >= 0.3 ? 'some' : otherScripts(m.clothingScript, f.clothingScript) ? 'other_script' : 'none';
  out.level = level;
  out.bits = level === 'most' && shared < CLOTHING_OUTFIT_WORDS ? CLOTHING_BITS.most_few : CLOTHING_BITS[level];
  out.detail = explain ? `${shared} words shared, ${Math.round(similarity * 100)} %` : undefined;
};

/**
 * Hair and eye colour, as written. Different words are weak evidence against — hair greys and is
 * dyed, eyes cloud after death — and none when the two are written in two scripts, and so most
 * likely in two languages (`other_script`, 0). Hair: the same words m 0.42 (same language 0.7 ×
 * same colour written 0.6) against u 0.15 (0.6 × one colour in four), +1.5 bits; other words
 * m 0.58 against u 0.85, −0.55. Eyes: m 0.45 against u 0.2, +1.2; other m 0.55 against u 0.8, −0.54.
 */
const HAIR_BITS = { same: bitsOf(0.42, 0.15), other: bitsOf(0.58, 0.85), other_script: 0 };
const EYES_BITS = { same: bitsOf(0.45, 0.2), other: bitsOf(0.55, 0.8), other_script: 0 };
function compareColour(out: Outcome, a: number | undefined, b: number | undefined, scripts: boolean, bits: typeof HAIR_BITS): boolean {
  if (!a || !b) {
    unknown(out);
    return false;
  }
  const level = a === b ? 'same' : scripts ? 'other_script' : 'other';
  out.level = level;
  out.bits = bits[level];
  return true;
}
const compareHair: Comparer = (m, f, out, explain) => {
  const known = compareColour(out, m.hairKey, f.hairKey, m.hairKey !== f.hairKey && otherScripts(m.hairScript, f.hairScript), HAIR_BITS);
  out.detail = known && explain ? `${m.hair} / ${f.hair}` : undefined;
};
const compareEyes: Comparer = (m, f, out, explain) => {
  const known = compareColour(out, m.eyesKey, f.eyesKey, m.eyesKey !== f.eyesKey && otherScripts(m.eyesScript, f.eyesScript), EYES_BITS);
  out.detail = known && explain ? `${m.eyes} / ${f.eyes}` : undefined;
};

const COMPARERS: Record<NamelessField, Comparer> = {
  sex: compareSex,
  age: compareAge,
  found: compareFound,
  death: compareDeath,
  height: compareHeight,
  build: compareBuild,
  place: comparePlace,
  marks: compareMarks,
  clothing: compareClothing,
  hair: compareHair,
  eyes: compareEyes,
};
/** All but the place's, which a ranking scores once it knows how common each place level is among the candidates. */
const COMPARERS_BUT_PLACE = NAMELESS_FIELDS.filter((field) => field !== 'place').map((field) => COMPARERS[field]);

/* ---------- evidence and ranking ---------- */

const isProfile = (x: RecordInput | NamelessProfile): x is NamelessProfile => 'role' in x;
const profileOf = (x: RecordInput | NamelessProfile): NamelessProfile | undefined => (isProfile(x) ? x : namelessProfile(x));

function bitsButPlace(m: NamelessProfile, f: NamelessProfile, out: Outcome): number {
  let sum = 0;
  for (const compare of COMPARERS_BUT_PLACE) {
    compare(m, f, out, false, DEFAULT_RATES);
    sum += out.bits;
  }
  return sum;
}

function biometricsOf(m: NamelessProfile, f: NamelessProfile): BiometricAvailability {
  return {
    both: m.biometrics.filter((k) => f.biometrics.includes(k)),
    missingOnly: m.biometrics.filter((k) => !f.biometrics.includes(k)),
    unidentifiedOnly: f.biometrics.filter((k) => !m.biometrics.includes(k)),
  };
}

function explainPair(m: NamelessProfile, f: NamelessProfile, pool: PoolRates): NamelessEvidence {
  let sum = 0;
  const fields = NAMELESS_FIELDS.map((field): NamelessFieldEvidence => {
    const out: Outcome = { level: '', bits: 0 };
    COMPARERS[field](m, f, out, true, pool);
    sum += out.bits;
    return { field, level: out.level, bits: round2(out.bits), ...(out.detail ? { detail: out.detail } : {}) };
  });
  return { bits: round2(sum), fields, biometrics: biometricsOf(m, f) };
}

/** Both profiles, the missing one first; throws unless one is missing and the other unidentified. */
function orient(a: RecordInput | NamelessProfile, b: RecordInput | NamelessProfile): [NamelessProfile, NamelessProfile] {
  const pa = profileOf(a);
  const pb = profileOf(b);
  if (pa?.role === 'missing' && pb?.role === 'unidentified') return [pa, pb];
  if (pa?.role === 'unidentified' && pb?.role === 'missing') return [pb, pa];
  throw new TypeError('nameless evidence compares a missing person with an unidentified body or living person');
}

/**
 * Why a missing person and an unidentified body or living person may be the same: each field's
 * level and bits (log2 likelihood ratio, unknown fields 0), their sum, and the biometric
 * references each side holds. Records or their `namelessProfile`s; the two may come in either
 * order. Throws a TypeError unless one is a missing person and the other unidentified.
 *
 * @example namelessEvidence(missing, body).fields.find((f) => f.field === 'sex') // { field: 'sex', level: 'agree', bits: 0.96, … }
 */
export function namelessEvidence(missing: RecordInput | NamelessProfile, unidentified: RecordInput | NamelessProfile): NamelessEvidence {
  const [m, f] = orient(missing, unidentified);
  return explainPair(m, f, DEFAULT_RATES);
}

export interface RankedNameless<T> {
  candidate: T;
  /** The candidate's position in the list given. */
  index: number;
  evidence: NamelessEvidence;
}

/**
 * The candidates most likely to be the subject, best first, at most `limit`: unidentified
 * records for a missing person, missing persons for an unidentified record. Candidates of the
 * subject's own side (or of no person category) are skipped. Ties keep the order given. How
 * common each place level is among the candidates sets what sharing it is worth (see
 * `comparePlace`), so a pair's evidence in a ranking may differ from `namelessEvidence` on the
 * place. Profiles (`namelessProfile`) rank faster than records, which are profiled on each call.
 *
 * @example rankNameless(missing, bodiesSharingABlockKey, 10)[0]?.evidence.bits
 */
export function rankNameless<T extends RecordInput | NamelessProfile>(
  subject: RecordInput | NamelessProfile,
  candidates: readonly T[],
  limit: number,
): RankedNameless<T>[] {
  const s = profileOf(subject);
  if (!s || limit <= 0) return [];
  // One pass scores every field but the place and notes the place level; how common each level
  // is among the candidates then sets what it is worth. Only the best `limit` are explained.
  const others: NamelessProfile[] = [];
  const indices: number[] = [];
  const scores: number[] = [];
  const places: number[] = [];
  const counts = PLACE_LEVELS.map(() => 0);
  const missingSide = s.role === 'missing';
  const out: Outcome = { level: '', bits: 0 };
  for (let index = 0; index < candidates.length; index++) {
    const c = profileOf(candidates[index]!);
    if (!c || c.role === s.role) continue;
    const m = missingSide ? s : c;
    const f = missingSide ? c : s;
    const place = closestPlaceLevel(m, f);
    if (place >= 0) counts[place]!++;
    others.push(c);
    indices.push(index);
    scores.push(bitsButPlace(m, f, out));
    places.push(place);
  }
  const pool = placeRates(counts);
  const total = Float64Array.from(scores, (bits, k) => (places[k]! < 0 ? bits : bits + pool.placeBits[places[k]!]!));
  return bestOf(total, limit).map((k) => ({
    candidate: candidates[indices[k]!]!,
    index: indices[k]!,
    evidence: missingSide ? explainPair(s, others[k]!, pool) : explainPair(others[k]!, s, pool),
  }));
}

/** Positions of the `limit` highest scores, highest first; on equal scores the earlier position wins. */
function bestOf(scores: Float64Array, limit: number): number[] {
  const n = scores.length;
  if (limit * 8 >= n) {
    return Array.from({ length: n }, (_, k) => k)
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, limit);
  }
  // A short list kept sorted by insertion: most candidates fall below its last and cost one comparison.
  const best: number[] = [];
  for (let k = 0; k < n; k++) {
    const score = scores[k]!;
    if (best.length === limit && score <= scores[best[limit - 1]!]!) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && scores[best[at - 1]!]! < score) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = k;
  }
  return best;
}

/* ---------- blocking ---------- */

/** Bumped whenever `namelessBlockKeys` changes, so that stored keys are filed again. */
export const NAMELESS_KEYS_VERSION = 1;
/** Keys per record at most: the server files each in an index table. */
export const MAX_NAMELESS_KEYS = 30;
/** Birth years either side of a missing person's stated window: a year misremembered or mistyped. */
const MISSING_YEAR_SLACK = 2;

const SEX_CODES = { male: 'm', female: 'f' } as const;
const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

function yearSpan(from: number, to: number, max: number): number[] {
  // Too wide a window keeps its middle: the ends are the least likely years.
  const excess = to - from + 1 - max;
  if (excess > 0) {
    from += Math.floor(excess / 2);
    to = from + max - 1;
  }
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

/**
 * The blocking keys of a missing or unidentified person record: a missing person and an
 * unidentified one who may be the same share at least one. `x:<sex>:<birth year>`:
 *
 * - a missing person is filed under each birth year of the stated date or range, two years
 *   either side, for its sex and for `u` (unidentified of unknown sex); of unknown sex, for `m`,
 *   `f` and `u`;
 * - an unidentified one under each birth year its estimated age allows on the day found,
 *   widened either side by 2 + a tenth of the age (estimates of the old miss by more), for its
 *   sex, or `u` when unknown.
 *
 * At most `MAX_NAMELESS_KEYS` (30) keys: a wider window keeps its middle years. Typically 10 for
 * a missing person with a full birth date, 15–30 for an unidentified one. No country: the
 * partner is often found in another state. A sex disagreement is not an exclusion in the score,
 * but blocking does not bring such pairs together. A record with no birth window (missing) or
 * age estimate (unidentified) has no keys.
 *
 * @example namelessBlockKeys(missingManBorn1990) // ['x:m:1988', 'x:u:1988', …, 'x:m:1992', 'x:u:1992']
 */
export function namelessBlockKeys(record: RecordInput | NamelessProfile): string[] {
  const p = profileOf(record);
  if (!p) return [];
  if (p.role === 'missing') {
    if (p.birthFirst === undefined || p.birthLast === undefined) return [];
    const sexes = p.sex ? [SEX_CODES[p.sex], 'u'] : ['m', 'f', 'u'];
    const years = yearSpan(
      yearOf(p.birthFirst) - MISSING_YEAR_SLACK,
      yearOf(p.birthLast) + MISSING_YEAR_SLACK,
      Math.floor(MAX_NAMELESS_KEYS / sexes.length),
    );
    return years.flatMap((y) => sexes.map((s) => `x:${s}:${y}`));
  }
  if (p.ageMin === undefined || p.ageMax === undefined || p.day === undefined) return [];
  const foundYear = yearOf(p.day);
  const widen = Math.round(2 + 0.1 * ((p.ageMin + p.ageMax) / 2));
  const sex = p.sex ? SEX_CODES[p.sex] : 'u';
  return yearSpan(foundYear - p.ageMax - 1 - widen, foundYear - p.ageMin + widen, MAX_NAMELESS_KEYS).map((y) => `x:${sex}:${y}`);
}
