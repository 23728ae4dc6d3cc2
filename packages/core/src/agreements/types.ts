import { Type, type Static } from 'typebox';
import { REQUEST_TYPES } from '../requests/types.ts';
import { IsoDate, Line, ParticipantCode, Uuid } from '../schemas/common.ts';
import { CATEGORIES } from '../schemas/record.ts';

/**
 * An agreement on information interaction, as data: who its parties are, which arrays they share
 * under it and which requests they may send each other, and when it is in force. Bilateral or
 * multilateral; BKBOP's coordinating access is one such agreement, not a rule in the code.
 */
export const AgreementInput = Type.Object(
  {
    title: Line(300),
    documentRef: Line(200, { description: 'Where the text is: its registration, number and date of signing' }),
    parties: Type.Array(ParticipantCode, { minItems: 2, maxItems: 64, uniqueItems: true }),
    // A coordinating body's access (BKBOP's): it and each other party, not the others among themselves.
    coordinator: Type.Optional(ParticipantCode),
    categories: Type.Array(Type.Enum(CATEGORIES), { maxItems: CATEGORIES.length, uniqueItems: true, description: 'The arrays the parties share' }),
    requestTypes: Type.Array(Type.Enum(REQUEST_TYPES), {
      maxItems: REQUEST_TYPES.length,
      uniqueItems: true,
      description: 'The requests the parties may send each other',
    }),
    inForceFrom: IsoDate,
    inForceTo: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type AgreementInput = Static<typeof AgreementInput>;

/** A change to an agreement: the whole of it again, with the version it was read at. */
export const AgreementUpdate = Type.Object({ ...AgreementInput.properties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type AgreementUpdate = Static<typeof AgreementUpdate>;

export const AgreementView = Type.Object({
  id: Uuid,
  title: Type.String(),
  documentRef: Type.String(),
  parties: Type.Array(Type.String()),
  coordinator: Type.Union([Type.String(), Type.Null()], { description: 'When set, the agreement covers the coordinator with each other party only' }),
  categories: Type.Array(Type.Enum(CATEGORIES)),
  requestTypes: Type.Array(Type.Enum(REQUEST_TYPES)),
  inForceFrom: Type.String({ format: 'date' }),
  inForceTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  version: Type.Integer({ minimum: 1 }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AgreementView = Static<typeof AgreementView>;
