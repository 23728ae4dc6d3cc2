/**
 * People as the truth knows them: nationality and citizenship, the name in every spelling,
 * birth, body, marks, documents, what they wore — drawn to fit the state whose records they
 * first appear in.
 */
import type { PersonPart } from '../schemas/person.ts';
import { fromDay } from './calendar.ts';
import type { Context } from './context.ts';
import { issueDocuments, type DocTruth } from './documents.ts';
import { pickPlace, type PlaceRef, type StateCode } from './geo.ts';
import { COLOURS, MARKS, type BodyLocation, type ClothingItem, type EyeColour, type Garment, type HairColour } from './lexicon.ts';
import { generateName, otherSurname, type NameForms, type Nationality, type TruthName } from './names/index.ts';
import { ORIGIN_TABLES } from './owners.ts';
import type { Random } from './random.ts';

/** Who the person is in the story: it sets age, sex ratio, marks and what happens to them. */
export type Profile = 'offender' | 'adult' | 'child' | 'elderly';
export type Build = NonNullable<NonNullable<PersonPart['description']>['build']>;

/** A distinguishing mark: one of the lexicon's templates, where it is, its size in cm for scars. */
export interface Mark {
  template: number;
  location: BodyLocation;
  size: number;
}

/** Birth place outside the member states (Ukrainian citizens): a town name in Russian. */
export interface ForeignPlace {
  country: string;
  ru: string;
}

/** The clean truth about a person, from which every record of them is written. */
export interface PersonTruth {
  id: string;
  nationality: Nationality;
  citizenships: string[];
  /** The member state where the person lives. */
  home: StateCode;
  female: boolean;
  profile: Profile;
  name: TruthName;
  maiden?: NameForms;
  alias?: NameForms;
  birth: number;
  /** How precisely the authorities know the birth date. */
  precision: 'day' | 'month' | 'year' | 'range';
  birthPlace: PlaceRef | ForeignPlace;
  residence: PlaceRef;
  heightCm: number;
  build: Build;
  eye: EyeColour;
  hair: HairColour;
  marks: Mark[];
  documents: DocTruth[];
  /** Whether this Belarusian's Belarusian records use the Belarusian spelling. */
  belarusianFirst: boolean;
  clothing: ClothingItem[];
}

const MEMBER = new Set<string>(['AM', 'AZ', 'BY', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ']);
const SLAVIC: ReadonlySet<Nationality> = new Set(['russian', 'ukrainian', 'belarusian']);
const UA_TOWNS = ['Киев', 'Харьков', 'Одесса', 'Днепр', 'Запорожье', 'Львов', 'Николаев', 'Херсон'];

/** Mark templates as weighted tables; children carry scars and birthmarks, not prison tattoos. */
const MARK_TABLE = MARKS.map((m, i) => [i, m.weight] as const);
const CHILD_MARK_TABLE = MARKS.map((m, i) => [i, m.kind === 'tattoo' ? 0 : m.weight] as const);
const FEMALE_MARK_TABLE = MARKS.map((m, i) => [i, m.maleOnly ? 0 : m.weight] as const);

const FEMALE_SHARE: Readonly<Record<Profile, number>> = { offender: 0.13, adult: 0.38, child: 0.45, elderly: 0.55 };

function ageFor(rng: Random, profile: Profile): number {
  switch (profile) {
    case 'offender':
      return rng.normalInt(33, 9, 18, 68);
    case 'adult':
      return rng.normalInt(38, 13, 18, 80);
    case 'child':
      return rng.weighted([
        [rng.int(2, 9), 1],
        [rng.int(10, 13), 1.2],
        [rng.int(14, 17), 2.5],
      ] as const);
    case 'elderly':
      return rng.int(66, 92);
  }
}

function adultHeight(rng: Random, nationality: Nationality, female: boolean): number {
  const base = SLAVIC.has(nationality) ? 177 : nationality === 'moldovan' || nationality === 'armenian' || nationality === 'azerbaijani' ? 174 : 172;
  return female ? rng.normalInt(base - 13, 6, 145, 190) : rng.normalInt(base, 7, 155, 205);
}

function heightAt(rng: Random, nationality: Nationality, female: boolean, age: number): number {
  const adult = adultHeight(rng, nationality, female);
  if (age >= 18) return age >= 75 ? adult - 3 : adult;
  // Children: roughly 87 cm at two, growing about 6 cm a year towards the adult height.
  return Math.min(adult, Math.round(87 + (age - 2) * 6 + rng.int(-4, 4)));
}

function eyeColour(rng: Random, n: Nationality): EyeColour {
  if (SLAVIC.has(n))
    return rng.weighted([
      ['blue', 30],
      ['grey', 25],
      ['green', 15],
      ['brown', 20],
      ['hazel', 10],
    ] as const);
  if (n === 'moldovan')
    return rng.weighted([
      ['brown', 45],
      ['green', 15],
      ['blue', 15],
      ['grey', 10],
      ['hazel', 15],
    ] as const);
  return rng.weighted([
    ['brown', 65],
    ['black', 20],
    ['hazel', 8],
    ['green', 5],
    ['blue', 2],
  ] as const);
}

function hairColour(rng: Random, n: Nationality, female: boolean, age: number): HairColour {
  if (age >= 62 && rng.chance(0.7)) return 'grey';
  if (!female && age >= 40 && rng.chance(0.1)) return 'bald';
  if (SLAVIC.has(n))
    return rng.weighted([
      ['brown', 35],
      ['darkBrown', 30],
      ['blond', 17],
      ['black', 10],
      ['red', 3],
    ] as const);
  return rng.weighted([
    ['black', 70],
    ['darkBrown', 20],
    ['brown', 8],
    ['red', 1],
  ] as const);
}

function drawMarks(rng: Random, profile: Profile, female: boolean): Mark[] {
  const share = profile === 'offender' ? 0.55 : profile === 'child' ? 0.1 : 0.3;
  if (!rng.chance(share)) return [];
  const count = rng.weighted([
    [1, 6],
    [2, 3],
    [3, 1],
  ] as const);
  const marks: Mark[] = [];
  for (let i = 0; i < count; i++) {
    const template = rng.weighted(profile === 'child' ? CHILD_MARK_TABLE : female ? FEMALE_MARK_TABLE : MARK_TABLE);
    const t = MARKS[template];
    if (!t || marks.some((m) => m.template === template)) continue;
    marks.push({ template, location: rng.chance(0.7) ? (t.locations[0] as BodyLocation) : rng.pick(t.locations), size: rng.int(2, 12) });
  }
  return marks;
}

function drawClothing(rng: Random, female: boolean, child: boolean): ClothingItem[] {
  const g = (garment: Garment): ClothingItem => ({ garment, colour: rng.pick(COLOURS) });
  const top = rng.pick<Garment>(child ? ['jacket', 'sweater', 'tshirt'] : ['jacket', 'coat', 'sweater', 'tshirt', 'tracksuit']);
  const items = [g(top)];
  if (top !== 'tracksuit')
    items.push(g(female ? rng.pick<Garment>(['jeans', 'dress', 'skirt', 'trousers']) : rng.pick<Garment>(['jeans', 'trousers'])));
  items.push(g(rng.pick<Garment>(female ? ['boots', 'shoes', 'sneakers'] : ['sneakers', 'boots', 'shoes'])));
  if (rng.chance(0.3)) items.push(g(female && rng.chance(0.5) ? 'headscarf' : 'cap'));
  return items;
}

/**
 * A new person who appears in `state`'s records: nationality and citizenship follow who
 * that state's records are about; documents are those issued before `until`.
 */
export function createPerson(ctx: Context, id: string, state: StateCode, profile: Profile, eventDay: number, until: number): PersonTruth {
  const { rng } = ctx;
  const [nationality, citizenship] = rng.weighted(ORIGIN_TABLES[state]);
  const citizenships = [citizenship];
  const dual: Readonly<Record<string, readonly [string, number]>> = {
    'tajik:RU': ['TJ', 0.5],
    'armenian:RU': ['AM', 0.3],
    'kyrgyz:RU': ['KG', 0.3],
    'moldovan:MD': ['RO', 0.25],
  };
  const second = dual[`${nationality}:${citizenship}`];
  if (second && rng.chance(second[1])) citizenships.push(second[0]);
  const home: StateCode = MEMBER.has(citizenship) ? (citizenship as StateCode) : state;
  const female = rng.chance(FEMALE_SHARE[profile]);
  const age = ageFor(rng, profile);
  const birth = eventDay - age * 365 - rng.int(0, 364) - Math.floor(age / 4);
  const birthYear = fromDay(birth).y;
  const name = generateName(rng, nationality, female, { birthYear });
  const birthPlace: PlaceRef | ForeignPlace = MEMBER.has(citizenship)
    ? pickPlace(rng, citizenship as StateCode, false)
    : { country: citizenship, ru: rng.pick(UA_TOWNS) };
  const truth: PersonTruth = {
    id,
    nationality,
    citizenships,
    home,
    female,
    profile,
    name,
    birth,
    precision:
      profile === 'child'
        ? 'day'
        : rng.weighted([
            ['day', 88],
            ['month', 3],
            ['year', 6],
            ['range', 3],
          ] as const),
    birthPlace,
    residence: pickPlace(rng, home, true),
    heightCm: heightAt(rng, nationality, female, age),
    build: rng.weighted([
      ['slim', 25],
      ['medium', 45],
      ['stocky', 20],
      ['heavy', 10],
    ] as const),
    eye: eyeColour(rng, nationality),
    hair: hairColour(rng, nationality, female, age),
    marks: drawMarks(rng, profile, female),
    documents: issueDocuments(rng, citizenships, birth, Math.max(birth + 30, until)),
    belarusianFirst: rng.chance(0.4),
    clothing: drawClothing(rng, female, profile === 'child'),
  };
  if (female && age >= 22 && rng.chance(0.3)) truth.maiden = otherSurname(rng, nationality, true);
  if (profile === 'offender' && rng.chance(0.15)) truth.alias = otherSurname(rng, nationality, female);
  return truth;
}

/** A place in `state` for an event: the person's own town when they live there. */
export function eventPlace(rng: Random, p: PersonTruth, state: StateCode): PlaceRef {
  if (state === p.home && rng.chance(0.7)) return { state, locality: p.residence.locality };
  return pickPlace(rng, state, false);
}
