import fc from 'fast-check';
import type { Actor, RecordInput } from '@svod/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './store/audit.ts';
import { importRecords, type ImportReport } from './store/import-records.ts';
import { anyText, isJsonPointer, mutations, mutate, toBody, type Mutation } from './test/arbitraries.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { createAjv } from './validation/ajv.ts';
import { createRecordValidators } from './validation/records.ts';

/** Runs per property and dialect: each run imports up to a dozen lines in several transactions. */
const RUNS = { store: 80, http: 60 };

const OWNER = 'UZ-MVD';
const validators = createRecordValidators(createAjv());
const actor: Actor = { kind: 'system', id: 'import-property', name: 'import-property', participant: OWNER, role: 'supervisor' };
const FIXTURES = { wantedPerson, stolenVehicle };
type Fixture = keyof typeof FIXTURES;

/** One line of an import file, described so that fast-check can shrink it; `materialize` writes it. */
type LineSpec =
  | { kind: 'valid'; fixture: Fixture; cr: boolean }
  | { kind: 'again'; of: number; changed: boolean; cr: boolean }
  | { kind: 'mutated'; fixture: Fixture; changes: Mutation[] }
  | { kind: 'text'; text: string }
  | { kind: 'blank'; text: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'cut'; fixture: Fixture; at: number }
  | { kind: 'foreign'; fixture: Fixture; owner: string }
  | { kind: 'status'; fixture: Fixture; status: string };

const fixture = fc.constantFrom<Fixture>('wantedPerson', 'stolenVehicle');
const lineSpec: fc.Arbitrary<LineSpec> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('valid' as const), fixture, cr: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('again' as const), of: fc.nat(), changed: fc.boolean(), cr: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('mutated' as const), fixture, changes: mutations }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('text' as const), text: anyText(30) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', ' ', '\r', '\t', ' \r') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('cut' as const), fixture, at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('foreign' as const), fixture, owner: fc.constantFrom('RU-MVD', 'XX-NONE', '', OWNER) }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('status' as const), fixture, status: fc.constantFrom('active', 'located', 'cancelled', 'lost') }),
    weight: 1,
  },
);
const lineSpecs = fc.array(lineSpec, { maxLength: 12 });

/** Writes the lines: fresh national references each time, repeats pointing at a record written earlier in the same file. */
function materialize(specs: readonly LineSpec[]): string[] {
  const records: RecordInput[] = [];
  return specs.map((spec) => lineOf(spec, records));
}

function lineOf(spec: LineSpec, records: RecordInput[]): string {
  switch (spec.kind) {
    case 'valid': {
      const record = FIXTURES[spec.fixture]();
      records.push(record);
      return `${JSON.stringify(record)}${spec.cr ? '\r' : ''}`;
    }
    case 'again': {
      const earlier = records[spec.of % Math.max(records.length, 1)] ?? wantedPerson();
      const line = spec.changed ? { ...earlier, remarks: `изменено ${spec.of}` } : earlier;
      return `${JSON.stringify(line)}${spec.cr ? '\r' : ''}`;
    }
    case 'mutated':
      return toBody(mutate(FIXTURES[spec.fixture](), spec.changes));
    case 'text':
    case 'blank':
      return spec.text;
    case 'json':
      return JSON.stringify(spec.value);
    case 'cut': {
      const line = JSON.stringify(FIXTURES[spec.fixture]());
      return line.slice(0, spec.at % line.length);
    }
    case 'foreign':
      return JSON.stringify({ owner: spec.owner, ...FIXTURES[spec.fixture]() });
    case 'status':
      return JSON.stringify({ ...FIXTURES[spec.fixture](), status: spec.status });
  }
}

/** The national references a file names, as far as the database could hold them. */
function refsIn(lines: readonly string[]): string[] {
  const refs = new Set<string>();
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      const ref = value !== null && typeof value === 'object' ? (value as { nationalRef?: unknown }).nationalRef : undefined;
      if (typeof ref === 'string' && ref.length > 0 && ref.toWellFormed() === ref && !ref.includes('\u0000')) refs.add(ref);
    } catch {
      // Not JSON: names no record.
    }
  }
  return [...refs];
}

/** The lines of an HTTP body as a reader of the file counts them: a final newline ends the last line, it starts none. */
const linesOfBody = (body: string): string[] => (body === '' ? [] : body.replace(/\n$/, '').split('\n'));
const isBlank = (line: string) => line.replace(/\r$/, '').trim() === '';

describe.each(DIALECTS)('an import of any mix of lines, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  /** What the owner's array holds: how many records, their versions added up (each update adds one), their match keys. */
  const snapshot = async (refs: string[]) => {
    const owned = await t.db
      .selectFrom('records')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('version').as('versions')])
      .where('owner', '=', OWNER)
      .executeTakeFirstOrThrow();
    const named =
      refs.length === 0
        ? 0
        : Number(
            (
              await t.db
                .selectFrom('records')
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .where('owner', '=', OWNER)
                .where('national_ref', 'in', refs)
                .executeTakeFirstOrThrow()
            ).n,
          );
    const keys = await t.db
      .selectFrom('match_keys')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return { records: Number(owned.n), versions: Number(owned.versions ?? 0), named, matchKeys: Number(keys.n) };
  };
  type Snapshot = Awaited<ReturnType<typeof snapshot>>;

  /** The report accounts for every line, and the database changed by exactly what it says (or not at all). */
  function expectAccounted(report: ImportReport, lines: readonly string[], atomic: boolean, before: Snapshot, after: Snapshot) {
    expect(report.lines).toBe(lines.length);
    const nonBlank = lines.filter((line) => !isBlank(line)).length;
    expect(report.rejected).toHaveLength(Math.min(report.rejectedTotal, 1000));
    const rejectedLines = report.rejected.map((r) => r.line);
    expect(new Set(rejectedLines).size).toBe(rejectedLines.length);
    for (const line of rejectedLines) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(isBlank(lines[line - 1]!), `line ${line} is blank`).toBe(false);
    }
    if (atomic && report.rejectedTotal > 0) {
      // One bad line: nothing applied, nothing stored.
      expect(report).toMatchObject({ applied: false, created: 0, updated: 0, unchanged: 0 });
      expect(after).toEqual(before);
      return;
    }
    expect(report.applied).toBe(true);
    expect(report.created + report.updated + report.unchanged + report.rejectedTotal).toBe(nonBlank);
    expect(after.named - before.named).toBe(report.created);
    expect(after.records - before.records).toBe(report.created);
    expect(after.versions - before.versions).toBe(report.created + report.updated);
  }

  it('importRecords: every line counted, every non-blank line created, updated, unchanged or rejected, and stored exactly so', async () => {
    await fc.assert(
      fc.asyncProperty(lineSpecs, fc.boolean(), fc.integer({ min: 1, max: 4 }), async (specs, atomic, batchSize) => {
        const lines = materialize(specs);
        const refs = refsIn(lines);
        const before = await snapshot(refs);
        const report = await importRecords({ db: t.db, actor, purpose: 'test' }, lines, validators, { atomic, batchSize });
        expectAccounted(report, lines, atomic, before, await snapshot(refs));
      }),
      { numRuns: RUNS.store },
    );
    const chain = await verifyAuditChain(t.db);
    expect(chain.ok, chain.problem?.message).toBe(true);
  });

  it('POST /records/import: any body of lines, CRLF or LF, is answered with a report that accounts for it', async () => {
    const headers = { ...(await t.as(OWNER, 'operator')), 'content-type': 'application/x-ndjson' };
    await fc.assert(
      fc.asyncProperty(lineSpecs, fc.boolean(), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (specs, atomic, eol, finalEol) => {
        const body = materialize(specs).join(eol) + (finalEol && specs.length > 0 ? eol : '');
        const lines = linesOfBody(body);
        const refs = refsIn(lines);
        const before = await snapshot(refs);
        const response = await t.app.inject({ method: 'POST', url: `/api/v1/records/import?atomic=${atomic}`, headers, payload: body });
        expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
        const report = response.json() as ImportReport & { rejected: { line: number; errors: { path: string }[] }[] };
        for (const rejected of report.rejected) for (const { path } of rejected.errors) expect(isJsonPointer(path), path).toBe(true);
        expectAccounted(report, lines, atomic, before, await snapshot(refs));
      }),
      { numRuns: RUNS.http },
    );
    const chain = await verifyAuditChain(t.db);
    expect(chain.ok, chain.problem?.message).toBe(true);
  });
});
