import { DOMAIN_FIELDS, MISSING } from './comparisons.ts';
import type { Domain } from './profile.ts';

/** m and u probabilities of each level of one field. */
export interface FieldModel {
  field: string;
  levels: string[];
  /** P(level | the records match) */
  m: number[];
  /** P(level | the records do not match) */
  u: number[];
}

/**
 * A Fellegi–Sunter model for one domain, estimated from data (see `trainModel`). Versioned so
 * that every stored score can say which model produced it.
 */
export interface LinkModel {
  domain: Domain;
  version: string;
  /** P(match) for a pair of candidates before any field is compared. */
  prior: number;
  fields: FieldModel[];
  training: { candidatePairs: number; randomPairs: number; iterations: number; converged: boolean; records?: number };
}

export interface FieldContribution {
  field: string;
  level: string;
  /** log2(m/u): positive for evidence of a match, negative against. */
  weight: number;
}

export interface Score {
  /** Sum of the prior's log-odds and every field's weight, in bits. */
  weight: number;
  probability: number;
  explanation: FieldContribution[];
}

/** Weights of every level of every field, computed once per model. */
export interface Weights {
  model: LinkModel;
  priorWeight: number;
  table: number[][];
}

export function weightsOf(model: LinkModel): Weights {
  return {
    model,
    priorWeight: Math.log2(model.prior / (1 - model.prior)),
    table: model.fields.map((f) => f.m.map((m, i) => Math.log2(m / f.u[i]!))),
  };
}

export const probabilityOf = (weight: number): number => 1 / (1 + 2 ** -weight);

/**
 * The model for a bank of `records` records of its domain. The prior (P(match) of a candidate
 * before comparison) falls as the bank grows: one true match among ten times as many records.
 * It is only ever lowered: a bank smaller than the training data keeps the trained prior.
 */
export function forBankSize(model: LinkModel, records: number): LinkModel {
  const trained = model.training.records;
  if (!trained || records <= trained) return model;
  return { ...model, prior: (model.prior * trained) / records };
}

/**
 * Scores a comparison vector. `adjust` adds value-specific weight to a field (term frequency:
 * agreeing on a rare surname says more than agreeing on a common one).
 */
export function scoreVector(weights: Weights, vector: Int8Array, adjust?: (field: number, level: number) => number): Score {
  let weight = weights.priorWeight;
  const explanation: FieldContribution[] = [];
  for (let f = 0; f < vector.length; f++) {
    const level = vector[f]!;
    if (level === MISSING) continue;
    const w = weights.table[f]![level]! + (adjust ? adjust(f, level) : 0);
    weight += w;
    explanation.push({ field: weights.model.fields[f]!.field, level: weights.model.fields[f]!.levels[level]!, weight: Math.round(w * 100) / 100 });
  }
  return { weight, probability: probabilityOf(weight), explanation };
}

/** Only the total weight: the hot path of linking, with no explanation built. */
export function weightOf(weights: Weights, vector: Int8Array, adjust?: (field: number, level: number) => number): number {
  let weight = weights.priorWeight;
  for (let f = 0; f < vector.length; f++) {
    const level = vector[f]!;
    if (level !== MISSING) weight += weights.table[f]![level]! + (adjust ? adjust(f, level) : 0);
  }
  return weight;
}

/** True when a model compares exactly the fields and levels the running matcher does. */
export function modelFitsMatcher(model: LinkModel): boolean {
  const fields = DOMAIN_FIELDS[model.domain];
  return (
    fields !== undefined &&
    model.fields.length === fields.length &&
    model.fields.every(
      (f, i) =>
        f.field === fields[i]!.field &&
        f.levels.length === fields[i]!.levels.length &&
        f.levels.every((l, k) => l === fields[i]!.levels[k]) &&
        f.m.length === f.levels.length &&
        f.u.length === f.levels.length &&
        [...f.m, ...f.u].every((p) => Number.isFinite(p) && p > 0),
    ) &&
    model.prior > 0 &&
    model.prior < 1
  );
}

/** The fields of a domain with flat probabilities: the starting point of training. */
export function emptyModel(domain: Domain): LinkModel {
  return {
    domain,
    version: 'untrained',
    prior: 0.1,
    fields: DOMAIN_FIELDS[domain].map((spec) => ({
      field: spec.field,
      levels: [...spec.levels],
      m: spec.levels.map(() => 1 / spec.levels.length),
      u: spec.levels.map(() => 1 / spec.levels.length),
    })),
    training: { candidatePairs: 0, randomPairs: 0, iterations: 0, converged: false },
  };
}
