import type { FieldIssue } from '../errors.ts';

/**
 * Text the bank cannot store as it was sent: a NUL (PostgreSQL text refuses it) or a lone
 * UTF-16 surrogate (no UTF-8 form; the driver would store U+FFFD instead, so what is kept would
 * differ from what was checked and hashed). In `u` mode a well-formed pair is one code point
 * outside the surrogate range, so only lone halves match.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** Whether a string can be stored and hashed exactly as it is. */
export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** Enough issues to show where the bad text is without echoing a whole hostile document back. */
const MAX_ISSUES = 20;

/**
 * The one rule for all text that enters the bank, whichever door it comes through (HTTP body,
 * query, path, an import line): every string and every object key must be well-formed Unicode
 * without NUL. Returns an issue with the JSON Pointer of each offending value.
 *
 * @example textIssues({ name: 'ab\ud800' }) // [{ path: '/name', code: 'bad_characters' }]
 */
export function textIssues(value: unknown, path = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  walk(value, path, issues);
  return issues;
}

function walk(value: unknown, path: string, issues: FieldIssue[]): void {
  if (issues.length >= MAX_ISSUES) return;
  if (typeof value === 'string') {
    if (!isStorableText(value)) issues.push({ path, code: 'bad_characters' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, `${path}/${i}`, issues);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (isStorableText(key)) walk(item, `${path}/${escapePointer(key)}`, issues);
      else if (issues.length < MAX_ISSUES) issues.push({ path: `${path}/${escapePointer(toStorableText(key))}`, code: 'bad_characters' });
    }
  }
}

/** RFC 6901: `~` and `/` inside a key are escaped so the pointer stays unambiguous. */
const escapePointer = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The storable form of any text the bank writes on its own account (audit details, log lines):
 * lone surrogates and NUL become U+FFFD, so what is hashed is exactly what is stored.
 */
export const toStorableText = (text: string): string => (isStorableText(text) ? text : text.toWellFormed().replaceAll('\u0000', '\uFFFD'));
