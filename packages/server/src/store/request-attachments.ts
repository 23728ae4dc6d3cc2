import { randomUUID } from 'node:crypto';
import { AppError, FINAL_STATES, sideOf, type RequestAttachmentView, type RequestState } from '@svod/core';
import { bytesAre, safeFilename, type SignedFileType } from '../security/file-signatures.ts';
import { sha256 } from '../security/tokens.ts';
import { UUID } from '../validation/ajv.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { partyRequest } from './requests.ts';

/** Scans, photos and office documents; nothing a browser or an office suite would run. */
export const REQUEST_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
] as const satisfies readonly SignedFileType[];
export type RequestAttachmentType = (typeof REQUEST_ATTACHMENT_TYPES)[number];

/** Case materials run to many pages; the limit keeps one request's files within what a link carries. */
export const MAX_REQUEST_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_ATTACHMENTS_PER_REQUEST = 30;

/**
 * Where each side may add files: the sender while it writes the request or answers a question
 * about it; the recipient while it works on the answer. After that the file set is the record
 * of what was sent.
 */
const ATTACHING: Record<'sender' | 'recipient', ReadonlySet<RequestState>> = {
  sender: new Set(['draft', 'clarification_requested']),
  recipient: new Set(['received', 'assigned', 'in_work']),
};

export interface RequestAttachmentInput {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/**
 * The type of a document sent as a file (a request's, a joint group's): one of the kinds taken,
 * within the size, and what its first bytes say it is; anything else is refused as such.
 */
export function documentType(input: RequestAttachmentInput): RequestAttachmentType {
  const type = input.contentType as RequestAttachmentType;
  if (!REQUEST_ATTACHMENT_TYPES.includes(type)) {
    throw new AppError('unsupported_media_type', { params: { allowed: REQUEST_ATTACHMENT_TYPES.join(', ') } });
  }
  if (input.data.length > MAX_REQUEST_ATTACHMENT_BYTES) throw new AppError('payload_too_large', { params: { limit: MAX_REQUEST_ATTACHMENT_BYTES } });
  if (!bytesAre(type, input.data))
    throw new AppError('validation_failed', { issues: [{ path: '/body', code: 'bad_format', params: { format: type } }] });
  return type;
}

export async function addRequestAttachment(ctx: StoreContext, requestId: string, input: RequestAttachmentInput): Promise<RequestAttachmentView> {
  return withFailureAudit(ctx, { action: 'request.attachment.create', resourceType: 'request', resourceId: requestId }, async () => {
    requirePermission(ctx, 'record.write');
    const type = documentType(input);
    return ctx.db.transaction().execute(async (tx) => {
      const request = await partyRequest(tx, ctx.actor, requestId, true);
      const side = sideOf(request, ctx.actor);
      const state = request.state as RequestState;
      if ((side !== 'sender' && side !== 'recipient') || FINAL_STATES.has(state) || !ATTACHING[side].has(state)) {
        throw new AppError('transition_not_allowed', { params: { action: 'attach', state } });
      }
      const { count } = await tx
        .selectFrom('request_attachments')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('request_id', '=', requestId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= MAX_ATTACHMENTS_PER_REQUEST) {
        throw new AppError('validation_failed', {
          issues: [{ path: '/attachments', code: 'too_many', params: { limit: MAX_ATTACHMENTS_PER_REQUEST } }],
        });
      }
      const now = new Date();
      const attachment: RequestAttachmentView = {
        id: randomUUID(),
        filename: safeFilename(input.filename),
        contentType: type,
        size: input.data.length,
        sha256: sha256(input.data),
        addedBy: ctx.actor.participant,
        createdAt: now.toISOString(),
      };
      await tx
        .insertInto('request_attachments')
        .values({
          id: attachment.id,
          request_id: requestId,
          filename: attachment.filename,
          content_type: type,
          size: attachment.size,
          sha256: attachment.sha256,
          data: input.data,
          added_by: ctx.actor.participant,
          created_by: ctx.actor.id,
          created_at: now,
        })
        .execute();
      await auditSuccess(tx, ctx, {
        action: 'request.attachment.create',
        resourceType: 'request',
        resourceId: requestId,
        detail: { attachment: attachment.id, size: attachment.size, contentType: type, sha256: attachment.sha256 },
      });
      return attachment;
    });
  });
}

export async function getRequestAttachment(ctx: StoreContext, requestId: string, attachmentId: string) {
  return withFailureAudit(ctx, { action: 'request.attachment.read', resourceType: 'request', resourceId: requestId }, async () => {
    requirePermission(ctx, 'record.read');
    await partyRequest(ctx.db, ctx.actor, requestId);
    const row = UUID.test(attachmentId)
      ? await ctx.db
          .selectFrom('request_attachments')
          .select(['filename', 'content_type', 'data', 'sha256'])
          .where('id', '=', attachmentId)
          .where('request_id', '=', requestId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw new AppError('not_found', { params: { id: attachmentId } });
    await auditSuccess(ctx.db, ctx, {
      action: 'request.attachment.read',
      resourceType: 'request',
      resourceId: requestId,
      resultCount: 1,
      detail: { attachment: attachmentId },
    });
    return { filename: row.filename, contentType: row.content_type, data: row.data, sha256: row.sha256 };
  });
}
