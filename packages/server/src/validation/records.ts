import type { Ajv } from 'ajv';
import { AppError, RecordInput, RecordUpdate, checkRecordRules, type Category, type RecordContent } from '@svod/core';
import { compileAsserter } from './ajv.ts';

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Throws `invalid_record` when the content breaks a rule the schema cannot express. */
export function assertRecordRules(category: Category, content: RecordContent): void {
  const issues = checkRecordRules(category, content, today());
  if (issues.length > 0) throw new AppError('invalid_record', { issues });
}

export interface RecordValidators {
  input: (value: unknown) => RecordInput;
  update: (value: unknown) => RecordUpdate;
}

export function createRecordValidators(ajv: Ajv): RecordValidators {
  return {
    input: compileAsserter<RecordInput>(ajv, RecordInput),
    update: compileAsserter<RecordUpdate>(ajv, RecordUpdate),
  };
}
