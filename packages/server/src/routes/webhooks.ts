import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { WebhookDeliveryView, WebhookView } from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { createWebhook, listDeliveries, listWebhooks, revokeWebhook } from '../store/webhooks.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, problems } from './schemas.ts';

/** National systems' endpoints for the participant's events, signed, with their delivery state. */
export const webhookRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, config }) => {
  app.get(
    '/webhooks',
    {
      schema: {
        tags: ['admin'],
        summary: "The participant's webhooks and how their deliveries stand",
        response: { 200: Type.Array(WebhookView), ...problems() },
      },
    },
    async (request) => listWebhooks(contextOf(db, request)),
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags: ['admin'],
        summary: "Send the participant's events to a national system's endpoint; the signing secret is shown only in this response",
        description:
          'Each event is POSTed as JSON `{id, type, at, data}` with `X-Svod-Event`, `X-Svod-Delivery`, `X-Svod-Timestamp` and `X-Svod-Signature: sha256=<hex HMAC-SHA-256 of "<timestamp>.<body>">`. A failed delivery is retried with backoff (10 s doubling, at most an hour) up to 10 attempts.',
        body: Type.Object({ url: Type.String({ minLength: 8, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 201: Type.Intersect([WebhookView, Type.Object({ secret: Type.String() })]), ...problems(400) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createWebhook(contextOf(db, request), request.body.url, { allowLoopback: config.webhookLoopback, secretKey: config.secretKey })),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags: ['admin'],
        summary: 'The newest deliveries of a webhook: delivered, waiting for a retry (with the last error) or given up',
        params: IdParams,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false }),
        response: { 200: Type.Array(WebhookDeliveryView), ...problems(400, 404) },
      },
    },
    async (request) => listDeliveries(contextOf(db, request), request.params.id, request.query.limit),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Stop a webhook; what it has not delivered is given up',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      await revokeWebhook(contextOf(db, request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
