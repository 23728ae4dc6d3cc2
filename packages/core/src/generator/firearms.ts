/**
 * Firearms: lost or stolen weapons and weapons found or seized, often the same gun on
 * both sides of a border. Soviet service weapons carry Cyrillic-prefixed serials (ТО 1234),
 * civilian Russian guns a year-prefixed number, Western pistols their makers' formats.
 */
import { dottedOf, fromDay, isoOf } from './calendar.ts';
import { STATE_LANG, pickPlace, renderPlace, type PlaceRef, type StateCode, type TextLang } from './geo.ts';
import { generateName } from './names/index.ts';
import { renderModes, renderName } from './names/render.ts';
import { caseNumber, legalBasisText } from './offences.ts';
import { ORIGIN_TABLES, drawDistribution, ownerFor, pickDestination, pickState, stateOf } from './owners.ts';
import type { Context } from './context.ts';
import { pastDay } from './person-scenarios.ts';
import type { Random } from './random.ts';
import type { GeneratedRecord } from './types.ts';

type FirearmType = NonNullable<GeneratedRecord['firearm']>['type'];

/** Letters found in Soviet serial prefixes. */
const SOVIET_LETTERS = 'АБВГДЕЖИКЛМНОПРСТУХЦЧШЭЮЯ';

type SerialStyle = 'sovietPrefix' | 'sovietNumeric' | 'yearPrefix' | 'glock' | 'beretta' | 'cz' | 'walther';

interface FirearmModel {
  type: FirearmType;
  make: readonly [string, string];
  model: readonly [string, string];
  calibre: string;
  years: readonly [number, number];
  serial: SerialStyle;
  weight: number;
}

const F = (
  type: FirearmType,
  make: readonly [string, string],
  model: readonly [string, string],
  calibre: string,
  years: readonly [number, number],
  serial: SerialStyle,
  weight: number,
): FirearmModel => ({ type, make, model, calibre, years, serial, weight });

const IMZ = ['ИМЗ', 'Izhevsk Mechanical Plant'] as const;
const IZHMASH = ['Ижмаш', 'Izhmash'] as const;
const TOZ = ['ТОЗ', 'Tula Arms Plant'] as const;

/** The weapons that turn up in the members' arrays, weighted by how often. */
export const FIREARMS: readonly FirearmModel[] = [
  F('pistol', IMZ, ['ПМ', 'PM (Makarov)'], '9x18', [1951, 1998], 'sovietPrefix', 14),
  F('pistol', TOZ, ['ТТ', 'TT-33'], '7.62x25', [1933, 1955], 'sovietPrefix', 4),
  F('rifle', IZHMASH, ['АК-74', 'AK-74'], '5.45x39', [1974, 1991], 'sovietNumeric', 6),
  F('carbine', IZHMASH, ['АКС-74У', 'AKS-74U'], '5.45x39', [1979, 1993], 'sovietNumeric', 3),
  F('rifle', IZHMASH, ['АКМ', 'AKM'], '7.62x39', [1959, 1977], 'sovietPrefix', 4),
  F('rifle', IZHMASH, ['Винтовка Мосина обр. 1891/30', 'Mosin-Nagant M1891/30'], '7.62x54R', [1930, 1945], 'sovietPrefix', 2),
  F('revolver', TOZ, ['Наган обр. 1895', 'Nagant M1895'], '7.62x38R', [1918, 1945], 'sovietNumeric', 1.5),
  F('shotgun', IZHMASH, ['Сайга-12', 'Saiga-12'], '12/76', [1997, 2020], 'yearPrefix', 6),
  F('carbine', IZHMASH, ['Сайга-МК', 'Saiga-MK'], '7.62x39', [1996, 2020], 'yearPrefix', 3),
  F('shotgun', IMZ, ['ИЖ-27', 'IZh-27'], '12/70', [1973, 2009], 'yearPrefix', 8),
  F('shotgun', IMZ, ['ИЖ-43', 'IZh-43'], '12/70', [1986, 2008], 'yearPrefix', 5),
  F('shotgun', ['Байкал', 'Baikal'], ['МР-153', 'MP-153'], '12/76', [2000, 2026], 'yearPrefix', 6),
  F('shotgun', TOZ, ['ТОЗ-34', 'TOZ-34'], '12/70', [1964, 1995], 'yearPrefix', 4),
  F('carbine', ['Молот', 'Molot'], ['Вепрь', 'Vepr'], '7.62x39', [1995, 2026], 'yearPrefix', 2),
  F('carbine', IZHMASH, ['Тигр', 'Tigr'], '7.62x54R', [1992, 2020], 'yearPrefix', 1.5),
  F('pistol', ['Glock', 'Glock'], ['Glock 17', 'Glock 17'], '9x19', [1985, 2026], 'glock', 3),
  F('pistol', ['Beretta', 'Beretta'], ['92FS', '92FS'], '9x19', [1985, 2026], 'beretta', 2),
  F('pistol', ['Česká zbrojovka', 'Česká zbrojovka'], ['CZ 75', 'CZ 75'], '9x19', [1976, 2026], 'cz', 2),
  F('pistol', ['Walther', 'Walther'], ['PPK', 'PPK'], '7.65x17', [1950, 2020], 'walther', 1),
];

function makeSerial(rng: Random, style: SerialStyle, year: number): string {
  const yy = String(year % 100).padStart(2, '0');
  switch (style) {
    case 'sovietPrefix':
      return `${rng.chars(SOVIET_LETTERS, 2)}${rng.pick([' ', ''])}${rng.digits(rng.pick([3, 4, 4]))}`;
    case 'sovietNumeric':
      return rng.chance(0.6) ? `${yy}${rng.digits(5)}` : `${rng.chars(SOVIET_LETTERS, 2)} ${rng.digits(4)}`;
    case 'yearPrefix':
      return `${yy}${rng.digits(rng.pick([5, 6]))}`;
    case 'glock':
      return `${rng.chars('ABCDEFGHKLMNPRSTUVWXYZ', 3)}${rng.digits(3)}`;
    case 'beretta':
      return `${rng.chars('ABCDEFGHKLMNPRST', 1)}${rng.digits(5)}Z`;
    case 'cz':
      return `${rng.chars('ABCDEFGHKLMNPRST', 1)}${rng.digits(6)}`;
    case 'walther':
      return `${rng.digits(6)}${rng.chars('ABCDE', 1)}`;
  }
}

interface FirearmTruth {
  id: string;
  model: FirearmModel;
  year: number;
  serials: string[];
}

const FIREARM_TABLE = FIREARMS.map((f) => [f, f.weight] as const);

function createFirearm(rng: Random, id: string, eventYear: number): FirearmTruth {
  let model = rng.weighted(FIREARM_TABLE);
  for (let i = 0; i < 20 && model.years[0] > eventYear; i++) model = rng.weighted(FIREARM_TABLE);
  // Before every modern model existed there was still the Makarov.
  if (model.years[0] > eventYear) model = FIREARMS[0] as FirearmModel;
  const year = rng.int(Math.min(model.years[0], eventYear), Math.min(model.years[1], eventYear));
  const serials = [makeSerial(rng, model.serial, year)];
  // Kalashnikovs and some shotguns carry a second number on the receiver or a barrel.
  if (model.serial === 'sovietNumeric' && rng.chance(0.2)) serials.push(makeSerial(rng, model.serial, year));
  return { id, model, year, serials };
}

const LATIN_STATES: ReadonlySet<StateCode> = new Set(['UZ', 'AZ', 'MD', 'AM']);

const ORGANISATIONS: Readonly<Record<TextLang, readonly string[]>> = {
  ru: [
    'ЧОП «Щит»',
    'ЧОО «Барс-Охрана»',
    'войсковая часть {n}',
    'ОВД по Ленинскому району',
    'охотничье хозяйство «Лесное»',
    'ООО «Инкассатор-Сервис»',
  ],
  az: ['«Qalxan» Mühafizə Xidməti', '{n} saylı hərbi hissə', '«Ovçu» ov təsərrüfatı'],
  uz: ["«Qalqon» qo'riqlash xizmati", '{n}-sonli harbiy qism', "«Ovchi» ovchilik xo'jaligi"],
  ro: ['SRL «Scut-Pază»', 'unitatea militară nr. {n}', 'Asociația Vânătorilor și Pescarilor'],
  hy: ['«Վահան» պահնորդական ծառայություն', '{n} զորամաս', '«Որսորդ» որսորդական տնտեսություն'],
};

/** Who the weapon belonged to: a licensed individual (named in the owner's script) or an organisation. */
function legalOwner(ctx: Context, state: StateCode, lang: TextLang, day: number): string {
  const { rng } = ctx;
  if (rng.chance(0.4)) return rng.pick(ORGANISATIONS[lang]).replace('{n}', String(rng.int(10000, 99999)));
  const [nationality] = rng.weighted(ORIGIN_TABLES[state]);
  const name = generateName(rng, nationality, rng.chance(0.08), { birthYear: fromDay(day).y - rng.int(25, 65) });
  const [mode] = renderModes(state, nationality, rng.chance(0.4));
  const n = renderName(name, nationality, mode, 'primary', { uzApostrophe: "'", cedilla: false });
  return [n.surname, n.given, n.patronymic].filter(Boolean).join(' ');
}

function firearmRecord(
  ctx: Context,
  f: FirearmTruth,
  owner: string,
  kind: 'lost_stolen' | 'found_seized',
  day: number,
  place: PlaceRef,
  first: boolean,
): GeneratedRecord {
  const { rng } = ctx;
  const state = stateOf(owner);
  const lang = STATE_LANG[state];
  const year = fromDay(day).y;
  const basis = kind === 'lost_stolen' ? 'firearmLost' : 'firearmFound';
  const record: GeneratedRecord = {
    owner,
    truth: f.id,
    corruptions: [],
    category: 'firearm',
    nationalRef: ctx.nextRef(owner, year),
    legalBasis: legalBasisText(basis, state, lang, dottedOf(day), caseNumber(rng, state, basis, year)),
    actionOnHit: kind === 'lost_stolen' ? 'seize' : 'identify',
    distribution: drawDistribution(rng, owner),
  };
  const latin = LATIN_STATES.has(state) ? 1 : 0;
  const serials = f.serials.filter((_, i) => i === 0 || rng.chance(0.7));
  if (!first && serials[0] !== undefined) serials[0] = ctx.corrupt.identifier(record, serials[0]);
  record.firearm = {
    kind,
    type: f.model.type,
    ...(rng.chance(0.8) ? { make: f.model.make[latin] } : {}),
    model: f.model.model[latin],
    calibre: f.model.calibre,
    serials,
    ...(rng.chance(0.6) ? { yearOfManufacture: f.year } : {}),
    eventDate: isoOf(day),
    eventPlace: renderPlace(place, lang),
    ...(kind === 'lost_stolen' && rng.chance(0.8) ? { legalOwner: legalOwner(ctx, state, lang, day) } : {}),
  };
  return record;
}

/** All records of one weapon: lost in one state, found in another, or recorded twice. */
export function firearmSubject(ctx: Context, id: string, duplicated: boolean): GeneratedRecord[] {
  const { rng, today } = ctx;
  const scenario = duplicated
    ? rng.weighted([
        ['lostFoundCross', 45],
        ['lostFoundSame', 20],
        ['lostTwice', 15],
        ['foundTwice', 10],
        ['lostLostFound', 10],
      ] as const)
    : 'single';
  const gap = scenario === 'single' || scenario === 'lostTwice' || scenario === 'foundTwice' ? 0 : rng.int(5, 1500);
  // Placed so the last record is recent-biased: later records never pile up on `today`.
  const day0 = pastDay(rng, today) - gap;
  const f = createFirearm(rng, id, fromDay(day0).y);
  const a = pickState(rng);
  const place0 = pickPlace(rng, a, rng.chance(0.3));
  const record = (state: StateCode, owner: string | undefined, kind: 'lost_stolen' | 'found_seized', day: number, place: PlaceRef, first: boolean) =>
    firearmRecord(ctx, f, owner ?? ownerFor(rng, state, 'firearm'), kind, day, place, first);
  if (scenario === 'single') return [record(a, undefined, rng.chance(0.55) ? 'lost_stolen' : 'found_seized', day0, place0, true)];

  const elsewhere = (state: StateCode) => pickPlace(rng, state, rng.chance(0.3));
  const first = record(a, undefined, scenario === 'foundTwice' ? 'found_seized' : 'lost_stolen', day0, place0, true);
  const records = [first];
  const b = pickDestination(rng, a);
  const d1 = day0 + gap;
  switch (scenario) {
    case 'lostFoundCross':
      records.push(record(b, undefined, 'found_seized', d1, elsewhere(b), false));
      break;
    case 'lostFoundSame':
      records.push(record(a, first.owner, 'found_seized', d1, elsewhere(a), false));
      break;
    case 'lostTwice':
    case 'foundTwice':
      // The same event entered twice in one state's array (two units, two case files).
      records.push(record(a, first.owner, scenario === 'lostTwice' ? 'lost_stolen' : 'found_seized', day0, place0, false));
      break;
    case 'lostLostFound': {
      // Lost at home, circulated by a neighbour at the owner's request, found in a third state.
      const c = pickState(rng, b);
      records.push(record(b, undefined, 'lost_stolen', day0, place0, false));
      records.push(record(c, undefined, 'found_seized', d1, elsewhere(c), false));
      break;
    }
  }
  return records;
}
