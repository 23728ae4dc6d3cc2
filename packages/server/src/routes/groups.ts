import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  GroupConsent,
  GroupDocumentView,
  GroupEnd,
  GroupInput,
  GroupMemberAdd,
  GroupMessageInput,
  GroupMessageView,
  GroupRecordLink,
  GroupSummary,
  GroupTaskInput,
  GroupTaskUpdate,
  GroupTimelineEntry,
  GroupUpdate,
  GroupView,
  groupPage,
} from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import {
  GROUP_PAGE_MAX,
  addDocument,
  createTask,
  decideConsent,
  getDocument,
  groupTimeline,
  linkRecord,
  listMessages,
  postMessage,
  updateTask,
} from '../store/group-workspace.ts';
import { addMember, createGroup, endGroup, getGroup, listGroups, removeMember, updateGroup } from '../store/groups.ts';
import { MAX_REQUEST_ATTACHMENT_BYTES } from '../store/request-attachments.ts';
import type { RouteDeps } from './deps.ts';
import { acceptDocuments, sendDocument } from './files.ts';
import { IdParams, IdempotencyHeaders, problems } from './schemas.ts';

const tags = ['groups'];
const Uuid = Type.String({ format: 'uuid' });
const NOT_A_MEMBER =
  'Anyone who is not a member now (another agency, a colleague, a member just removed) is answered 404: a group is not shown to exist.';

/**
 * Joint investigative groups: a workspace for their members alone — terms, members, linked
 * records (with their owners' consent, while the group is active), messages, documents, tasks,
 * and a timeline of everything done in it.
 */
export const groupRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  acceptDocuments(app);

  app.get(
    '/groups',
    {
      schema: {
        tags,
        summary: 'The groups the caller is a member of, newest first',
        response: { 200: Type.Object({ items: Type.Array(GroupSummary) }), ...problems() },
      },
    },
    async (request) => ({ items: await listGroups(contextOf(db, request)) }),
  );

  app.post(
    '/groups',
    {
      schema: {
        tags,
        summary: "Form a group led by the caller's agency (supervisor); the caller is its first leader",
        description: 'Refused at the field: an end before the start (`/endsOn`), the lead agency not among the participants, an unknown participant.',
        body: GroupInput,
        response: { 201: GroupView, ...problems(400) },
      },
    },
    async (request, reply) => reply.status(201).send(await createGroup(contextOf(db, request), request.body)),
  );

  app.get(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'The workspace: terms, members, linked records, documents and tasks',
        description: `A linked record is shown while the group is active and its owner has consented. ${NOT_A_MEMBER}`,
        params: IdParams,
        response: { 200: GroupView, ...problems(404) },
      },
    },
    async (request) => getGroup(contextOf(db, request), request.params.id),
  );

  app.put(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: "Change the group's terms (leaders): the whole of them, with the version read (stale → 409)",
        params: IdParams,
        body: GroupUpdate,
        response: { 200: GroupView, ...problems(400, 404, 409) },
      },
    },
    async (request) => updateGroup(contextOf(db, request), request.params.id, request.body),
  );

  app.post(
    '/groups/:id/end',
    {
      schema: {
        tags,
        summary: 'End the group before its term (leaders): from then on it is read-only and shows no linked record',
        params: IdParams,
        body: GroupEnd,
        response: { 200: GroupView, ...problems(400, 404, 409) },
      },
    },
    async (request) => endGroup(contextOf(db, request), request.params.id, request.body),
  );

  app.post(
    '/groups/:id/members',
    {
      schema: {
        tags,
        summary: "Add a member by login: leaders add anyone of the group's agencies, members a colleague of their own",
        params: IdParams,
        body: GroupMemberAdd,
        response: { 200: GroupView, ...problems(400, 404, 409) },
      },
    },
    async (request) => addMember(contextOf(db, request), request.params.id, request.body),
  );

  app.delete(
    '/groups/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Take a member out (leaders), or leave (oneself); the removed member reads the group no more from the next request',
        params: Type.Object({ id: Uuid, userId: Uuid }),
        response: { 200: GroupView, 204: Type.Null(), ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await removeMember(contextOf(db, request), request.params.id, request.params.userId);
      return view ? view : reply.status(204).send(null);
    },
  );

  app.post(
    '/groups/:id/records',
    {
      schema: {
        tags,
        summary: 'Link a record the caller may read; its owner must be one of the group’s agencies',
        description:
          'Shown to the group at once when linked by someone of the owner who may write its records; otherwise when the owner consents. Even a record distributed more narrowly is shown to the members then.',
        params: IdParams,
        body: GroupRecordLink,
        response: { 200: GroupView, ...problems(400, 404, 409) },
      },
    },
    async (request) => linkRecord(contextOf(db, request), request.params.id, request.body),
  );

  app.post(
    '/groups/:id/records/:recordId/consent',
    {
      schema: {
        tags,
        summary: "The owner's decision on showing its record to the group (an operator or supervisor of the owner who is a member)",
        params: Type.Object({ id: Uuid, recordId: Uuid }),
        body: GroupConsent,
        response: { 200: GroupView, ...problems(400, 404, 409) },
      },
    },
    async (request) => decideConsent(contextOf(db, request), request.params.id, request.params.recordId, request.body),
  );

  app.get(
    '/groups/:id/messages',
    {
      schema: {
        tags,
        summary: "The group's message thread, newest first",
        params: IdParams,
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: GROUP_PAGE_MAX, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: groupPage(GroupMessageView), ...problems(400, 404) },
      },
    },
    async (request) => listMessages(contextOf(db, request), request.params.id, request.query),
  );

  app.post(
    '/groups/:id/messages',
    {
      schema: {
        tags,
        summary: 'Post to the thread',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: GroupMessageInput,
        response: { 201: GroupMessageView, ...problems(400, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postMessage(contextOf(db, request), request.params.id, request.body, request.headers['idempotency-key'])),
  );

  app.post(
    '/groups/:id/documents',
    {
      bodyLimit: MAX_REQUEST_ATTACHMENT_BYTES,
      schema: {
        tags,
        summary: `Add a document (PDF, JPEG, PNG, Word, Excel, OpenDocument; up to ${MAX_REQUEST_ATTACHMENT_BYTES / 1024 / 1024} MiB)`,
        description: 'The body is the file itself, with its own Content-Type.',
        params: IdParams,
        headers: IdempotencyHeaders,
        querystring: Type.Object({ filename: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 201: GroupDocumentView, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const document = await addDocument(
        contextOf(db, request),
        request.params.id,
        {
          filename: request.query.filename,
          contentType: (request.headers['content-type'] ?? '').split(';')[0]!.trim(),
          data: request.body as Buffer,
        },
        request.headers['idempotency-key'],
      );
      return reply.status(201).send(document);
    },
  );

  app.get(
    '/groups/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Download a document of the group, always as a download',
        params: Type.Object({ id: Uuid, documentId: Uuid }),
        response: { ...problems(400, 404) },
      },
    },
    async (request, reply) => sendDocument(reply, await getDocument(contextOf(db, request), request.params.id, request.params.documentId)),
  );

  app.post(
    '/groups/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Set a task, for a member if assigned, with a due day if any',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: GroupTaskInput,
        response: { 200: GroupView, ...problems(400, 404, 409, 422) },
      },
    },
    async (request) => createTask(contextOf(db, request), request.params.id, request.body, request.headers['idempotency-key']),
  );

  app.put(
    '/groups/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Move a task on (its assignee, its author or a leader), with the version read',
        params: Type.Object({ id: Uuid, taskId: Uuid }),
        body: GroupTaskUpdate,
        response: { 200: GroupView, ...problems(400, 404, 409) },
      },
    },
    async (request) => updateTask(contextOf(db, request), request.params.id, request.params.taskId, request.body),
  );

  app.get(
    '/groups/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything done in the group, newest first',
        params: IdParams,
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: GROUP_PAGE_MAX, default: 100 }),
            cursor: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,9}$', description: 'The `next` of the previous page' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: groupPage(GroupTimelineEntry), ...problems(400, 404) },
      },
    },
    async (request) =>
      groupTimeline(contextOf(db, request), request.params.id, {
        limit: request.query.limit,
        ...(request.query.cursor ? { before: Number(request.query.cursor) } : {}),
      }),
  );
};
