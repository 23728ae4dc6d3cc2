import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test/arbitraries.ts';
import { identifierKey, plateKey } from './fold.ts';

/** Cyrillic capitals a clerk types for the Latin letter they look like (the Russian plate alphabet and kin). */
const LOOK_ALIKES: Record<string, string[]> = {
  A: ['А'],
  B: ['В'],
  E: ['Е', 'Ё'],
  K: ['К'],
  M: ['М'],
  H: ['Н'],
  O: ['О'],
  P: ['Р'],
  C: ['С'],
  T: ['Т'],
  Y: ['У', 'Ү'],
  X: ['Х'],
  I: ['І'],
  J: ['Ј'],
  S: ['Ѕ'],
};

/** What a plate, serial or document number is typed with: Latin capitals, digits, Cyrillic capitals. */
const IDENTIFIER_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЈЅҮҒҚҢӨҰҺӘӮӢҲҶЎ'];
const identifier = fc.string({ unit: fc.constantFrom(...IDENTIFIER_CHARS), minLength: 1, maxLength: 12 });
const SEPARATORS = [' ', '-', '/', '.', '№', '  ', '\t'];

describe('identifier folding, for any text', () => {
  it('never throws and yields only Latin capitals and digits, never the letters read as digits', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 30 }), (text) => {
        const key = identifierKey(text);
        expect(key).toMatch(/^[A-Z0-9]*$/);
        expect(key).not.toMatch(/[OQIL]/);
      }),
      { numRuns: 5000 },
    );
  });

  it('is idempotent: a folded key folds to itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyText({ maxLength: 30 }), identifier), (text) => {
        const key = identifierKey(text);
        expect(identifierKey(key)).toBe(key);
      }),
      { numRuns: 5000 },
    );
  });

  it('an identifier typed with Cyrillic look-alikes folds to the same key as in Latin', () => {
    const latin = fc.string({ unit: fc.constantFrom(...'ABCEHIJKMOPSTXY0123456789'), minLength: 1, maxLength: 12 });
    const typed = latin.chain((plain) =>
      fc.array(fc.nat(), { minLength: plain.length, maxLength: plain.length }).map((picks) => ({
        plain,
        cyrillic: [...plain].map((ch, i) => [ch, ...(LOOK_ALIKES[ch] ?? [])][picks[i]! % (1 + (LOOK_ALIKES[ch]?.length ?? 0))]).join(''),
      })),
    );
    fc.assert(
      fc.property(typed, ({ plain, cyrillic }) => {
        expect(identifierKey(cyrillic)).toBe(identifierKey(plain));
      }),
      { numRuns: 3000 },
    );
  });

  it('separators and letter case do not change the key', () => {
    const typed = identifier.chain((id) =>
      fc
        .array(fc.record({ lower: fc.boolean(), sep: fc.constantFrom('', '', ...SEPARATORS) }), { minLength: id.length, maxLength: id.length })
        .map((how) => ({ id, typed: [...id].map((ch, i) => (how[i]!.lower ? ch.toLowerCase() : ch) + how[i]!.sep).join('') })),
    );
    fc.assert(
      fc.property(typed, ({ id, typed }) => {
        expect(identifierKey(typed)).toBe(identifierKey(id));
      }),
      { numRuns: 3000 },
    );
  });

  it('a plate key is its state in capitals and the folded number', () => {
    fc.assert(
      fc.property(
        anyText({ maxLength: 16 }),
        fc.string({ unit: fc.constantFrom(...'ABKRUZabkruz'), minLength: 2, maxLength: 2 }),
        (number, state) => {
          expect(plateKey(number, state)).toBe(`${state.toUpperCase()}:${identifierKey(number)}`);
          expect(plateKey(number, state.toLowerCase())).toBe(plateKey(number, state.toUpperCase()));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
