import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiKeyView, AuditEntryView, ROLES, UserView } from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../store/api-keys.ts';
import { readAudit, verifyAudit } from '../store/audit-access.ts';
import { createUser, listUsers } from '../store/users.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, problems } from './schemas.ts';

/** Administration of the caller's own participant: its users, its national systems' keys, its audit trail. */
export const adminRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, config, auditCheckpoints }) => {
  app.get(
    '/users',
    { schema: { tags: ['admin'], summary: "Users of the administrator's participant", response: { 200: Type.Array(UserView), ...problems() } } },
    async (request) => listUsers(contextOf(db, request)),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['admin'],
        summary: "Create a user of the administrator's participant",
        body: Type.Object(
          {
            username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]*$' }),
            displayName: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001F\\u007F<>]*$' }),
            role: Type.Enum(ROLES),
            password: Type.String({ minLength: 12, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserView, ...problems(400, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(contextOf(db, request), request.body, config.passwordPolicy)),
  );

  app.get(
    '/api-keys',
    { schema: { tags: ['admin'], summary: "API keys of the administrator's participant", response: { 200: Type.Array(ApiKeyView), ...problems() } } },
    async (request) => listApiKeys(contextOf(db, request)),
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Issue an API key for a national system; the key is shown only in this response',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001F\\u007F<>]*$' }),
            role: Type.Enum(['operator', 'supervisor', 'analyst'] as const),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, description: 'Default 365' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Intersect([ApiKeyView, Type.Object({ key: Type.String() })]), ...problems(400) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiKey(contextOf(db, request), { ...request.body, expiresInDays: request.body.expiresInDays ?? 365 })),
  );

  app.delete(
    '/api-keys/:id',
    { schema: { tags: ['admin'], summary: 'Revoke an API key', params: IdParams, response: { 204: Type.Null(), ...problems(400, 404) } } },
    async (request, reply) => {
      await revokeApiKey(contextOf(db, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/audit',
    {
      schema: {
        tags: ['admin'],
        summary: "Audit entries of the administrator's participant (all participants for BKBOP), newest first",
        querystring: Type.Object(
          {
            action: Type.Optional(Type.String({ maxLength: 40 })),
            resourceId: Type.Optional(Type.String({ maxLength: 100 })),
            before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(AuditEntryView), ...problems(400) },
      },
    },
    async (request) => {
      const { before, ...query } = request.query;
      return readAudit(contextOf(db, request), { ...query, beforeSeq: before });
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['admin'],
        summary: 'Check the whole audit hash chain and name the first entry edited or removed',
        description:
          'Where signed checkpoints are kept, the chain must also reach the newest checkpoint’s entry with its hash: deleted newest entries or a recomputed chain fail too.',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Integer(),
            problem: Type.Optional(Type.Object({ seq: Type.Integer(), kind: Type.String(), message: Type.String() })),
            checkpoint: Type.Union([Type.Object({ seq: Type.Integer(), at: Type.String() }), Type.Null()], {
              description: 'The signed checkpoint the chain was held against; null when none is kept',
            }),
          }),
          ...problems(),
        },
      },
    },
    async (request) => verifyAudit(contextOf(db, request), auditCheckpoints),
  );
};
