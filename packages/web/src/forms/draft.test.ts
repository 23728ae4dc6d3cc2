import { describe, expect, it } from 'vitest';
import { getAt, pruned, setAt, typedDate } from './draft.ts';

describe('a record draft addressed by JSON Pointer', () => {
  it('writes a value deep inside without touching the original, making lists where the path counts', () => {
    const draft = { person: { sex: 'male' } };
    const next = setAt(draft, '/person/names/0/surname', 'Иванов');
    expect(next).toEqual({ person: { sex: 'male', names: [{ surname: 'Иванов' }] } });
    expect(draft).toEqual({ person: { sex: 'male' } });
    expect(getAt(next, '/person/names/0/surname')).toBe('Иванов');
    expect(getAt(next, '/vehicle/vin')).toBeUndefined();
  });

  it('leaves out blank inputs and what they leave empty before it is sent', () => {
    expect(pruned({ legalBasis: ' Постановление ', remarks: '', person: { names: [{ surname: '' }], sex: 'male' }, vehicle: {} })).toEqual({
      legalBasis: 'Постановление',
      person: { sex: 'male' },
    });
  });
});

describe('dates as people type them', () => {
  it('reads day.month.year, month.year and the ISO form', () => {
    expect(typedDate('15.07.1984', true)).toBe('1984-07-15');
    expect(typedDate('5/7/1984', false)).toBe('1984-07-05');
    expect(typedDate('07.1984', true)).toBe('1984-07');
    expect(typedDate('1984', true)).toBe('1984');
    expect(typedDate('1984-07-15', false)).toBe('1984-07-15');
  });

  it('keeps a month alone as typed where a full date is needed, for the server to refuse at its field', () => {
    expect(typedDate('07.1984', false)).toBe('07.1984');
    expect(typedDate('вчера', true)).toBe('вчера');
  });
});
