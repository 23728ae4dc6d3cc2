import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SESSION_COOKIE, contextOf, sessionToken } from '../plugins/auth.ts';
import { presentedDeviceTokens, setDeviceCookie } from '../plugins/device-cookie.ts';
import { login } from '../store/login.ts';
import { logout } from '../store/sessions.ts';
import type { RouteDeps } from './deps.ts';
import { ActorView, problems } from './schemas.ts';

/** Login is public; it lives outside the authenticated scope. */
export const loginRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, config }) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with a username and password; sets the session cookie and returns a bearer token',
        description:
          'Failed attempts are counted per account and per client address; past a few, attempts are held with 429 and `Retry-After`, except from a browser whose device cookie (`svod_device`, set here) shows it signed in to the account before.',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String(), expiresAt: Type.String(), actor: ActorView }),
          401: Type.Ref('Problem'),
          429: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const deviceTokens = presentedDeviceTokens(request);
      const { session, device } = await login(
        db,
        { ...request.body, client: request.ip, deviceTokens },
        { sessionTtlMinutes: config.sessionTtlMinutes, passwordPolicy: config.passwordPolicy, throttle: config.loginThrottle },
        request.log,
      );
      setDeviceCookie(reply, deviceTokens, device, {
        path: request.routeOptions.url ?? request.url,
        secure: config.secureCookies,
        days: config.loginThrottle.deviceTrustDays,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        expires: session.expiresAt,
      });
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), actor: session.actor };
    },
  );
};

export const sessionRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'Who the caller is', response: { 200: ActorView, ...problems() } } },
    async (request) => contextOf(db, request).actor,
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null(), ...problems() } } },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await logout(db, token, contextOf(db, request).actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
