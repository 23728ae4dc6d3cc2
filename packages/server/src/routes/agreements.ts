import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AgreementInput, AgreementUpdate, AgreementView } from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { createAgreement, listAgreements, updateAgreement } from '../store/agreements.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, problems } from './schemas.ts';

/** The register of agreements on information interaction: read by their parties, kept by BKBOP's administrator. */
export const agreementRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: "The agreements the caller's agency is a party to (all of them, for BKBOP)",
        response: { 200: Type.Object({ items: Type.Array(AgreementView) }), ...problems() },
      },
    },
    async (request) => ({ items: await listAgreements(contextOf(db, request)) }),
  );

  app.post(
    '/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Enter an agreement in the register (BKBOP administrator)',
        description:
          'Refused naming the field: an end before its start, an unknown party, a coordinator who is not a party, nothing covered, or the same parties already covering the same array or request type in an overlapping period.',
        body: AgreementInput,
        response: { 201: AgreementView, ...problems(400) },
      },
    },
    async (request, reply) => reply.status(201).send(await createAgreement(contextOf(db, request), request.body)),
  );

  app.put(
    '/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Change an agreement: the whole of it, with the version read (stale → 409)',
        params: IdParams,
        body: AgreementUpdate,
        response: { 200: AgreementView, ...problems(400, 404, 409) },
      },
    },
    async (request) => updateAgreement(contextOf(db, request), request.params.id, request.body),
  );
};
