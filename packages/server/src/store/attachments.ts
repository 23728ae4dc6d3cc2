import { randomUUID } from 'node:crypto';
import { AppError } from '@svod/core';
import { bytesAre, safeFilename } from '../security/file-signatures.ts';
import { sha256 } from '../security/tokens.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { readAccess, visibleTo } from './access.ts';
import { loadVisible } from './records.ts';

/** Photos and scanned documents; anything else is refused so attachments cannot carry active content. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const MAX_ATTACHMENTS_PER_RECORD = 20;

export interface AttachmentInput {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export async function addAttachment(ctx: StoreContext, recordId: string, input: AttachmentInput) {
  return withFailureAudit(ctx, { action: 'attachment.create', resourceType: 'record', resourceId: recordId }, async () => {
    requirePermission(ctx, 'record.write');
    const type = input.contentType as (typeof ATTACHMENT_TYPES)[number];
    if (!ATTACHMENT_TYPES.includes(type)) throw new AppError('unsupported_media_type', { params: { allowed: ATTACHMENT_TYPES.join(', ') } });
    if (!bytesAre(type, input.data)) {
      throw new AppError('validation_failed', { issues: [{ path: '/body', code: 'bad_format', params: { format: type } }] });
    }
    if (input.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large');
    return ctx.db.transaction().execute(async (tx) => {
      const record = await loadVisible(tx, ctx.actor.participant, recordId, true);
      if (record.owner !== ctx.actor.participant) throw new AppError('forbidden');
      const { count } = await tx
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('record_id', '=', recordId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= MAX_ATTACHMENTS_PER_RECORD) {
        throw new AppError('validation_failed', {
          issues: [{ path: '/attachments', code: 'too_many', params: { limit: MAX_ATTACHMENTS_PER_RECORD } }],
        });
      }
      const id = randomUUID();
      const filename = safeFilename(input.filename);
      await tx
        .insertInto('attachments')
        .values({
          id,
          record_id: recordId,
          filename,
          content_type: type,
          size: input.data.length,
          sha256: sha256(input.data),
          data: input.data,
          created_by: ctx.actor.id,
        })
        .execute();
      await auditSuccess(tx, ctx, {
        action: 'attachment.create',
        resourceType: 'record',
        resourceId: recordId,
        detail: { attachment: id, size: input.data.length, contentType: type },
      });
      return { id, filename, contentType: type, size: input.data.length };
    });
  });
}

export async function getAttachment(ctx: StoreContext, recordId: string, attachmentId: string) {
  return withFailureAudit(ctx, { action: 'attachment.read', resourceType: 'record', resourceId: recordId }, async () => {
    requirePermission(ctx, 'record.read');
    const row = await ctx.db
      .selectFrom('attachments')
      .innerJoin('records', 'records.id', 'attachments.record_id')
      .select(['attachments.id', 'attachments.filename', 'attachments.content_type', 'attachments.data'])
      .where('attachments.id', '=', attachmentId)
      .where('attachments.record_id', '=', recordId)
      .where(visibleTo(await readAccess(ctx.db, ctx.actor.participant)))
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', { params: { id: attachmentId } });
    await auditSuccess(ctx.db, ctx, {
      action: 'attachment.read',
      resourceType: 'record',
      resourceId: recordId,
      resultCount: 1,
      detail: { attachment: attachmentId },
    });
    return { filename: row.filename, contentType: row.content_type, data: row.data };
  });
}
