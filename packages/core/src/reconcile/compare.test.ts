import { describe, expect, it } from 'vitest';
import type { RecordInput } from '../schemas/record.ts';
import { compareArray, overlay, type HeldRecord } from './compare.ts';

type Person = NonNullable<RecordInput['person']>;

const wanted = (ref: string, person: Partial<Person> = {}): RecordInput => ({
  category: 'wanted_person',
  nationalRef: ref,
  legalBasis: 'постановление о розыске',
  actionOnHit: 'arrest',
  distribution: { kind: 'all' },
  person: {
    names: [{ kind: 'primary', script: 'Cyrl', surname: 'Ахметов', given: 'Ерлан', patronymic: 'Болатович' }],
    sex: 'male',
    birthDate: '1985-03-14',
    ...person,
  },
});

const held = (id: string, record: RecordInput, status = 'active'): HeldRecord => ({
  id,
  version: 1,
  status,
  nationalRef: record.nationalRef,
  record,
});

describe('a national array set against what the bank holds', () => {
  it('sorts rows into new, unchanged, changed and stale by national reference', () => {
    const bank = [
      held('a', wanted('KZ-1')),
      held('b', wanted('KZ-2', { names: [{ kind: 'primary', script: 'Cyrl', surname: 'Сериков', given: 'Марат' }], birthDate: '1990-01-01' })),
      held('c', wanted('KZ-3', { names: [{ kind: 'primary', script: 'Cyrl', surname: 'Жумабаев', given: 'Асхат' }], birthDate: '1970-07-07' })),
    ];
    const array = [
      { row: 2, record: wanted('KZ-1') },
      {
        row: 3,
        record: wanted('KZ-2', {
          names: [{ kind: 'primary', script: 'Cyrl', surname: 'Сериков', given: 'Марат' }],
          birthDate: '1990-01-01',
          heightCm: 180,
        } as Partial<Person>),
      },
      {
        row: 4,
        record: wanted('KZ-9', { names: [{ kind: 'primary', script: 'Cyrl', surname: 'Омаров', given: 'Тимур' }], birthDate: '2000-02-02' }),
      },
    ];
    const result = compareArray(array, bank);
    expect(result.unchanged).toEqual([{ row: 2, id: 'a' }]);
    expect(result.changed.map((c) => c.id)).toEqual(['b']);
    expect(result.new.map((n) => n.row)).toEqual([4]);
    expect(result.stale).toEqual([{ id: 'c', version: 1, nationalRef: 'KZ-3' }]);
    expect(result.conflicts).toEqual([]);
  });

  it('keeps what the bank holds and the array does not carry: a Latin form, a legal basis filled in for new rows', () => {
    const bankRecord = wanted('KZ-1', {
      names: [
        { kind: 'primary', script: 'Cyrl', surname: 'Ахметов', given: 'Ерлан', patronymic: 'Болатович' },
        { kind: 'latin', script: 'Latn', surname: 'AKHMETOV', given: 'YERLAN' },
      ],
    });
    const row = { ...wanted('KZ-1'), legalBasis: 'по умолчанию для новых' };
    const result = compareArray([{ row: 2, record: row, carried: new Set(['category', 'nationalRef', 'person']) }], [held('a', bankRecord)]);
    expect(result.unchanged).toHaveLength(1);
    expect((overlay(bankRecord, row) as RecordInput).person!.names).toHaveLength(2);
  });

  it('a row that gives another birth date or sex, or revives a cancelled record, is a conflict, not a change', () => {
    const bank = [
      held('a', wanted('KZ-1')),
      held('b', wanted('KZ-2', { names: [{ kind: 'primary', script: 'Cyrl', surname: 'Сериков', given: 'Марат' }] }), 'cancelled'),
    ];
    const array = [
      { row: 2, record: wanted('KZ-1', { birthDate: '1958-03-14', sex: 'female' }) },
      { row: 3, record: wanted('KZ-2', { names: [{ kind: 'primary', script: 'Cyrl', surname: 'Сериков', given: 'Марат' }] }) },
    ];
    const result = compareArray(array, bank);
    expect(result.conflicts.map((c) => [c.row, c.reasons.sort()])).toEqual([
      [2, ['birth_date', 'sex']],
      [3, ['cancelled']],
    ]);
    expect(result.changed).toEqual([]);
  });

  it('a birth date the bank lacked is a change, not a conflict', () => {
    const bankRecord = wanted('KZ-1');
    delete bankRecord.person!.birthDate;
    const result = compareArray([{ row: 2, record: wanted('KZ-1') }], [held('a', bankRecord)]);
    expect(result.changed.map((c) => c.differences)).toEqual([[{ path: '/person/birthDate', after: '1985-03-14' }]]);
  });

  it('reports a reference given twice, and one man under two references, as duplicates', () => {
    const array = [
      { row: 2, record: wanted('KZ-1') },
      { row: 3, record: wanted('KZ-1') },
      { row: 4, record: wanted('KZ-7', { documents: [{ type: 'passport', number: 'N1234567', issuingState: 'KZ' }] }) },
      { row: 5, record: wanted('KZ-8', { documents: [{ type: 'passport', number: 'N1234567', issuingState: 'KZ' }] }) },
    ];
    const result = compareArray(array, []);
    expect(result.duplicates).toContainEqual({ rows: [2, 3], reason: 'same_reference', nationalRefs: ['KZ-1'] });
    expect(result.duplicates.filter((d) => d.reason === 'same_subject').map((d) => d.nationalRefs)).toContainEqual(['KZ-7', 'KZ-8']);
    // The second row of a repeated reference is not counted again as new.
    expect(result.new.map((n) => n.row)).toEqual([2, 4, 5]);
  });
});
