import fc from 'fast-check';
import type { LightMyRequestResponse as InjectResponse } from 'fastify';
import { expect } from 'vitest';

import { isJsonPointer, resolvePointer, utf16Unit } from '../../../core/src/test/arbitraries.ts';

// The text unit and the RFC 6901 helpers are core's: the property tests of both packages share them.
export { isJsonPointer, resolvePointer, utf16Unit };
export const anyText = (maxLength = 20): fc.Arbitrary<string> => fc.string({ unit: utf16Unit, maxLength });

/**
 * A value nested `depth` arrays deep. JSON.stringify itself recurses, so the nesting is spliced
 * into the serialized body as text (see `toBody`) rather than built as objects.
 */
export class Deep {
  constructor(readonly depth: number) {}
  toJSON() {
    return `${DEEP_MARK}${this.depth}${DEEP_MARK}`;
  }
}
const DEEP_MARK = '\u2063deep\u2063';
const DEEP_TOKEN = new RegExp(`"${DEEP_MARK}(\\d+)${DEEP_MARK}"`, 'g');

/** The JSON text a client would send for a value (a mutated record, say), deep nesting spliced in. */
export const toBody = (value: unknown): string =>
  JSON.stringify(value ?? null).replace(DEEP_TOKEN, (_, depth: string) => `${'['.repeat(Number(depth))}${']'.repeat(Number(depth))}`);

const uuids = fc.uuid().chain((u) => fc.constantFrom(u, u.toUpperCase(), `urn:uuid:${u}`, `{${u}}`, u.replaceAll('-', ''), `${u} `, u.slice(1)));

/** Values a prober tries in any field: wrong types, edge numbers, hostile and near-valid text, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ stringUnit: utf16Unit, maxDepth: 3 }), weight: 4 },
  { arbitrary: anyText(), weight: 3 },
  {
    arbitrary: fc.oneof(
      fc.constantFrom(
        -0,
        0,
        -1,
        0.5,
        1,
        39,
        40,
        250,
        251,
        1849,
        1899,
        2101,
        36_501,
        2 ** 31 - 1,
        2 ** 31,
        2 ** 53,
        2 ** 53 + 2,
        1e21,
        1e308,
        -1e308,
        5e-324,
      ),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
    weight: 2,
  },
  {
    arbitrary: fc.oneof(
      fc.constantFrom(
        '\u0000',
        'a\u0000b',
        'ab\ud800cd',
        '\udc00',
        `${'a'.repeat(99)}\ud83d`,
        '😀',
        '',
        ' ',
        '\n',
        '<script>',
        "'; DROP TABLE records; --",
      ),
      fc.constantFrom(63, 64, 65, 80, 81, 120, 121, 500, 501, 1000, 1001, 2000, 2001, 4000, 4001, 70_000, 1_100_000).map((n) => 'я'.repeat(n)),
      uuids,
      fc.constantFrom('1990-02-31', '1990-13', '0000-01-01', '1849', '1984', '2999-01-01', '1984-07-15', '9999-12-31', '2025-03-12T00:00:00Z'),
      fc.constantFrom('RU-MVD', 'KZ-MVD', 'XX-NONE', 'BKBOP', 'all', 'participants', 'vehicle', 'firearm', 'boat', 'active', 'cancelled'),
      fc.constantFrom('XTA210990Y2765432', '1HGCM82633A004352', '1HGCM82633A004353', 'IOQ00000000000000', 'А123ВС77'),
    ),
    weight: 3,
  },
  { arbitrary: fc.integer({ min: 1, max: 300_000 }).map((depth) => new Deep(depth)), weight: 1 },
);

/** Keys a prober adds: the record's own (in the wrong place), prototype names, pointer-breaking characters, any text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'category',
    'nationalRef',
    'person',
    'vehicle',
    'firearm',
    'missing',
    'wanted',
    'links',
    'remarks',
    'reviewBy',
    'version',
    'owner',
    'status',
    'id',
    '__proto__',
    'constructor',
    'prototype',
    'a/b',
    'a~b',
    '~1',
    '',
  ),
  anyText(8),
);

type Json = unknown;

/** One change to a document: a node (picked by its index among all nodes) replaced, deleted, or given a new member. */
export interface Mutation {
  kind: 'replace' | 'delete' | 'insert';
  at: number;
  key: string;
  value: unknown;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'delete', 'insert'),
  at: fc.nat(),
  key: hostileKey,
  value: hostileValue,
});

/** Zero to three changes: zero keeps the valid document, so that accepted writes are exercised too. */
export const mutations = fc.array(mutation, { maxLength: 3 });

type Path = (string | number)[];

function nodes(doc: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(doc)) {
    for (const [i, item] of doc.entries()) nodes(item, [...path, i], out);
  } else if (doc !== null && typeof doc === 'object' && !(doc instanceof Deep)) {
    for (const [key, item] of Object.entries(doc)) nodes(item, [...path, key], out);
  }
  return out;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  // defineProperty, so that a key like `__proto__` becomes a member as JSON.parse would make it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of a generated value: the document is changed in place, and fast-check replays its values when it shrinks. */
const fresh = (value: unknown): unknown => (value instanceof Deep ? value : structuredClone(value));

/** Applies the changes to a deep copy of the document; the root itself may be replaced by any value. */
export function mutate(base: Json, changes: readonly Mutation[]): Json {
  let doc: Json = structuredClone(base);
  for (const { kind, at, key, value: generated } of changes) {
    const change = { kind, at, key, value: fresh(generated) };
    const all = nodes(doc);
    const path = all[change.at % all.length]!;
    if (path.length === 0) {
      if (change.kind === 'replace') doc = change.value;
      else if (change.kind === 'insert' && doc !== null && typeof doc === 'object' && !Array.isArray(doc))
        setOwn(doc as Record<string, unknown>, change.key, change.value);
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, step) => (node as Record<string | number, Json>)[step], doc) as Record<
      string | number,
      Json
    >;
    const last = path.at(-1)!;
    const node = parent[last];
    if (change.kind === 'replace') parent[last] = change.value;
    else if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (Array.isArray(node)) node.splice(change.at % (node.length + 1), 0, change.value);
    else if (node !== null && typeof node === 'object' && !(node instanceof Deep)) setOwn(node as Record<string, unknown>, change.key, change.value);
    else parent[last] = change.value;
  }
  return doc;
}

interface Problem {
  status: number;
  code: string;
  title: string;
  errors?: { path: string; code: string; message: string }[];
}

/**
 * What a user notices of any answer: never a server error; a refusal is a problem document with
 * its status, code and title, and a bad request names each bad field by JSON Pointer (into the
 * body sent, given as the JSON text that was sent, when the body is at fault).
 */
export function expectAnswer(response: InjectResponse, sentBody?: string): void {
  expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json() as Problem;
  expect(problem.status).toBe(response.statusCode);
  expect(typeof problem.code).toBe('string');
  expect(typeof problem.title === 'string' && problem.title.length > 0).toBe(true);
  if (response.statusCode !== 400 && response.statusCode !== 422) return;
  expect(Array.isArray(problem.errors) && problem.errors.length > 0, response.body.slice(0, 500)).toBe(true);
  const body = sentBody === undefined ? undefined : parsedOrUndefined(sentBody);
  for (const { path } of problem.errors ?? []) {
    expect(isJsonPointer(path), `not a JSON Pointer: ${JSON.stringify(path)}`).toBe(true);
    if (body === undefined || /^\/(query|path|headers)(\/|$)/.test(path)) continue;
    // A body issue names the field, or (for a missing one) the object it is missing from.
    const parent = path.slice(0, path.lastIndexOf('/'));
    const named = resolvePointer(body, path) !== undefined || resolvePointer(body, parent) !== undefined;
    expect(named, `${path} names nothing in ${sentBody!.slice(0, 300)}`).toBe(true);
  }
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
