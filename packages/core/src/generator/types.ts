import type { RecordInput } from '../schemas/record.ts';

/** The ways a later record of a subject departs from the subject's clean truth. */
export const CORRUPTION_KINDS = [
  'transliteration',
  'typo',
  'swappedNameParts',
  'patronymicMissing',
  'dayMonthTransposed',
  'yearOnlyDate',
  'documentDigit',
  'lookAlike',
  'heightOff',
  'surnameChange',
  'scriptChange',
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
] as const;
/** One corruption kind. */
export type CorruptionKind = (typeof CORRUPTION_KINDS)[number];

/** Probability (0..1), per record where the kind can apply, of each corruption kind. */
export interface CorruptionRates {
  /** Latin form of a name produced by a different system (ICAO 9303, GOST 7.79, BGN/PCGN, French-era, German-era). */
  transliteration: number;
  /** One-character insert, delete, substitute or transpose in a name part. */
  typo: number;
  /** Surname and given name swapped. */
  swappedNameParts: number;
  patronymicMissing: number;
  /** Birth date 1985-03-07 recorded as 1985-07-03 (only when day ≤ 12). */
  dayMonthTransposed: number;
  /** Birth date reduced to the year (or year and month). */
  yearOnlyDate: number;
  /** One wrong digit in a document number. */
  documentDigit: number;
  /** Cyrillic/Latin look-alike letters, O/0, changed spacing in plates and serials. */
  lookAlike: number;
  /** Height differs by 1–5 cm. */
  heightOff: number;
  /** Tajik -ov ↔ -zoda, Azerbaijani -ov ↔ -li/-zadə. */
  surnameChange: number;
  /** The name written in the state's other spelling (Uzbek Cyrillic, Kazakh vs Russian spelling…). */
  scriptChange: number;
  /** The whole name typed into one field ("Иванов Иван Иванович" as the surname), the others empty. */
  nameInOneField: number;
  /** A name part, or its beginning, typed on the other keyboard layout (ЙЦУКЕН ↔ QWERTY: Иванов → Bdfyjd). */
  keyboardLayout: number;
  /** OCR confusions: rn/m, cl/d, vv/w, I/l in Latin names; Latin look-alike letters inside a Cyrillic word. */
  ocrLookAlike: number;
  /** A Russian, Ukrainian or Belarusian person's name in its Belarusian or Ukrainian form and national romanization. */
  belarusianUkrainianForm: number;
  /** No birth date at all on this record. */
  birthDateMissing: number;
  /** One wrong digit in the birth year (1984 → 1985, 1964). */
  birthYearDigit: number;
  /** A second given name added (Анна Мария, Ion Vasile). */
  twoGivenNames: number;
  /** A double surname (Петрова-Водкина for Петрова, Ter-Petrosyan for Petrosyan). */
  hyphenatedSurname: number;
  /** An alias that is no spelling of the name: another surname, a married or maiden surname, a nickname. */
  unrelatedAlias: number;
  /** A range of years that holds the birth year (1982–1985) instead of the date: a state that knows only the person's age. */
  birthDateEstimated: number;
}

/** What `generateRecords` needs: a seed and a count; the rest has defaults. */
export interface GeneratorOptions {
  seed: number;
  /** Total records to emit: designed for 100 … 10 000 000 (1 is the smallest accepted). */
  count: number;
  /** `YYYY-MM-DD`, default '2026-11-01'; no generated date is later. */
  today?: string;
  corruption?: Partial<CorruptionRates>;
  /** Share of subjects recorded more than once (default 0.3). */
  duplicateRate?: number;
}

/** A record as a participant would submit it, with its owner and the ground truth. */
export interface GeneratedRecord extends RecordInput {
  /** The participant that owns the record, e.g. `RU-MVD`. */
  owner: string;
  /** The subject the record is about: `P…` person, `V…` vehicle, `F…` firearm. Shared by all records of one subject. */
  truth: string;
  /** Corruption kinds applied to this record relative to the subject's clean truth (empty for the first record). */
  corruptions: CorruptionKind[];
}
