import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../plugins/auth.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, addAttachment, getAttachment } from '../store/attachments.ts';
import type { RouteDeps } from './deps.ts';
import { IdParams, problems } from './schemas.ts';

/** Photos and documents travel as raw bodies with their own content type, not base64 in JSON. */
export const attachmentRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.addContentTypeParser([...ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/records/:id/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags: ['records'],
        summary: `Attach a photo or document (${ATTACHMENT_TYPES.join(', ')}, up to 5 MiB)`,
        params: IdParams,
        querystring: Type.Object({ filename: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ id: Type.String(), filename: Type.String(), contentType: Type.String(), size: Type.Integer() }),
          ...problems(400, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const data = request.body as Buffer;
      const attachment = await addAttachment(contextOf(db, request), request.params.id, {
        filename: request.query.filename,
        contentType: (request.headers['content-type'] ?? '').split(';')[0]!.trim(),
        data,
      });
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/records/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['records'],
        summary: 'Download an attachment',
        params: Type.Object({ id: IdParams.properties.id, attachmentId: Type.String({ format: 'uuid' }) }),
        response: { ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const file = await getAttachment(contextOf(db, request), request.params.id, request.params.attachmentId);
      return (
        reply
          .type(file.contentType)
          // Photos open in the browser; documents download. nosniff keeps either from being run as a page.
          .header(
            'content-disposition',
            `${file.contentType.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(file.data))
      );
    },
  );
};
