import type { Language } from '../domain.ts';
/**
 * A record being edited in the console: the JSON the API takes, addressed by JSON Pointer so
 * that each input and each error the server sends back (`errors[].path`) meet at one path.
 */
export type Draft = Record<string, unknown>;

const tokens = (path: string): string[] =>
  path
    .split('/')
    .slice(1)
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));

/** The value at `path`, or undefined where the draft does not reach. */
export function getAt(draft: unknown, path: string): unknown {
  let value: unknown = draft;
  for (const token of tokens(path)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** A copy of the draft with `value` at `path`, creating objects (or arrays, for numeric steps) on the way. */
export function setAt<T>(draft: T, path: string, value: unknown): T {
  const [head, ...rest] = tokens(path);
  if (head === undefined) return value as T;
  const container: Record<string, unknown> | unknown[] = Array.isArray(draft)
    ? [...draft]
    : typeof draft === 'object' && draft !== null
      ? { ...(draft as Record<string, unknown>) }
      : /^\d+$/.test(head)
        ? []
        : {};
  const child = (container as Record<string, unknown>)[head];
  const restPath = rest.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
  (container as Record<string, unknown>)[head] = rest.length === 0 ? value : setAt(child, restPath, value);
  return container as T;
}

/**
 * What is sent: empty inputs, and the objects and lists they leave empty, are left out, so that
 * the server names what is missing rather than what is blank.
 */
export function pruned(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) {
    const items = value.map(pruned).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, pruned(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/**
 * A date as people type it, in the form the API takes: `15.07.1984`, `15/07/1984`, `1984-07-15`
 * → `1984-07-15`; `07.1984` → `1984-07`; `1984` → `1984`. Anything else comes back as typed, for
 * the server to refuse at its field. `partial` says whether a month or a year alone may stand.
 */
export function typedDate(text: string, partial: boolean): string {
  const value = text.trim();
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  if (dotted) return `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
  if (partial) {
    const month = /^(\d{1,2})[./](\d{4})$/.exec(value);
    if (month) return `${month[2]}-${month[1]!.padStart(2, '0')}`;
  }
  return value;
}

/** A date from the API's form as people type it back in their language: `15.07.1984`, `15/07/1984`, `07.1984`. */
export function dateText(value: unknown, lang: Language): string {
  if (typeof value !== 'string') return '';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return value;
  const separator = lang === 'ru' ? '.' : '/';
  return [match[3], match[2], match[1]].filter(Boolean).join(separator);
}
