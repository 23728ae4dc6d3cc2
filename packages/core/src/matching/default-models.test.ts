import { describe, expect, it } from 'vitest';
import { DOMAIN_FIELDS } from './comparisons.ts';
import { DEFAULT_MODELS } from './default-models.ts';
import { forBankSize, scoreVector, weightsOf } from './model.ts';

describe('shipped models', () => {
  it('know every field and level the matcher compares, so no check scores as NaN', () => {
    for (const [domain, fields] of Object.entries(DOMAIN_FIELDS)) {
      const model = DEFAULT_MODELS[domain as keyof typeof DEFAULT_MODELS];
      expect(model.fields.map((f) => [f.field, f.levels])).toEqual(fields.map((f) => [f.field, [...f.levels]]));
      const weights = weightsOf(model);
      for (let level = 0; level < Math.max(...fields.map((f) => f.levels.length)); level++) {
        const vector = Int8Array.from(fields.map((f) => Math.min(level, f.levels.length - 1)));
        expect(Number.isFinite(scoreVector(weights, vector).weight)).toBe(true);
      }
    }
  });
});

describe('models for the size of a bank', () => {
  it('lower the prior in proportion as the bank outgrows the training data, and never raise it', () => {
    const model = DEFAULT_MODELS.person;
    const trained = model.training.records!;
    expect(forBankSize(model, trained * 10).prior).toBeCloseTo(model.prior / 10, 12);
    expect(forBankSize(model, Math.floor(trained / 10)).prior).toBe(model.prior);
  });
});
