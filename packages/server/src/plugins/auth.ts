import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type Actor } from '@svod/core';
import type { Db } from '../db/database.ts';
import { actorForApiKey } from '../store/api-keys.ts';
import { actorForSession } from '../store/sessions.ts';
import type { StoreContext } from '../store/context.ts';
import { fromOwnOrigin } from './same-origin.ts';

export const SESSION_COOKIE = 'svod_session';
const PURPOSE = /^[a-z][a-z0-9_.-]{1,39}$/;

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** Methods that change something: the ones a forged cross-site request would be after. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Credential {
  kind: 'session' | 'api_key';
  secret: string;
  /** Sent by the browser on its own (the cookie), rather than added by the caller's code. */
  ambient: boolean;
}

/** The credential a request carries: a session (cookie or bearer token) or a national system's API key. */
function credential(request: FastifyRequest): Credential | undefined {
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return { kind: 'api_key', secret: apiKey, ambient: false };
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const secret = auth.slice(7).trim();
    return { kind: secret.startsWith('svod_') ? 'api_key' : 'session', secret, ambient: false };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { kind: 'session', secret: cookie, ambient: true } : undefined;
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const found = credential(request);
  return found?.kind === 'session' ? found.secret : undefined;
}

/**
 * onRequest hook of the protected scope: no actor, no entry. A change made with the session
 * cookie must come from the console's own origin (or one on `allowedOrigins`); it is refused
 * before the session is looked up, so a forged request learns nothing and leaves no entry.
 */
export function authenticate(db: Db, allowedOrigins: readonly string[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const found = credential(request);
    if (!found || found.secret.length > 200) throw new AppError('unauthenticated');
    if (found.ambient && UNSAFE_METHODS.has(request.method) && !fromOwnOrigin(request, allowedOrigins)) throw new AppError('cross_site_request');
    const actor = found.kind === 'api_key' ? await actorForApiKey(db, found.secret) : await actorForSession(db, found.secret);
    if (!actor) throw new AppError('unauthenticated');
    request.actor = actor;
  };
}

/** The store context for an authenticated request, with the purpose the caller declared. */
export function contextOf(db: Db, request: FastifyRequest): StoreContext {
  if (!request.actor) throw new AppError('unauthenticated');
  const declared = request.headers['x-purpose'];
  const purpose = typeof declared === 'string' && declared !== '' ? declared : 'routine';
  if (!PURPOSE.test(purpose)) {
    throw new AppError('validation_failed', { issues: [{ path: '/headers/x-purpose', code: 'bad_format', params: { format: 'a-z0-9_.-, 2..40' } }] });
  }
  return { db, actor: request.actor, purpose };
}
