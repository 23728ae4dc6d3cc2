import type { RecordInput, RecordView } from '../schemas/record.ts';

/**
 * The columns of a records table exported for a spreadsheet (CSV, XLSX): one row per record, the
 * fields an officer filters and sorts by. The whole record stays in the JSON Lines export.
 */
export const RECORD_COLUMNS = [
  'id',
  'category',
  'nationalRef',
  'owner',
  'status',
  'surname',
  'given',
  'patronymic',
  'latinName',
  'sex',
  'birthDate',
  'citizenships',
  'documents',
  'vin',
  'plate',
  'makeModel',
  'serials',
  'eventDate',
  'eventPlace',
  'legalBasis',
  'actionOnHit',
  'reviewBy',
  'updatedAt',
] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

const join = (parts: readonly (string | number | undefined)[], separator = ' ') => parts.filter((p) => p !== undefined && p !== '').join(separator);

/** One record as a row of `RECORD_COLUMNS`: text only, empty where the record has nothing. */
export function recordTableRow(
  record: RecordInput & Partial<Pick<RecordView, 'id' | 'owner' | 'status' | 'reviewBy' | 'updatedAt'>>,
): Record<RecordColumn, string> {
  const person = record.person;
  const primary = person?.names?.find((n) => n.kind === 'primary') ?? person?.names?.[0];
  const latin = person?.names?.find((n) => n.kind === 'latin');
  const vehicle = record.vehicle;
  const firearm = record.firearm;
  const event = record.missing
    ? { date: record.missing.lastSeenOn, place: record.missing.lastSeenPlace }
    : record.unidentifiedCorpse
      ? { date: record.unidentifiedCorpse.foundOn, place: record.unidentifiedCorpse.foundPlace }
      : record.unidentifiedPerson
        ? { date: record.unidentifiedPerson.foundOn, place: record.unidentifiedPerson.foundPlace }
        : vehicle?.theft
          ? { date: vehicle.theft.date, place: vehicle.theft.place }
          : firearm
            ? { date: firearm.eventDate, place: firearm.eventPlace }
            : record.wanted
              ? { date: record.wanted.warrant.issuedOn, place: undefined }
              : undefined;
  const birth = person?.birthDate ?? (person?.birthDateRange ? `${person.birthDateRange.from}/${person.birthDateRange.to}` : undefined);
  return {
    id: record.id ?? '',
    category: record.category,
    nationalRef: record.nationalRef,
    owner: record.owner ?? '',
    status: record.status ?? '',
    surname: primary?.surname ?? '',
    given: primary?.given ?? '',
    patronymic: primary?.patronymic ?? '',
    latinName: latin ? join([latin.surname, latin.given, latin.patronymic]) : '',
    sex: person?.sex ?? '',
    birthDate: birth ?? '',
    citizenships: (person?.citizenships ?? []).join(', '),
    documents: (person?.documents ?? []).map((d) => `${d.issuingState} ${d.number}`).join('; '),
    vin: vehicle?.vin ?? '',
    plate: vehicle?.plate ? `${vehicle.plate.number} (${vehicle.plate.state})` : '',
    makeModel: join([vehicle?.make ?? firearm?.make, vehicle?.model ?? firearm?.model]),
    serials: (firearm?.serials ?? []).join('; '),
    eventDate: event?.date ?? '',
    eventPlace: event?.place ? join([event.place.country, event.place.region, event.place.locality], ', ') : '',
    legalBasis: record.legalBasis,
    actionOnHit: record.actionOnHit,
    reviewBy: record.reviewBy ?? '',
    updatedAt: record.updatedAt ?? '',
  };
}
