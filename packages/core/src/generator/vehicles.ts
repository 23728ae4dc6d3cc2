/**
 * Stolen vehicles: the makes and models stolen across the CIS, VINs with real world
 * manufacturer identifiers (North American ones with a correct check digit), right-hand-drive
 * Japanese imports known only by their frame number, and each state's plate format.
 */
import { vinCheckDigit } from '../validation/vin.ts';
import { dottedOf, fromDay, isoOf } from './calendar.ts';
import { STATE_LANG, pickPlace, renderPlace, type PlaceRef, type StateCode } from './geo.ts';
import { VEHICLE_COLOURS } from './lexicon.ts';
import { caseNumber, legalBasisText } from './offences.ts';
import { drawDistribution, ownerFor, pickDestination, pickState, stateOf } from './owners.ts';
import type { Context } from './context.ts';
import { pastDay } from './person-scenarios.ts';
import type { Random } from './random.ts';
import type { GeneratedRecord } from './types.ts';

type Build = 'vin' | 'na' | 'rhd';

interface Model {
  make: string;
  /** How Russian-language records often write the make (ВАЗ, ТОЙОТА). */
  makeCyr: string;
  model: string;
  modelCyr?: string;
  build: Build;
  /** World manufacturer identifiers (VIN positions 1–3). */
  wmi: readonly string[];
  /** VIN positions 4–8 for VIN cars; the frame prefix for right-hand-drive imports. */
  code: string;
  years: readonly [number, number];
  engines: readonly string[];
  weight: number;
  /** Where the model is stolen more (or less) than elsewhere. */
  bias?: Partial<Record<StateCode, number>>;
}

const M = (
  make: string,
  makeCyr: string,
  model: string,
  build: Build,
  wmi: readonly string[],
  code: string,
  years: readonly [number, number],
  engines: readonly string[],
  weight: number,
  extra: { modelCyr?: string; bias?: Partial<Record<StateCode, number>> } = {},
): Model => ({ make, makeCyr, model, build, wmi, code, years, engines, weight, ...extra });

const CA = { UZ: 4, TJ: 2, KG: 2, KZ: 1.5 } as const;
const US_IMPORT = { KZ: 2, KG: 3, UZ: 2, TJ: 2, AM: 3, AZ: 2, MD: 0.5, RU: 0.5 } as const;
const FAR_EAST = { RU: 2, KG: 2, TJ: 1.5, KZ: 0.3, BY: 0.1, MD: 0.1, AM: 0.3, AZ: 0.2, UZ: 0.1 } as const;

/** Stolen models, weighted by how often, with per-state biases (US imports in Central Asia, RHD in the Far East). */
export const MODELS: readonly Model[] = [
  M('LADA', 'ВАЗ', '2107', 'vin', ['XTA'], '21070', [1982, 2012], ['2103', '21067'], 8, { modelCyr: '2107' }),
  M('LADA', 'ВАЗ', '2114', 'vin', ['XTA'], '21140', [2001, 2013], ['2111', '21114'], 6, { modelCyr: '2114' }),
  M('LADA', 'ЛАДА', 'Priora', 'vin', ['XTA'], '21703', [2007, 2018], ['21126'], 6, { modelCyr: 'Приора' }),
  M('LADA', 'ЛАДА', 'Granta', 'vin', ['XTA'], '21901', [2011, 2026], ['11186', '21127'], 8, { modelCyr: 'Гранта' }),
  M('LADA', 'ЛАДА', 'Vesta', 'vin', ['XTA'], 'GFL11', [2015, 2026], ['21129', '21179'], 5, { modelCyr: 'Веста' }),
  M('LADA', 'ВАЗ', 'Niva 4x4', 'vin', ['XTA'], '21214', [1995, 2026], ['21214'], 4, { modelCyr: 'Нива' }),
  M('Toyota', 'ТОЙОТА', 'Camry', 'vin', ['XW7', 'JTN'], 'BF4FK', [2006, 2026], ['2AR', '2GR', 'A25A'], 7, { modelCyr: 'Камри' }),
  M('Toyota', 'ТОЙОТА', 'Camry', 'na', ['4T1'], 'BF1FK', [2012, 2024], ['2AR', 'A25A'], 3, { modelCyr: 'Камри', bias: US_IMPORT }),
  M('Toyota', 'ТОЙОТА', 'Land Cruiser 200', 'vin', ['JTM'], 'HV05J', [2008, 2021], ['1VD', '1UR', '3UR'], 4, { modelCyr: 'Ленд Крузер 200' }),
  M('Toyota', 'ТОЙОТА', 'Land Cruiser Prado', 'vin', ['JTE'], 'BU3FJ', [2009, 2026], ['1GR', '2TR', '1GD'], 4, { modelCyr: 'Ленд Крузер Прадо' }),
  M('Toyota', 'ТОЙОТА', 'RAV4', 'vin', ['JTM', 'XW7'], 'RFREV', [2013, 2026], ['2AR', 'M20A'], 4, { modelCyr: 'РАВ4' }),
  M('Hyundai', 'ХЕНДЭ', 'Solaris', 'vin', ['Z94'], 'CT41D', [2011, 2022], ['G4FC', 'G4FG'], 7, { modelCyr: 'Солярис', bias: { RU: 2 } }),
  M('Hyundai', 'ХЕНДЭ', 'Elantra', 'vin', ['KMH'], 'DH41E', [2010, 2026], ['G4FG', 'G4NB'], 3, { modelCyr: 'Элантра' }),
  M('Hyundai', 'ХЕНДЭ', 'Sonata', 'na', ['5NP'], 'E24AF', [2011, 2023], ['G4KJ', 'G4KH'], 2, { modelCyr: 'Соната', bias: US_IMPORT }),
  M('Hyundai', 'ХЕНДЭ', 'Tucson', 'vin', ['KMH', 'XWE'], 'J381A', [2015, 2026], ['G4NA', 'G4KJ'], 3, { modelCyr: 'Туссан' }),
  M('Kia', 'КИА', 'Rio', 'vin', ['Z94'], 'C241B', [2011, 2026], ['G4FC', 'G4LC'], 7, { modelCyr: 'Рио', bias: { RU: 2 } }),
  M('Kia', 'КИА', 'Sportage', 'vin', ['XWE', 'KNA'], 'PB81A', [2010, 2026], ['G4KD', 'G4NA'], 3, { modelCyr: 'Спортейдж' }),
  M('Kia', 'КИА', 'Optima', 'na', ['5XX'], 'GT4L3', [2011, 2020], ['G4KJ'], 2, { modelCyr: 'Оптима', bias: US_IMPORT }),
  M('Chevrolet', 'ШЕВРОЛЕ', 'Cobalt', 'vin', ['XWB'], 'JF69V', [2012, 2026], ['B15D2'], 6, { modelCyr: 'Кобальт', bias: CA }),
  M('Chevrolet', 'ШЕВРОЛЕ', 'Gentra', 'vin', ['XWB'], 'JA69V', [2013, 2026], ['F15S3'], 4, { modelCyr: 'Джентра', bias: CA }),
  M('Chevrolet', 'ШЕВРОЛЕ', 'Malibu', 'vin', ['XWB'], 'ZS69L', [2012, 2026], ['LE9', 'LTG'], 2, { modelCyr: 'Малибу', bias: CA }),
  M('Chevrolet', 'ШЕВРОЛЕ', 'Spark', 'vin', ['XWB'], 'MA48S', [2010, 2022], ['B10S1'], 3, { modelCyr: 'Спарк', bias: CA }),
  M('Daewoo', 'ДЭУ', 'Nexia', 'vin', ['XWB'], '3D31E', [1996, 2016], ['A15MF', 'F16D3'], 5, { modelCyr: 'Нексия', bias: CA }),
  M('Daewoo', 'ДЭУ', 'Matiz', 'vin', ['XWB'], '4A11B', [2001, 2015], ['F8CV'], 3, { modelCyr: 'Матиз', bias: CA }),
  M('Daewoo', 'ДЭУ', 'Damas', 'vin', ['XWB'], 'SA11C', [1996, 2026], ['F8CV'], 2, { modelCyr: 'Дамас', bias: CA }),
  M('Mercedes-Benz', 'МЕРСЕДЕС-БЕНЦ', 'E 200', 'vin', ['WDD', 'W1K'], '21204', [2009, 2026], ['M274', 'OM651', 'M271'], 3, { modelCyr: 'Е 200' }),
  M('Mercedes-Benz', 'МЕРСЕДЕС-БЕНЦ', 'E 240', 'vin', ['WDB'], '21006', [1996, 2002], ['112'], 1.5, { modelCyr: 'Е 240', bias: { AZ: 3, AM: 3 } }),
  M('Mercedes-Benz', 'МЕРСЕДЕС-БЕНЦ', 'Sprinter', 'vin', ['WDB'], '90663', [2006, 2018], ['OM646', 'OM651'], 2, { modelCyr: 'Спринтер' }),
  M('BMW', 'БМВ', '520i', 'vin', ['WBA'], 'JA310', [2010, 2026], ['B48', 'N20'], 2, { bias: { AZ: 2, AM: 2 } }),
  M('BMW', 'БМВ', 'X5', 'na', ['5UX'], 'KR6C5', [2013, 2026], ['N55', 'B58'], 1.5, { bias: US_IMPORT }),
  M('Volkswagen', 'ФОЛЬКСВАГЕН', 'Polo', 'vin', ['XW8'], 'ZZZ61', [2010, 2020], ['CFNA', 'CWVA'], 5, { modelCyr: 'Поло', bias: { RU: 2 } }),
  M('Volkswagen', 'ФОЛЬКСВАГЕН', 'Passat', 'vin', ['WVW'], 'ZZZ3C', [2005, 2020], ['CAXA', 'CDAB'], 2, {
    modelCyr: 'Пассат',
    bias: { BY: 3, MD: 3 },
  }),
  M('Volkswagen', 'ФОЛЬКСВАГЕН', 'Golf', 'vin', ['WVW'], 'ZZZ1K', [2004, 2013], ['BSE', 'CAXA'], 1.5, { modelCyr: 'Гольф', bias: { BY: 3, MD: 3 } }),
  M('Renault', 'РЕНО', 'Logan', 'vin', ['X7L'], 'LSRB1', [2005, 2022], ['K7M', 'K4M'], 4, { modelCyr: 'Логан' }),
  M('Renault', 'РЕНО', 'Duster', 'vin', ['X7L'], 'HSRH8', [2012, 2026], ['F4R', 'H4M'], 3, { modelCyr: 'Дастер' }),
  M('Nissan', 'НИССАН', 'X-Trail', 'vin', ['Z8N', 'JN1'], 'TANT3', [2007, 2022], ['MR20', 'QR25'], 2, { modelCyr: 'Х-Трейл' }),
  M('Ford', 'ФОРД', 'Focus', 'vin', ['X9F'], 'XXEED', [2005, 2019], ['PNDA', 'SHDA'], 3, { modelCyr: 'Фокус' }),
  M('Ford', 'ФОРД', 'Explorer', 'na', ['1FM'], '5K8GT', [2011, 2023], ['DURATEC'], 1, { bias: US_IMPORT }),
  M('Tesla', 'ТЕСЛА', 'Model 3', 'na', ['5YJ'], '3E1EA', [2018, 2026], ['3D1'], 1, { bias: { KZ: 2, AM: 4, KG: 2, UZ: 2, AZ: 2, RU: 0.3, BY: 0.3 } }),
  M('Honda', 'ХОНДА', 'CR-V', 'na', ['5J6', '2HK'], 'RW2H8', [2012, 2024], ['K24W', 'L15B'], 1, { bias: US_IMPORT }),
  M('GAZ', 'ГАЗ', 'Gazelle', 'vin', ['X96'], '33020', [1995, 2026], ['40524', '4216'], 3, { modelCyr: 'Газель', bias: { RU: 1.5, KZ: 1.5 } }),
  M('UAZ', 'УАЗ', 'Patriot', 'vin', ['XTT'], '31630', [2005, 2026], ['409100'], 1.5, { modelCyr: 'Патриот' }),
  M('Opel', 'ОПЕЛЬ', 'Astra', 'vin', ['W0L'], '0AHL3', [2004, 2015], ['Z16XER', 'A16XER'], 2, { modelCyr: 'Астра', bias: { BY: 3, MD: 3 } }),
  M('Skoda', 'ШКОДА', 'Octavia', 'vin', ['XW8', 'TMB'], 'AB41Z', [2008, 2026], ['CJSA', 'CWVA'], 3, { modelCyr: 'Октавия' }),
  M('Chery', 'ЧЕРИ', 'Tiggo 7 Pro', 'vin', ['LVV'], 'DB21B', [2020, 2026], ['SQRF4J15'], 2, { modelCyr: 'Тигго 7 Про', bias: { RU: 2, KZ: 1.5 } }),
  M('Haval', 'ХАВАЛ', 'Jolion', 'vin', ['LGW'], 'EF4A5', [2021, 2026], ['GW4B15A'], 2, { modelCyr: 'Джолион', bias: { RU: 2, KZ: 1.5 } }),
  M('Toyota', 'ТОЙОТА', 'Mark II', 'rhd', [], 'GX110', [2000, 2004], ['1G'], 1.5, { modelCyr: 'Марк 2', bias: FAR_EAST }),
  M('Toyota', 'ТОЙОТА', 'Mark II', 'rhd', [], 'JZX110', [2000, 2004], ['1JZ'], 1, { modelCyr: 'Марк 2', bias: FAR_EAST }),
  M('Toyota', 'ТОЙОТА', 'Corolla Fielder', 'rhd', [], 'NZE141', [2006, 2012], ['1NZ'], 1.5, { modelCyr: 'Королла Филдер', bias: FAR_EAST }),
  M('Toyota', 'ТОЙОТА', 'Prius', 'rhd', [], 'ZVW30', [2009, 2015], ['2ZR'], 1.5, { modelCyr: 'Приус', bias: FAR_EAST }),
  M('Honda', 'ХОНДА', 'Fit', 'rhd', [], 'GE6', [2007, 2013], ['L13A'], 1.5, { modelCyr: 'Фит', bias: FAR_EAST }),
  M('Nissan', 'НИССАН', 'Note', 'rhd', [], 'E11', [2005, 2012], ['HR15'], 1, { modelCyr: 'Ноут', bias: FAR_EAST }),
  M('Subaru', 'СУБАРУ', 'Forester', 'rhd', [], 'SG5', [2002, 2007], ['EJ20'], 0.8, { modelCyr: 'Форестер', bias: FAR_EAST }),
  M('Mitsubishi', 'МИЦУБИСИ', 'Delica', 'rhd', [], 'PD6W', [1994, 2006], ['6G72'], 0.6, { modelCyr: 'Делика', bias: FAR_EAST }),
  M('Toyota', 'ТОЙОТА', 'Land Cruiser Prado', 'rhd', [], 'KZJ95', [1996, 2002], ['1KZ'], 0.6, { modelCyr: 'Ленд Крузер Прадо', bias: FAR_EAST }),
];

/** Model-year codes (VIN position 10): 1980 A … 2000 Y, 2001 1 … 2009 9, 2010 A … 2030 Y. */
const YEAR_LETTERS = 'ABCDEFGHJKLMNPRSTVWXY';
function yearCode(year: number): string {
  if (year >= 2001 && year <= 2009) return String(year - 2000);
  const index = year >= 2010 ? year - 2010 : year - 1980;
  return YEAR_LETTERS[Math.max(0, Math.min(index, YEAR_LETTERS.length - 1))] ?? 'A';
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** A 17-character VIN; North American ones (WMI 1–5) get the check digit in position 9. */
export function makeVin(rng: Random, model: Model, year: number): string {
  const wmi = rng.pick(model.wmi);
  const plant = rng.chars(VIN_CHARS, 1);
  const serial = rng.digits(6);
  const draft = `${wmi}${model.code}${model.build === 'na' ? '0' : rng.chars('0123456789', 1)}${yearCode(year)}${plant}${serial}`;
  if (!/^[1-5]/.test(wmi)) return draft;
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}

const RU_PLATE_LETTERS = 'АВЕКМНОРСТУХ';
const LOOKALIKE_LATIN = 'ABEKMHOPCTXY';
const LATIN_PLATE = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** A plate in the registering state's format, with that state's region code. */
export function makePlate(rng: Random, state: StateCode, region: string | undefined): string {
  switch (state) {
    case 'RU':
      return `${rng.chars(RU_PLATE_LETTERS, 1)}${String(rng.int(1, 999)).padStart(3, '0')}${rng.chars(RU_PLATE_LETTERS, 2)}${region ?? '77'}`;
    case 'KZ':
      return `${String(rng.int(1, 999)).padStart(3, '0')}${rng.chars(LATIN_PLATE, 3)}${region ?? '02'}`;
    case 'BY':
      return `${String(rng.int(1, 9999)).padStart(4, '0')} ${rng.chars('ABEIKMHOPCTX', 2)}-${region ?? '7'}`;
    case 'UZ':
      return `${region ?? '01'} ${rng.chars(LATIN_PLATE, 1)} ${String(rng.int(1, 999)).padStart(3, '0')} ${rng.chars(LATIN_PLATE, 2)}`;
    case 'KG':
      return `${region ?? '01'} ${String(rng.int(1, 999)).padStart(3, '0')} ${rng.chars(LATIN_PLATE, 3)}`;
    case 'TJ':
      return `${String(rng.int(1, 9999)).padStart(4, '0')} ${rng.chars(LOOKALIKE_LATIN, 2)} ${region ?? '01'}`;
    case 'AZ':
      return `${region ?? '10'}-${rng.chars(LATIN_PLATE, 2)}-${String(rng.int(1, 999)).padStart(3, '0')}`;
    case 'AM':
      return `${region ?? '01'} ${rng.chars(LOOKALIKE_LATIN, 2)} ${String(rng.int(1, 999)).padStart(3, '0')}`;
    case 'MD':
      return `${rng.chars(LATIN_PLATE, 3)} ${String(rng.int(1, 999)).padStart(3, '0')}`;
  }
}

interface VehicleTruth {
  id: string;
  model: Model;
  year: number;
  colour: number;
  vin?: string;
  body?: string;
  engine: string;
  plate: { number: string; state: StateCode };
  /** Where it was stolen (the registering state's town). */
  theftPlace: PlaceRef;
}

const MODEL_TABLES = new Map<StateCode, readonly (readonly [Model, number])[]>();

function pickModel(rng: Random, state: StateCode): Model {
  let table = MODEL_TABLES.get(state);
  if (!table) {
    table = MODELS.map((m) => [m, m.weight * (m.bias?.[state] ?? 1)] as const);
    MODEL_TABLES.set(state, table);
  }
  return rng.weighted(table);
}

const COLOUR_TABLE = VEHICLE_COLOURS.map((c, i) => [i, c.weight] as const);

/** The oldest model, for thefts dated before every other model was built. */
const FALLBACK_MODEL = MODELS[0] as Model;

function createVehicle(rng: Random, id: string, state: StateCode, theftYear: number): VehicleTruth {
  let model = pickModel(rng, state);
  for (let i = 0; i < 20 && model.years[0] > theftYear; i++) model = pickModel(rng, state);
  if (model.years[0] > theftYear) model = FALLBACK_MODEL;
  const year = rng.int(Math.min(model.years[0], theftYear), Math.min(model.years[1], theftYear));
  const place = pickPlace(rng, state, false);
  const region = place.locality.plates.length > 0 ? rng.pick(place.locality.plates) : undefined;
  const engineSerial = rng.digits(model.build === 'rhd' ? 6 : 7);
  const sep = rng.pick([' ', '-', '']);
  const truth: VehicleTruth = {
    id,
    model,
    year,
    colour: rng.weighted(COLOUR_TABLE),
    engine: `${rng.pick(model.engines)}${sep}${engineSerial}`,
    plate: { number: makePlate(rng, state, region), state },
    theftPlace: place,
  };
  if (model.build === 'rhd') truth.body = `${model.code}-${rng.digits(7)}`;
  else truth.vin = makeVin(rng, model, year);
  return truth;
}

const CYRILLIC_STATES: ReadonlySet<StateCode> = new Set(['RU', 'BY', 'KZ', 'KG', 'TJ']);

function vehicleRecord(ctx: Context, v: VehicleTruth, owner: string, theftDay: number, regDay: number, first: boolean): GeneratedRecord {
  const { rng } = ctx;
  const state = stateOf(owner);
  const lang = STATE_LANG[state];
  const year = fromDay(regDay).y;
  const record: GeneratedRecord = {
    owner,
    truth: v.id,
    corruptions: [],
    category: 'vehicle',
    nationalRef: ctx.nextRef(owner, year),
    legalBasis: legalBasisText('vehicle', state, lang, dottedOf(regDay), caseNumber(rng, state, 'vehicle', year)),
    actionOnHit: 'seize',
    distribution: drawDistribution(rng, owner),
  };
  // Russian-language records often write the make in Cyrillic, as the registration card does.
  const cyr = CYRILLIC_STATES.has(state) && rng.chance(0.25);
  const vehicle: NonNullable<GeneratedRecord['vehicle']> = {
    make: cyr ? v.model.makeCyr : v.model.make,
    model: cyr && v.model.modelCyr ? v.model.modelCyr : v.model.model,
  };
  if (v.vin && rng.chance(0.95)) vehicle.vin = v.vin;
  const hasPlate = rng.chance(first ? 0.9 : 0.7);
  if (hasPlate) vehicle.plate = { number: v.plate.number, state: v.plate.state };
  const colour = VEHICLE_COLOURS[v.colour];
  if (colour && rng.chance(0.85)) vehicle.colour = colour[lang];
  if (rng.chance(0.85)) vehicle.year = v.year;
  if (rng.chance(v.body ? 0.7 : 0.45)) vehicle.engineNumber = v.engine;
  if (v.body) vehicle.bodyNumber = v.body;
  if (!vehicle.vin && !vehicle.plate && !vehicle.bodyNumber && !vehicle.engineNumber) vehicle.engineNumber = v.engine;
  if (rng.chance(0.92)) vehicle.theft = { date: isoOf(theftDay), place: renderPlace(v.theftPlace, lang) };
  if (!first) {
    if (vehicle.plate) vehicle.plate.number = ctx.corrupt.identifier(record, vehicle.plate.number);
    else if (vehicle.bodyNumber) vehicle.bodyNumber = ctx.corrupt.identifier(record, vehicle.bodyNumber);
    else if (vehicle.engineNumber) vehicle.engineNumber = ctx.corrupt.identifier(record, vehicle.engineNumber);
  }
  record.vehicle = vehicle;
  if (rng.chance(0.3)) record.reviewBy = isoOf(regDay + 365 * rng.int(1, 3));
  return record;
}

/** All records of one vehicle: stolen in one state, often recorded again across a border. */
export function vehicleSubject(ctx: Context, id: string, duplicated: boolean): GeneratedRecord[] {
  const { rng, today } = ctx;
  const a = pickState(rng);
  const scenario = duplicated
    ? rng.weighted([
        ['cross', 60],
        ['same', 30],
        ['triple', 10],
      ] as const)
    : 'single';
  const states: StateCode[] =
    scenario === 'single'
      ? []
      : scenario === 'same'
        ? [a]
        : scenario === 'cross'
          ? [pickDestination(rng, a)]
          : [pickDestination(rng, a), pickState(rng, a)];
  let offset = 0;
  const offsets = states.map((s) => (offset += rng.int(s === a ? 1 : 10, 600)));
  // Placed so the last record is recent-biased: later records never pile up on `today`.
  const theftDay = pastDay(rng, today) - offset;
  const v = createVehicle(rng, id, a, fromDay(theftDay).y);
  const first = vehicleRecord(ctx, v, ownerFor(rng, a, 'vehicle'), theftDay, rng.after(theftDay, 0, 5, today), true);
  const records = [first];
  states.forEach((s, i) => {
    const owner = s === a ? first.owner : ownerFor(rng, s, 'vehicle');
    records.push(vehicleRecord(ctx, v, owner, theftDay, theftDay + (offsets[i] ?? 0), false));
  });
  return records;
}
