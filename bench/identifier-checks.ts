/**
 * Checks by identifier as a field officer types them: every generated vehicle's VIN and plate and
 * every firearm's first serial, each with one look-alike slip — a Latin letter typed as its
 * Cyrillic look-alike or the reverse, O for 0 or 0 for O, I for 1 or 1 for I — checked alone.
 * Reports, per kind, the share answered `hit` with a record of the same object on top, and the
 * share whose own record was among the candidates (found).
 */
import { createRandom, generateRecords, type CheckInput, type Random } from '@svod/core';
import { SYSTEM_ACTOR, runCheck, type Db } from '@svod/server';

const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};
const CYRILLIC_TO_LATIN = Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]));
const READ_AS: Record<string, string> = { '0': 'O', O: '0', '1': 'I', I: '1' };

/** The slips a character can suffer. */
const slipsOf = (ch: string): string[] => [LATIN_TO_CYRILLIC[ch], CYRILLIC_TO_LATIN[ch], READ_AS[ch]].filter((s): s is string => s !== undefined);

/** The identifier with one slip at a random position that admits one; unchanged when none does. */
export function withOneSlip(value: string, rng: Random): string {
  const chars = [...value];
  const positions = chars.flatMap((ch, i) => (slipsOf(ch).length > 0 ? [i] : []));
  if (positions.length === 0) return value;
  const at = positions[rng.int(0, positions.length - 1)]!;
  const slips = slipsOf(chars[at]!);
  chars[at] = slips[rng.int(0, slips.length - 1)]!;
  return chars.join('');
}

interface IdentifierCheck {
  kind: 'vin' | 'plate' | 'serial';
  input: CheckInput;
  self: string;
  truth: string;
}

/**
 * Runs the checks on a loaded bank of `size` records generated with seed 7 (as `bench/run.ts`
 * loads it), at most `limit` of them, spread evenly over the bank.
 */
export async function benchIdentifierChecks(db: Db, size: number, emit: (name: string, value: number, unit: string) => void, limit = 20_000) {
  const rng = createRandom(17);
  const checks: IdentifierCheck[] = [];
  const truthOf = new Map<string, string>();
  for (const r of generateRecords({ seed: 7, count: size })) {
    if (!r.vehicle && !r.firearm) continue;
    const self = `${r.owner}/${r.nationalRef}`;
    truthOf.set(self, r.truth);
    // The checker (BKBOP) sees records distributed to all: those a check must find.
    if (r.distribution.kind !== 'all') continue;
    const add = (kind: IdentifierCheck['kind'], input: CheckInput) => checks.push({ kind, input, self, truth: r.truth });
    if (r.vehicle?.vin) add('vin', { vehicle: { vin: withOneSlip(r.vehicle.vin, rng) } });
    if (r.vehicle?.plate) add('plate', { vehicle: { plate: { ...r.vehicle.plate, number: withOneSlip(r.vehicle.plate.number, rng) } } });
    if (r.firearm) add('serial', { firearm: { serial: withOneSlip(r.firearm.serials[0]!, rng) } });
  }
  const step = Math.max(1, checks.length / limit);
  const ctx = { db, actor: { ...SYSTEM_ACTOR, participant: 'BKBOP', role: 'analyst' as const }, purpose: 'bench' };
  const tally = new Map<string, { checks: number; hit: number; found: number }>();
  for (let i = 0; i < checks.length; i += step) {
    const check = checks[Math.floor(i)]!;
    const result = await runCheck(ctx, check.input);
    const refs = result.candidates.map((c) => `${c.record.owner}/${c.record.nationalRef}`);
    const hit = result.outcome === 'hit' && truthOf.get(refs[0]!) === check.truth;
    for (const kind of [check.kind, 'all']) {
      const t = tally.get(kind) ?? { checks: 0, hit: 0, found: 0 };
      t.checks++;
      if (hit) t.hit++;
      if (refs.includes(check.self)) t.found++;
      tally.set(kind, t);
    }
  }
  for (const [kind, t] of tally) {
    emit(`check.identifier.${kind}.hit`, t.hit / t.checks, 'share');
    emit(`check.identifier.${kind}.found`, t.found / t.checks, 'share');
    emit(`check.identifier.${kind}.checks`, t.checks, 'checks');
  }
}
