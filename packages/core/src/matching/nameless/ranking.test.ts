import { describe, expect, it } from 'vitest';
import type { RecordInput } from '../../schemas/record.ts';
import { namelessProfile } from './profile.ts';
import { namelessEvidence, rankNameless } from './ranking.ts';
import { base, body, type Marks, missing, OMSK } from './test-records.ts';
import type { NamelessEvidence } from './types.ts';

const field = (evidence: NamelessEvidence, name: string) => evidence.fields.find((f) => f.field === name)!;
const refs = (ranked: { candidate: RecordInput }[]) => ranked.map((r) => r.candidate.nationalRef);

describe('ranking unidentified bodies and persons for a missing person', () => {
  it('a missing man aged 34 last seen in Omsk ranks a male body of 35–45 found in Omsk region three weeks later above a female body and a body of 60–70', () => {
    const subject = missing();
    const candidates = [
      body('female', { person: { sex: 'female', description: { heightCm: 180 } } }),
      body('old', { found: { estimatedAge: { min: 60, max: 70 } } }),
      body('him'),
    ];
    const ranked = rankNameless(subject, candidates, 10);
    expect(refs(ranked)).toEqual(['him', 'female', 'old']);
    const evidence = ranked[0]!.evidence;
    expect(field(evidence, 'sex')).toMatchObject({ level: 'agree' });
    expect(field(evidence, 'age')).toMatchObject({ level: 'near', detail: '34 when last seen, 34 when found; estimated 35–45' });
    expect(field(evidence, 'found')).toMatchObject({ level: 'days', detail: '+21 days after last seen' });
    expect(field(evidence, 'place')).toMatchObject({ level: 'region' });
    expect(field(ranked[1]!.evidence, 'sex').bits).toBeLessThan(-3);
    expect(field(ranked[2]!.evidence, 'age').level).toBe('beyond');
  });

  it('a body found two days before the last-seen date is scored lower than two days after, yet still heads the list when everything else agrees', () => {
    const subject = missing({ person: { description: { heightCm: 176, build: 'slim' } } });
    const agreeing = { description: { heightCm: 176, build: 'slim' as const } };
    const early = body('early', { person: agreeing, found: { foundOn: '2024-05-08', foundPlace: OMSK, estimatedAge: { min: 30, max: 38 } } });
    const late = body('late', { person: agreeing, found: { foundOn: '2024-05-12', foundPlace: OMSK, estimatedAge: { min: 30, max: 38 } } });
    expect(field(namelessEvidence(subject, early), 'found').level).toBe('shortly_before');
    expect(namelessEvidence(subject, early).bits).toBeLessThan(namelessEvidence(subject, late).bits);

    const others = [
      body('months-later', { found: { foundOn: '2024-09-01' } }),
      body('kazakhstan', { found: { foundOn: '2024-05-20', foundPlace: { country: 'KZ', locality: 'Павлодар' } } }),
      body('shorter', { person: { description: { heightCm: 165 } }, found: { foundOn: '2024-06-02', foundPlace: OMSK } }),
      body('stocky', { person: { description: { heightCm: 180, build: 'heavy' } }, found: { foundOn: '2024-07-15' } }),
    ];
    expect(refs(rankNameless(subject, [...others, early], 10))[0]).toBe('early');
  });

  it('a shared tattoo written in Cyrillic and in Latin letters raises the score; the same design on the other arm only a little', () => {
    const anchor = (description: string, location?: string): Marks => [{ kind: 'tattoo', description, ...(location ? { location } : {}) }];
    const subject = missing({ person: { description: { heightCm: 180, marks: anchor('якорь на левом предплечье') } } });
    const plain = body('plain');
    const tattooed = body('tattooed', { person: { description: { heightCm: 180, marks: anchor('yakor levoe predplechye') } } });
    const otherArm = body('other-arm', { person: { description: { heightCm: 180, marks: anchor('якорь', 'правое предплечье') } } });

    const withTattoo = namelessEvidence(subject, tattooed);
    expect(field(withTattoo, 'marks')).toMatchObject({ level: 'same' });
    expect(field(withTattoo, 'marks').bits).toBeGreaterThan(4);
    expect(withTattoo.bits - namelessEvidence(subject, plain).bits).toBeGreaterThan(4);
    expect(field(namelessEvidence(subject, otherArm), 'marks').level).toBe('similar');
    expect(refs(rankNameless(subject, [plain, otherArm, tattooed], 3))).toEqual(['tattooed', 'other-arm', 'plain']);
  });

  it('reports which biometric references each side holds, without scoring them', () => {
    const subject = missing({ missing: { biometrics: { dna: true, dental: true, fingerprints: false } } });
    const sampled = body('sampled', { found: { samples: { dna: 'RU-DNA-2024-000123', fingerprints: 'RU-FP-2024-000456' } } });
    const evidence = namelessEvidence(subject, sampled);
    expect(evidence.biometrics).toEqual({ both: ['dna'], missingOnly: ['dental'], unidentifiedOnly: ['fingerprints'] });
    expect(evidence.bits).toBe(namelessEvidence(subject, body('unsampled')).bits);

    const living: RecordInput = {
      ...base,
      category: 'unidentified_person',
      nationalRef: 'U-1',
      person: { sex: 'male' },
      unidentifiedPerson: { foundOn: '2024-05-12', foundPlace: OMSK, currentLocation: { kind: 'hospital', name: 'БСМП № 1' } },
    };
    // A living person can give any sample: the missing person's references decide what can be compared.
    expect(namelessEvidence(subject, living).biometrics).toEqual({ both: ['dna', 'dental'], missingOnly: [], unidentifiedOnly: ['fingerprints'] });
  });

  it('lists every field, and what either side lacks as unknown, worth nothing', () => {
    const bare = body('bare', { person: { sex: 'unknown' }, found: { estimatedAge: undefined } });
    const evidence = namelessEvidence(missing(), bare);
    expect(evidence.fields.map((f) => f.field)).toEqual([
      'sex',
      'age',
      'found',
      'death',
      'height',
      'build',
      'place',
      'marks',
      'clothing',
      'hair',
      'eyes',
    ]);
    for (const name of ['sex', 'age', 'death', 'build', 'marks', 'clothing', 'hair', 'eyes'])
      expect(field(evidence, name)).toMatchObject({ level: 'unknown', bits: 0 });
  });

  it('a sex that disagrees costs about four bits but never excludes the pair', () => {
    const evidence = namelessEvidence(missing(), body('woman', { person: { sex: 'female', description: { heightCm: 180 } } }));
    expect(field(evidence, 'sex')).toMatchObject({ level: 'disagree' });
    expect(field(evidence, 'sex').bits).toBeCloseTo(-4.06, 1);
    expect(Number.isFinite(evidence.bits)).toBe(true);
  });

  it('a time since death that holds the last-seen date makes a body found long after a likely partner', () => {
    const subject = missing({ missing: { lastSeenOn: '2022-04-01' } });
    const found = { foundOn: '2024-03-20', estimatedAge: { min: 30, max: 40 } };
    const fits = namelessEvidence(subject, body('fits', { found: { ...found, timeSinceDeathDays: { min: 600, max: 750 } } }));
    const fresh = namelessEvidence(subject, body('fresh', { found: { ...found, timeSinceDeathDays: { min: 2, max: 5 } } }));
    expect(field(fits, 'death')).toMatchObject({ level: 'fits' });
    expect(field(fits, 'death').bits).toBeGreaterThan(1);
    expect(field(fresh, 'death')).toMatchObject({ level: 'later' });
    expect(fits.bits).toBeGreaterThan(fresh.bits);
  });

  it('a missing child is allowed to have grown by the time a body is found', () => {
    const child = missing({ person: { birthDate: '2012-06-01', description: { heightCm: 140 } }, missing: { lastSeenOn: '2022-06-01' } });
    const taller = body('taller', {
      person: { description: { heightCm: 152 } },
      found: { foundOn: '2024-06-10', estimatedAge: { min: 11, max: 14 } },
    });
    expect(field(namelessEvidence(child, taller), 'height').level).toBe('close');
  });

  it('finds the place in the national and the Russian spelling, and knows neighbouring states', () => {
    const karaganda = missing({ missing: { lastSeenPlace: { country: 'KZ', region: 'Карагандинская область', locality: 'Караганда' } } });
    const national = body('kz', { found: { foundPlace: { country: 'KZ', region: 'Қарағанды облысы', locality: 'Қарағанды' } } });
    expect(field(namelessEvidence(karaganda, national), 'place').level).toBe('locality');
    const tashkent = missing({ missing: { lastSeenPlace: { country: 'UZ', region: 'г. Ташкент', locality: 'Ташкент' } } });
    expect(
      field(
        namelessEvidence(tashkent, body('uz', { found: { foundPlace: { country: 'UZ', region: 'Toshkent shahri', locality: 'Toshkent' } } })),
        'place',
      ).level,
    ).toBe('locality');
    expect(field(namelessEvidence(tashkent, national), 'place').level).toBe('neighbour');
    expect(field(namelessEvidence(tashkent, body('md', { found: { foundPlace: { country: 'MD', locality: 'Chișinău' } } })), 'place').level).toBe(
      'other_state',
    );
  });

  it('clothing described in two scripts that share no word does not count against', () => {
    const subject = missing({ missing: { clothing: 'куртка чёрного цвета, джинсы синего цвета' } });
    const uzbek = namelessEvidence(subject, body('uz', { found: { clothing: "qora kurtka, ko'k shim" } }));
    const russian = namelessEvidence(subject, body('ru', { found: { clothing: 'пальто серого цвета, брюки коричневого цвета' } }));
    const same = namelessEvidence(subject, body('same', { found: { clothing: 'джинсы синие, куртка черная' } }));
    expect(field(uzbek, 'clothing')).toMatchObject({ level: 'other_script', bits: 0 });
    expect(field(russian, 'clothing').level).toBe('none');
    expect(field(russian, 'clothing').bits).toBeLessThan(0);
    expect(field(same, 'clothing').level).toBe('most');
    expect(field(same, 'clothing').bits).toBeGreaterThan(2);
  });

  it('ranks both ways: missing persons for an unidentified body, and skips records of its own side', () => {
    const subject = body('found');
    const ranked = rankNameless(subject, [missing({ person: { sex: 'female' } }), body('another'), missing()], 5);
    expect(ranked.map((r) => r.index)).toEqual([2, 0]);
    // The same evidence as the pair alone, but for the place, which a ranking weighs by how common it is among the candidates.
    const butPlace = (evidence: NamelessEvidence) => evidence.fields.filter((f) => f.field !== 'place');
    expect(butPlace(ranked[0]!.evidence)).toEqual(butPlace(namelessEvidence(missing(), subject)));
    expect(field(ranked[0]!.evidence, 'place').detail).toBe('Омск, Омская область, RU / Исилькуль, Омская область, RU; 100 % of candidates alike');
    expect(() => namelessEvidence(subject, body('also-found'))).toThrow(TypeError);
  });

  it('profiles only the records nameless ranking is about', () => {
    expect(namelessProfile(missing())?.role).toBe('missing');
    expect(namelessProfile(body('b'))?.role).toBe('unidentified');
    expect(namelessProfile({ ...base, category: 'wanted_person', nationalRef: 'W-1', person: { sex: 'male' } })).toBeUndefined();
  });
});
