import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '@svod/core';
import type { Db } from './db/database.ts';
import type { CheckpointPlace } from './store/audit-checkpoints.ts';
import { authenticate } from './plugins/auth.ts';
import { fromFastify, registerProblemHandlers, sendProblem } from './plugins/problems.ts';
import { registerSecurityHeaders, securityHeaders } from './plugins/security-headers.ts';
import { registerValidation } from './plugins/validation.ts';
import { OWASP_SCRYPT } from './security/passwords.ts';
import { DEFAULT_HIT_DEADLINES } from './store/hits.ts';
import { DEFAULT_LOGIN_THROTTLE } from './store/login-throttle.ts';
import { adminRoutes } from './routes/admin.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { checkRoutes } from './routes/checks.ts';
import { loginRoutes, sessionRoutes } from './routes/auth.ts';
import type { AppConfig, RouteDeps } from './routes/deps.ts';
import { hitRoutes } from './routes/hits.ts';
import { matchRoutes } from './routes/matches.ts';
import { participantRoutes } from './routes/participants.ts';
import { reconciliationRoutes } from './routes/reconciliations.ts';
import { requestRoutes } from './routes/requests.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { groupRoutes } from './routes/groups.ts';
import { federationRoutes } from './routes/federation.ts';
import { busState, type FederationNode } from './federation/node.ts';
import { statisticsRoutes } from './routes/statistics.ts';
import { recordRoutes } from './routes/records.ts';
import { Problem } from './routes/schemas.ts';
import { transferRoutes } from './routes/transfer.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { createAjv } from './validation/ajv.ts';
import { createRecordValidators } from './validation/records.ts';

export const API_PREFIX = '/api/v1';

export const DEFAULT_APP_CONFIG: AppConfig = {
  sessionTtlMinutes: 8 * 60,
  loginThrottle: DEFAULT_LOGIN_THROTTLE,
  secureCookies: false,
  passwordPolicy: OWASP_SCRYPT,
  bodyLimitBytes: 1024 * 1024,
  importLimitBytes: 64 * 1024 * 1024,
  allowedOrigins: [],
  hitDeadlines: DEFAULT_HIT_DEADLINES,
  webhookLoopback: false,
  uploadDir: join(tmpdir(), 'svod-uploads'),
  reconcileLimitBytes: 2 ** 31 - 1,
};

export interface ApiRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
  }
}

export interface AppDeps {
  db: Db;
  /** Where the audit chain's signed checkpoints are kept; verification holds the chain against the newest. */
  auditCheckpoints?: CheckpointPlace;
  config?: Partial<AppConfig>;
  /** This server's part in the federation (`startFederation`); none for a single bank. */
  federation?: FederationNode;
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
}

/** Builds the HTTP application around an open database; never listens (tests use `inject`). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const config: AppConfig = { ...DEFAULT_APP_CONFIG, ...deps.config };
  const headersFor = securityHeaders({ apiPrefix: API_PREFIX, https: config.secureCookies });
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: config.bodyLimitBytes,
    // Bounded time per request: a slow client or a runaway query cannot hold a worker forever.
    requestTimeout: 120_000,
    // Event streams stay open for hours: closing the server ends them rather than waiting.
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 200 },
    // A URL the router cannot decode never reaches a route or the hooks, so it gets the headers
    // and the problem document here.
    frameworkErrors: (error, request, reply) => {
      reply.headers(headersFor(request.url));
      return sendProblem(request, reply, fromFastify(error));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every API route, so a test can prove the OpenAPI document leaves none out.
  const apiRoutes: ApiRoute[] = [];
  app.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    if (route.url.startsWith(API_PREFIX) && !hidden && !route.url.startsWith(`${API_PREFIX}/docs`)) {
      for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: route.url });
    }
  });
  app.decorate('apiRoutes', apiRoutes);

  // Only the types routes declare: Fastify's default text/plain parser would let a cross-site
  // form (a "simple" request, sent without a CORS preflight) deliver a JSON-looking body.
  app.removeContentTypeParser('text/plain');
  registerValidation(app);
  registerProblemHandlers(app);
  registerSecurityHeaders(app, headersFor);
  await app.register(cookie);
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Svod — interstate information bank API',
        version: '1.0.0',
        description:
          'Records of wanted persons, vehicles, firearms, missing persons, unidentified corpses and unidentified living persons, shared between the law-enforcement agencies of the CIS member states.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'svod_session' },
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      security: [{ session: [] }, { bearer: [] }, { apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  const routeDeps: RouteDeps = {
    db: deps.db,
    config,
    validators: createRecordValidators(createAjv()),
    auditCheckpoints: deps.auditCheckpoints,
    headersFor,
    ...(deps.federation ? { federation: deps.federation } : {}),
  };

  await app.register(
    async (api) => {
      api.get(
        '/health',
        { schema: { tags: ['service'], summary: 'Liveness, and the federation bus where there is one', security: [] } },
        async () => ({
          status: 'ok',
          federation: {
            role: deps.federation?.role ?? 'single',
            bus: busState(deps.federation),
          },
        }),
      );
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(loginRoutes, routeDeps);
      await api.register(async (protectedScope) => {
        protectedScope.addHook('onRequest', authenticate(deps.db, config.allowedOrigins));
        await protectedScope.register(sessionRoutes, routeDeps);
        await protectedScope.register(participantRoutes, routeDeps);
        await protectedScope.register(transferRoutes, routeDeps);
        await protectedScope.register(recordRoutes, routeDeps);
        await protectedScope.register(attachmentRoutes, routeDeps);
        await protectedScope.register(checkRoutes, routeDeps);
        await protectedScope.register(matchRoutes, routeDeps);
        await protectedScope.register(hitRoutes, routeDeps);
        await protectedScope.register(requestRoutes, routeDeps);
        await protectedScope.register(agreementRoutes, routeDeps);
        await protectedScope.register(groupRoutes, routeDeps);
        await protectedScope.register(federationRoutes, routeDeps);
        await protectedScope.register(statisticsRoutes, routeDeps);
        await protectedScope.register(webhookRoutes, routeDeps);
        await protectedScope.register(adminRoutes, routeDeps);
        await protectedScope.register(reconciliationRoutes, routeDeps);
      });
    },
    { prefix: API_PREFIX },
  );

  const webRoot = config.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });

  app.setNotFoundHandler((request, reply) => {
    // The console is a single-page app: unknown non-API paths get its page, API paths a problem.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(request, reply, new AppError('not_found'));
  });

  return app;
}
