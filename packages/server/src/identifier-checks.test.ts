import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordInput } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle } from './test/fixtures/records.ts';

/** A pistol reported stolen in Belarus, its serial filed with a Cyrillic prefix. */
const stolenPistol = (): RecordInput => ({
  category: 'firearm',
  nationalRef: 'BY-F-7731',
  legalBasis: 'Заявление владельца',
  actionOnHit: 'seize',
  distribution: { kind: 'all' },
  firearm: {
    kind: 'lost_stolen',
    type: 'pistol',
    make: 'ИМЗ',
    model: 'ПМ',
    calibre: '9x18',
    serials: ['ТК 0734512'],
    eventDate: '2024-03-02',
    eventPlace: { country: 'BY' },
  },
});

describe.each(DIALECTS)('checks by VIN, plate and serial on %s', (dialect) => {
  let t: TestApp;
  let carId: string;
  let gunId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const kz = await t.as('KZ-MVD', 'operator');
    const car = stolenVehicle({ nationalRef: 'KZ-V-ID-1' });
    car.vehicle!.engineNumber = 'ВАЗ2111 3456789';
    car.vehicle!.bodyNumber = 'ХТА21099 Y 2765432';
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: kz, payload: car });
    expect(created.statusCode, created.body).toBe(201);
    carId = created.json().id;
    const by = await t.as('BY-MVD', 'operator');
    gunId = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: by, payload: stolenPistol() })).json().id;
  });
  afterAll(async () => t?.close());

  const check = async (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/checks', headers: await t.as('RU-MVD', 'operator'), payload: body as object });

  const expectHit = async (body: unknown, id: () => string) => {
    const response = await check(body);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.candidates[0]?.record.id, JSON.stringify(body)).toBe(id());
    expect(result.outcome, JSON.stringify(result.candidates[0]?.explanation)).toBe('hit');
    return result;
  };

  it('a VIN read off the car exactly is a hit, not a possible', async () => {
    const result = await expectHit({ vehicle: { vin: 'XTA210990Y2765432' } }, () => carId);
    expect(result.candidates[0].explanation).toContainEqual(expect.objectContaining({ field: 'vin', level: 'exact' }));
  });

  it('a VIN typed with O for 0, I for 1 or Q for 0 finds its car as a hit', async () => {
    await expectHit({ vehicle: { vin: 'XTA21O99OY2765432' } }, () => carId);
    await expectHit({ vehicle: { vin: 'XTA2I0990Y2765432' } }, () => carId);
    await expectHit({ vehicle: { vin: 'XTA21Q990Y2765432' } }, () => carId);
  });

  it('a VIN typed with Cyrillic look-alike letters is accepted and finds its car as a hit', async () => {
    await expectHit({ vehicle: { vin: 'ХТА210990У2765432' } }, () => carId);
    await expectHit({ vehicle: { vin: 'хта 21099 0у2765432' } }, () => carId);
  });

  it('a Russian plate typed in Latin finds the car filed in Cyrillic as a hit, and the reverse', async () => {
    await expectHit({ vehicle: { plate: { number: 'A123BC77', state: 'RU' } } }, () => carId);
    await expectHit({ vehicle: { plate: { number: 'а 123 вс 77', state: 'RU' } } }, () => carId);
    const elsewhere = (await check({ vehicle: { plate: { number: 'A123BC77', state: 'KZ' } } })).json();
    expect(elsewhere.outcome).toBe('no_hit');
  });

  it('engine and body numbers typed in Cyrillic look-alikes are accepted and find the car', async () => {
    for (const vehicle of [{ engineNumber: 'BAZ2111-3456789' }, { bodyNumber: 'XTA21099Y2765432' }, { bodyNumber: 'ХТА21099У2765432' }]) {
      const result = (await check({ vehicle })).json();
      expect(result.candidates[0]?.record.id, JSON.stringify(vehicle)).toBe(carId);
    }
  });

  it('a serial typed in Latin finds the gun filed with a Cyrillic prefix as a hit, and the reverse', async () => {
    await expectHit({ firearm: { serial: 'TK-0734512' } }, () => gunId);
    await expectHit({ firearm: { serial: 'ТК0734512' } }, () => gunId);
  });

  it('a record whose VIN was typed in Cyrillic look-alikes is accepted, and a Latin check finds it', async () => {
    const car = stolenVehicle({ nationalRef: 'KZ-V-ID-2' });
    car.vehicle!.vin = 'ХТА21099КУ1234567';
    car.vehicle!.plate = { number: 'К777КК77', state: 'RU' };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: await t.as('KZ-MVD', 'operator'), payload: car });
    expect(created.statusCode, created.body).toBe(201);
    await expectHit({ vehicle: { vin: 'XTA21099KY1234567' } }, () => created.json().id);
  });

  it('a VIN that differs in one character is no hit', async () => {
    const result = (await check({ vehicle: { vin: 'XTA210990Y2765433' } })).json();
    expect(result.outcome).not.toBe('hit');
  });
});
