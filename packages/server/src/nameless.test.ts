import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordInput } from '@svod/core';
import { crossmatchWholeBank } from './store/crossmatch-bank.ts';
import { crossmatchBacklog, crossmatchQueued } from './store/crossmatch.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { missingPerson, stolenVehicle } from './test/fixtures/records.ts';

const ref = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

const missingMan = () => missingPerson({ nationalRef: ref('KZ-M') });

const body = (sex: 'male' | 'female', age: { min: number; max: number }, heightCm: number, mark?: string): RecordInput => ({
  category: 'unidentified_corpse',
  nationalRef: ref('RU-C'),
  legalBasis: 'Материал проверки КУСП № 771',
  actionOnHit: 'identify',
  distribution: { kind: 'all' },
  person: {
    sex,
    description: { heightCm, ...(mark ? { marks: [{ kind: 'tattoo' as const, location: 'левое предплечье', description: mark }] } : {}) },
  },
  unidentifiedCorpse: {
    foundOn: '2025-03-21',
    foundPlace: { country: 'RU', region: 'Омская область', locality: 'Омск' },
    estimatedAge: age,
    clothing: 'куртка чёрная, джинсы',
    samples: { dna: 'ДНК-2025-0311' },
  },
});

describe.each(DIALECTS)('missing persons put next to unidentified bodies, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const create = async (participant: string, record: RecordInput) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: await t.as(participant, 'operator'), payload: record });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const listFor = async (id: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}/nameless`, headers: await t.as('KZ-MVD', 'operator') });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as {
      record: { id: string };
      evidence: { bits: number; fields: { field: string }[]; biometrics: { both: string[] } };
    }[];
  };

  it('a missing man is first matched with the male body of his age found three weeks later where he was last seen, with the DNA both sides hold', async () => {
    const missing = await create('KZ-MVD', missingMan());
    const his = await create('RU-MVD', body('male', { min: 40, max: 50 }, 180, 'якорь'));
    const woman = await create('RU-MVD', body('female', { min: 40, max: 50 }, 165));
    const older = await create('RU-MVD', body('male', { min: 65, max: 75 }, 170));
    const list = await listFor(missing.id);
    expect(list[0]?.record.id).toBe(his.id);
    const rank = (id: string) => list.findIndex((c) => c.record.id === id);
    for (const other of [woman.id, older.id]) if (rank(other) >= 0) expect(rank(other)).toBeGreaterThan(0);
    expect(list[0]!.evidence.biometrics.both).toEqual(['dna']);
    expect(list[0]!.evidence.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['sex', 'age', 'marks']));
    // And the other way round: from the body, the missing man.
    expect((await listFor(his.id))[0]?.record.id).toBe(missing.id);
  });

  it("the background matcher puts the missing man and his body in the supervisors' queue with the DNA comparison to order, and after a full pass finds it again", async () => {
    const missing = await create('KZ-MVD', missingMan());
    const his = await create('RU-MVD', body('male', { min: 40, max: 50 }, 181, 'якорь'));
    const woman = await create('RU-MVD', body('female', { min: 20, max: 25 }, 160));
    await crossmatchQueued(t.db);
    const queue = async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/matches?record=${missing.id}&kind=nameless`,
        headers: await t.as('KZ-MVD', 'supervisor'),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items as {
        id: string;
        kind: string;
        status: string;
        explanation: { field: string; weight: number }[];
        biometrics: { both: string[] };
        records: { id: string }[];
        mayDecide: boolean;
      }[];
    };
    const withPartner = (pairs: Awaited<ReturnType<typeof queue>>, id: string) => pairs.find((p) => p.records.some((r) => r.id === id));
    const pair = withPartner(await queue(), his.id);
    expect(pair).toMatchObject({ kind: 'nameless', status: 'pending', mayDecide: true, biometrics: { both: ['dna'] } });
    expect(pair!.explanation.find((f) => f.field === 'marks')!.weight).toBeGreaterThan(0);
    expect(withPartner(await queue(), woman.id)).toBeUndefined();

    // The full pass leaves missing and unidentified records to the background matcher, which keeps the pair.
    await crossmatchWholeBank(t.db);
    expect(await crossmatchBacklog(t.db)).toBeGreaterThanOrEqual(3);
    await crossmatchQueued(t.db);
    expect(withPartner(await queue(), his.id)?.id).toBe(pair!.id);
  });

  it('a record that is neither missing nor unidentified has no such list', async () => {
    const vehicle = await create('KZ-MVD', stolenVehicle());
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/records/${vehicle.id}/nameless`, headers: await t.as('KZ-MVD', 'operator') });
    expect(response.statusCode).toBe(400);
  });
});
