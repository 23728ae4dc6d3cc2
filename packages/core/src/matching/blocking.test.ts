/** Blocking: which records are ever compared. A pair never compared can never be linked. */
import { describe, expect, it } from 'vitest';
import type { RecordInput } from '../schemas/record.ts';
import { matchKeys } from './keys.ts';
import { forEachCandidatePair } from './link.ts';
import { profileOf, type MatchProfile } from './profile.ts';

const wanted = (surname: string, given: string, birthDate?: string): RecordInput => ({
  category: 'wanted_person',
  nationalRef: 'x',
  legalBasis: 'x',
  actionOnHit: 'arrest',
  distribution: { kind: 'all' },
  person: { sex: 'male', ...(birthDate ? { birthDate } : {}), names: [{ kind: 'primary', script: 'Cyrl', surname, given }] },
  wanted: { offence: { article: '1', description: 'x' }, warrant: { issuedBy: 'x', issuedOn: '2020-01-01' }, measure: 'arrest' },
});

function pairsOf(records: RecordInput[]): [number, number][] {
  const profiles = records.map((r) => profileOf(r)) as MatchProfile[];
  const pairs: [number, number][] = [];
  forEachCandidatePair(
    profiles,
    profiles.map((p) => matchKeys(p)),
    400,
    (i, j) => pairs.push([i, j]),
  );
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('records with no birth date', () => {
  it('are compared with the dated records of their name, each pair once', () => {
    const pairs = pairsOf([
      wanted('Иванов', 'Иван', '1984-07-15'),
      wanted('Иванов', 'Иван'),
      wanted('Ivanov', 'Ivan', '1984'),
      wanted('Петров', 'Пётр'),
    ]);
    expect(pairs).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  it('a dated check looks up the undated records of the name, and an undated one every year', () => {
    const dated = profileOf(wanted('Иванов', 'Иван', '1984-07-15'))!;
    const undated = profileOf(wanted('Иванов', 'Иван'))!;
    const filed = new Set(matchKeys(undated));
    expect(matchKeys(dated, 'query').some((k) => filed.has(k))).toBe(true);
    expect(matchKeys(undated, 'query').every((k) => k.endsWith('|*') || !k.startsWith('n:'))).toBe(true);
  });

  it('dated records of one name but different years are still not compared', () => {
    expect(pairsOf([wanted('Иванов', 'Иван', '1984-07-15'), wanted('Иванов', 'Иван', '1990-01-02')])).toEqual([]);
  });
});

describe('a birth year typed with a wrong digit', () => {
  it('still meets its record through the day and month, in linking and in a check', () => {
    expect(pairsOf([wanted('Иванов', 'Иван', '1984-07-15'), wanted('Иванов', 'Иван', '1994-07-15'), wanted('Иванов', 'Иван', '1948-07-15')])).toEqual(
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
    );
    const filed = new Set(matchKeys(profileOf(wanted('Ivanov', 'Ivan', '1984-07-15'))!));
    expect(matchKeys(profileOf(wanted('Иванов', 'Иван', '1985-07-15'))!, 'query').some((k) => filed.has(k))).toBe(true);
  });

  it('but a year-only date or an estimate files no day key', () => {
    expect(pairsOf([wanted('Иванов', 'Иван', '1984'), wanted('Иванов', 'Иван', '1994')])).toEqual([]);
  });
});
