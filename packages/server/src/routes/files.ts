import type { FastifyInstance, FastifyReply } from 'fastify';
import { MAX_REQUEST_ATTACHMENT_BYTES, REQUEST_ATTACHMENT_TYPES } from '../store/request-attachments.ts';

/** A `Content-Disposition` that makes the browser save the file under its own name, in any script. */
export const download = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Takes the body of a document upload (a request's file, a group's document) as the bytes sent, up to the documents' limit. */
export function acceptDocuments(app: FastifyInstance): void {
  app.addContentTypeParser([...REQUEST_ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_REQUEST_ATTACHMENT_BYTES }, (_request, body, done) =>
    done(null, body),
  );
}

/** Sends a stored document as a download, never shown in the page, with its digest for the receiver to check. */
export function sendDocument(reply: FastifyReply, file: { filename: string; contentType: string; data: Uint8Array; sha256: string }) {
  return reply
    .type(file.contentType)
    .header('content-disposition', download(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
    .send(Buffer.from(file.data));
}
