import type { Sex } from './patronymic.ts';
import type { NameRepair } from './repair.ts';

/** One part of a person's name (surname, given name or patronymic) in every form matching uses. */
export interface NamePart {
  /** As received, trimmed. */
  raw: string;
  /** `normalizeText`: the `exact` level compares this. */
  normalized: string;
  /** `romanize`: the `translit` level compares this. */
  romanized: string;
  /** Phonetic skeleton of all words, concatenated without spaces: the `phonetic` level. */
  skeleton: string;
  /** `consonantKey(skeleton)`: the `fuzzy` level and the `c:` blocking key. */
  consonants: string;
  /**
   * Surname: `surnameBase` (gender and surname change removed).
   * Patronymic: the father's-name stem (Abishuly and Abishevich → `abix`).
   * Given name: the skeleton.
   */
  stem: string;
  /** Surname only: `masculineSurname(skeleton)`, for the `gender_variant` level. */
  masculine?: string;
  /**
   * The skeleton of each word, when the part has more than one (a double surname
   * Петрова-Водкина, two given names Anna Maria): one side often writes only one of them.
   */
  words?: string[];
}

/** A person's name split into parts, each normalized, romanized and reduced to skeletons. */
export interface ParsedName {
  surname?: NamePart;
  given?: NamePart;
  patronymic?: NamePart;
  /** Read from the patronymic (-ovna, qizi…) or else the surname ending (-ova, -skaya…). */
  sex?: Sex;
  /** What the text needed before it could be read (wrong keyboard layout, look-alike letters, OCR digits). */
  repairs?: NameRepair[];
}

/** Input for `parsePersonName` when the parts are already separated. */
export interface PersonNameInput {
  surname?: string;
  given?: string;
  patronymic?: string;
}

/** Discrete comparison levels for a Fellegi–Sunter scorer, best first. */
export const NAME_LEVELS = ['exact', 'translit', 'phonetic', 'gender_variant', 'surname_change', 'swapped', 'fuzzy', 'different'] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];

export interface NamePartComparison {
  level: NameLevel;
  /** Jaro–Winkler similarity of the skeletons. */
  similarity: number;
}

export interface NameComparison extends NamePartComparison {
  /** The comparison of each part present in both names. */
  parts: {
    surname?: NamePartComparison;
    given?: NamePartComparison;
    patronymic?: NamePartComparison;
  };
}
