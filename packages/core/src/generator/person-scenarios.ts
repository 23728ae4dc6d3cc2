/**
 * The life stories that put one person into several records: wanted in two states, wanted
 * at home and reported missing by the family, missing and later found dead or alive, the
 * same case entered twice by one state.
 */
import type { Category } from '../schemas/record.ts';
import { pickPlace, type StateCode } from './geo.ts';
import { ownerFor, pickDestination, pickState } from './owners.ts';
import type { Context } from './context.ts';
import { personRecord, type PersonEvent } from './person-records.ts';
import { createPerson, eventPlace, type PersonTruth, type Profile } from './persons.ts';
import type { Random } from './random.ts';
import type { GeneratedRecord } from './types.ts';

type Scenario = 'W' | 'M' | 'C' | 'U' | 'WW' | 'Wsame' | 'WM' | 'WWW' | 'WWWW' | 'MC' | 'MU' | 'MM' | 'Msame' | 'MMC';

/** Subjects recorded once: mostly wanted and missing people. */
const SINGLE: readonly (readonly [Scenario, number])[] = [
  ['W', 47],
  ['M', 20],
  ['C', 17],
  ['U', 16],
];

/** Subjects recorded more than once. */
const MULTI: readonly (readonly [Scenario, number])[] = [
  ['WW', 24],
  ['Wsame', 7],
  ['WM', 5],
  ['WWW', 4],
  ['WWWW', 1],
  ['MC', 22],
  ['MU', 14],
  ['MM', 9],
  ['Msame', 4],
  ['MMC', 4],
];

/** How long ago an event happened: mostly the last few years, with a tail of old cases. */
export function pastDay(rng: Random, today: number): number {
  const back = rng.weighted([
    [rng.int(0, 3 * 365), 55],
    [rng.int(3 * 365, 10 * 365), 30],
    [rng.int(10 * 365, 25 * 365), 15],
  ] as const);
  return today - back;
}

/** A state other than `state` the person is connected with: home if foreign, else where people go. */
function otherState(rng: Random, p: PersonTruth, state: StateCode): StateCode {
  return p.home !== state && rng.chance(0.65) ? p.home : pickDestination(rng, state);
}

const missingProfile = (rng: Random, scenario: Scenario): Profile =>
  scenario === 'MC'
    ? rng.weighted([
        ['adult', 80],
        ['elderly', 12],
        ['child', 8],
      ] as const)
    : scenario === 'MU'
      ? rng.weighted([
          ['elderly', 45],
          ['child', 25],
          ['adult', 30],
        ] as const)
      : rng.weighted([
          ['adult', 58],
          ['child', 20],
          ['elderly', 22],
        ] as const);

/** Days after the first event at which each later event of a story happens. */
interface Delays {
  /** Wanted elsewhere: each further state's warrant. */
  warrants: number[];
  /** Another record of the same case opened later (a duplicate, or another state's missing record). */
  registered: number;
  /** The body or the living person found. */
  found: number;
  /** Death, counted from the disappearance. */
  death: number;
  /** Last seen before the warrant (wanted and reported missing at home). */
  seenBefore: number;
}

function drawDelays(rng: Random, scenario: Scenario, profile: Profile): Delays {
  const d: Delays = { warrants: [], registered: 0, found: 0, death: 0, seenBefore: 0 };
  const steps = scenario === 'WW' ? 1 : scenario === 'WWW' ? 2 : scenario === 'WWWW' ? 3 : 0;
  let day = 0;
  for (let i = 0; i < steps; i++) {
    day += rng.int(20, 700);
    d.warrants.push(day);
  }
  if (scenario === 'Wsame') d.registered = rng.int(1, 400);
  if (scenario === 'WM') {
    d.seenBefore = rng.int(0, 120);
    d.registered = rng.int(5, 200);
  }
  if (scenario === 'MM' || scenario === 'MMC') d.registered = rng.int(15, 500);
  if (scenario === 'Msame') d.registered = rng.int(2, 300);
  if (scenario === 'MC' || scenario === 'MMC') {
    d.found = rng.int(
      1,
      rng.weighted([
        [30, 5],
        [365, 3],
        [1500, 2],
      ] as const),
    );
    d.death = rng.int(0, Math.min(14, d.found));
  }
  if (scenario === 'MU') d.found = rng.int(0, profile === 'adult' ? 700 : 45);
  return d;
}

function profileOf(rng: Random, scenario: Scenario): Profile {
  if (scenario.startsWith('W')) return 'offender';
  if (scenario === 'C')
    return rng.weighted([
      ['adult', 80],
      ['elderly', 12],
      ['child', 8],
    ] as const);
  if (scenario === 'U')
    return rng.weighted([
      ['elderly', 45],
      ['adult', 35],
      ['child', 20],
    ] as const);
  return missingProfile(rng, scenario);
}

/** All records of one person subject, in the order states opened them. */
export function personSubject(ctx: Context, id: string, duplicated: boolean): GeneratedRecord[] {
  const { rng, today } = ctx;
  const scenario = rng.weighted(duplicated ? MULTI : SINGLE);
  const profile = profileOf(rng, scenario);
  const delays = drawDelays(rng, scenario, profile);
  // The story ends on a recent-biased day and starts as long before as it needs, so later
  // events never pile up on `today`.
  const span = Math.max(0, delays.registered, delays.found, ...delays.warrants);
  const day0 = pastDay(rng, today) - span;
  const events: PersonEvent[] = [];
  const ev = (category: Category, state: StateCode, day: number, p: PersonTruth, extra: Partial<PersonEvent> = {}): PersonEvent => ({
    category,
    owner: ownerFor(rng, state, category),
    day,
    place: category === 'wanted_person' ? pickPlace(rng, state, false) : eventPlace(rng, p, state),
    ...extra,
  });
  const a = pickState(rng);
  let person: PersonTruth;

  if (scenario.startsWith('W')) {
    person = createPerson(ctx, id, a, profile, day0, day0);
    const fled = scenario !== 'W' && scenario !== 'Wsame';
    const first = ev('wanted_person', a, day0, person, { abroad: fled || person.home !== a });
    events.push(first);
    if (scenario === 'Wsame') {
      const owner = rng.chance(0.8) ? first.owner : ownerFor(rng, a, 'wanted_person');
      events.push({ ...ev('wanted_person', a, day0 + delays.registered, person), owner });
    } else if (scenario === 'WM') {
      const lastSeen = Math.max(person.birth + 5 * 365, day0 - delays.seenBefore);
      events.push(ev('missing_person', otherState(rng, person, a), lastSeen, person, { registered: day0 + delays.registered }));
    }
    const used = new Set<StateCode>([a]);
    for (const offset of delays.warrants) {
      let b = otherState(rng, person, a);
      for (let t = 0; t < 5 && used.has(b); t++) b = pickState(rng);
      used.add(b);
      events.push(ev('wanted_person', b, day0 + offset, person, { abroad: true }));
    }
  } else if (scenario === 'C' || scenario === 'U') {
    const death =
      scenario === 'C'
        ? day0 -
          rng.weighted([
            [rng.int(0, 7), 5],
            [rng.int(8, 60), 3],
            [rng.int(61, 700), 2],
          ] as const)
        : day0;
    person = createPerson(ctx, id, a, profile, death, death);
    events.push(ev(scenario === 'C' ? 'unidentified_corpse' : 'unidentified_person', a, day0, person, { deathDay: death }));
  } else {
    person = createPerson(ctx, id, a, profile, day0, day0);
    const lastSeenPlace = eventPlace(rng, person, a);
    events.push({ ...ev('missing_person', a, day0, person), place: lastSeenPlace });
    if (scenario === 'MM' || scenario === 'MMC') {
      events.push({ ...ev('missing_person', otherState(rng, person, a), day0, person), place: lastSeenPlace, registered: day0 + delays.registered });
    }
    if (scenario === 'Msame') {
      events.push({ ...ev('missing_person', a, day0, person), place: lastSeenPlace, registered: day0 + delays.registered });
    }
    if (scenario === 'MC' || scenario === 'MMC') {
      const c = rng.chance(0.55) ? a : otherState(rng, person, a);
      events.push(ev('unidentified_corpse', c, day0 + delays.found, person, { deathDay: day0 + delays.death }));
    }
    if (scenario === 'MU') {
      const u = rng.chance(0.7) ? a : otherState(rng, person, a);
      events.push(ev('unidentified_person', u, day0 + delays.found, person));
    }
  }

  return events.map((e, i) => personRecord(ctx, person, e, i === 0));
}
