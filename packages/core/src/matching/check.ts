import type { FieldIssue } from '../errors.ts';
import type { CheckInput } from '../schemas/check.ts';
import type { RecordInput } from '../schemas/record.ts';
import { parsePersonName } from './names/index.ts';
import { profileOf, type MatchProfile } from './profile.ts';

/**
 * What a check lacks to be matched on, as field issues; empty when it is enough. A person needs
 * a surname and a given name or a birth date (a name alone matches thousands), or a document.
 */
export function checkSufficiency(check: CheckInput): FieldIssue[] {
  const subjects = [check.person, check.vehicle, check.firearm].filter((s) => s !== undefined);
  if (subjects.length !== 1) return [{ path: '', code: 'check_subject', params: { given: subjects.length } }];
  const p = check.person;
  if (p && !p.document && !namesEnough(p)) {
    return [{ path: '/person', code: 'check_too_little', params: { subject: 'person' } }];
  }
  const v = check.vehicle;
  if (v && !v.vin && !v.plate && !v.engineNumber && !v.bodyNumber) {
    return [{ path: '/vehicle', code: 'check_too_little', params: { subject: 'vehicle' } }];
  }
  return [];
}

/**
 * A family name and a given name or a birth date, as the officer meant them: the surname field
 * may hold the whole name ("Лукашевич Александр"), or a Kyrgyz "Mamadali uulu", which is read as
 * the father's name.
 */
function namesEnough(p: NonNullable<CheckInput['person']>): boolean {
  if (!p.surname) return false;
  const parsed = parsePersonName({ surname: p.surname, given: p.given, patronymic: p.patronymic }, { lang: p.lang });
  const family = parsed.surname !== undefined || parsed.patronymic !== undefined;
  return family && (p.given !== undefined || p.birthDate !== undefined || parsed.given !== undefined);
}

/** The check as a record-shaped subject, so it is profiled exactly like the records it is compared with. */
export function checkProfile(check: CheckInput): MatchProfile | undefined {
  const base = { nationalRef: 'check', legalBasis: 'check', actionOnHit: 'identify', distribution: { kind: 'all' } } as const;
  let subject: RecordInput;
  if (check.person) {
    const p = check.person;
    subject = {
      ...base,
      category: 'wanted_person',
      person: {
        sex: p.sex ?? 'unknown',
        names:
          p.surname || p.given
            ? [{ kind: 'primary', script: 'Latn', lang: p.lang, surname: p.surname, given: p.given, patronymic: p.patronymic }]
            : [],
        birthDate: p.birthDate,
        documents: p.document ? [{ type: p.document.type ?? 'passport', number: p.document.number, issuingState: p.document.issuingState }] : [],
      },
    };
  } else if (check.vehicle) {
    const v = check.vehicle;
    subject = { ...base, category: 'vehicle', vehicle: { ...v, make: v.make ?? '' } };
  } else if (check.firearm) {
    const f = check.firearm;
    subject = {
      ...base,
      category: 'firearm',
      firearm: {
        kind: 'found_seized',
        type: 'other',
        serials: [f.serial],
        make: f.make,
        model: f.model,
        eventDate: '2000-01-01',
        eventPlace: { country: 'RU' },
      },
    };
  } else return undefined;
  const profile = profileOf(subject);
  // A check knows nothing of the weapon's type, nor when it was lost or found (the record shape
  // needs a kind and a date; these are placeholders): leave them out of the comparison.
  if (profile?.domain === 'firearm') {
    profile.type = undefined;
    profile.kind = undefined;
    profile.eventDay = undefined;
  }
  return profile;
}
