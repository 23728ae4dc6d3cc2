import type { FederatedHit, HitEnvelope } from '@svod/core';
import type { HitRow, Tx } from '../db/database.ts';
import { appendAudit } from '../store/audit.ts';
import { recordEvent } from '../store/events.ts';
import { hitEventPayload } from '../store/hits.ts';
import { federationActor, Unfileable } from './inbound.ts';
import { queueItem } from './outbox.ts';

/** The latest change of each hit in a batch: an earlier one in the same batch changes nothing. */
function latest(envelopes: readonly HitEnvelope[]): FederatedHit[] {
  const newest = new Map<string, HitEnvelope>();
  for (const e of envelopes) {
    const other = newest.get(e.hit.id);
    if (!other || other.hit.updatedAt < e.hit.updatedAt) newest.set(e.hit.id, e);
  }
  return [...newest.values()].map((e) => e.hit);
}

async function heldHits(tx: Tx, hits: readonly FederatedHit[]): Promise<Map<string, HitRow>> {
  if (hits.length === 0) return new Map();
  const rows = await tx
    .selectFrom('hits')
    .selectAll()
    .where(
      'id',
      'in',
      hits.map((h) => h.id),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

const isNewer = (hit: FederatedHit, row: HitRow) => Date.parse(hit.updatedAt) > new Date(row.updated_at).getTime();

/** What the owner's answer changes: the answer itself, or the deadline moved on when more time was asked. */
const answerOf = (hit: FederatedHit) => ({
  status: hit.status,
  outcome: hit.outcome,
  deadline_at: new Date(hit.deadline),
  answered_at: hit.answeredAt ? new Date(hit.answeredAt) : null,
  answered_by: hit.answeredBy,
  answer_note: hit.answerNote,
  updated_at: new Date(hit.updatedAt),
});

const answerWord = (row: HitRow) => (row.status === 'confirmed' ? 'confirm' : row.status === 'denied' ? 'deny' : 'more_time');

async function noteAnswer(tx: Tx, row: HitRow, from: string): Promise<void> {
  await recordEvent(tx, [row.owner, row.requester], 'hit.answered', { ...hitEventPayload(row), answer: answerWord(row) });
  await appendAudit(tx, {
    actor: federationActor(from, row.owner),
    action: 'hit.answer',
    outcome: 'success',
    purpose: 'federation',
    resourceType: 'hit',
    resourceId: row.id,
    detail: { answer: answerWord(row), outcome: row.outcome, note: row.answer_note },
  });
}

/**
 * At the central bank: the owner's node answered a hit the bank opened. The first answer stands,
 * as it does when two officers answer at once; the requester is told, and the bank sends nothing
 * back down (the node has it).
 */
export async function fileAnswersAtBank(tx: Tx, envelopes: readonly HitEnvelope[]): Promise<void> {
  const hits = latest(envelopes);
  const held = await heldHits(tx, hits);
  const stateOf = new Map(envelopes.map((e) => [e.hit.id, e.state]));
  for (const hit of hits) {
    const row = held.get(hit.id);
    if (!row) throw new Unfileable('unknown_hit');
    if (row.status !== 'open' || !isNewer(hit, row)) continue;
    // The record whole, for the requester of a confirmed hit: the owner's node decided the agreement covers it.
    const disclosed = hit.status === 'confirmed' && hit.disclosed?.id === row.record_id && hit.disclosed.owner === row.owner ? hit.disclosed : null;
    const answered = await tx
      .updateTable('hits')
      .set({ ...answerOf(hit), ...(disclosed ? { disclosed: JSON.stringify(disclosed.content) } : {}) })
      .where('id', '=', hit.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Filed from the bus, the answer queues nothing by itself: queued here, it goes down to the requester's node.
    await queueItem(tx, 'hit', hit.id);
    await noteAnswer(tx, answered, stateOf.get(hit.id)!);
  }
}

/**
 * At a national node: a hit the central bank opened on one of the state's records, to answer
 * here (a node's officers never see the bank's console), or a later change of it, reaching the
 * owner's officers on their event stream as a hit opened here would; or the answer to a hit of
 * one of the state's checks, which reaches the requester's officers as an event.
 */
export async function fileHitsAtNode(tx: Tx, envelopes: readonly HitEnvelope[], ownsHere: (participant: string) => boolean): Promise<void> {
  const all = latest(envelopes);
  // A hit of this state's check on another state's record: the officers are told its answer; the
  // record stays at the bank (records travel to the bank, never sideways).
  for (const hit of all.filter((h) => !ownsHere(h.owner) && h.status !== 'open'))
    await recordEvent(tx, [hit.requester], 'hit.answered', {
      hit: hit.id,
      record: hit.recordId,
      owner: hit.owner,
      requester: hit.requester,
      status: hit.status,
      deadline: hit.deadline,
      subjectHeld: hit.subjectHeld,
      answer: hit.status === 'confirmed' ? 'confirm' : 'deny',
      outcome: hit.outcome,
    });
  const hits = all.filter((h) => ownsHere(h.owner));
  const held = await heldHits(tx, hits);
  for (const hit of hits) {
    const row = held.get(hit.id);
    if (row && !isNewer(hit, row)) continue;
    if (row) {
      const changed = await tx.updateTable('hits').set(answerOf(hit)).where('id', '=', hit.id).returningAll().executeTakeFirstOrThrow();
      if (changed.status !== row.status) await noteAnswer(tx, changed, 'central');
      continue;
    }
    const record = await tx.selectFrom('records').select('id').where('id', '=', hit.recordId).executeTakeFirst();
    if (!record) throw new Unfileable('unknown_record');
    const created = await tx
      .insertInto('hits')
      .values({
        id: hit.id,
        record_id: hit.recordId,
        owner: hit.owner,
        requester: hit.requester,
        requested_by: 'federation:central',
        requested_by_name: hit.requestedBy,
        probability: hit.probability,
        subject_held: hit.subjectHeld,
        query: JSON.stringify(hit.query ?? null),
        origin: 'central',
        created_at: new Date(hit.createdAt),
        ...answerOf(hit),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, [created.owner], 'hit.created', hitEventPayload(created));
    await appendAudit(tx, {
      actor: federationActor('central', created.owner),
      action: 'hit.create',
      outcome: 'success',
      purpose: 'federation',
      resourceType: 'hit',
      resourceId: created.id,
      detail: { record: created.record_id, owner: created.owner, requester: created.requester, subjectHeld: created.subject_held },
    });
  }
}
