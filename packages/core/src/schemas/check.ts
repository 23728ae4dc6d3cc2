import { Type, type Static } from 'typebox';
import { CountryCode, Line, NamePart, PartialDate } from './common.ts';
import { VinText } from './object.ts';
import { DOCUMENT_TYPES, SEXES } from './person.ts';

/**
 * A field officer's check: "is this person, car or gun wanted anywhere?". Bounded everywhere,
 * so that no check can take unbounded time.
 */
export const CheckInput = Type.Object(
  {
    person: Type.Optional(
      Type.Object(
        {
          surname: Type.Optional(NamePart),
          given: Type.Optional(NamePart),
          patronymic: Type.Optional(NamePart),
          /** BCP 47 language of the spelling, when known (e.g. `az`, `uz-Latn`). */
          lang: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?$' })),
          birthDate: Type.Optional(PartialDate),
          sex: Type.Optional(Type.Enum(SEXES)),
          document: Type.Optional(
            Type.Object(
              {
                number: Type.String({ minLength: 1, maxLength: 32, pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N} \\-/№]*$' }),
                issuingState: CountryCode,
                type: Type.Optional(Type.Enum(DOCUMENT_TYPES)),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    vehicle: Type.Optional(
      Type.Object(
        {
          vin: Type.Optional(VinText),
          plate: Type.Optional(Type.Object({ number: Line(16), state: CountryCode }, { additionalProperties: false })),
          engineNumber: Type.Optional(Line(30)),
          bodyNumber: Type.Optional(Line(30)),
          make: Type.Optional(Line(60)),
          model: Type.Optional(Line(60)),
        },
        { additionalProperties: false },
      ),
    ),
    firearm: Type.Optional(
      Type.Object({ serial: Line(30), make: Type.Optional(Line(60)), model: Type.Optional(Line(60)) }, { additionalProperties: false }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'Candidates to return, default 10' })),
    subjectHeld: Type.Optional(
      Type.Boolean({ description: "The officer is holding the subject: a hit's owner must answer within minutes, not the hour" }),
    ),
  },
  { additionalProperties: false },
);
export type CheckInput = Static<typeof CheckInput>;

export const CHECK_OUTCOMES = ['hit', 'possible', 'no_hit'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];
