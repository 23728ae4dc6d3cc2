import { describe, expect, it } from 'vitest';
import { generateRecords } from '../generator/index.ts';
import type { CheckInput } from '../schemas/check.ts';
import type { RecordInput } from '../schemas/record.ts';
import { checkProfile } from './check.ts';
import { checkAdjustments } from './check-evidence.ts';
import { compareProfiles } from './comparisons.ts';
import { DEFAULT_MODELS } from './default-models.ts';
import { trainModels } from './link.ts';
import { forBankSize, scoreVector, weightsOf, type LinkModel } from './model.ts';
import { profileOf, type Domain } from './profile.ts';

const base = { nationalRef: 'x', legalBasis: 'x', actionOnHit: 'seize', distribution: { kind: 'all' } } as const;
const car: RecordInput = {
  ...base,
  category: 'vehicle',
  vehicle: { vin: 'XTA210990Y2765432', plate: { number: 'А123ВС77', state: 'RU' }, make: 'ВАЗ', model: '21099', year: 2000 },
};
const gun: RecordInput = {
  ...base,
  category: 'firearm',
  firearm: { kind: 'lost_stolen', type: 'pistol', make: 'ИМЗ', serials: ['ТК 0734512'], eventDate: '2024-03-02', eventPlace: { country: 'BY' } },
};

/** Models trained by EM on generated records, as `svod train` does. */
const trained = (() => {
  const profiles = [...generateRecords({ seed: 5, count: 4000 })].map((r) => profileOf(r));
  return trainModels(profiles, { randomPairs: 50_000 });
})();

const probability = (model: LinkModel, records: number, check: CheckInput, record: RecordInput) => {
  const weights = weightsOf(forBankSize(model, records));
  const query = checkProfile(check)!;
  const candidate = profileOf(record)!;
  const vector = compareProfiles(query, candidate);
  return scoreVector(weights, vector, checkAdjustments(weights, query)(candidate, vector)).probability;
};

const CHECKS: [string, Domain, CheckInput, RecordInput][] = [
  ['VIN', 'vehicle', { vehicle: { vin: 'XTA210990Y2765432' } }, car],
  ['plate with its state', 'vehicle', { vehicle: { plate: { number: 'A123BC77', state: 'RU' } } }, car],
  ['long serial', 'firearm', { firearm: { serial: 'TK-0734512' } }, gun],
];

describe('an identifier that is unique by design', () => {
  it.each(CHECKS)('an exact %s alone is a hit in a bank of any size, with the shipped or a trained model', (_, domain, check, record) => {
    for (const model of [DEFAULT_MODELS[domain], trained[domain]!]) {
      for (const records of [10, 50_000, 1_000_000, 10_000_000]) {
        expect(probability(model, records, check, record), `${model.version} at ${records}`).toBeGreaterThanOrEqual(0.95);
      }
    }
  });

  it('still counts the evidence against it: the same VIN on another make is only possible', () => {
    const other = { vehicle: { vin: 'XTA210990Y2765432', make: 'Toyota', model: 'Camry' } };
    expect(probability(DEFAULT_MODELS.vehicle, 1_000_000, other, car)).toBeLessThan(0.95);
  });

  it('a fragment of a VIN or a short plate gets no more than the model gives it', () => {
    const weights = weightsOf(DEFAULT_MODELS.vehicle);
    expect(checkAdjustments(weights, checkProfile({ vehicle: { vin: 'Y2765432' } })!)(profileOf(car)!, new Int8Array())).toBeUndefined();
    expect(
      checkAdjustments(weights, checkProfile({ vehicle: { plate: { number: '1234', state: 'AM' } } })!)(profileOf(car)!, new Int8Array()),
    ).toBeUndefined();
  });
});
