import type { TFunction } from 'i18next';
import type { Language, RecordView } from '../domain.ts';
import { formatPartialDate } from './dates.ts';
import { displayNames } from './names.ts';
import { formatPlace } from './place.ts';

/** What identifies a record at a glance: a main line and a supporting one. */
export interface RecordSummary {
  primary: string;
  secondary?: string;
  /** The main line is an identifier (VIN, plate, serial): shown in a fixed-width face. */
  identifier: boolean;
}

const joined = (parts: readonly (string | undefined | false)[], separator: string): string | undefined => {
  const text = parts.filter((p): p is string => Boolean(p)).join(separator);
  return text === '' ? undefined : text;
};

/**
 * The one-line description of a record for lists: for persons the name in its original
 * script and the Latin form; for vehicles VIN and plate with make and model; for firearms
 * the serial numbers with make and model.
 */
export function summarizeRecord(
  record: Pick<RecordView, 'vehicle' | 'firearm' | 'person' | 'unidentifiedCorpse' | 'unidentifiedPerson'>,
  t: TFunction,
  lang: Language,
): RecordSummary {
  if (record.vehicle) {
    const v = record.vehicle;
    const plate = v.plate ? `${v.plate.number} (${v.plate.state})` : undefined;
    return {
      primary: joined([v.vin, plate], ' · ') ?? joined([v.bodyNumber, v.engineNumber], ' · ') ?? v.make,
      secondary: joined([joined([v.make, v.model], ' '), v.colour, v.year ? String(v.year) : undefined], ', '),
      identifier: Boolean(v.vin || plate || v.bodyNumber || v.engineNumber),
    };
  }
  if (record.firearm) {
    const f = record.firearm;
    return {
      primary: f.serials.map((value) => t('summary.serial', { value })).join(' · '),
      secondary: joined([t(`firearmTypes.${f.type}`), joined([f.make, f.model], ' '), f.calibre], ', '),
      identifier: true,
    };
  }
  const person = record.person;
  const names = displayNames(person?.names);
  if (names.original) {
    return { primary: names.original, ...(names.latin ? { secondary: names.latin } : {}), identifier: false };
  }
  const found = record.unidentifiedCorpse ?? record.unidentifiedPerson;
  const age = found?.estimatedAge;
  return {
    primary:
      joined(
        [person ? t(`sexNouns.${person.sex}`) : t('summary.unnamed'), age ? t('summary.age', { min: age.min, max: age.max }) : undefined],
        ', ',
      ) ?? t('summary.unnamed'),
    ...(found ? { secondary: `${formatPartialDate(found.foundOn, lang)} · ${formatPlace(found.foundPlace, lang)}` } : {}),
    identifier: false,
  };
}
