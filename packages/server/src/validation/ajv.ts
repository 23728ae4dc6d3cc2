import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError, escapePointer, textIssues, type FieldIssue } from '@svod/core';

// ajv-formats ships CommonJS with a default export that NodeNext sees as the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * A UUID in the one form the database's uuid type reads back: ajv-formats' `uuid` also accepts
 * `urn:uuid:…`, which PostgreSQL refuses, so such an id in a link or a path failed as a 500.
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One Ajv for every place that validates input (HTTP routes, bulk import), so a record is
 * judged the same way whichever door it comes through. Unknown fields are refused, not dropped,
 * and nothing is coerced: what is stored is what was sent.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    discriminator: true,
    removeAdditional: false,
    useDefaults: false,
    coerceTypes: false,
  });
  addFormats(ajv);
  ajv.addFormat('uuid', UUID);
  return ajv;
}

/** Querystrings arrive as text; only they get type coercion. */
export function createQueryAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, discriminator: true, coerceTypes: 'array', useDefaults: true });
  addFormats(ajv);
  ajv.addFormat('uuid', UUID);
  return ajv;
}

type Schema = {
  description?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  oneOf?: Schema[];
  properties?: Record<string, { const?: unknown }>;
};

/** Translates Ajv's errors into the bank's field issues, one per offending field. */
export function toFieldIssues(errors: ErrorObject[], location: FieldIssue['path'] = ''): FieldIssue[] {
  const issues = new Map<string, FieldIssue>();
  for (const error of errors) {
    const issue = translate(error, location);
    if (issue && !issues.has(issue.path)) issues.set(issue.path, issue);
  }
  return [...issues.values()];
}

/**
 * A member name as one JSON Pointer token: Ajv's instancePath is escaped already, but the names
 * it reports in params are raw, and an unknown field called `a/b` or `~` must not point
 * somewhere else, or nowhere.
 */
const pointerToken = (name: unknown): string => escapePointer(String(name));

function translate(error: ErrorObject, prefix: string): FieldIssue | undefined {
  const path = prefix + error.instancePath;
  const parent = (error.parentSchema ?? {}) as Schema;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}/${pointerToken(params.missingProperty)}`, code: 'required' };
    case 'additionalProperties':
      return { path: `${path}/${pointerToken(params.additionalProperty)}`, code: 'unknown_field' };
    case 'type':
      return { path, code: 'wrong_type', params: { type: String(params.type) } };
    case 'maxLength':
      return { path, code: 'too_long', params: { limit: Number(params.limit) } };
    case 'minLength':
      return Number(params.limit) === 1 ? { path, code: 'required' } : { path, code: 'too_short', params: { limit: Number(params.limit) } };
    case 'maxItems':
      return { path, code: 'too_many', params: { limit: Number(params.limit) } };
    case 'minItems':
      return { path, code: 'too_few', params: { limit: Number(params.limit) } };
    case 'enum':
      return { path, code: 'not_allowed_value', params: { allowed: (parent.enum ?? []).join(', ') } };
    case 'const':
      return { path, code: 'not_allowed_value', params: { allowed: String(params.allowedValue) } };
    case 'pattern':
      return parent.description ? { path, code: 'bad_format', params: { format: parent.description } } : { path, code: 'bad_characters' };
    case 'format':
      return { path, code: 'bad_format', params: { format: String(params.format) } };
    case 'minimum':
    case 'maximum':
      return { path, code: 'out_of_range', params: { range: `${parent.minimum ?? ''}..${parent.maximum ?? ''}` } };
    case 'uniqueItems':
      return { path, code: 'duplicate_items' };
    case 'discriminator': {
      // A body of several kinds told apart by one field (a request's `type`): that field is wrong.
      const tagPath = `${path}/${pointerToken(params.tag)}`;
      if (params.error === 'tag' && params.tagValue === undefined) return { path: tagPath, code: 'required' };
      const kinds = (parent.oneOf ?? []).map((branch) => branch.properties?.[String(params.tag)]?.const);
      return { path: tagPath, code: 'not_allowed_value', params: { allowed: kinds.join(', ') } };
    }
    default:
      return { path, code: 'bad_format', params: { format: error.keyword } };
  }
}

/**
 * Compiles a schema into a function that throws `validation_failed` with field issues; like the
 * routes, it refuses text that cannot be stored before it looks at the schema.
 */
export function compileAsserter<T>(ajv: Ajv, schema: object): (value: unknown) => T {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value: unknown) => {
    const badText = textIssues(value);
    if (badText.length > 0) throw new AppError('validation_failed', { issues: badText });
    if (!validate(value)) throw new AppError('validation_failed', { issues: toFieldIssues(validate.errors ?? []) });
    return value as T;
  };
}
