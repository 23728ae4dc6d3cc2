import type { PlaceCodes } from './places.ts';
import type { Script } from './text.ts';

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

/** A distinguishing mark folded for comparison. */
export interface MarkWords {
  kind: string;
  /** Keys of the stems of the description and the location (`textKey`), side words aside, sorted. */
  words: number[];
  side?: 'left' | 'right';
  /** As written, for the explanation. */
  text: string;
}

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
