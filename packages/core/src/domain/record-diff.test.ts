import { describe, expect, it } from 'vitest';
import { recordDifferences } from './record-diff.ts';

describe('the difference between two versions of a record', () => {
  const v1 = {
    legalBasis: 'Постановление от 01.02.2024',
    person: { sex: 'male', names: [{ kind: 'primary', surname: 'Иванов', given: 'Иван' }] },
    distribution: { kind: 'all' },
  };

  it('names each changed, added and removed field by its path, with the values either side', () => {
    const v2 = {
      legalBasis: 'Постановление от 01.02.2024',
      person: { sex: 'male', names: [{ kind: 'primary', surname: 'Иванов', given: 'Ivan', patronymic: 'Петрович' }], heightCm: 180 },
    };
    expect(recordDifferences(v1, v2)).toEqual([
      { path: '/person/names/0/given', before: 'Иван', after: 'Ivan' },
      { path: '/person/names/0/patronymic', after: 'Петрович' },
      { path: '/person/heightCm', after: 180 },
      { path: '/distribution/kind', before: 'all' },
    ]);
  });

  it('finds nothing between a version and itself', () => {
    expect(recordDifferences(v1, structuredClone(v1))).toEqual([]);
  });

  it('lists a name added to a list, and escapes slashes in keys as JSON Pointer does', () => {
    const v2 = { ...v1, person: { ...v1.person, names: [...v1.person.names, { kind: 'latin', surname: 'IVANOV' }] }, 'a/b': 1 };
    expect(recordDifferences(v1, v2)).toEqual([
      { path: '/person/names/1/kind', after: 'latin' },
      { path: '/person/names/1/surname', after: 'IVANOV' },
      { path: '/a~1b', after: 1 },
    ]);
  });
});
