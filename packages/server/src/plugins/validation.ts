import type { FastifyInstance } from 'fastify';
import type { ValidateFunction } from 'ajv';
import { AppError } from '@svod/core';
import { createAjv, createQueryAjv, toFieldIssues } from '../validation/ajv.ts';

/** Where an issue was found, in front of its JSON Pointer: the body's paths are bare. */
const PREFIX: Record<string, string> = { body: '', querystring: '/query', params: '/path', headers: '/headers' };

/**
 * Routes validate with the bank's own Ajv: bodies exactly as sent (no coercion, unknown fields
 * refused), query and path parameters coerced from text. Failures carry field issues.
 */
export function registerValidation(app: FastifyInstance) {
  const bodyAjv = createAjv();
  const queryAjv = createQueryAjv();
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : queryAjv;
    const validate: ValidateFunction = ajv.compile(schema);
    return (data: unknown) => {
      if (validate(data)) return { value: data };
      return { error: new AppError('validation_failed', { issues: toFieldIssues(validate.errors ?? [], PREFIX[httpPart ?? 'body'] ?? '') }) };
    };
  });
}
