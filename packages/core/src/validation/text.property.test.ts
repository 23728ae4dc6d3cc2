import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyJson, anyText, isJsonPointer, resolvePointer, storableByUnits } from '../test/arbitraries.ts';
import { isStorableText, textIssues, toStorableText } from './text.ts';

/** Every string and key of a JSON value, keys first, as the oracle sees them. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) texts(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      texts(item, out);
    }
  }
  return out;
}

const PREFIXES = ['', '/query', '/path', '/headers'];

describe('the one text rule, for any value outside input can carry', () => {
  it('a string is storable exactly when it has no NUL and no lone surrogate half', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 40 }), (text) => {
        expect(isStorableText(text)).toBe(storableByUnits(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('textIssues finds an issue exactly when some string or key cannot be stored, and points at it', () => {
    fc.assert(
      fc.property(anyJson(), fc.constantFrom(...PREFIXES), (value, prefix) => {
        const issues = textIssues(value, prefix);
        expect(issues.length > 0).toBe(texts(value).some((t) => !storableByUnits(t)));
        // Enough to show where, never the whole hostile document echoed back.
        expect(issues.length).toBeLessThanOrEqual(20);
        for (const issue of issues) {
          expect(issue.code).toBe('bad_characters');
          expect(issue.path.startsWith(prefix)).toBe(true);
          const pointer = issue.path.slice(prefix.length);
          expect(isJsonPointer(pointer), pointer).toBe(true);
          // The pointer names a bad string, or a bad key (written in its storable form) of the object it leads to.
          const target = resolvePointer(value, pointer);
          if (typeof target === 'string' && !storableByUnits(target)) continue;
          const cut = pointer.lastIndexOf('/');
          const parent = resolvePointer(value, pointer.slice(0, cut));
          const token = pointer
            .slice(cut + 1)
            .replaceAll('~1', '/')
            .replaceAll('~0', '~');
          const badKeys = parent !== null && typeof parent === 'object' ? Object.keys(parent).filter((k) => !storableByUnits(k)) : [];
          expect(badKeys.map(toStorableText)).toContain(token);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('textIssues reports every issue while there are few of them', () => {
    // Strings in an array: every bad one up to the cap of 20 is named, in order.
    fc.assert(
      fc.property(fc.array(anyText({ maxLength: 6 }), { maxLength: 30 }), (list) => {
        const bad = list.flatMap((text, i) => (storableByUnits(text) ? [] : [`/${i}`]));
        expect(textIssues(list).map((i) => i.path)).toEqual(bad.slice(0, 20));
      }),
      { numRuns: 1000 },
    );
  });

  it('textIssues answers for values nested as deep as a request body can carry, naming the bad string at the bottom', () => {
    // A 1 MiB body holds half a million `[`: the rule must judge such a value, not crash.
    const nested = fc.record({
      depth: fc.integer({ min: 1, max: 200_000 }),
      inObjects: fc.boolean(),
      leaf: fc.constantFrom('ok', 'bad\u0000', '\udc00'),
    });
    fc.assert(
      fc.property(nested, ({ depth, inObjects, leaf }) => {
        let value: unknown = leaf;
        for (let i = 0; i < depth; i++) value = inObjects ? { a: value } : [value];
        const issues = textIssues(value);
        const step = inObjects ? '/a' : '/0';
        expect(issues.map((i) => i.path)).toEqual(storableByUnits(leaf) ? [] : [step.repeat(depth)]);
      }),
      { numRuns: 20 },
    );
  });

  it('toStorableText always yields storable text, replacing only NUL and lone halves, one unit for one', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 40 }), (text) => {
        const out = toStorableText(text);
        expect(isStorableText(out)).toBe(true);
        expect(out.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          if (out[i] === text[i]) continue;
          expect(out[i]).toBe('\uFFFD');
          const c = text.charCodeAt(i);
          expect(c === 0 || (c >= 0xd800 && c <= 0xdfff)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('toStorableText is idempotent and leaves storable text exactly as it was', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 40 }), (text) => {
        const once = toStorableText(text);
        expect(toStorableText(once)).toBe(once);
        if (storableByUnits(text)) expect(once).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });
});
