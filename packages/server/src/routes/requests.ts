import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  PRIORITIES,
  REQUEST_STATES,
  REQUEST_TYPES,
  RequestAttachmentView,
  RequestCreateBody,
  RequestPage,
  RequestStatisticsView,
  RequestTransition,
  RequestView,
} from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { requestPdf } from '../requests/pdf.ts';
import { listParticipants } from '../store/participants.ts';
import { MAX_REQUEST_ATTACHMENT_BYTES, addRequestAttachment, getRequestAttachment } from '../store/request-attachments.ts';
import { acceptDocuments, download, sendDocument } from './files.ts';
import { createRequest, getRequest, listAssignees, listRequests, requestFigures, transitionRequest } from '../store/requests.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, IdempotencyHeaders, problems } from './schemas.ts';

/** Interstate requests: drafts, their workflow between two agencies, files and the printed document. */
export const requestRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  acceptDocuments(app);

  app.post(
    '/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Draft a request to another agency',
        description:
          'The draft is the sender’s alone until a supervisor signs it and it is sent. The form’s required fields depend on `type`. With `Idempotency-Key`, a retry returns the draft made the first time.',
        headers: IdempotencyHeaders,
        body: RequestCreateBody,
        response: { 201: RequestView, ...problems(400, 422) },
      },
    },
    async (request, reply) => {
      const view = await createRequest(contextOf(db, request), request.body, request.headers['idempotency-key']);
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/requests',
    {
      schema: {
        tags: ['requests'],
        summary: "The caller's agency's inbox (sent to it) or outbox (its own, drafts too), newest first",
        querystring: Type.Object(
          {
            box: Type.Enum(['inbox', 'outbox'] as const),
            state: Type.Optional(Type.Enum(REQUEST_STATES)),
            type: Type.Optional(Type.Enum(REQUEST_TYPES)),
            priority: Type.Optional(Type.Enum(PRIORITIES)),
            overdue: Type.Optional(Type.Boolean({ description: 'Only those past their deadline and still owed' })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            cursor: Type.Optional(Type.String({ maxLength: 200, description: '`next` of the previous page, with the same filters' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: RequestPage, ...problems(400) },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return listRequests(contextOf(db, request), filter, limit, cursor);
    },
  );

  app.get(
    '/requests/assignees',
    {
      schema: {
        tags: ['requests'],
        summary: "The caller's agency's officers a request can be assigned to",
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() })) }),
          ...problems(),
        },
      },
    },
    async (request) => ({ items: await listAssignees(contextOf(db, request)) }),
  );

  app.get(
    '/requests/statistics',
    {
      schema: {
        tags: ['requests'],
        summary:
          'Counts and answer times (median, 90th percentile, in hours) of the requests the caller’s agency sent or received, by sender, recipient, type and month',
        description: 'Computed from each request’s history. BKBOP, which coordinates, sees all agencies’ figures.',
        querystring: Type.Object(
          {
            from: Type.String({ format: 'date', description: 'First day sent, UTC, inclusive' }),
            to: Type.String({ format: 'date', description: 'Last day sent, UTC, inclusive' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: RequestStatisticsView, ...problems(400) },
      },
    },
    async (request) => {
      const to = new Date(`${request.query.to}T00:00:00Z`);
      to.setUTCDate(to.getUTCDate() + 1);
      return requestFigures(contextOf(db, request), new Date(`${request.query.from}T00:00:00Z`), to);
    },
  );

  app.get(
    '/requests/:id',
    {
      schema: {
        tags: ['requests'],
        summary: 'One request with its history, files and what the caller may do with it now',
        params: IdParams,
        response: { 200: RequestView, ...problems(400, 404) },
      },
    },
    async (request) => getRequest(contextOf(db, request), request.params.id),
  );

  app.post(
    '/requests/:id/transitions',
    {
      schema: {
        tags: ['requests'],
        summary: 'Move a request one step: edit, sign, send, assign, start, ask or answer a question, answer, refuse, forward, withdraw',
        description:
          'Only the steps in `allowedActions` succeed. Another step answers 409 `transition_not_allowed` naming the state, 403 when it is the other side’s or another role’s, 400 naming the missing field (`/text`, `/assignee`, `/forwardTo`, `/content`). Sending registers the request and delivers it: it is `received`, with its deadline in the recipient’s working days. With `Idempotency-Key`, a retry returns the first answer and moves nothing again.',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: RequestTransition,
        response: { 200: RequestView, ...problems(400, 404, 409, 422) },
      },
    },
    async (request) => transitionRequest(contextOf(db, request), request.params.id, request.body, request.headers['idempotency-key']),
  );

  app.post(
    '/requests/:id/attachments',
    {
      bodyLimit: MAX_REQUEST_ATTACHMENT_BYTES,
      schema: {
        tags: ['requests'],
        summary: `Attach a file (PDF, JPEG, PNG, Word, Excel, OpenDocument; up to ${MAX_REQUEST_ATTACHMENT_BYTES / 1024 / 1024} MiB)`,
        description:
          'The body is the file itself, with its own Content-Type. The sender attaches while drafting or clarifying, the recipient while working on the answer.',
        params: IdParams,
        querystring: Type.Object({ filename: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 201: RequestAttachmentView, ...problems(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const attachment = await addRequestAttachment(contextOf(db, request), request.params.id, {
        filename: request.query.filename,
        contentType: (request.headers['content-type'] ?? '').split(';')[0]!.trim(),
        data: request.body as Buffer,
      });
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/requests/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['requests'],
        summary: 'Download a file of the request: always as a download, never shown in the page',
        params: Type.Object({ id: IdParams.properties.id, attachmentId: Type.String({ format: 'uuid' }) }),
        response: { ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const file = await getRequestAttachment(contextOf(db, request), request.params.id, request.params.attachmentId);
      return sendDocument(reply, file);
    },
  );

  app.get(
    '/requests/:id/pdf',
    {
      schema: {
        tags: ['requests'],
        summary: 'The request and its answer as an official document (PDF)',
        params: IdParams,
        querystring: Type.Object({ lang: Type.Enum(['ru', 'en'] as const, { default: 'ru' }) }, { additionalProperties: false }),
        response: { ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(db, request);
      const view = await getRequest(ctx, request.params.id, 'request.print');
      const names = Object.fromEntries((await listParticipants(db)).map((p) => [p.code, request.query.lang === 'en' ? p.nameEn : p.nameRu]));
      const pdf = await requestPdf(view, { lang: request.query.lang, participantNames: names });
      const name = (view.registrationNumber ?? `draft-${view.id}`).replaceAll('/', '-');
      return reply
        .type('application/pdf')
        .header('content-disposition', download(`${name}.pdf`))
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    },
  );
};
