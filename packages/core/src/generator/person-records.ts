/**
 * The four person records: wanted, missing, found dead, found alive and unable to say who
 * they are — each with the owner's legal basis, its own wording and its own numbering.
 * The first record of a subject is clean; later ones get corruptions.
 */
import type { PersonPart } from '../schemas/person.ts';
import type { Category } from '../schemas/record.ts';
import { addYears, ageOn, dottedOf, fromDay, isoOf } from './calendar.ts';
import type { Context } from './context.ts';
import { STATE_LANG, localityName, pickPlace, renderPlace, type PlaceRef } from './geo.ts';
import {
  CIRCUMSTANCES,
  CONDITIONS,
  FOUND_SITES,
  INSTITUTIONS,
  WANTED_REMARKS,
  clothingText,
  fill,
  type Circumstance,
  type Condition,
} from './lexicon.ts';
import { ARMED, VIOLENT, caseNumber, drawOffence, legalBasisText, warrantIssuer, type BasisKind } from './offences.ts';
import { drawDistribution, isProsecutor, stateOf } from './owners.ts';
import { describe, personPart } from './person-part.ts';
import type { PersonTruth } from './persons.ts';
import type { Random } from './random.ts';
import type { GeneratedRecord } from './types.ts';

/** One record's occasion: which category, which owner, when and where. */
export interface PersonEvent {
  category: Category;
  owner: string;
  /** Warrant date, last-seen date or date found. */
  day: number;
  /** Court location, last-seen place or place found. */
  place: PlaceRef;
  /** For bodies: the day of death. */
  deathDay?: number;
  /** Whether the person is believed to be abroad (extradition). */
  abroad?: boolean;
  /** When the record was opened, if later than `day` (another state's record of a missing person). */
  registered?: number;
}

function base(ctx: Context, p: PersonTruth, ev: PersonEvent, basis: BasisKind, regDay: number): GeneratedRecord {
  const { rng } = ctx;
  const state = stateOf(ev.owner);
  const year = fromDay(regDay).y;
  const record: GeneratedRecord = {
    owner: ev.owner,
    truth: p.id,
    corruptions: [],
    category: ev.category,
    nationalRef: ctx.nextRef(ev.owner, year),
    legalBasis: legalBasisText(basis, state, STATE_LANG[state], dottedOf(regDay), caseNumber(rng, state, basis, year)),
    actionOnHit: 'identify',
    distribution: drawDistribution(rng, ev.owner),
  };
  if (rng.chance(0.4)) record.reviewBy = isoOf(addYears(regDay, rng.int(1, 3)));
  return record;
}

function estimatedAge(rng: Random, p: PersonTruth, day: number) {
  const age = ageOn(p.birth, day);
  let min = Math.max(0, age - rng.int(1, 6));
  let max = Math.min(120, age + rng.int(2, 7));
  if (rng.chance(0.5) && age >= 15) {
    min = Math.floor(min / 5) * 5;
    max = Math.min(120, Math.ceil(max / 5) * 5);
  }
  return { min, max };
}

/** Builds one record of a person; the first record of a subject is clean, later ones get corruptions. */
export function personRecord(ctx: Context, p: PersonTruth, ev: PersonEvent, first: boolean): GeneratedRecord {
  const { rng, today } = ctx;
  const state = stateOf(ev.owner);
  const lang = STATE_LANG[state];
  const place = renderPlace(ev.place, lang);
  let record: GeneratedRecord;

  switch (ev.category) {
    case 'wanted_person': {
      record = base(ctx, p, ev, 'wanted', ev.day);
      const offence = drawOffence(rng, state, lang, p.female);
      const measure =
        isProsecutor(ev.owner) || (ev.abroad && rng.chance(0.7))
          ? 'arrest_for_extradition'
          : rng.weighted([
              ['arrest', 55],
              ['locate', 30],
              ['arrest_for_extradition', 15],
            ] as const);
      const yy = String(fromDay(ev.day).y % 100).padStart(2, '0');
      const danger: { armed?: boolean; violent?: boolean; escapeRisk?: boolean } = {};
      if (ARMED.has(offence.offence) && rng.chance(0.6)) danger.armed = true;
      if (VIOLENT.has(offence.offence) && rng.chance(0.7)) danger.violent = true;
      if (rng.chance(0.25)) danger.escapeRisk = true;
      record.person = personPart(ctx, p, state, lang, ev.day, record, first);
      record.wanted = {
        offence: { article: offence.article, description: offence.description },
        warrant: {
          issuedBy: warrantIssuer(rng, state, ev.place.locality.gen),
          issuedOn: isoOf(ev.day),
          ...(rng.chance(0.6) ? { number: state === 'RU' ? `3/1-${rng.int(1, 999)}/${yy}` : `${rng.int(1, 9999)}/${fromDay(ev.day).y}` } : {}),
        },
        measure,
        ...(Object.keys(danger).length > 0 ? { danger } : {}),
      };
      record.actionOnHit = measure === 'locate' ? 'locate_and_inform' : 'arrest';
      if (rng.chance(0.12) || (p.alias && rng.chance(0.5))) record.remarks = rng.pick(WANTED_REMARKS)[lang];
      break;
    }
    case 'missing_person': {
      const regDay = ev.registered ?? rng.after(ev.day, 1, 10, today);
      record = base(ctx, p, ev, 'missing', regDay);
      record.person = personPart(ctx, p, state, lang, regDay, record, first);
      const age = ageOn(p.birth, ev.day);
      const circumstance: Circumstance =
        p.profile === 'child' || age < 14
          ? rng.pick<Circumstance>(['school', 'leftHome'])
          : p.profile === 'elderly'
            ? rng.pick<Circumstance>(['dementia', 'dementia', 'leftHome'])
            : rng.weighted<Circumstance>([
                ['leftHome', 4],
                ['labourMigrant', ['TJ', 'UZ', 'KG', 'MD', 'AM', 'AZ'].includes(p.home) ? 3 : 0],
                ['fishing', 1],
                ['travel', 2],
              ]);
      const phrase = CIRCUMSTANCES[circumstance];
      const template = lang === 'ru' && p.female ? phrase.ruF : phrase[lang];
      const elsewhere = localityName(pickPlace(rng, ev.place.state, false), lang);
      const vulnerabilities: ('child' | 'dementia' | 'mental_illness' | 'disability' | 'medical' | 'suicide_risk')[] = [];
      if (age < 18) vulnerabilities.push('child');
      if (circumstance === 'dementia') vulnerabilities.push('dementia');
      if (p.profile === 'elderly' && rng.chance(0.4)) vulnerabilities.push('medical');
      if (p.profile === 'adult' && rng.chance(0.12)) vulnerabilities.push(rng.pick(['mental_illness', 'suicide_risk', 'disability'] as const));
      record.missing = {
        lastSeenOn: isoOf(ev.day),
        lastSeenPlace: place,
        circumstances: fill(template, { date: dottedOf(ev.day), year: fromDay(ev.day).y, place: elsewhere }),
        ...(rng.chance(0.8) ? { clothing: clothingText(p.clothing, lang) } : {}),
        ...(vulnerabilities.length > 0 ? { vulnerabilities } : {}),
        ...(rng.chance(0.7) ? { biometrics: { dna: rng.chance(0.5), dental: rng.chance(0.3), fingerprints: rng.chance(0.4) } } : {}),
      };
      record.actionOnHit = vulnerabilities.length > 0 && rng.chance(0.6) ? 'protect' : 'locate_and_inform';
      break;
    }
    case 'unidentified_corpse': {
      record = base(ctx, p, ev, 'corpse', ev.day);
      const death = ev.deathDay ?? ev.day;
      const elapsed = ev.day - death;
      const decomposed = elapsed > 30;
      const person: PersonPart = { sex: decomposed && rng.chance(0.05) ? 'unknown' : p.female ? 'female' : 'male' };
      const description = describe(rng, p, lang, { estimated: true, decomposed });
      if (description) person.description = description;
      record.person = person;
      const year = fromDay(ev.day).y;
      const ref = (kind: string) => `${state}-${kind}-${year}-${rng.digits(6)}`;
      record.unidentifiedCorpse = {
        foundOn: isoOf(ev.day),
        foundPlace: { ...place, address: rng.pick(FOUND_SITES)[lang] },
        estimatedAge: estimatedAge(rng, p, ev.day),
        timeSinceDeathDays: { min: Math.floor(elapsed * 0.6), max: Math.ceil(elapsed * 1.5) + 1 },
        ...(rng.chance(0.7) ? { clothing: clothingText(p.clothing, lang) } : {}),
        samples: {
          dna: ref('DNA'),
          ...(elapsed < 60 || rng.chance(0.2) ? { fingerprints: ref('FP') } : {}),
          ...(rng.chance(0.4) ? { dental: ref('DENT') } : {}),
        },
      };
      record.actionOnHit = 'identify';
      break;
    }
    default: {
      record = base(ctx, p, ev, 'unidentified', ev.day);
      const person: PersonPart = { sex: p.female ? 'female' : 'male' };
      const description = describe(rng, p, lang, { estimated: true, decomposed: false });
      if (description) person.description = description;
      record.person = person;
      const age = ageOn(p.birth, ev.day);
      const kind =
        age < 16
          ? 'orphanage'
          : p.profile === 'elderly'
            ? rng.pick(['care_home', 'hospital'] as const)
            : rng.weighted([
                ['hospital', 6],
                ['care_home', 2],
                ['other', 2],
              ] as const);
      const condition: Condition =
        age < 16
          ? 'child'
          : p.profile === 'elderly'
            ? rng.pick<Condition>(['dementia', 'disoriented'])
            : rng.pick<Condition>(['disoriented', 'amnesia', 'mental', 'deaf']);
      record.unidentifiedPerson = {
        foundOn: isoOf(ev.day),
        foundPlace: place,
        currentLocation: {
          kind,
          name: fill(INSTITUTIONS[kind][lang], { n: rng.int(1, 40) }),
          place: renderPlace({ state: ev.place.state, locality: ev.place.locality }, lang),
        },
        estimatedAge: estimatedAge(rng, p, ev.day),
        condition: CONDITIONS[condition][lang],
      };
      record.actionOnHit = 'identify';
    }
  }

  if (!first) ctx.corrupt.person(record, ctx.valid);
  return record;
}
