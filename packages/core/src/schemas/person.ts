import { Type, type Static } from 'typebox';
import { AgeRange, CountryCode, DateRange, IsoDate, Line, NamePart, PartialDate, Place, Text } from './common.ts';

export const SCRIPTS = ['Cyrl', 'Latn', 'Armn'] as const;
export const NAME_KINDS = ['primary', 'latin', 'alias', 'maiden', 'previous'] as const;
export const SEXES = ['male', 'female', 'unknown'] as const;
export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'internal_passport',
  'birth_certificate',
  'driving_licence',
  'residence_permit',
  'seaman_book',
  'other',
] as const;
export const BUILDS = ['slim', 'medium', 'stocky', 'heavy'] as const;
export const MARK_KINDS = ['scar', 'tattoo', 'birthmark', 'piercing', 'amputation', 'other'] as const;

/** A name as written in one document: the original script, its Latin form, or an alias. */
export const PersonName = Type.Object(
  {
    kind: Type.Enum(NAME_KINDS),
    script: Type.Enum(SCRIPTS),
    /** BCP 47 language of the spelling, e.g. `kk`, `uz-Latn`. */
    lang: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?$' })),
    surname: Type.Optional(NamePart),
    given: Type.Optional(NamePart),
    patronymic: Type.Optional(NamePart),
  },
  { additionalProperties: false },
);
export type PersonName = Static<typeof PersonName>;

export const IdentityDocument = Type.Object(
  {
    type: Type.Enum(DOCUMENT_TYPES),
    number: Type.String({ minLength: 1, maxLength: 32, pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N} \\-/№]*$' }),
    issuingState: CountryCode,
    issuedOn: Type.Optional(IsoDate),
    expiresOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type IdentityDocument = Static<typeof IdentityDocument>;

export const DistinguishingMark = Type.Object(
  {
    kind: Type.Enum(MARK_KINDS),
    location: Type.Optional(Line(120)),
    description: Text(500),
  },
  { additionalProperties: false },
);

export const PhysicalDescription = Type.Object(
  {
    heightCm: Type.Optional(Type.Integer({ minimum: 40, maximum: 250 })),
    build: Type.Optional(Type.Enum(BUILDS)),
    eyeColour: Type.Optional(Line(40)),
    hairColour: Type.Optional(Line(40)),
    marks: Type.Optional(Type.Array(DistinguishingMark, { maxItems: 30 })),
  },
  { additionalProperties: false },
);

/**
 * What every person record carries (wanted, missing, unidentified living and dead).
 * Names are optional here because an unidentified person has none; the record rules
 * demand them where the category needs them.
 */
export const PersonPart = Type.Object(
  {
    names: Type.Optional(Type.Array(PersonName, { maxItems: 20 })),
    sex: Type.Enum(SEXES),
    birthDate: Type.Optional(PartialDate),
    birthDateRange: Type.Optional(DateRange),
    birthPlace: Type.Optional(Place),
    citizenships: Type.Optional(Type.Array(CountryCode, { maxItems: 5, uniqueItems: true })),
    documents: Type.Optional(Type.Array(IdentityDocument, { maxItems: 20 })),
    description: Type.Optional(PhysicalDescription),
    lastKnownAddress: Type.Optional(Place),
  },
  { additionalProperties: false },
);
export type PersonPart = Static<typeof PersonPart>;

export const MEASURES = ['arrest_for_extradition', 'arrest', 'locate'] as const;

export const WantedPart = Type.Object(
  {
    offence: Type.Object(
      {
        article: Line(60, { description: "Article of the owner state's criminal code, e.g. 'ст. 105 ч. 2 УК РФ'" }),
        description: Text(1000),
      },
      { additionalProperties: false },
    ),
    warrant: Type.Object(
      {
        issuedBy: Line(200),
        issuedOn: IsoDate,
        number: Type.Optional(Line(60)),
      },
      { additionalProperties: false },
    ),
    measure: Type.Enum(MEASURES),
    danger: Type.Optional(
      Type.Object(
        {
          armed: Type.Optional(Type.Boolean()),
          violent: Type.Optional(Type.Boolean()),
          escapeRisk: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const VULNERABILITIES = ['child', 'dementia', 'mental_illness', 'disability', 'medical', 'suicide_risk'] as const;

export const MissingPart = Type.Object(
  {
    lastSeenOn: IsoDate,
    lastSeenPlace: Place,
    circumstances: Type.Optional(Text(2000)),
    clothing: Type.Optional(Text(1000)),
    vulnerabilities: Type.Optional(Type.Array(Type.Enum(VULNERABILITIES), { maxItems: 6, uniqueItems: true })),
    biometrics: Type.Optional(
      Type.Object({ dna: Type.Boolean(), dental: Type.Boolean(), fingerprints: Type.Boolean() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const SampleReferences = Type.Object(
  {
    dna: Type.Optional(Line(60)),
    fingerprints: Type.Optional(Line(60)),
    dental: Type.Optional(Line(60)),
  },
  { additionalProperties: false },
);

export const UnidentifiedCorpsePart = Type.Object(
  {
    foundOn: IsoDate,
    foundPlace: Place,
    estimatedAge: Type.Optional(AgeRange),
    /** Estimated days between death and discovery. */
    timeSinceDeathDays: Type.Optional(
      Type.Object(
        { min: Type.Integer({ minimum: 0, maximum: 36500 }), max: Type.Integer({ minimum: 0, maximum: 36500 }) },
        { additionalProperties: false },
      ),
    ),
    clothing: Type.Optional(Text(1000)),
    samples: Type.Optional(SampleReferences),
  },
  { additionalProperties: false },
);

export const LOCATION_KINDS = ['hospital', 'care_home', 'orphanage', 'police', 'other'] as const;

export const UnidentifiedPersonPart = Type.Object(
  {
    foundOn: IsoDate,
    foundPlace: Place,
    currentLocation: Type.Object(
      {
        kind: Type.Enum(LOCATION_KINDS),
        name: Line(200),
        place: Type.Optional(Place),
      },
      { additionalProperties: false },
    ),
    estimatedAge: Type.Optional(AgeRange),
    condition: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
