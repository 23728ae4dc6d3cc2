/**
 * Identity documents in each issuing state's real number format: Russian internal passports
 * whose series encodes region and year of issue, biometric passports, ID cards, Soviet-style
 * birth certificates for children.
 */
import { addYears, fromDay } from './calendar.ts';
import type { Random } from './random.ts';

/** The document types the generator issues (a subset of the schema's). */
export type DocType = 'passport' | 'national_id' | 'internal_passport' | 'birth_certificate' | 'driving_licence';

/** A document as issued: number in the issuer's format, issue and expiry day numbers. */
export interface DocTruth {
  type: DocType;
  number: string;
  state: string;
  issued: number;
  expires?: number;
}

/** OKATO prefixes that start a Russian internal passport series (Moscow 45, St Petersburg 40…). */
const RU_PASSPORT_REGIONS = ['45', '40', '46', '50', '65', '92', '22', '75', '52', '60', '03', '80', '04', '57', '20', '18', '36', '08', '05', '82'];
const BY_SERIES = ['MP', 'MC', 'AB', 'BM', 'HB', 'KH', 'KB'];
const CYR_CERT_LETTERS = 'АБВГДЕЖИКЛМНОПРСТУФХЮЯ';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function number(rng: Random, type: DocType, state: string, issued: number): string {
  if (type === 'birth_certificate') {
    // The Soviet format survives everywhere: a Roman numeral, two letters and six digits.
    const letters = ['UZ', 'AZ', 'MD', 'AM'].includes(state) ? rng.chars('ABCDEFGHKLMNPRST', 2) : rng.chars(CYR_CERT_LETTERS, 2);
    return `${rng.pick(ROMAN)}-${letters} ${rng.digits(6)}`;
  }
  const yy = String(fromDay(issued).y % 100).padStart(2, '0');
  switch (`${state}:${type}`) {
    case 'RU:internal_passport':
      return `${rng.pick(RU_PASSPORT_REGIONS)}${yy} ${rng.digits(6)}`;
    case 'RU:passport':
      return `${rng.pick(['75', '76', '77', '72', '73', '65'])} ${rng.digits(7)}`;
    case 'RU:driving_licence':
      return `${rng.digits(2)} ${rng.digits(2)} ${rng.digits(6)}`;
    case 'KZ:passport':
      return `N${rng.digits(8)}`;
    case 'KZ:national_id':
      return `0${rng.digits(8)}`;
    case 'BY:passport':
      return `${rng.pick(BY_SERIES)}${rng.digits(7)}`;
    case 'KG:passport':
      return `${rng.pick(['AN', 'AC', 'AN'])}${rng.digits(7)}`;
    case 'KG:national_id':
      return `ID${rng.digits(7)}`;
    case 'TJ:passport':
      return `${rng.pick(['4', '5'])}${rng.digits(8)}`;
    case 'UZ:passport':
      return `${rng.pick(['AA', 'AB', 'AC', 'FA'])}${rng.digits(7)}`;
    case 'UZ:national_id':
      return `AD${rng.digits(7)}`;
    case 'AZ:passport':
      return rng.chance(0.7) ? `C${rng.digits(8)}` : `AA${rng.digits(7)}`;
    case 'AZ:national_id':
      return `AA${rng.digits(7)}`;
    case 'AM:passport':
      return `${rng.pick(['AN', 'AT', 'AR', 'AP'])}${rng.digits(7)}`;
    case 'AM:national_id':
      return rng.digits(9);
    case 'MD:passport':
      return `B${rng.digits(8)}`;
    case 'MD:national_id':
      return `A${rng.digits(8)}`;
    case 'UA:passport':
      return `${rng.chars('EFKMN', 1)}${rng.chars('AEKMNOPTX', 1)}${rng.digits(6)}`;
    case 'RO:passport':
      return `05${rng.digits(7)}`;
    default:
      return `${rng.chars('ABCEHKMPTX', 2)}${rng.digits(7)}`;
  }
}

/** The document types a citizen of a state typically carries at home. */
const HOME_DOCS: Readonly<Record<string, DocType>> = {
  RU: 'internal_passport',
  KZ: 'national_id',
  KG: 'national_id',
  UZ: 'national_id',
  AZ: 'national_id',
  AM: 'national_id',
  MD: 'national_id',
};

/** Validity in years of a travel passport / ID card. */
const VALIDITY: Readonly<Record<string, number>> = { RU: 10, KZ: 10, BY: 10, KG: 10, TJ: 10, UZ: 10, AZ: 10, AM: 10, MD: 7, UA: 10, RO: 5 };

/**
 * The documents a person holds: an identity document of their state (a birth certificate
 * for a small child) and, for most adults, a travel passport.
 */
export function issueDocuments(rng: Random, citizenships: readonly string[], birth: number, today: number): DocTruth[] {
  const docs: DocTruth[] = [];
  const [main, second] = citizenships;
  if (main === undefined) return docs;
  const age = fromDay(today).y - fromDay(birth).y;
  const issueAfter = (minAge: number) => {
    const earliest = Math.max(addYears(birth, minAge), birth + 1);
    const latest = today - 1;
    return earliest >= latest ? latest : rng.int(Math.max(earliest, latest - 365 * 12), latest);
  };
  if (age < 14) {
    const issued = Math.min(birth + rng.int(10, 60), today - 1);
    docs.push({ type: 'birth_certificate', number: number(rng, 'birth_certificate', main, issued), state: main, issued });
    return docs;
  }
  const home = HOME_DOCS[main];
  if (home) {
    const issued = issueAfter(home === 'internal_passport' ? 14 : 16);
    docs.push({ type: home, number: number(rng, home, main, issued), state: main, issued, expires: addYears(issued, VALIDITY[main] ?? 10) });
  }
  if (!home || rng.chance(age < 18 ? 0.2 : 0.65)) {
    const issued = issueAfter(16);
    docs.push({
      type: 'passport',
      number: number(rng, 'passport', main, issued),
      state: main,
      issued,
      expires: addYears(issued, VALIDITY[main] ?? 10),
    });
  }
  if (second !== undefined && rng.chance(0.6)) {
    const issued = issueAfter(18);
    docs.push({
      type: 'passport',
      number: number(rng, 'passport', second, issued),
      state: second,
      issued,
      expires: addYears(issued, VALIDITY[second] ?? 10),
    });
  }
  if (main === 'RU' && age >= 18 && rng.chance(0.15)) {
    const issued = issueAfter(18);
    docs.push({ type: 'driving_licence', number: number(rng, 'driving_licence', main, issued), state: main, issued, expires: addYears(issued, 10) });
  }
  return docs;
}
