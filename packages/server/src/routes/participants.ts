import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../plugins/auth.ts';
import { readParticipants } from '../store/participants.ts';
import type { RouteDeps } from './deps.ts';
import { problems } from './schemas.ts';

export const participantRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/participants',
    {
      schema: {
        tags: ['participants'],
        summary: 'The agencies taking part in the bank',
        response: {
          200: Type.Array(
            Type.Object({ code: Type.String(), state: Type.Union([Type.String(), Type.Null()]), nameRu: Type.String(), nameEn: Type.String() }),
          ),
          ...problems(),
        },
      },
    },
    async (request) => readParticipants(contextOf(db, request)),
  );
};
