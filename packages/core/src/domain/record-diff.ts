/** One difference between two versions of a record: where, as a JSON Pointer, and the value on either side. */
export interface RecordDifference {
  path: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;
const token = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * What changed between two versions of a record's content, value by value: each field added,
 * removed or changed, named by its JSON Pointer (`/person/names/0/surname`). A section added or
 * removed whole is listed field by field, so that a reviewer reads what it held.
 */
export function recordDifferences(before: unknown, after: unknown, path = ''): RecordDifference[] {
  if (isContainer(before) || isContainer(after)) {
    const asList = Array.isArray(before) || Array.isArray(after);
    const b: Container = isContainer(before) ? before : asList ? [] : {};
    const a: Container = isContainer(after) ? after : asList ? [] : {};
    if (Array.isArray(b) !== Array.isArray(a)) return [difference(path, before, after)];
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.flatMap((key) =>
      recordDifferences((b as Record<string, unknown>)[key], (a as Record<string, unknown>)[key], `${path}/${token(key)}`),
    );
  }
  return before === after ? [] : [difference(path, before, after)];
}

function difference(path: string, before: unknown, after: unknown): RecordDifference {
  return { path: path || '/', ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}
