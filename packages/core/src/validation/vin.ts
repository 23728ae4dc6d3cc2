import { latinLookAlikes } from '../matching/identifiers/fold.ts';

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Upper-cases a VIN, reads Cyrillic look-alikes (А, В, Е, К, М, Н, Р, С, Т, Х typed on a Russian
 * layout) as the Latin letters they are, and drops the spaces and hyphens people type into it.
 */
export const normalizeVin = (vin: string): string => latinLookAlikes(vin).replace(/[\s-]/g, '');

/** ISO 3779 structure: 17 characters from the VIN alphabet, which has no I, O or Q. */
export const isVinWellFormed = (vin: string): boolean => /^[A-HJ-NPR-Z0-9]{17}$/.test(vin);

/**
 * The position-9 check digit is mandatory only for North American vehicles (WMI starting 1–5);
 * elsewhere position 9 is free, so a mismatch there means nothing.
 */
export const vinCheckDigitApplies = (vin: string): boolean => /^[1-5]/.test(vin);

export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const value = /\d/.test(ch) ? Number(ch) : (TRANSLITERATION[ch] ?? 0);
    sum += value * WEIGHTS[i]!;
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}
