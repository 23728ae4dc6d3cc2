import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHECK_OUTCOMES, CheckInput, RecordView } from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { csvOf, TABLE_FORMATS, xlsxOf } from '../export/spreadsheets.ts';
import { FIELD_CHECK, RECORD_SEARCH, runCheck } from '../store/checks.ts';
import { exportSearch } from '../store/export-records.ts';
import type { RouteDeps } from './deps.ts';
import { problems } from './schemas.ts';

const CheckResult = Type.Object({
  outcome: Type.Enum(CHECK_OUTCOMES),
  modelVersion: Type.String(),
  candidates: Type.Array(
    Type.Object({
      probability: Type.Number(),
      weight: Type.Number({ description: 'Match weight in bits: the prior plus every field’s contribution' }),
      explanation: Type.Array(Type.Object({ field: Type.String(), level: Type.String(), weight: Type.Number() })),
      record: RecordView,
    }),
  ),
  answeredBy: Type.Optional(
    Type.Enum(['bank', 'node'] as const, {
      description:
        "At a state's national node: `bank` when the central bank answered (every state's records), `node` when it could not be reached in time and only this state's records were checked",
    }),
  ),
  hit: Type.Optional(
    Type.Object(
      { id: Type.String({ format: 'uuid' }), deadline: Type.String({ format: 'date-time' }) },
      { description: "The hit opened when the best candidate is another participant's record in force: its owner must answer by the deadline" },
    ),
  ),
});

export const checkRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, config, federation }) => {
  app.post(
    '/checks',
    {
      schema: {
        tags: ['checks'],
        summary: 'Check a person, vehicle or firearm against every record the caller may see: hit, possible or no hit',
        description:
          'Give exactly one of person, vehicle, firearm. A person needs a surname with a given name or birth date, or a document; a vehicle a VIN, plate, engine or body number.',
        body: CheckInput,
        response: { 200: CheckResult, ...problems(400, 422) },
      },
    },
    // A national node's checks reach every state's records at the central bank.
    async (request) =>
      federation?.check
        ? federation.check(contextOf(db, request), request.body)
        : runCheck(contextOf(db, request), request.body, FIELD_CHECK, config.hitDeadlines),
  );

  app.post(
    '/records/search',
    {
      schema: {
        tags: ['records'],
        summary: 'Find records by name in any script or by identifier, ranked as checks rank them, whatever their status',
        description:
          'The body of a check. Answers records of every status (a check answers active ones only), best first, each with its probability and explanation; audited as a search.',
        body: CheckInput,
        response: { 200: CheckResult, ...problems(400, 422) },
      },
    },
    async (request) => runCheck(contextOf(db, request), request.body, RECORD_SEARCH),
  );

  app.post(
    '/records/search/export',
    {
      schema: {
        tags: ['records'],
        summary: "A ranked search's records as a spreadsheet (CSV or XLSX), in the order the search shows them",
        description: 'The body of a search; for roles that may export. Audited as an export naming each record.',
        querystring: Type.Object({ format: Type.Enum(['csv', 'xlsx'] as const) }, { additionalProperties: false }),
        body: CheckInput,
        response: { ...problems(400, 422) },
      },
    },
    async (request, reply) => {
      const records = await exportSearch(contextOf(db, request), request.body);
      async function* rows() {
        yield* records;
      }
      const { contentType, extension } = TABLE_FORMATS[request.query.format];
      return reply
        .type(contentType)
        .header('content-disposition', `attachment; filename="svod-search-${new Date().toISOString().slice(0, 10)}.${extension}"`)
        .send(request.query.format === 'csv' ? csvOf(rows()) : xlsxOf(rows()));
    },
  );
};
