import type { FieldIssue } from '../errors.ts';
import type { Category, RecordContent, SectionName } from '../schemas/record.ts';
import { SECTION_NAMES } from '../schemas/record.ts';
import { parsePartialDate, partialDateBounds } from './dates.ts';
import { isVinWellFormed, normalizeVin, vinCheckDigit, vinCheckDigitApplies } from './vin.ts';

interface SectionRule {
  required: SectionName[];
  optional: SectionName[];
}

/** Which category sections each kind of record carries. */
export const CATEGORY_SECTIONS: Record<Category, SectionRule> = {
  wanted_person: { required: ['person', 'wanted'], optional: [] },
  missing_person: { required: ['person', 'missing'], optional: [] },
  unidentified_corpse: { required: ['unidentifiedCorpse'], optional: ['person'] },
  unidentified_person: { required: ['unidentifiedPerson'], optional: ['person'] },
  vehicle: { required: ['vehicle'], optional: [] },
  firearm: { required: ['firearm'], optional: [] },
};

const NAMED_CATEGORIES: ReadonlySet<Category> = new Set(['wanted_person', 'missing_person']);

/**
 * The rules a schema cannot express: dates that exist and are not in the future, the right
 * sections for the category, events in a possible order, well-formed VINs.
 * `today` is passed in (YYYY-MM-DD) so the rules stay pure and testable.
 */
export function checkRecordRules(category: Category, record: RecordContent, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const rule = CATEGORY_SECTIONS[category];
  for (const name of rule.required) {
    if (record[name] === undefined) issues.push({ path: `/${name}`, code: 'section_required', params: { category } });
  }
  for (const name of SECTION_NAMES) {
    if (record[name] !== undefined && !rule.required.includes(name) && !rule.optional.includes(name)) {
      issues.push({ path: `/${name}`, code: 'section_not_allowed', params: { category } });
    }
  }

  const date = (path: string, value: string | undefined, opts: { partial?: boolean } = {}) => {
    if (value === undefined) return undefined;
    const parts = parsePartialDate(value);
    if (!parts || (!opts.partial && parts.day === undefined)) {
      issues.push({ path, code: 'date_impossible', params: { value } });
      return undefined;
    }
    const bounds = partialDateBounds(parts);
    if (bounds.earliest > today) issues.push({ path, code: 'date_in_future', params: { value } });
    return bounds;
  };

  const { distribution } = record;
  if (distribution.kind === 'participants' && !distribution.participants?.length) {
    issues.push({ path: '/distribution/participants', code: 'required' });
  }
  if (distribution.kind === 'all' && distribution.participants !== undefined) {
    issues.push({ path: '/distribution/participants', code: 'not_applicable', params: { when: 'kind = all' } });
  }

  if (record.reviewBy !== undefined && !parsePartialDate(record.reviewBy)) {
    issues.push({ path: '/reviewBy', code: 'date_impossible', params: { value: record.reviewBy } });
  }

  const person = record.person;
  let birthEarliest: string | undefined;
  if (person) {
    if (NAMED_CATEGORIES.has(category) && !(person.names ?? []).some((n) => n.surname || n.given)) {
      issues.push({ path: '/person/names', code: 'name_required' });
    }
    (person.names ?? []).forEach((name, i) => {
      if (!name.surname && !name.given && !name.patronymic) issues.push({ path: `/person/names/${i}`, code: 'name_empty' });
    });
    if (person.birthDate !== undefined && person.birthDateRange !== undefined) {
      issues.push({ path: '/person/birthDateRange', code: 'birth_date_conflict' });
    }
    birthEarliest = date('/person/birthDate', person.birthDate, { partial: true })?.earliest;
    if (person.birthDateRange) {
      const from = date('/person/birthDateRange/from', person.birthDateRange.from, { partial: true });
      const to = date('/person/birthDateRange/to', person.birthDateRange.to, { partial: true });
      if (from && to && from.earliest > to.latest) issues.push({ path: '/person/birthDateRange', code: 'range_order' });
      birthEarliest ??= from?.earliest;
    }
    (person.documents ?? []).forEach((doc, i) => {
      const issued = date(`/person/documents/${i}/issuedOn`, doc.issuedOn);
      if (doc.expiresOn !== undefined && !parsePartialDate(doc.expiresOn)) {
        issues.push({ path: `/person/documents/${i}/expiresOn`, code: 'date_impossible', params: { value: doc.expiresOn } });
      }
      if (issued && birthEarliest && issued.latest < birthEarliest) {
        issues.push({ path: `/person/documents/${i}/issuedOn`, code: 'date_order', params: { before: 'birthDate' } });
      }
    });
  }

  /** An event about the person (disappearance, discovery) cannot precede their birth. */
  const afterBirth = (path: string, value: string | undefined) => {
    const bounds = date(path, value);
    if (bounds && birthEarliest && bounds.latest < birthEarliest) {
      issues.push({ path: '/person/birthDate', code: 'date_order', params: { after: path } });
    }
  };

  if (record.wanted) afterBirth('/wanted/warrant/issuedOn', record.wanted.warrant.issuedOn);
  if (record.missing) afterBirth('/missing/lastSeenOn', record.missing.lastSeenOn);
  if (record.unidentifiedCorpse) {
    afterBirth('/unidentifiedCorpse/foundOn', record.unidentifiedCorpse.foundOn);
    rangeOrder(issues, '/unidentifiedCorpse/estimatedAge', record.unidentifiedCorpse.estimatedAge);
    rangeOrder(issues, '/unidentifiedCorpse/timeSinceDeathDays', record.unidentifiedCorpse.timeSinceDeathDays);
  }
  if (record.unidentifiedPerson) {
    afterBirth('/unidentifiedPerson/foundOn', record.unidentifiedPerson.foundOn);
    rangeOrder(issues, '/unidentifiedPerson/estimatedAge', record.unidentifiedPerson.estimatedAge);
  }

  const vehicle = record.vehicle;
  if (vehicle) {
    if (!vehicle.vin && !vehicle.plate && !vehicle.engineNumber && !vehicle.bodyNumber) {
      issues.push({ path: '/vehicle', code: 'identifier_required' });
    }
    if (vehicle.vin !== undefined) {
      const vin = normalizeVin(vehicle.vin);
      if (!isVinWellFormed(vin)) issues.push({ path: '/vehicle/vin', code: 'vin_malformed', params: { value: vehicle.vin } });
      else if (vinCheckDigitApplies(vin) && vin[8] !== vinCheckDigit(vin)) {
        issues.push({ path: '/vehicle/vin', code: 'vin_check_digit', params: { expected: vinCheckDigit(vin) } });
      }
    }
    if (vehicle.theft) date('/vehicle/theft/date', vehicle.theft.date);
    if (vehicle.theft && vehicle.year !== undefined && Number(vehicle.theft.date.slice(0, 4)) < vehicle.year - 1) {
      issues.push({ path: '/vehicle/theft/date', code: 'date_order', params: { after: '/vehicle/year' } });
    }
  }

  const firearm = record.firearm;
  if (firearm) {
    date('/firearm/eventDate', firearm.eventDate);
    if (firearm.yearOfManufacture !== undefined && Number(firearm.eventDate.slice(0, 4)) < firearm.yearOfManufacture) {
      issues.push({ path: '/firearm/eventDate', code: 'date_order', params: { after: '/firearm/yearOfManufacture' } });
    }
  }
  return issues;
}

function rangeOrder(issues: FieldIssue[], path: string, range: { min: number; max: number } | undefined) {
  if (range && range.min > range.max) issues.push({ path, code: 'range_order' });
}
