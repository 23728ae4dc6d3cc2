import { AppError } from '@svod/core';
import { UUID } from '../validation/ajv.ts';

/** The cursor of a page kept in order by a time and an id: both, base64url, for the next page. */
export const encodeCursor = (at: Date | string, id: string): string => Buffer.from(`${new Date(at).toISOString()}|${id}`).toString('base64url');

/**
 * A cursor's time exactly as `encodeCursor` writes it, years 0001–9999: a forged one for year 0 or
 * 200,000 BC would parse as a Date and then fail in the database as out of range.
 */
const CURSOR_TIME = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The time and id a cursor names; anything else is refused at `/query/cursor`. */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [text = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(text);
  // Round-tripped, so that a day that does not exist (30 February) is not read as another.
  if (!CURSOR_TIME.test(text) || Number.isNaN(at.getTime()) || at.toISOString() !== text || !UUID.test(id)) {
    throw new AppError('validation_failed', { issues: [{ path: '/query/cursor', code: 'bad_format', params: { format: 'cursor' } }] });
  }
  return { at, id };
}
