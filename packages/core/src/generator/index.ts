/**
 * A deterministic generator of realistic synthetic CIS law-enforcement records with ground
 * truth, for measuring matching quality. Pure: no I/O, no clock, no Math.random — the same
 * options always give the same records, streamed one subject at a time in flat memory.
 */
import { checkRecordRules } from '../validation/record-rules.ts';
import { isoOf, parseIso } from './calendar.ts';
import type { Context } from './context.ts';
import { Corruptor, DEFAULT_CORRUPTION } from './corruption.ts';
import { firearmSubject } from './firearms.ts';
import { NationalRefs } from './owners.ts';
import { personSubject } from './person-scenarios.ts';
import { createRandom } from './random.ts';
import { CORRUPTION_KINDS, type CorruptionRates, type GeneratedRecord, type GeneratorOptions } from './types.ts';
import { vehicleSubject } from './vehicles.ts';

export { createRandom, type Random } from './random.ts';
export { DEFAULT_CORRUPTION } from './corruption.ts';
export { CORRUPTION_KINDS, type CorruptionKind, type CorruptionRates, type GeneratedRecord, type GeneratorOptions } from './types.ts';

/** The `today` used when none is given: every generated date is on or before it. */
export const DEFAULT_TODAY = '2026-11-01';
/** Share of subjects recorded more than once when none is given. */
export const DEFAULT_DUPLICATE_RATE = 0.3;
/**
 * The accepted range of `count`. The generator is designed for 100 … 10 000 000 records; smaller
 * counts are accepted so demos and tests can ask for a handful.
 */
export const MIN_COUNT = 1;
export const MAX_COUNT = 10_000_000;

/** Subjects by kind: persons (four categories), vehicles, firearms — sized to give the category mix. */
const SUBJECT_KINDS = [
  ['P', 68],
  ['V', 17],
  ['F', 15],
] as const;

const rate = (name: string, value: number) => {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
  return value;
};

function resolveRates(partial: Partial<CorruptionRates> | undefined): CorruptionRates {
  const rates = { ...DEFAULT_CORRUPTION, ...partial };
  for (const kind of CORRUPTION_KINDS) rate(`corruption.${kind}`, rates[kind]);
  return rates;
}

/**
 * Streams exactly `count` records. A subject's records are emitted together and then
 * forgotten, so memory does not grow with `count`; the last subject may be cut short.
 *
 * @example for (const r of generateRecords({ seed: 1, count: 1000 })) write(JSON.stringify(r));
 */
export function* generateRecords(options: GeneratorOptions): Generator<GeneratedRecord> {
  const { seed, count } = options;
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  if (!Number.isInteger(count) || count < MIN_COUNT || count > MAX_COUNT) {
    throw new RangeError(`count must be an integer from ${MIN_COUNT} to ${MAX_COUNT}, got ${count}`);
  }
  const today = parseIso(options.today ?? DEFAULT_TODAY);
  const todayIso = isoOf(today);
  const duplicateRate = rate('duplicateRate', options.duplicateRate ?? DEFAULT_DUPLICATE_RATE);
  const rng = createRandom(seed);
  const refs = new NationalRefs();
  const ctx: Context = {
    rng,
    today,
    corrupt: new Corruptor(rng, resolveRates(options.corruption)),
    nextRef: (owner, year) => refs.next(owner, year),
    valid: (record) => checkRecordRules(record.category, record, todayIso).length === 0,
  };
  const serial = { P: 0, V: 0, F: 0 };
  let emitted = 0;
  while (emitted < count) {
    const kind = rng.weighted(SUBJECT_KINDS);
    const id = `${kind}${String(++serial[kind]).padStart(7, '0')}`;
    const duplicated = rng.chance(duplicateRate);
    const records =
      kind === 'P' ? personSubject(ctx, id, duplicated) : kind === 'V' ? vehicleSubject(ctx, id, duplicated) : firearmSubject(ctx, id, duplicated);
    for (const record of records) {
      if (emitted >= count) return;
      emitted += 1;
      yield record;
    }
  }
}
