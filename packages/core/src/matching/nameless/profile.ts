import { BUILDS } from '../../schemas/person.ts';
import type { RecordInput } from '../../schemas/record.ts';
import { parsePartialDate, partialDateBounds } from '../../validation/dates.ts';
import { dayOf } from './days.ts';
import { placeCodes, placeLabel } from './places.ts';
import { foldedWords, scriptOf, stemKeys, stems, textKey } from './text.ts';
import { BIOMETRIC_KINDS, type MarkWords, type NamelessProfile } from './types.ts';

/** Side words of the members' languages: "left forearm" and "right forearm" are not one mark. */
const LEFT_STEMS = stems(['левый левая левое левой левом chap sol stâng stângă ձախ left']);
const RIGHT_STEMS = stems(["правый правая правое правой правом o'ng оң sağ drept dreaptă աջ right"]);

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

const isProfile = (x: RecordInput | NamelessProfile): x is NamelessProfile => 'role' in x;
export const profileOf = (x: RecordInput | NamelessProfile): NamelessProfile | undefined => (isProfile(x) ? x : namelessProfile(x));
