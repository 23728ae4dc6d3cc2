import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { common, RECORD, valid } from '../test/requests.ts';
import { RequestCreate, RequestTransition } from './types.ts';

const validator = Compile(RequestCreate);

describe('RequestCreate', () => {
  it('accepts a well-formed request of every type', () => {
    for (const request of valid) expect(validator.Check(request), request.type).toBe(true);
  });

  it('requires each type’s own fields', () => {
    expect(validator.Check({ ...common, type: 'search_detention_extradition', form: { recordId: RECORD } })).toBe(false);
    expect(validator.Check({ ...common, type: 'identity_confirmation', form: { recordId: RECORD, biometrics: [] } })).toBe(false);
    expect(validator.Check({ ...common, type: 'case_documents', form: { caseNumber: '1', documents: [] } })).toBe(false);
    expect(validator.Check({ ...common, type: 'hit_answer', form: {} })).toBe(false);
  });

  it('requires a legal basis and refuses a form of another type', () => {
    const { legalBasis: _legalBasis, ...withoutBasis } = valid[0]!;
    expect(validator.Check(withoutBasis)).toBe(false);
    expect(validator.Check({ ...common, type: 'hit_answer', form: { caseNumber: '1', documents: ['x'] } })).toBe(false);
  });

  it('bounds every input: long texts, many links, control characters, unknown fields', () => {
    const base = valid[0]!;
    expect(validator.Check({ ...base, subject: 'x'.repeat(301) })).toBe(false);
    expect(validator.Check({ ...base, body: 'x'.repeat(20_001) })).toBe(false);
    expect(validator.Check({ ...base, subject: 'bell\u0007' })).toBe(false);
    expect(
      validator.Check({
        ...base,
        links: { recordIds: Array.from({ length: 51 }, (_, i) => `6f1c2a8e-1b2c-4d3e-8f90-${String(i).padStart(12, '0')}`), hitIds: [] },
      }),
    ).toBe(false);
    expect(validator.Check({ ...base, extra: true })).toBe(false);
    expect(validator.Check({ ...valid[6]!, form: { caseNumber: '1', documents: Array.from({ length: 51 }, () => 'doc') } })).toBe(false);
  });
});

describe('RequestTransition', () => {
  it('accepts an action with its input and refuses an unknown action', () => {
    const transition = Compile(RequestTransition);
    expect(transition.Check({ action: 'refuse', text: 'No agreement covers vehicles.' })).toBe(true);
    expect(transition.Check({ action: 'forward', forwardTo: 'RU-GP' })).toBe(true);
    expect(transition.Check({ action: 'delete' })).toBe(false);
  });
});
