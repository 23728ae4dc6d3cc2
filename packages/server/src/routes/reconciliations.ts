import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AppError,
  APPLICABLE_GROUPS,
  MAPPABLE_FIELDS,
  CATEGORIES,
  pickLanguage,
  RECONCILIATION_GROUPS,
  ReconciliationItem,
  ReconciliationView,
  type ArrayField,
  type ArrayMapping,
} from '@svod/core';
import { csvTable, TABLE_FORMATS, xlsxTable } from '../export/spreadsheets.ts';
import { contextOf } from '../plugins/auth.ts';
import { requirePermission } from '../store/context.ts';
import { REPORT_COLUMNS, reportHtml, reportRow } from '../reconcile/report.ts';
import { removeUpload, saveUpload, uploadPath } from '../reconcile/uploads.ts';
import { allItems } from '../store/reconciliation-items.ts';
import {
  allReportItems,
  applyReconciliation,
  createReconciliation,
  deltaLines,
  claimReconciliationRun,
  getReconciliation,
  listReconciliations,
  previewReconciliation,
  reconciliationItems,
  runReconciliation,
} from '../store/reconciliations.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, problems } from './schemas.ts';

/** The media types an array is uploaded as; the format itself is told from the name and the bytes. */
const ARRAY_TYPES = [
  'text/csv',
  'application/x-ndjson',
  'application/xml',
  'text/xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

const RunBody = Type.Object(
  {
    mapping: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), Type.Union([Type.Enum(MAPPABLE_FIELDS), Type.Null()]), { maxProperties: 200 }),
    ),
    defaults: Type.Optional(Type.Partial(Type.Record(Type.Enum(MAPPABLE_FIELDS), Type.String({ maxLength: 1000 })))),
    legalBasis: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    against: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 40,
        description: "Set every row against this participant's records only (within what the caller may see)",
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Reconciliation of a participant's national array with the bank: upload the file, check the
 * column mapping, run (in the background, with progress), read the report, apply the delta.
 */
export const reconciliationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, config }) => {
  // The body is streamed to a file as it comes: an array may be gigabytes.
  for (const type of ARRAY_TYPES) app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));

  const runInBackground = (
    request: Parameters<typeof contextOf>[1],
    id: string,
    view: ReconciliationView,
    body: { mapping?: Record<string, ArrayField | null>; defaults?: Partial<Record<ArrayField, string>>; legalBasis?: string; against?: string },
  ) => {
    const mapping: ArrayMapping | undefined = body.mapping
      ? Object.fromEntries(Object.entries(body.mapping).map(([k, v]) => [k, v ?? undefined]))
      : undefined;
    void runReconciliation(contextOf(db, request), id, {
      participant: view.participant,
      category: view.category,
      path: uploadPath(config.uploadDir, id),
      fileName: view.fileName,
      ...(mapping ? { mapping } : {}),
      ...(body.defaults ? { defaults: body.defaults } : {}),
      ...(body.legalBasis ? { legalBasis: body.legalBasis } : {}),
      ...(body.against ? { against: body.against } : {}),
    }).catch((err: unknown) => app.log.error({ err, reconciliation: id }, 'reconciliation failed'));
  };

  app.post(
    '/reconciliations',
    {
      schema: {
        tags: ['reconciliations'],
        summary: "Upload a national array (CSV, JSON Lines, XML or XLSX) of the caller's participant for reconciliation",
        description:
          'The body is the file as it is. The answer gives its headers, the format and encoding told from it, and the column mapping offered (the one last used for this category, else guessed from the headers); POST …/run starts the comparison.',
        querystring: Type.Object(
          { category: Type.Enum(CATEGORIES), fileName: Type.String({ minLength: 1, maxLength: 255 }) },
          { additionalProperties: false },
        ),
        body: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }),
        response: { 201: ReconciliationView, ...problems(400, 413, 415) },
      },
      onRequest: async (request) => {
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (!type || !ARRAY_TYPES.includes(type)) throw new AppError('unsupported_media_type', { params: { expected: ARRAY_TYPES.join(', ') } });
      },
    },
    async (request, reply) => {
      const ctx = contextOf(db, request);
      // Checked before the body is read: a participant's officer only, not a file written for nothing.
      requirePermission(ctx, 'record.import');
      const id = randomUUID();
      const path = await saveUpload(request.body as unknown as Readable, config.uploadDir, id, config.reconcileLimitBytes);
      try {
        await createReconciliation(ctx, {
          id,
          participant: ctx.actor.participant,
          category: request.query.category,
          path,
          fileName: request.query.fileName,
        });
        return reply.status(201).send(await previewReconciliation(ctx, id, path));
      } catch (error) {
        await removeUpload(config.uploadDir, id);
        throw error;
      }
    },
  );

  app.get(
    '/reconciliations',
    {
      schema: {
        tags: ['reconciliations'],
        summary: "The caller's participant's reconciliations, newest first",
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(ReconciliationView) }), ...problems() },
      },
    },
    async (request) => ({ items: await listReconciliations(contextOf(db, request), request.query.limit) }),
  );

  app.get(
    '/reconciliations/:id',
    {
      schema: {
        tags: ['reconciliations'],
        summary: 'A reconciliation: its status, rows read so far (progress), and the count of each group once compared',
        params: IdParams,
        response: { 200: ReconciliationView, ...problems(404) },
      },
    },
    async (request) => await getReconciliation(contextOf(db, request), request.params.id),
  );

  app.post(
    '/reconciliations/:id/run',
    {
      schema: {
        tags: ['reconciliations'],
        summary: 'Compare the array with the bank, with the mapping given (kept for the next array) or the one offered; runs in the background',
        params: IdParams,
        body: RunBody,
        response: { 202: ReconciliationView, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await claimReconciliationRun(contextOf(db, request), request.params.id);
      runInBackground(request, view.id, view, request.body);
      return reply.status(202).send(view);
    },
  );

  app.get(
    '/reconciliations/:id/items',
    {
      schema: {
        tags: ['reconciliations'],
        summary: "One group of the report, in order, a page at a time (after: the last item's seq)",
        params: IdParams,
        querystring: Type.Object(
          {
            group: Type.Enum(RECONCILIATION_GROUPS),
            after: Type.Integer({ minimum: 0, default: 0 }),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(ReconciliationItem),
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { group, after, limit } = request.query;
      return { items: await reconciliationItems(contextOf(db, request), request.params.id, group, { limit, after }) };
    },
  );

  app.get(
    '/reconciliations/:id/report',
    {
      schema: {
        tags: ['reconciliations'],
        summary: 'The report as a self-contained HTML file, or one group as CSV or XLSX (formula-like cells made inert); always a download',
        params: IdParams,
        querystring: Type.Object(
          { format: Type.Enum(['html', 'csv', 'xlsx'] as const, { default: 'html' }), group: Type.Optional(Type.Enum(RECONCILIATION_GROUPS)) },
          { additionalProperties: false },
        ),
        response: { ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(db, request);
      const view = await getReconciliation(ctx, request.params.id);
      const { format, group } = request.query;
      const base = `reconciliation-${view.participant}-${view.id.slice(0, 8)}`;
      if (format === 'html') {
        const lang = pickLanguage(request.headers['accept-language']);
        const html = reportHtml(view, await allReportItems(db, view.id), lang);
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('content-disposition', `attachment; filename="${base}.html"`)
          .send(html);
      }
      if (!group) throw new AppError('validation_failed', { issues: [{ path: '/querystring/group', code: 'required' }] });
      const rows = (async function* () {
        for await (const item of allItems(db, view.id, group)) yield reportRow(item);
      })();
      const stream = format === 'csv' ? csvTable(REPORT_COLUMNS, rows) : xlsxTable(REPORT_COLUMNS, rows, group);
      return reply
        .header('content-type', TABLE_FORMATS[format].contentType)
        .header('content-disposition', `attachment; filename="${base}-${group}.${TABLE_FORMATS[format].extension}"`)
        .send(stream);
    },
  );

  app.get(
    '/reconciliations/:id/delta',
    {
      schema: {
        tags: ['reconciliations'],
        summary: 'What applying would write (new records, then changed ones with their id), as JSON Lines for a national system',
        params: IdParams,
        response: { ...problems(404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(db, request);
      const view = await getReconciliation(ctx, request.params.id);
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="delta-${view.participant}-${view.id.slice(0, 8)}.jsonl"`)
        .send(Readable.from(deltaLines(ctx, view.id)));
    },
  );

  app.post(
    '/reconciliations/:id/apply',
    {
      schema: {
        tags: ['reconciliations'],
        summary: 'Apply the chosen groups as one change with one audit entry; all or nothing, once',
        description:
          'A record changed in the bank since the comparison makes it 409 (changed_since_compared): run the reconciliation again. Stale records are marked expired, not cancelled.',
        params: IdParams,
        body: Type.Object(
          { groups: Type.Array(Type.Enum(APPLICABLE_GROUPS), { minItems: 1, maxItems: 4, uniqueItems: true }) },
          { additionalProperties: false },
        ),
        response: { 200: ReconciliationView, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      const view = await applyReconciliation(contextOf(db, request), request.params.id, request.body.groups);
      await removeUpload(config.uploadDir, view.id);
      return view;
    },
  );
};
