import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_TITLES, isAppError, issueMessage, pickLanguage, type ErrorKind } from '@svod/core';

/** HTTP status for each kind of failure the core names. */
const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

/**
 * Fastify's own failures (body parsing, limits, URLs it cannot decode) in the bank's terms.
 * `bodyLimit`: the route's, named in a 413 so the client knows what would fit.
 */
export function fromFastify(error: FastifyError, bodyLimit?: number): AppError {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('malformed_request', {
        issues: [{ path: '/path', code: 'bad_format', params: { format: 'percent-encoded UTF-8, path segments up to 200 characters' } }],
        cause: error,
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', { cause: error, ...(bodyLimit ? { params: { limit: bodyLimit } } : {}) });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type', { cause: error });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed_request', { issues: [{ path: '', code: 'invalid_json', params: { reason: error.message } }], cause: error });
    default:
      if (error instanceof SyntaxError || error.statusCode === 400) {
        return new AppError('malformed_request', { issues: [{ path: '', code: 'invalid_json', params: { reason: error.message } }], cause: error });
      }
      if (error.statusCode === 413) return new AppError('payload_too_large', { cause: error });
      if (error.statusCode === 415) return new AppError('unsupported_media_type', { cause: error });
      if (error.statusCode === 429) return new AppError('rate_limited', { cause: error });
      return new AppError('internal', { cause: error });
  }
}

/** Writes an RFC 9457 problem document in the language the caller asked for. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const lang = pickLanguage(request.headers['accept-language']);
  const status = STATUS[error.kind];
  const retryAfter = error.params.retryAfter;
  if (status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .header('content-language', lang)
    .send({
      type: `urn:svod:problem:${error.code}`,
      title: ERROR_TITLES[error.code][lang],
      status,
      code: error.code,
      instance: request.url.split('?')[0],
      ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
      ...(error.issues.length > 0
        ? {
            errors: error.issues.map((issue) => ({
              path: issue.path,
              code: issue.code,
              message: issueMessage(issue.code, lang, issue.params),
            })),
          }
        : {}),
    });
}

/** The single place where errors become HTTP responses. */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = isAppError(error) ? error : fromFastify(error, request.routeOptions.bodyLimit);
    if (appError.kind === 'internal') request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, appError);
  });
}
