/**
 * Who records what: the participants' share of each category, which people each state's
 * records are about (nationality and citizenship), where people go when they leave, how
 * records are distributed and numbered.
 */
import { DEFAULT_PARTICIPANTS } from '../domain/participants.ts';
import type { Category, Distribution } from '../schemas/record.ts';
import { perState, type StateCode } from './geo.ts';
import type { Nationality } from './names/index.ts';
import type { Random } from './random.ts';

/** Participants that own records (BKBOP coordinates and owns none). */
export const OWNER_CODES = DEFAULT_PARTICIPANTS.filter((p) => p.state !== null).map((p) => p.code);

const ALL_PARTICIPANT_CODES = DEFAULT_PARTICIPANTS.map((p) => p.code);

/** The state of a participant code (`KZ-GP` → `KZ`). */
export const stateOf = (owner: string): StateCode => owner.slice(0, 2) as StateCode;

/** Share of each state in the bank's arrays, roughly by the size of its police force. */
const STATE_WEIGHTS: Readonly<Record<StateCode, number>> = {
  RU: 34,
  KZ: 13,
  UZ: 12,
  BY: 8,
  AZ: 7,
  KG: 6,
  TJ: 6,
  AM: 5,
  MD: 5,
};
/** State weights as a table for weighted picks. */
export const STATE_ENTRIES = Object.entries(STATE_WEIGHTS) as [StateCode, number][];

/** Prosecutors own wanted-person records only: the extradition cases they run themselves. */
const PROSECUTOR: Readonly<Partial<Record<StateCode, string>>> = { RU: 'RU-GP', KZ: 'KZ-GP' };
const POLICE: Readonly<Record<StateCode, string>> = {
  RU: 'RU-MVD',
  KZ: 'KZ-MVD',
  BY: 'BY-MVD',
  KG: 'KG-MVD',
  TJ: 'TJ-MVD',
  UZ: 'UZ-MVD',
  AZ: 'AZ-MVD',
  AM: 'AM-POLICE',
  MD: 'MD-MAI',
};

/** A state weighted by its share of the bank, optionally not `exclude`. */
export function pickState(rng: Random, exclude?: StateCode): StateCode {
  return rng.weighted(STATE_ENTRIES.filter(([s]) => s !== exclude));
}

/** The participant of a state that records a category (the prosecutor takes some extradition cases). */
export function ownerFor(rng: Random, state: StateCode, category: Category): string {
  const gp = PROSECUTOR[state];
  if (gp && category === 'wanted_person' && rng.chance(0.18)) return gp;
  return POLICE[state];
}

/** Whether a participant is a prosecutor's office (they run extradition cases). */
export const isProsecutor = (owner: string) => owner.endsWith('-GP');

/** [nationality, citizenship, weight]: who the people in a state's records are. */
type Origin = readonly [Nationality, string, number];

/** Who each state's records are about: nationality, citizenship and weight (ethnic mix plus migrants). */
export const ORIGINS: Readonly<Record<StateCode, readonly Origin[]>> = {
  RU: [
    ['russian', 'RU', 54],
    ['ukrainian', 'RU', 6],
    ['belarusian', 'RU', 1],
    ['tajik', 'TJ', 7],
    ['tajik', 'RU', 1.5],
    ['uzbek', 'UZ', 8],
    ['uzbek', 'RU', 1],
    ['kyrgyz', 'KG', 4],
    ['kyrgyz', 'RU', 1],
    ['azerbaijani', 'AZ', 3],
    ['azerbaijani', 'RU', 2],
    ['armenian', 'AM', 3],
    ['armenian', 'RU', 3],
    ['kazakh', 'KZ', 2],
    ['kazakh', 'RU', 1],
    ['moldovan', 'MD', 2],
    ['ukrainian', 'UA', 1],
    ['belarusian', 'BY', 1],
  ],
  KZ: [
    ['kazakh', 'KZ', 60],
    ['russian', 'KZ', 18],
    ['russian', 'RU', 4],
    ['uzbek', 'KZ', 4],
    ['uzbek', 'UZ', 4],
    ['kyrgyz', 'KG', 3],
    ['ukrainian', 'KZ', 2],
    ['tajik', 'TJ', 1],
    ['azerbaijani', 'KZ', 1],
    ['belarusian', 'KZ', 0.5],
  ],
  BY: [
    ['belarusian', 'BY', 68],
    ['russian', 'BY', 10],
    ['russian', 'RU', 10],
    ['ukrainian', 'BY', 3],
    ['ukrainian', 'UA', 4],
    ['azerbaijani', 'AZ', 1],
    ['armenian', 'AM', 1],
    ['tajik', 'TJ', 1],
    ['uzbek', 'UZ', 1],
    ['moldovan', 'MD', 1],
  ],
  KG: [
    ['kyrgyz', 'KG', 70],
    ['uzbek', 'KG', 10],
    ['russian', 'KG', 7],
    ['russian', 'RU', 2],
    ['kazakh', 'KZ', 3],
    ['tajik', 'TJ', 3],
    ['uzbek', 'UZ', 3],
  ],
  TJ: [
    ['tajik', 'TJ', 82],
    ['uzbek', 'TJ', 8],
    ['uzbek', 'UZ', 3],
    ['russian', 'RU', 2],
    ['russian', 'TJ', 1],
    ['kyrgyz', 'KG', 2],
  ],
  UZ: [
    ['uzbek', 'UZ', 76],
    ['russian', 'UZ', 5],
    ['russian', 'RU', 2],
    ['tajik', 'UZ', 4],
    ['tajik', 'TJ', 4],
    ['kazakh', 'UZ', 3],
    ['kazakh', 'KZ', 2],
    ['kyrgyz', 'KG', 2],
    ['azerbaijani', 'AZ', 0.5],
    ['ukrainian', 'UZ', 0.5],
  ],
  AZ: [
    ['azerbaijani', 'AZ', 86],
    ['russian', 'RU', 4],
    ['russian', 'AZ', 2],
    ['ukrainian', 'UA', 0.5],
    ['uzbek', 'UZ', 1],
    ['tajik', 'TJ', 0.5],
    ['kazakh', 'KZ', 0.5],
  ],
  AM: [
    ['armenian', 'AM', 88],
    ['russian', 'RU', 5],
    ['russian', 'AM', 1],
    ['armenian', 'RU', 3],
    ['ukrainian', 'UA', 0.5],
  ],
  MD: [
    ['moldovan', 'MD', 70],
    ['russian', 'MD', 8],
    ['ukrainian', 'MD', 8],
    ['russian', 'RU', 3],
    ['ukrainian', 'UA', 4],
    ['belarusian', 'BY', 0.5],
    ['armenian', 'AM', 0.5],
    ['azerbaijani', 'AZ', 0.5],
  ],
};

/** ORIGINS as weighted tables of [nationality, citizenship], built once. */
export const ORIGIN_TABLES = perState((state) => ORIGINS[state].map(([n, c, w]) => [[n, c] as const, w] as const));

/** Where people from a state go (labour migration, flight): Russia first, then Kazakhstan. */
export const DESTINATIONS: readonly (readonly [StateCode, number])[] = [
  ['RU', 50],
  ['KZ', 15],
  ['BY', 5],
  ['UZ', 5],
  ['KG', 5],
  ['AZ', 5],
  ['AM', 5],
  ['TJ', 4],
  ['MD', 4],
];

/** A state someone from `exclude` goes to: for work, to hide, to live. */
export function pickDestination(rng: Random, exclude: StateCode): StateCode {
  return rng.weighted(DESTINATIONS.filter(([s]) => s !== exclude));
}

/** Most records go to everyone; some are shared with a few named participants only. */
export function drawDistribution(rng: Random, owner: string): Distribution {
  if (rng.chance(0.86)) return { kind: 'all' };
  const others = ALL_PARTICIPANT_CODES.filter((c) => c !== owner);
  return { kind: 'participants', participants: rng.sample(others, rng.int(2, 4)) };
}

/**
 * Each owner's own reference numbers, e.g. `KZ-MVD-2024-0000123`: a per-owner counter
 * keeps them unique whatever the year, and the state is all the memory it needs.
 */
export class NationalRefs {
  private readonly counters = new Map<string, number>();

  next(owner: string, year: number): string {
    const n = (this.counters.get(owner) ?? 0) + 1;
    this.counters.set(owner, n);
    return `${owner}-${year}-${String(n).padStart(7, '0')}`;
  }
}
