import { Type, type Static } from 'typebox';

/** Printable single-line text: control characters never reach storage or logs. */
const SINGLE_LINE = '^[^\\u0000-\\u001F\\u007F]*$';
/** Free text may carry line breaks and tabs, nothing else below U+0020. */
const MULTI_LINE = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

/** A bounded single-line string, e.g. `Line(64)` for a national reference. */
export const Line = (maxLength: number, extra: { description?: string } = {}) =>
  Type.String({ minLength: 1, maxLength, pattern: SINGLE_LINE, ...extra });

/** A bounded free-text field (descriptions, circumstances). */
export const Text = (maxLength: number, extra: { description?: string } = {}) =>
  Type.String({ minLength: 1, maxLength, pattern: MULTI_LINE, ...extra });

/**
 * One part of a personal name in any script the members use: letters and combining marks
 * with the apostrophes, hyphens and spaces of real names (o'g'li, Ter-Petrosyan, ʻ) — and,
 * because a name is kept as it was written, the keys a wrong keyboard layout puts for letters
 * (`;erjd` is Жуков) and the digits of a bad OCR pass. Matching reads such names through their
 * repair (see `nameQualityNotes`); there must be at least one letter, and output is always
 * escaped, so neither markup nor SQL can pass through a name.
 */
export const NAME_PART_PATTERN = '^(?=[^\\p{L}]*\\p{L})[\\p{L}\\p{M}\\p{N};:,.<>\\[\\]{}\'"`~ʼʻ’‘][\\p{L}\\p{M}\\p{N};:,.<>\\[\\]{}\'"`~ʼʻ’‘\\- ]*$';
export const NamePart = Type.String({
  minLength: 1,
  maxLength: 80,
  pattern: NAME_PART_PATTERN,
});

/** ISO 3166-1 alpha-2 state code, upper case. */
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
export type CountryCode = Static<typeof CountryCode>;

/** A participant code: state + agency, e.g. `KZ-GP`; or `BKBOP`. */
export const ParticipantCode = Type.String({
  pattern: '^(BKBOP|[A-Z]{2}-[A-Z][A-Z0-9]{1,15})$',
  description: 'State code and agency, e.g. RU-MVD, KZ-GP; or BKBOP',
});

/** A full calendar date, `YYYY-MM-DD`; whether the day exists is checked by the record rules. */
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/** A date known to the year, month or day: `1984`, `1984-07` or `1984-07-15`. */
export const PARTIAL_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

export const PartialDate = Type.String({
  pattern: PARTIAL_DATE_PATTERN,
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
});

export const DateRange = Type.Object({ from: PartialDate, to: PartialDate }, { additionalProperties: false });

export const AgeRange = Type.Object(
  { min: Type.Integer({ minimum: 0, maximum: 120 }), max: Type.Integer({ minimum: 0, maximum: 120 }) },
  { additionalProperties: false, description: 'Estimated age in whole years' },
);

export const Place = Type.Object(
  {
    country: CountryCode,
    region: Type.Optional(Line(120)),
    locality: Type.Optional(Line(120)),
    address: Type.Optional(Line(300)),
  },
  { additionalProperties: false },
);
export type Place = Static<typeof Place>;

export const Uuid = Type.String({ format: 'uuid' });
