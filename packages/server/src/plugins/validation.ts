import type { FastifyInstance } from 'fastify';
import type { ValidateFunction } from 'ajv';
import { AppError, textIssues } from '@svod/core';
import { createAjv, createQueryAjv, toFieldIssues } from '../validation/ajv.ts';

/** Where an issue was found, in front of its JSON Pointer: the body's paths are bare. */
const PREFIX: Record<string, string> = { body: '', querystring: '/query', params: '/path', headers: '/headers' };

/**
 * Routes validate with the bank's own Ajv: bodies exactly as sent (no coercion, unknown fields
 * refused), query and path parameters coerced from text. Before the schema, every string must
 * be storable text (core's one text rule). A binary body (a JSON Lines import) is left to its
 * route, which judges it line by line. Failures carry field issues.
 */
export function registerValidation(app: FastifyInstance) {
  const bodyAjv = createAjv();
  const queryAjv = createQueryAjv();
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body' && (schema as { format?: unknown }).format === 'binary') return (data: unknown) => ({ value: data });
    const ajv = httpPart === 'body' ? bodyAjv : queryAjv;
    const validate: ValidateFunction = ajv.compile(schema);
    const prefix = PREFIX[httpPart ?? 'body'] ?? '';
    return (data: unknown) => {
      const badText = textIssues(data, prefix);
      if (badText.length > 0) return { error: new AppError('validation_failed', { issues: badText }) };
      if (validate(data)) return { value: data };
      return { error: new AppError('validation_failed', { issues: toFieldIssues(validate.errors ?? [], prefix) }) };
    };
  });
}
