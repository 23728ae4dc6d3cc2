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
  // An explicit stack, not recursion: a body of a few hundred kilobytes of `[` is valid JSON
  // nested deeper than the call stack reaches, and must be judged, not crash the request.
  // Children go on in reverse so that issues come out in document order.
  const stack: Visit[] = [{ value, path }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const visit = stack.pop()!;
    if ('badKey' in visit) {
      issues.push({ path: visit.badKey, code: 'bad_characters' });
      continue;
    }
    const { value: item, path: at } = visit;
    if (typeof item === 'string') {
      if (!isStorableText(item)) issues.push({ path: at, code: 'bad_characters' });
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push({ value: item[i], path: `${at}/${i}` });
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        // A key that cannot be stored is the issue itself: what is under it is not looked at.
        if (isStorableText(key)) stack.push({ value: child, path: `${at}/${escapePointer(key)}` });
        else stack.push({ badKey: `${at}/${escapePointer(toStorableText(key))}` });
      }
    }
  }
  return issues;
}

/** A value still to be looked at, or an unstorable key already found, in the order they are met. */
type Visit = { value: unknown; path: string } | { badKey: string };

/** RFC 6901: `~` and `/` inside a key are escaped so the pointer stays unambiguous. */
export const escapePointer = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The storable form of any text the bank writes on its own account (audit details, log lines):
 * lone surrogates and NUL become U+FFFD, so what is hashed is exactly what is stored.
 */
export const toStorableText = (text: string): string => (isStorableText(text) ? text : text.toWellFormed().replaceAll('\u0000', '\uFFFD'));
