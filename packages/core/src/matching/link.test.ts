import { describe, expect, it } from 'vitest';
import { generateRecords } from '../generator/index.ts';
import { compareProfiles, DOMAIN_FIELDS, patronymicsContradict } from './comparisons.ts';
import { matchKeys } from './keys.ts';
import { DEFAULT_MODELS } from './default-models.ts';
import { linkProfiles, trainModels } from './link.ts';
import { profileOf, type PersonProfile } from './profile.ts';
import type { RecordInput } from '../schemas/record.ts';

const person = (names: { surname: string; given: string; patronymic?: string; script?: 'Cyrl' | 'Latn' }[], birthDate: string): RecordInput => ({
  category: 'wanted_person',
  nationalRef: 'x',
  legalBasis: 'x',
  actionOnHit: 'arrest',
  distribution: { kind: 'all' },
  person: { sex: 'male', birthDate, names: names.map((n, i) => ({ kind: i === 0 ? 'primary' : 'latin', script: n.script ?? 'Cyrl', ...n })) },
  wanted: { offence: { article: '1', description: 'x' }, warrant: { issuedBy: 'x', issuedOn: '2020-01-01' }, measure: 'arrest' },
});

describe('matching records', () => {
  it('the same person in Cyrillic and in a French-era Latin spelling share a key and compare as transliterations', () => {
    const a = profileOf(person([{ surname: 'Щукин', given: 'Евгений', patronymic: 'Петрович' }], '1984-07-15'))!;
    const b = profileOf(person([{ surname: 'Chtchoukine', given: 'Ievgueni', script: 'Latn' }], '1984-07'))!;
    expect(matchKeys(a).some((k) => matchKeys(b).includes(k))).toBe(true);
    const vector = compareProfiles(a, b);
    const level = (field: string) =>
      DOMAIN_FIELDS.person.find((f) => f.field === field)!.levels[vector[DOMAIN_FIELDS.person.findIndex((f) => f.field === field)]!];
    expect(['translit', 'phonetic']).toContain(level('surname'));
    expect(level('birth')).toBe('same_month');
  });

  it('a day/month transposition is recognised as such', () => {
    const a = profileOf(person([{ surname: 'Иванов', given: 'Иван' }], '1985-03-07'))!;
    const b = profileOf(person([{ surname: 'Иванов', given: 'Иван' }], '1985-07-03'))!;
    expect(DOMAIN_FIELDS.person[3]!.levels[compareProfiles(a, b)[3]!]).toBe('transposed');
  });

  it('two full birth dates months apart count against a match, not as nearly the same', () => {
    const a = profileOf(person([{ surname: 'Иванов', given: 'Иван' }], '1985-03-07'))!;
    const b = profileOf(person([{ surname: 'Иванов', given: 'Иван' }], '1985-11-20'))!;
    const c = profileOf(person([{ surname: 'Иванов', given: 'Иван' }], '1985-03-08'))!;
    expect(DOMAIN_FIELDS.person[3]!.levels[compareProfiles(a, b)[3]!]).toBe('different');
    expect(DOMAIN_FIELDS.person[3]!.levels[compareProfiles(a, c)[3]!]).toBe('near');
  });

  it('a patronymic dropped from the Latin forms is still compared from the original names', () => {
    const a = profileOf(
      person(
        [
          { surname: 'Тиллаев', given: 'Асилбек', patronymic: 'Тимурович' },
          { surname: 'Tillayev', given: 'Asilbek', script: 'Latn' },
        ],
        '1974-01-22',
      ),
    )!;
    const b = profileOf(
      person(
        [
          { surname: 'Тиллаев', given: 'Асилбек', patronymic: 'Фархадович' },
          { surname: 'Tillayev', given: 'Asilbek', script: 'Latn' },
        ],
        '1974-01-22',
      ),
    )!;
    expect(DOMAIN_FIELDS.person[2]!.levels[compareProfiles(a, b)[2]!]).toBe('different');
  });

  it('a car registered as ХЕНДЭ Солярис in one state and Hyundai Solaris in another agrees on make and model', () => {
    const car = (make: string, model: string): RecordInput => ({
      category: 'vehicle',
      nationalRef: make,
      legalBasis: 'x',
      actionOnHit: 'seize',
      distribution: { kind: 'all' },
      vehicle: { make, model, vin: 'Z94CT41D3G2371323' },
    });
    const vector = compareProfiles(profileOf(car('ХЕНДЭ', 'Солярис'))!, profileOf(car('Hyundai', 'Solaris'))!);
    expect(DOMAIN_FIELDS.vehicle[4]!.levels[vector[4]!]).toBe('same');
    expect(['same', 'similar']).toContain(DOMAIN_FIELDS.vehicle[5]!.levels[vector[5]!]);
    expect(DOMAIN_FIELDS.vehicle[4]!.levels[compareProfiles(profileOf(car('ВАЗ', '2107'))!, profileOf(car('LADA', '2107'))!)[4]!]).toBe('same');
  });

  it('Soviet serials with the same digits under different letter prefixes are different guns', () => {
    const gun = (serial: string): RecordInput => ({
      category: 'firearm',
      nationalRef: serial,
      legalBasis: 'x',
      actionOnHit: 'seize',
      distribution: { kind: 'all' },
      firearm: { kind: 'lost_stolen', type: 'pistol', model: 'ПМ', serials: [serial], eventDate: '2020-01-01', eventPlace: { country: 'RU' } },
    });
    const serialLevel = (a: string, b: string) => DOMAIN_FIELDS.firearm[0]!.levels[compareProfiles(profileOf(gun(a))!, profileOf(gun(b))!)[0]!];
    expect(serialLevel('ЕЦ 6311', 'ХГ 6311')).toBe('different');
    expect(serialLevel('ЕЦ 631145', 'ETZ631145')).toBe('digits');
    expect(serialLevel('ТБ 9803', 'ТБ-9803')).toBe('exact_short');
  });

  it('a body found before the person was last seen cannot be that person', () => {
    const missing: RecordInput = {
      category: 'missing_person',
      nationalRef: 'm',
      legalBasis: 'x',
      actionOnHit: 'locate_and_inform',
      distribution: { kind: 'all' },
      person: { sex: 'male', birthDate: '1990-05-01', names: [{ kind: 'primary', script: 'Cyrl', surname: 'Петров', given: 'Олег' }] },
      missing: { lastSeenOn: '2024-06-10', lastSeenPlace: { country: 'KZ', locality: 'Атырау' }, circumstances: 'x' },
    };
    const body = (foundOn: string): RecordInput => ({
      category: 'unidentified_corpse',
      nationalRef: foundOn,
      legalBasis: 'x',
      actionOnHit: 'identify',
      distribution: { kind: 'all' },
      person: { sex: 'male' },
      unidentifiedCorpse: { foundOn, foundPlace: { country: 'KZ', locality: 'Atyrau' }, estimatedAge: { min: 30, max: 40 } },
    });
    const timeline = (foundOn: string) => {
      const vector = compareProfiles(profileOf(missing)!, profileOf(body(foundOn))!);
      const field = DOMAIN_FIELDS.person.findIndex((f) => f.field === 'timeline');
      return DOMAIN_FIELDS.person[field]!.levels[vector[field]!];
    };
    expect(timeline('2024-03-01')).toBe('impossible');
    expect(timeline('2024-06-30')).toBe('weeks');
    const place = DOMAIN_FIELDS.person.findIndex((f) => f.field === 'place');
    expect(DOMAIN_FIELDS.person[place]!.levels[compareProfiles(profileOf(missing)!, profileOf(body('2024-06-30'))!)[place]!]).toBe('locality');
  });

  it('a stolen pistol with a Cyrillic serial prefix is found by its Latin transcription', () => {
    const gun = (serial: string, kind: 'lost_stolen' | 'found_seized'): RecordInput => ({
      category: 'firearm',
      nationalRef: serial,
      legalBasis: 'x',
      actionOnHit: 'seize',
      distribution: { kind: 'all' },
      firearm: { kind, type: 'pistol', make: 'ПМ', serials: [serial], eventDate: '2020-01-01', eventPlace: { country: 'RU' } },
    });
    const result = linkProfiles(
      [profileOf(gun('ТО 1234', 'lost_stolen')), profileOf(gun('TO1234', 'found_seized')), profileOf(gun('ТО 9876', 'found_seized'))],
      {
        threshold: 0.5,
      },
    );
    expect(result.candidatePairs).toBe(1);
  });

  it('links the same man recorded by three states in three spellings, and not his namesake', () => {
    const background = [...generateRecords({ seed: 11, count: 3000 })];
    const ours = [
      person(
        [
          { surname: 'Раҳмонов', given: 'Фарҳод', patronymic: 'Исмоилович' },
          { surname: 'Rahmonov', given: 'Farhod', script: 'Latn' },
        ],
        '1987-05-12',
      ),
      person([{ surname: 'Рахмонов', given: 'Фарход', patronymic: 'Исмаилович' }], '1987-12-05'),
      person([{ surname: 'Rakhmonov', given: 'Farkhod', script: 'Latn' }], '1987'),
      person([{ surname: 'Рахмонов', given: 'Бахтиёр', patronymic: 'Каримович' }], '1962-01-30'),
    ];
    const profiles = [...background, ...ours].map(profileOf);
    const { clusterOf, models } = linkProfiles(profiles, { randomPairs: 50_000 });
    const n = background.length;
    expect(clusterOf[n]).toBe(clusterOf[n + 1]);
    expect(clusterOf[n]).toBe(clusterOf[n + 2]);
    expect(clusterOf[n + 3]).not.toBe(clusterOf[n]);
    // What EM learnt reads the right way round: agreement is evidence for a match.
    const surname = models.person!.fields.find((f) => f.field === 'surname')!;
    expect(Math.log2(surname.m[0]! / surname.u[0]!)).toBeGreaterThan(0);
    expect(Math.log2(surname.m.at(-1)! / surname.u.at(-1)!)).toBeLessThan(0);
  });
  it('two namesakes born on different days stay apart when a record with only the birth year matches both', () => {
    const background = [...generateRecords({ seed: 11, count: 3000 })];
    const ours = [
      person([{ surname: 'Щукин', given: 'Евгений', patronymic: 'Петрович' }], '1984-07-15'),
      person([{ surname: 'Shchukin', given: 'Evgeniy', patronymic: 'Petrovich', script: 'Latn' }], '1984-07-15'),
      person([{ surname: 'Щукин', given: 'Евгений', patronymic: 'Петрович' }], '1984-02-03'),
      person([{ surname: 'Shchukin', given: 'Yevgeniy', patronymic: 'Petrovich', script: 'Latn' }], '1984-02-03'),
      // A year-only date: as close to one of them as to the other.
      person([{ surname: 'Щукин', given: 'Евгений', patronymic: 'Петрович' }], '1984'),
    ];
    const profiles = [...background, ...ours].map(profileOf);
    const { clusterOf, links } = linkProfiles(profiles, { randomPairs: 50_000 });
    const n = background.length;
    // The year-only record is close enough to each namesake to link on its own…
    expect(links.some((l) => l.a === n && l.b === n + 4)).toBe(true);
    expect(links.some((l) => l.a === n + 2 && l.b === n + 4)).toBe(true);
    // …but that does not make the two men one.
    expect(clusterOf[n]).toBe(clusterOf[n + 1]);
    expect(clusterOf[n + 2]).toBe(clusterOf[n + 3]);
    expect(clusterOf[n]).not.toBe(clusterOf[n + 2]);
  });
  it('a file without documents still learns that a different sex, citizenship or name speaks against a match', () => {
    const records = [...generateRecords({ seed: 11, count: 3000 })].map((r) =>
      r.person ? { ...r, person: { ...r.person, documents: undefined } } : r,
    );
    const trained = trainModels(records.map(profileOf), { randomPairs: 50_000 }).person!;
    const weight = (f: { m: number[]; u: number[] }, level: number) => Math.log2(f.m[level]! / f.u[level]!);
    for (const field of ['surname', 'given', 'patronymic', 'sex', 'citizenship']) {
      const ours = trained.fields.find((f) => f.field === field)!;
      const shipped = DEFAULT_MODELS.person.fields.find((f) => f.field === field)!;
      shipped.levels.forEach((level, i) => {
        const expected = weight(shipped, i);
        if (Math.abs(expected) < 1) return;
        // Same direction as the shipped model, and a disagreement at least half as strong against.
        expect(Math.sign(weight(ours, i)), `${field} ${level}`).toBe(Math.sign(expected));
        if (expected < 0) expect(weight(ours, i), `${field} ${level}`).toBeLessThanOrEqual(expected / 2);
      });
    }
  });
});

describe('two people, whatever their names share', () => {
  const profile = (patronymic: string | undefined, latin?: string) =>
    profileOf(
      person(
        [
          { surname: 'Иванов', given: 'Иван', ...(patronymic ? { patronymic } : {}) },
          ...(latin ? [{ surname: 'Ivanov', given: 'Ivan', patronymic: latin, script: 'Latn' as const }] : []),
        ],
        '1980',
      ),
    ) as PersonProfile;

  it('patronymics of two fathers say two people; a spelling or a missing one does not', () => {
    expect(patronymicsContradict(profile('Петрович'), profile('Сергеевич'))).toBe(true);
    expect(patronymicsContradict(profile('Петрович'), profile(undefined, 'Petrovich'))).toBe(false);
    expect(patronymicsContradict(profile('Петрович'), profile(undefined))).toBe(false);
  });
});
