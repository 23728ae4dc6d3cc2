import { AppError } from '../errors.ts';

/**
 * A request's registration number, as printed on the official document: the sending
 * participant, the year of registration and the participant's running number for that year,
 * e.g. `KZ-MVD/2026/000123`. Six digits cover any agency's year; larger numbers simply grow.
 */
export interface RegistrationNumber {
  participant: string;
  year: number;
  sequence: number;
}

const PARTICIPANT = /^(BKBOP|[A-Z]{2}-[A-Z][A-Z0-9]{1,15})$/;
const REGISTRATION = /^(BKBOP|[A-Z]{2}-[A-Z][A-Z0-9]{1,15})\/(\d{4})\/(\d{6,9})$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2999;
const MAX_SEQUENCE = 999_999_999;

export type RegistrationParseResult =
  | { ok: true; value: RegistrationNumber }
  | { ok: false; reason: 'bad_format' | 'year_out_of_range' | 'sequence_out_of_range' | 'not_canonical' };

export function formatRegistrationNumber({ participant, year, sequence }: RegistrationNumber): string {
  const issues = [
    ...(PARTICIPANT.test(participant) ? [] : [{ path: '/participant', code: 'bad_format' as const }]),
    ...(Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? [] : [{ path: '/year', code: 'out_of_range' as const }]),
    ...(Number.isInteger(sequence) && sequence >= 1 && sequence <= MAX_SEQUENCE ? [] : [{ path: '/sequence', code: 'out_of_range' as const }]),
  ];
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  return `${participant}/${year}/${String(sequence).padStart(6, '0')}`;
}

/** Reads a number typed or scanned back; only the one spelling `formatRegistrationNumber` writes is accepted. */
export function parseRegistrationNumber(text: string): RegistrationParseResult {
  const match = REGISTRATION.exec(text);
  if (!match) return { ok: false, reason: 'bad_format' };
  const [, participant, yearText, sequenceText] = match as unknown as [string, string, string, string];
  const year = Number(yearText);
  const sequence = Number(sequenceText);
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: 'year_out_of_range' };
  if (sequence < 1) return { ok: false, reason: 'sequence_out_of_range' };
  // `KZ-MVD/2026/0001234` would name the same request as `…/001234`; two spellings of one number must not exist.
  if (sequenceText.length > 6 && sequenceText.startsWith('0')) return { ok: false, reason: 'not_canonical' };
  return { ok: true, value: { participant, year, sequence } };
}
