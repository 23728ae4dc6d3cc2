import { Type, type Static } from 'typebox';
import { IsoDate, Line, Place } from './common.ts';

/** Identifier characters: letters of any script (Soviet serials carry Cyrillic), digits, separators. */
const IDENTIFIER = '^[\\p{L}\\p{N}][\\p{L}\\p{N} \\-/.]*$';
const Identifier = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: IDENTIFIER });

/**
 * A VIN as typed: Latin letters and digits, or the Cyrillic letters that look like them (a
 * Russian keyboard layout), with spaces and hyphens. Structure is checked after folding.
 */
export const VinText = Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9АВЕКМНОРСТУХавекмнорстух \\-]+$' });

export const VehiclePart = Type.Object(
  {
    /** 17 characters, no I, O or Q; structure and (where it applies) the check digit are verified. */
    vin: Type.Optional(VinText),
    plate: Type.Optional(Type.Object({ number: Identifier(16), state: Type.String({ pattern: '^[A-Z]{2}$' }) }, { additionalProperties: false })),
    make: Line(60),
    model: Type.Optional(Line(60)),
    colour: Type.Optional(Line(40)),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    engineNumber: Type.Optional(Identifier(30)),
    /** Body or frame number: right-hand-drive imports often have one instead of a VIN. */
    bodyNumber: Type.Optional(Identifier(30)),
    theft: Type.Optional(Type.Object({ date: IsoDate, place: Place }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type VehiclePart = Static<typeof VehiclePart>;

export const FIREARM_KINDS = ['lost_stolen', 'found_seized'] as const;
export const FIREARM_TYPES = [
  'pistol',
  'revolver',
  'rifle',
  'carbine',
  'shotgun',
  'submachine_gun',
  'machine_gun',
  'grenade_launcher',
  'other',
] as const;

export const FirearmPart = Type.Object(
  {
    kind: Type.Enum(FIREARM_KINDS),
    type: Type.Enum(FIREARM_TYPES),
    make: Type.Optional(Line(60)),
    model: Type.Optional(Line(60)),
    calibre: Type.Optional(Line(30)),
    serials: Type.Array(Identifier(30), { minItems: 1, maxItems: 5 }),
    yearOfManufacture: Type.Optional(Type.Integer({ minimum: 1850, maximum: 2100 })),
    /** When the weapon was lost, stolen, found or seized. */
    eventDate: IsoDate,
    eventPlace: Place,
    legalOwner: Type.Optional(Line(200)),
  },
  { additionalProperties: false },
);
export type FirearmPart = Static<typeof FirearmPart>;
