import { createHash } from 'node:crypto';
import { envelopeSubject, historyOrder, type AttachmentEnvelope, type FederatedRequest, type HistoryEntry, type RequestEnvelope } from '@svod/core';
import type { Tx } from '../db/database.ts';
import { jsonColumn } from '../db/columns.ts';
import { appendAudit } from '../store/audit.ts';
import { recordEvent } from '../store/events.ts';
import { documentType } from '../store/request-attachments.ts';
import { participantStates } from '../store/participants.ts';
import { appendHistory, requestEventPayload, told, type RequestRow } from '../store/requests.ts';
import { federationActor, setAside, Unfileable } from './inbound.ts';
import { envelopeBytes } from './envelope.ts';
import { queueItem } from './outbox.ts';

/**
 * Who files a request that came over the bus. The bank keeps the first of two steps that crossed
 * (both sides moved the request at once) and passes each change on to both parties' nodes; a
 * state's node takes the bank's word.
 */
export type RequestFiler = 'central' | 'national';

const at = (instant: string | null) => (instant === null ? null : new Date(instant));

/** The columns every node holds alike; when reminded and escalated stay each node's own. */
const columnsOf = (request: FederatedRequest) => ({
  type: request.type,
  sender: request.sender,
  recipient: request.recipient,
  priority: request.priority,
  subject: request.subject,
  content: JSON.stringify(request.content),
  state: request.state,
  registration_number: request.registrationNumber,
  assignee: request.assignee,
  updated_at: new Date(request.updatedAt),
  sent_at: new Date(request.sentAt),
  received_at: at(request.receivedAt),
  deadline_at: at(request.deadlineAt),
  remind_at: at(request.remindAt),
  answered_at: at(request.answeredAt),
});

async function heldHistory(tx: Tx, requestId: string): Promise<HistoryEntry[]> {
  const rows = await tx.selectFrom('request_history').select('entry').where('request_id', '=', requestId).orderBy('seq').execute();
  return rows.map((row) => jsonColumn<HistoryEntry>(row.entry));
}

/** Both sides' officers hear of the change as they would of one made here, and the audit trail says who sent it. */
async function noteChange(tx: Tx, row: RequestRow, before: RequestRow, from: string, steps: readonly HistoryEntry[]): Promise<void> {
  for (const { participants, type } of told(row, before))
    await recordEvent(tx, participants, type, { ...requestEventPayload(row), action: steps.at(-1)?.action ?? 'send' });
  await appendAudit(tx, {
    actor: federationActor(from, steps.at(-1)?.actor.participant ?? row.sender),
    action: 'request.transition',
    outcome: 'success',
    purpose: 'federation',
    resourceType: 'request',
    resourceId: row.id,
    detail: { from: before.state, to: row.state, steps: steps.map((step) => step.action) },
  });
}

/**
 * At the bank: a step that crossed one the bank already holds is not filed. It is kept for the
 * administrators as a dead letter, and its node takes the bank's history when it comes down.
 */
const noteCrossed = (tx: Tx, envelope: RequestEnvelope) =>
  setAside(
    tx,
    { subject: envelopeSubject(envelope, 'up'), id: envelope.id, data: envelopeBytes(envelope), deliveries: 1 },
    'request_crossed',
    envelope.state,
    federationActor(envelope.state, envelope.request.sender),
  );

/**
 * At the bank: a node speaks for its own state's officers, so a step new to the bank in the other
 * side's name must come from the other side's node. The delivery is the one step the sender's
 * node writes in the recipient's name.
 */
function refuseStepsOfAnotherState(states: ReadonlyMap<string, string | null>, from: string, steps: readonly HistoryEntry[]): void {
  if (steps.some((step) => step.action !== 'acknowledge' && states.get(step.actor.participant) !== from))
    throw new Unfileable('step_of_another_state');
}

/**
 * Files requests' changes in the order they came (a later one of a batch builds on the one
 * before): a request new here whole, a change that goes on from the history held with its new
 * steps; a change this node already went past, or holds, changes nothing.
 */
export async function fileRequests(tx: Tx, envelopes: readonly RequestEnvelope[], filer: RequestFiler): Promise<void> {
  if (envelopes.length === 0) return;
  const states = filer === 'central' ? await participantStates(tx) : null;
  for (const envelope of envelopes) {
    const { request, state: from } = envelope;
    const held = await tx.selectFrom('requests').selectAll().where('id', '=', request.id).forUpdate().executeTakeFirst();
    if (!held) {
      if (states) refuseStepsOfAnotherState(states, from, request.history);
      const row = await tx
        .insertInto('requests')
        .values({
          id: request.id,
          ...columnsOf(request),
          version: request.version,
          created_by: request.createdBy,
          created_at: new Date(request.createdAt),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (const entry of request.history) await appendHistory(tx, row.id, entry);
      if (filer === 'central') await queueItem(tx, 'request', row.id);
      await noteChange(tx, row, { ...row, received_at: null }, from, request.history);
      continue;
    }
    // A request's sender never changes, and its recipient only within the recipient's state (a forward).
    if (held.sender !== request.sender) throw new Unfileable('parties_changed');
    const order = historyOrder(await heldHistory(tx, request.id), request.history);
    if (order.order === 'same' || order.order === 'older') continue;
    if (order.order === 'crossed' && filer === 'central') {
      await noteCrossed(tx, envelope);
      continue;
    }
    if (states) refuseStepsOfAnotherState(states, from, order.added);
    const deadlineMoved = held.deadline_at?.valueOf() !== at(request.deadlineAt)?.valueOf();
    const row = await tx
      .updateTable('requests')
      .set({
        ...columnsOf(request),
        // Never backwards: the node's own steps counted on, whatever the bank's count.
        version: Math.max(held.version, request.version),
        ...(deadlineMoved ? { reminded_at: null, escalated_at: null } : {}),
      })
      .where('id', '=', request.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const entry of order.added) await appendHistory(tx, row.id, entry);
    if (filer === 'central') await queueItem(tx, 'request', row.id);
    await noteChange(tx, row, held, from, order.added);
  }
}

/**
 * Files the parts of requests' files: each part is kept until the file's last is in, then the
 * file is filed whole if its size, SHA-256 and first bytes hold, and its parts dropped. A part of
 * a file whose request has not come yet waits for a redelivery.
 */
export async function fileAttachmentParts(tx: Tx, envelopes: readonly AttachmentEnvelope[], filer: RequestFiler): Promise<void> {
  for (const { attachment, state: from } of envelopes) {
    const request = await tx.selectFrom('requests').select(['id', 'sender', 'recipient']).where('id', '=', attachment.requestId).executeTakeFirst();
    // Not a dead letter: the request is on its way (its message may be behind this one), and the consumer delivers this one again.
    if (!request) throw new Error(`the request ${attachment.requestId} of the file ${attachment.id} has not come yet`);
    if (attachment.addedBy !== request.sender && attachment.addedBy !== request.recipient) throw new Unfileable('not_a_party');
    if (await tx.selectFrom('request_attachments').select('id').where('id', '=', attachment.id).executeTakeFirst()) continue;
    if (attachment.part >= attachment.parts) throw new Unfileable('bad_part');
    await tx
      .insertInto('federation_file_parts')
      .values({
        attachment_id: attachment.id,
        part: attachment.part,
        parts: attachment.parts,
        data: Buffer.from(attachment.data, 'base64'),
        received_at: new Date(),
      })
      .onConflict((oc) => oc.columns(['attachment_id', 'part']).doNothing())
      .execute();
    const parts = await tx
      .selectFrom('federation_file_parts')
      .select(['part', 'data'])
      .where('attachment_id', '=', attachment.id)
      .orderBy('part')
      .execute();
    if (parts.length < attachment.parts) continue;
    const data = Buffer.concat(parts.map((p) => Buffer.from(p.data)));
    if (data.length !== attachment.size || createHash('sha256').update(data).digest('hex') !== attachment.sha256)
      throw new Unfileable('file_corrupt');
    try {
      documentType({ filename: attachment.filename, contentType: attachment.contentType, data });
    } catch {
      throw new Unfileable('file_type_refused');
    }
    await tx
      .insertInto('request_attachments')
      .values({
        id: attachment.id,
        request_id: attachment.requestId,
        filename: attachment.filename,
        content_type: attachment.contentType,
        size: attachment.size,
        sha256: attachment.sha256,
        data,
        added_by: attachment.addedBy,
        created_by: attachment.createdBy,
        created_at: new Date(attachment.createdAt),
      })
      .execute();
    await tx.deleteFrom('federation_file_parts').where('attachment_id', '=', attachment.id).execute();
    if (filer === 'central') await queueItem(tx, 'attachment', attachment.id);
    await appendAudit(tx, {
      actor: federationActor(from, attachment.addedBy),
      action: 'request.attachment.create',
      outcome: 'success',
      purpose: 'federation',
      resourceType: 'request',
      resourceId: attachment.requestId,
      detail: { attachment: attachment.id, filename: attachment.filename, size: attachment.size, sha256: attachment.sha256 },
    });
  }
}
