import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DeadLetterView, FederationStatusView, NodeRegistration } from '@svod/core';
import { registerNode } from '../federation/nodes.ts';
import { deadLetters, federationStatus } from '../federation/status.ts';
import { contextOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';
import { problems } from './schemas.ts';

const tags = ['federation'];

/** The federation as BKBOP's administrator sees it: nodes, their lag, what failed, and the register of node keys. */
export const federationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, federation }) => {
  app.get(
    '/federation/status',
    {
      schema: {
        tags,
        summary:
          "This server's role and bus, its outbox, undelivered messages and dead letters; the central bank's nodes with their lag; a national node's link with the bank. BKBOP's administrators; at a national node, its state's agencies' administrators too",
        response: { 200: FederationStatusView, ...problems() },
      },
    },
    async (request) => federationStatus(contextOf(db, request), federation),
  );

  app.get(
    '/federation/dead-letters',
    {
      schema: {
        tags,
        summary: 'Messages this node set aside (the bank: from the states; a national node: from the bank), newest first, with the reason',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(DeadLetterView) }), ...problems(400) },
      },
    },
    async (request) => ({ items: await deadLetters(contextOf(db, request), request.query.limit, federation) }),
  );

  app.put(
    '/federation/nodes',
    {
      schema: {
        tags,
        summary: "Enter or replace a state node's public key: from then on the bank applies what it signs",
        body: NodeRegistration,
        response: { 204: Type.Null(), ...problems(400) },
      },
    },
    async (request, reply) => {
      await registerNode(contextOf(db, request), request.body.state, request.body.publicKey);
      return reply.status(204).send(null);
    },
  );
};
