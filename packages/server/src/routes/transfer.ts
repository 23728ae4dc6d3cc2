import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, issueMessage, pickLanguage } from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { csvOf, TABLE_FORMATS, xlsxOf } from '../export/spreadsheets.ts';
import { exportRecords } from '../store/export-records.ts';
import { importRecords } from '../store/import-records.ts';
import { linesOf } from '../util/lines.ts';
import type { RouteDeps } from './deps.ts';
import { ImportReport, RECORD_FILTERS, problems } from './schemas.ts';

const NDJSON = 'application/x-ndjson';

const mediaTypeOf = (header: string | undefined) => header?.split(';')[0]?.trim().toLowerCase();

/** Bulk exchange of arrays as JSON Lines: a national system's import, and export for reconciliation. */
export const transferRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, config, validators }) => {
  // Kept as bytes: each line is decoded when its turn comes, so a 64 MiB body is never decoded in
  // one go (0.4 s of a blocked server) nor held twice.
  app.addContentTypeParser(NDJSON, { parseAs: 'buffer', bodyLimit: config.importLimitBytes }, (_request, body, done) => done(null, body));

  app.post(
    '/records/import',
    {
      bodyLimit: config.importLimitBytes,
      // Only the declared type, refused before the body is read: a form posted from another
      // site (text/plain) or a JSON body never reaches the import.
      onRequest: async (request) => {
        if (mediaTypeOf(request.headers['content-type']) !== NDJSON) throw new AppError('unsupported_media_type', { params: { expected: NDJSON } });
      },
      schema: {
        tags: ['records'],
        summary: 'Load records as JSON Lines (application/x-ndjson): create or update by national reference',
        description:
          'Every valid line is applied and each bad one reported with its line number; with atomic=true one bad line means nothing is applied.',
        querystring: Type.Object({ atomic: Type.Boolean({ default: false }) }, { additionalProperties: false }),
        body: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'One record (as for POST /records) per line, UTF-8' }),
        response: { 200: ImportReport, ...problems(400, 413, 415) },
      },
    },
    async (request) => {
      const lang = pickLanguage(request.headers['accept-language']);
      const report = await importRecords(contextOf(db, request), linesOf(request.body), validators, { atomic: request.query.atomic });
      return {
        ...report,
        rejected: report.rejected.map(({ issues, ...rest }) => ({
          ...rest,
          errors: issues.map((i) => ({ path: i.path, code: i.code, message: issueMessage(i.code, lang, i.params) })),
        })),
      };
    },
  );

  app.get(
    '/records/export',
    {
      schema: {
        tags: ['records'],
        summary: 'Stream the records the caller may see as JSON Lines',
        querystring: Type.Object(
          {
            ...RECORD_FILTERS,
            format: Type.Optional(Type.Enum(['jsonl', 'csv', 'xlsx'] as const, { description: 'Default jsonl' })),
          },
          { additionalProperties: false },
        ),
        description:
          'Answers 200 with application/x-ndjson, one record (as from GET /records/{id}) per line; with format=csv or xlsx, a table of the main fields of each record, as a download.',
        response: { ...problems(400) },
      },
    },
    async (request, reply) => {
      const { format = 'jsonl', ...filter } = request.query;
      const records = exportRecords(contextOf(db, request), filter);
      // Pull the first record before answering so that a refusal still becomes a problem response.
      const first = await records.next();
      async function* all() {
        if (first.done) return;
        yield first.value;
        yield* records;
      }
      if (format === 'jsonl') {
        async function* lines() {
          for await (const record of all()) yield `${JSON.stringify(record)}\n`;
        }
        return reply.type(NDJSON).send(Readable.from(lines()));
      }
      const { contentType, extension } = TABLE_FORMATS[format];
      return reply
        .type(contentType)
        .header('content-disposition', `attachment; filename="svod-records-${new Date().toISOString().slice(0, 10)}.${extension}"`)
        .send(format === 'csv' ? csvOf(all()) : xlsxOf(all()));
    },
  );
};
