import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MATCH_KINDS, MATCH_STATUSES, MatchDecision, MatchView } from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { crossmatchProgress, requestFullCrossmatch } from '../store/crossmatch.ts';
import { decideMatch, getMatch, listMatches } from '../store/matches.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, problems } from './schemas.ts';

const MatchListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(MATCH_STATUSES)),
    kind: Type.Optional(Type.Enum(MATCH_KINDS)),
    record: Type.Optional(Type.String({ format: 'uuid', description: 'Only the pairs this record is part of' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const MatchPage = Type.Object({ items: Type.Array(MatchView), nextCursor: Type.Optional(Type.String()) });

/** Pairs of records the bank found may be one subject, and the supervisors' decisions on them. */
export const matchRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.post(
    '/crossmatch',
    {
      schema: {
        tags: ['matches'],
        summary: 'Queue the full cross-match of the bank (an administrator of BKBOP); the server works through it in the background',
        response: {
          202: Type.Object({ queued: Type.Integer(), backlog: Type.Integer({ description: 'Records now waiting to be matched' }) }),
          ...problems(),
        },
      },
    },
    async (request, reply) => reply.status(202).send(await requestFullCrossmatch(contextOf(db, request))),
  );

  app.get(
    '/crossmatch',
    {
      schema: {
        tags: ['matches'],
        summary: "How many of the caller's records (and of the whole bank) still wait to be cross-matched, e.g. after a bulk import",
        response: {
          200: Type.Object({
            waiting: Type.Integer({ description: "The caller's participant's records waiting" }),
            backlog: Type.Integer({ description: 'Records of the whole bank waiting' }),
            oldestQueuedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
          }),
          ...problems(),
        },
      },
    },
    async (request) => crossmatchProgress(contextOf(db, request)),
  );

  app.get(
    '/matches',
    {
      schema: {
        tags: ['matches'],
        summary: 'List the pairs of records found to be possibly one subject, newest first; only pairs whose two records the caller may see',
        querystring: MatchListQuery,
        response: { 200: MatchPage, ...problems(400) },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return listMatches(contextOf(db, request), filter, { limit, cursor });
    },
  );

  app.get(
    '/matches/:id',
    {
      schema: {
        tags: ['matches'],
        summary: 'One pair with both records whole',
        params: IdParams,
        response: { 200: MatchView, ...problems(400, 404) },
      },
    },
    async (request) => getMatch(contextOf(db, request), request.params.id),
  );

  app.post(
    '/matches/:id/decision',
    {
      schema: {
        tags: ['matches'],
        summary: "Confirm the pair as one subject or reject it (with a reason): a supervisor of either record's owner, once",
        description: 'A pair already decided answers 409 `match_decided`; a rejected pair comes back only when either record changes.',
        params: IdParams,
        body: MatchDecision,
        response: { 200: MatchView, ...problems(400, 404, 409) },
      },
    },
    async (request) => decideMatch(contextOf(db, request), request.params.id, request.body),
  );
};
