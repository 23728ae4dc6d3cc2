import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const policy = (directives: Record<string, string>): string =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/**
 * The console is built by Vite into files served from this origin: no inline script, no inline
 * <style>, no third-party host. React's `style={…}` props are set through the CSSOM, which CSP
 * does not govern, so no 'unsafe-inline' is needed for them either.
 */
const CONSOLE_POLICY = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'self'",
});

/**
 * Swagger UI loads its bundle, styles and data: icons from this origin and fetches the OpenAPI
 * document. Its bundle writes one <style> element (the colours of its small logo): that
 * element's hash admits it and nothing else inline. A later release that writes another only
 * shows that logo uncoloured and logs a violation.
 */
const DOCS_POLICY = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'self'",
});

/** API answers are data: should one ever be rendered as a page, nothing in it may run or load. */
const API_POLICY = policy({
  'default-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'none'",
});

export interface SecurityHeaderOptions {
  apiPrefix: string;
  /** HTTPS in front of the server: browsers are then told to use nothing else. */
  https: boolean;
}

/** The hardening headers for a response to `url`: the same set whichever path produced the response. */
export function securityHeaders({ apiPrefix, https }: SecurityHeaderOptions): (url: string) => Record<string, string> {
  const common: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    // Only over HTTPS: sent over plain HTTP it would be ignored at best, and would pin a host
    // that is later put behind TLS before it is ready.
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  const api = { ...common, 'content-security-policy': API_POLICY };
  const docs = { ...common, 'content-security-policy': DOCS_POLICY };
  const page = { ...common, 'content-security-policy': CONSOLE_POLICY };
  const docsPrefix = `${apiPrefix}/docs`;
  return (url) => {
    if (url === docsPrefix || url.startsWith(`${docsPrefix}/`)) return docs;
    return url.startsWith('/api/') ? api : page;
  };
}

/** Sets the headers on every response the application's hooks see. */
export function registerSecurityHeaders(app: FastifyInstance, headersFor: (url: string) => Record<string, string>) {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    reply.headers(headersFor(request.url));
    return payload;
  });
}
