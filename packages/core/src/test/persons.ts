import { profileOf, type PersonProfile } from '../matching/profile.ts';
import type { RecordInput } from '../schemas/record.ts';

export type PersonPartInput = NonNullable<RecordInput['person']>;

/** The match profile of a wanted man, Иванов Иван unless `person` says otherwise: for tests of comparisons and weights. */
export function wantedProfile(person: Partial<PersonPartInput> = {}): PersonProfile {
  return profileOf({
    category: 'wanted_person',
    nationalRef: 'x',
    legalBasis: 'x',
    actionOnHit: 'arrest',
    distribution: { kind: 'all' },
    person: { sex: 'male', names: [{ kind: 'primary', script: 'Cyrl', surname: 'Иванов', given: 'Иван' }], ...person },
    wanted: { offence: { article: '1', description: 'x' }, warrant: { issuedBy: 'x', issuedOn: '2020-01-01' }, measure: 'arrest' },
  }) as PersonProfile;
}
