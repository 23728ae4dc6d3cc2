import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HIT_STATUSES, HitAnswer, HitView } from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { requirePermission } from '../store/context.ts';
import { eventBus, eventsSince, lastEventId } from '../store/events.ts';
import { answerHit, getHit, listHits } from '../store/hits.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, problems } from './schemas.ts';

/** A stream with nothing to say still writes this often, so that proxies keep it open. */
const KEEP_ALIVE_MS = 15_000;
/** How often a stream looks for events written by another process of the bank. */
const POLL_MS = 3_000;

export const hitRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, config, headersFor }) => {
  app.get(
    '/hits',
    {
      schema: {
        tags: ['hits'],
        summary: "The caller's participant's hits, newest first: `inbox` on its records, to answer; `outbox` from its checks",
        querystring: Type.Object(
          {
            box: Type.Enum(['inbox', 'outbox'] as const),
            status: Type.Optional(Type.Enum(HIT_STATUSES)),
            record: Type.Optional(Type.String({ format: 'uuid', description: 'Only the hits on this record' })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(HitView) }), ...problems(400) },
      },
    },
    async (request) => {
      const { limit, ...filter } = request.query;
      return { items: await listHits(contextOf(db, request), filter, limit) };
    },
  );

  app.get(
    '/hits/:id',
    { schema: { tags: ['hits'], summary: 'One hit, to its two parties', params: IdParams, response: { 200: HitView, ...problems(400, 404) } } },
    async (request) => getHit(contextOf(db, request), request.params.id),
  );

  app.post(
    '/hits/:id/answer',
    {
      schema: {
        tags: ['hits'],
        summary: "The record owner's answer: confirm (with the outcome), deny, or ask for more time",
        description: 'Once: a hit already answered answers 409 `hit_answered`. `more_time` moves the deadline on by the routine time.',
        params: IdParams,
        body: HitAnswer,
        response: { 200: HitView, ...problems(400, 404, 409) },
      },
    },
    async (request) => answerHit(contextOf(db, request), request.params.id, request.body, config.hitDeadlines),
  );

  app.get(
    '/events',
    {
      schema: {
        tags: ['hits'],
        summary: "Server-sent events for the caller's participant (hits, requests) and, for the caller alone, their joint groups",
        description:
          'A `text/event-stream` that stays open: each event has an `id`, a type (`hit.*`, `request.*`, and `group.changed` for a member of the group alone) and JSON data naming what changed. A client that reconnects with `Last-Event-ID` gets what it missed.',
        headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(db, request);
      requirePermission(ctx, 'record.read');
      const reader = { participant: ctx.actor.participant, userId: ctx.actor.id };
      const resumeFrom = request.headers['last-event-id'];
      let after = resumeFrom ? Number(resumeFrom) : await lastEventId(db);
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        ...headersFor(request.url),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      });
      out.write('retry: 3000\n\n');
      let sending = false;
      let again = false;
      // One reader at a time; a wake-up during a read is served by the next pass.
      const send = async () => {
        if (sending) {
          again = true;
          return;
        }
        sending = true;
        try {
          do {
            again = false;
            for (const event of await eventsSince(db, reader, after)) {
              out.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ ...event.payload, at: event.at })}\n\n`);
              after = event.id;
            }
          } while (again);
        } catch (error) {
          request.log.error({ err: error }, 'event stream read failed');
        } finally {
          sending = false;
        }
      };
      const bus = eventBus(db);
      const wake = () => void send();
      bus.on('events', wake);
      const poll = setInterval(wake, POLL_MS);
      const keepAlive = setInterval(() => out.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      request.raw.on('close', () => {
        bus.off('events', wake);
        clearInterval(poll);
        clearInterval(keepAlive);
      });
      await send();
    },
  );
};
