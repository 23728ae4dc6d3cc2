import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RecordCancel, RecordHistory, RecordInput, RecordStatusChange, RecordUpdate, RecordView } from '@svod/core';
import { contextOf } from '../plugins/auth.ts';
import { recordCluster } from '../store/clusters.ts';
import { recordOverview } from '../store/overview.ts';
import { namelessCandidates } from '../store/nameless.ts';
import { recordHistory } from '../store/record-history.ts';
import { cancelRecord, changeRecordStatus, createRecord, getRecord, listRecords, updateRecord } from '../store/records.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, NamelessList, RecordListQuery, RecordOverview, RecordPage, problems } from './schemas.ts';
import { Type } from 'typebox';

export const recordRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/records',
    {
      schema: {
        tags: ['records'],
        summary: 'List the records the caller may see, with filters, a choice of order and keyset paging',
        querystring: RecordListQuery,
        response: { 200: RecordPage, ...problems(400) },
      },
    },
    async (request) => {
      const { limit, cursor, sort, ...filter } = request.query;
      return listRecords(contextOf(db, request), filter, { limit, cursor, sort });
    },
  );

  app.get(
    '/records/:id/nameless',
    {
      schema: {
        tags: ['records'],
        summary:
          'For a missing person, the unidentified bodies and living persons most likely to be them; for an unidentified record, the missing persons',
        description:
          'Best first, each with the evidence field by field (bits: log2 of the likelihood ratio) and which biometric references (DNA, fingerprints, dental) both sides hold. Other categories answer 400.',
        params: IdParams,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }) }, { additionalProperties: false }),
        response: { 200: NamelessList, ...problems(400, 404) },
      },
    },
    async (request) => ({ items: await namelessCandidates(contextOf(db, request), request.params.id, request.query.limit) }),
  );

  app.get(
    '/records/:id/cluster',
    {
      schema: {
        tags: ['records'],
        summary: 'The other records of the same subject: joined to this one by confirmed pairs, directly or through others',
        description: 'Only records the caller may see, oldest first. A record that is in no confirmed pair answers an empty list.',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(RecordView) }), ...problems(404) },
      },
    },
    async (request) => ({ items: await recordCluster(contextOf(db, request), request.params.id) }),
  );

  app.get(
    '/records/overview',
    {
      schema: {
        tags: ['records'],
        summary: "Counts of the records the caller may see by category, owner and status, and the caller's own records due for review",
        response: { 200: RecordOverview, ...problems() },
      },
    },
    async (request) => recordOverview(contextOf(db, request)),
  );

  app.post(
    '/records',
    {
      schema: {
        tags: ['records'],
        summary: "Create a record owned by the caller's participant",
        body: RecordInput,
        response: { 201: RecordView, ...problems(400, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const record = await createRecord(contextOf(db, request), request.body);
      return reply.status(201).header('location', `/api/v1/records/${record.id}`).send(record);
    },
  );

  app.get(
    '/records/:id',
    {
      schema: { tags: ['records'], summary: 'Read one record', params: IdParams, response: { 200: RecordView, ...problems(400, 404) } },
    },
    async (request, reply) => {
      const record = await getRecord(contextOf(db, request), request.params.id);
      return reply.header('etag', `"${record.version}"`).send(record);
    },
  );

  app.get(
    '/records/:id/history',
    {
      schema: {
        tags: ['records'],
        summary: 'Every version of a record, newest first: status, content, and who changed it when',
        params: IdParams,
        response: { 200: RecordHistory, ...problems(400, 404) },
      },
    },
    async (request) => recordHistory(contextOf(db, request), request.params.id),
  );

  app.put(
    '/records/:id',
    {
      schema: {
        tags: ['records'],
        summary: 'Replace the editable content of a record; `version` must be the one last read (else 409)',
        params: IdParams,
        body: RecordUpdate,
        response: { 200: RecordView, ...problems(400, 404, 409, 413, 422) },
      },
    },
    async (request) => updateRecord(contextOf(db, request), request.params.id, request.body),
  );

  app.post(
    '/records/:id/status',
    {
      schema: {
        tags: ['records'],
        summary: 'Mark a record located or expired, or active again, with a note; `version` must be the one last read (else 409)',
        params: IdParams,
        body: RecordStatusChange,
        response: { 200: RecordView, ...problems(400, 404, 409) },
      },
    },
    async (request) => changeRecordStatus(contextOf(db, request), request.params.id, request.body),
  );

  app.post(
    '/records/:id/cancel',
    {
      schema: {
        tags: ['records'],
        summary: 'Cancel a record, giving the reason',
        params: IdParams,
        body: RecordCancel,
        response: { 200: RecordView, ...problems(400, 404, 409) },
      },
    },
    async (request) => cancelRecord(contextOf(db, request), request.params.id, request.body),
  );
};
