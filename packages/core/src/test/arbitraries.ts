import fc from 'fast-check';

/**
 * One UTF-16 code unit or one code point: fast-check's own `binary` unit never produces a lone
 * surrogate, which is exactly the text outside input can carry and the bank must refuse or
 * repair. Mixing both gives well-formed pairs, lone halves, NUL and controls in one string.
 */
export const utf16Unit: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 2 },
  { arbitrary: fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\r', '\n', '\t', ' '), weight: 1 },
);

/** Any string a JavaScript program can hold, lone surrogates and NUL included. */
export const anyText = (constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> =>
  fc.string({ unit: utf16Unit, ...constraints });

/** Any JSON value whose strings and keys are any text. */
export const anyJson = (maxDepth = 4): fc.Arbitrary<unknown> => fc.jsonValue({ stringUnit: utf16Unit, maxDepth });

/**
 * Whether a string is storable, decided code unit by code unit (no regular expression): no NUL,
 * and every surrogate half is part of a high-then-low pair. The oracle the text rule is held to.
 */
export function storableByUnits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return false;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** RFC 6901 syntax: empty, or `/`-prefixed tokens in which `~` is only ever `~0` or `~1`. */
export const isJsonPointer = (pointer: string): boolean => /^(\/([^~/]|~[01])*)*$/u.test(pointer);

/** Follows an RFC 6901 pointer into a JSON value; `undefined` when nothing is there. */
export function resolvePointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let here: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(here) && /^(0|[1-9]\d*)$/.test(token)) here = here[Number(token)];
    else if (here !== null && typeof here === 'object' && !Array.isArray(here) && Object.hasOwn(here, token))
      here = (here as Record<string, unknown>)[token];
    else return undefined;
  }
  return here;
}
