import type { RecordInput } from '../../schemas/record.ts';

type Person = NonNullable<RecordInput['person']>;
export type Marks = NonNullable<NonNullable<Person['description']>['marks']>;

export const base = { legalBasis: 'розыскное дело', actionOnHit: 'identify', distribution: { kind: 'all' } } as const;
export const OMSK = { country: 'RU', region: 'Омская область', locality: 'Омск' };

export function missing(over: { person?: Partial<Person>; missing?: Partial<NonNullable<RecordInput['missing']>> } = {}): RecordInput {
  return {
    ...base,
    category: 'missing_person',
    nationalRef: 'M-1',
    person: {
      names: [{ kind: 'primary', script: 'Cyrl', surname: 'Сидоров', given: 'Олег' }],
      sex: 'male',
      birthDate: '1990-03-12',
      description: { heightCm: 180 },
      ...over.person,
    },
    missing: { lastSeenOn: '2024-05-10', lastSeenPlace: OMSK, ...over.missing },
  };
}

export function body(
  ref: string,
  over: { person?: Partial<Person>; found?: Partial<NonNullable<RecordInput['unidentifiedCorpse']>> } = {},
): RecordInput {
  return {
    ...base,
    category: 'unidentified_corpse',
    nationalRef: ref,
    person: { sex: 'male', description: { heightCm: 180 }, ...over.person },
    unidentifiedCorpse: { foundOn: '2024-05-31', foundPlace: { ...OMSK, locality: 'Исилькуль' }, estimatedAge: { min: 35, max: 45 }, ...over.found },
  };
}
