import type { FastifyRequest } from 'fastify';

/**
 * Whether a request comes from a page of this application's own origin, as far as a browser
 * lets the server tell. SameSite=Strict keeps the session cookie off requests from other
 * sites, but a page on another port of the same host is the same site: only the browser's
 * Fetch Metadata (`Sec-Fetch-Site`) or, from browsers without it, `Origin` tell the two apart.
 * A request that says neither is not taken as ours: scripts authenticate with a bearer token.
 */
export function fromOwnOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return true;
  const origin = request.headers.origin?.toLowerCase();
  if (origin === undefined) return false;
  // The public origin behind a proxy, which the server cannot see for itself.
  if (allowedOrigins.includes(origin)) return true;
  // The browser has already said another site or origin sent it.
  if (site !== undefined) return false;
  return origin === `${request.protocol}://${request.host}`.toLowerCase();
}
