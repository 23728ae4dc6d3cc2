import {
  COORDINATING_BODY,
  bankSubject,
  envelopeSubject,
  hitSubject,
  recordSubject,
  requestSubject,
  type FederatedRegistry,
  type FederationEnvelope,
} from '@svod/core';
import { sql } from 'kysely';
import type { Db, HitRow, RecordRow } from '../db/database.ts';
import { queueRegistry } from './outbox.ts';
import { readAccess, reads } from '../store/access.ts';
import { hitOnlyCategories } from './disclosure.ts';
import { listParticipants, participantStates } from '../store/participants.ts';
import { readRegister } from '../store/agreements.ts';
import { writeSetting } from '../store/settings.ts';
import type { SigningKey } from '../security/signing-key.ts';
import type { FederationBus, Published } from './bus.ts';
import { federationActor, setAside } from './inbound.ts';
import { attachmentEnvelopes, envelopeBytes, federatedRequest, hitEnvelope, recordEnvelope, registryEnvelope, requestEnvelope } from './envelope.ts';
import { registeredStates } from './nodes.ts';

/** Changes sent in one round: published together, acknowledged together. */
const BATCH = 500;
/** How often an idle node looks at its outbox: the bound on a record's wait before it leaves. */
const IDLE_POLL_MS = 50;
const BACKOFF_MS = [200, 500, 1000, 2000, 5000];
/** The setting the outbox triggers read (migrations `…federation`, `…federation-flows`): what this store queues follows from it. */
const ROLE_SETTING = 'federation.role';
/** When the node's bus last stored a batch: the status's `lastSentAt`. */
export const LAST_SENT_SETTING = 'federation.last_sent_at';

/**
 * Who sends: a state's node (its records, its answers to the bank's hits, its requests' steps
 * and files, up) or the central bank (hits, the register, requests' steps and files, down).
 */
export type Sender = { role: 'national'; state: string } | { role: 'central' };

/**
 * Marks the store as a federated node, so that from now on every change the other side needs is
 * queued in the writing transaction: a national node's record changes and answers; the bank's
 * hits and register. The bank queues its register once at start, for nodes registered before.
 */
export async function becomeFederated(db: Db, role: Sender['role']): Promise<void> {
  await writeSetting(db, ROLE_SETTING, role);
  if (role === 'central') await queueRegistry(db);
}

/** Stops queueing (a node that is no longer federated); what is queued stays until sent. */
export async function stopBeingFederated(db: Db): Promise<void> {
  await db.deleteFrom('settings').where('name', '=', ROLE_SETTING).execute();
}

interface Outgoing {
  subject: string;
  envelope: FederationEnvelope;
}

/** The register as the bank keeps it, whole: small (tens of agencies, hundreds of agreements), so sent whole. */
async function registry(db: Db): Promise<FederatedRegistry> {
  return { participants: await listParticipants(db), agreements: await readRegister(db) };
}

/**
 * The record a confirmed hit discloses whole to its requester: one the node shares as hit / no
 * hit, and only where an agreement in force and the record's distribution let the requester read it.
 */
async function disclosedWith(db: Db, hit: HitRow, hitOnly: ReadonlySet<string>): Promise<RecordRow | undefined> {
  if (hit.status !== 'confirmed') return undefined;
  const record = await db.selectFrom('records').selectAll().where('id', '=', hit.record_id).executeTakeFirst();
  if (!record || !hitOnly.has(record.category)) return undefined;
  return reads(await readAccess(db, hit.requester), record) ? record : undefined;
}

type Queued = { kind: string; item_id: string | null };

/** The things of one kind a batch of the outbox names, each once. */
const queuedIds = (queued: readonly Queued[], kind: string) => [
  ...new Set(queued.filter((q) => q.kind === kind && q.item_id).map((q) => q.item_id!)),
];

/**
 * The messages a batch of the outbox makes, each thing once at its present state: a node's
 * records, answers and requests for the bank; the bank's hits for the owner's node (none where
 * the owner's state has no node), requests for both parties' nodes, and the register for every
 * node. Files go apart (`publishFiles`).
 */
async function outgoing(db: Db, queued: readonly Queued[], sender: Sender, key: SigningKey): Promise<Outgoing[]> {
  const idsOf = (kind: string) => queuedIds(queued, kind);
  const out: Outgoing[] = [];
  const recordIds = idsOf('record');
  const hitOnly = sender.role === 'national' ? new Set<string>(await hitOnlyCategories(db)) : new Set<string>();
  if (sender.role === 'national' && recordIds.length > 0) {
    for (const row of await db.selectFrom('records').selectAll().where('id', 'in', recordIds).execute())
      out.push({
        subject: recordSubject(sender.state, row.id),
        envelope: recordEnvelope(row, sender.state, key, hitOnly.has(row.category) ? 'hit' : 'full'),
      });
  }
  const hitIds = idsOf('hit');
  if (hitIds.length > 0) {
    const hits = await db
      .selectFrom('hits')
      .innerJoin('participants as o', 'o.code', 'hits.owner')
      .innerJoin('participants as r', 'r.code', 'hits.requester')
      .selectAll('hits')
      .select(['o.state as owner_state', 'r.state as requester_state'])
      .where('hits.id', 'in', hitIds)
      .execute();
    const nodes = sender.role === 'central' ? new Set(await registeredStates(db)) : null;
    for (const { owner_state, requester_state, ...hit } of hits) {
      if (sender.role === 'national') {
        out.push({ subject: hitSubject(sender.state, hit.id), envelope: hitEnvelope(hit, sender.state, key, await disclosedWith(db, hit, hitOnly)) });
        continue;
      }
      // To the owner's node, to answer; to the requester's, to be told the answer.
      const addressees = new Set([owner_state?.trim(), requester_state?.trim()].filter((state): state is string => !!state && nodes!.has(state)));
      for (const state of addressees) out.push({ subject: bankSubject(state, 'hits', hit.id), envelope: hitEnvelope(hit, state, key) });
    }
  }
  const requestIds = idsOf('request');
  if (requestIds.length > 0) {
    const parties = sender.role === 'central' ? await partyStates(db) : null;
    for (const row of await db.selectFrom('requests').selectAll().where('id', 'in', requestIds).execute()) {
      const request = await federatedRequest(db, row);
      if (sender.role === 'national')
        out.push({ subject: requestSubject(sender.state, row.id), envelope: requestEnvelope(request, sender.state, key) });
      else
        for (const state of parties!(row))
          out.push({ subject: bankSubject(state, 'requests', row.id), envelope: requestEnvelope(request, state, key) });
    }
  }
  if (sender.role === 'central' && queued.some((q) => q.kind === 'registry')) {
    const register = await registry(db);
    for (const state of await registeredStates(db))
      out.push({ subject: bankSubject(state, 'registry', 'current'), envelope: registryEnvelope(register, state, key) });
  }
  return out;
}

/**
 * The states with a node whose agencies are party to a request, but that of `except` (the agency
 * a file came from): the bank sends the request's changes and files there.
 */
async function partyStates(db: Db): Promise<(request: { sender: string; recipient: string }, except?: string) => string[]> {
  const [states, nodes] = await Promise.all([participantStates(db), registeredStates(db)]);
  return (request, except) => {
    const skipped = except ? states.get(except) : undefined;
    return [...new Set([states.get(request.sender), states.get(request.recipient)])].filter(
      (state): state is string => !!state && nodes.includes(state) && state !== skipped,
    );
  };
}

/**
 * Sends the queued files of sent requests, one file at a time (a file is up to 10 MiB), each in
 * parts: up to the bank from a node, down to the parties' nodes from the bank. A part's subject
 * is written once, so no later version can stand behind it.
 */
async function publishFiles(db: Db, bus: FederationBus, ids: readonly string[], sender: Sender, key: SigningKey): Promise<void> {
  const parties = sender.role === 'central' && ids.length > 0 ? await partyStates(db) : null;
  for (const id of ids) {
    const row = await db
      .selectFrom('request_attachments')
      .innerJoin('requests', 'requests.id', 'request_attachments.request_id')
      .selectAll('request_attachments')
      .select(['requests.sender', 'requests.recipient'])
      .where('request_attachments.id', '=', id)
      .where('requests.sent_at', 'is not', null)
      .executeTakeFirst();
    if (!row) continue;
    // The bank does not send a file back to the node it came from.
    const states = sender.role === 'national' ? [sender.state] : parties!(row, row.added_by);
    for (const state of states)
      await Promise.all(
        attachmentEnvelopes(row, state, key).map((envelope) =>
          bus.publish(envelopeSubject(envelope, sender.role === 'national' ? 'up' : 'down'), envelope.id, envelopeBytes(envelope)),
        ),
      );
  }
}

/** Whether the message the stream holds last on a subject is an earlier state of what this node now sends (the node's own, sent before). */
function holdsEarlier(stored: Uint8Array, ours: FederationEnvelope): boolean {
  try {
    const theirs = JSON.parse(new TextDecoder().decode(stored)) as FederationEnvelope;
    if (ours.type === 'record.changed' && theirs.type === 'record.changed') return theirs.record.version <= ours.record.version;
    if (ours.type === 'hit.changed' && theirs.type === 'hit.changed') return theirs.hit.updatedAt <= ours.hit.updatedAt;
    if (ours.type === 'request.changed' && theirs.type === 'request.changed') return theirs.request.history.length <= ours.request.history.length;
    return false;
  } catch {
    return false;
  }
}

/**
 * Stores one of a national node's messages on its subject unless the stream moved on since the
 * node last wrote it (`known`: the sequence it stored then) to a later state of the same thing —
 * another writer of the state's subjects, or the node itself before its store was restored from
 * a backup. Then null: the change must not be lost silently behind the bank's version order. A
 * message holding an earlier state (the node's own, sent before a crash) is built on.
 *
 * The subject's last message is read, not asserted with JetStream's expected-last-subject-sequence
 * header: nats-server 2.9 checks that header again in the bank's stream that sources the state's,
 * against the bank's own sequences, and the source stops there (measured: the bank stopped
 * receiving the state's messages).
 */
async function publishOnto(bus: FederationBus, message: Outgoing, known: number): Promise<Published | null> {
  if (known > 0) {
    const last = await bus.lastOn(message.subject);
    if (last && last.seq !== known && !holdsEarlier(last.data, message.envelope)) return null;
  }
  return bus.publish(message.subject, message.envelope.id, envelopeBytes(message.envelope));
}

/**
 * Sends one batch of the outbox, signed; the rows go only once the bus has stored every message
 * of the batch. A crash between the two sends the batch again, which the stream drops as
 * duplicates. A national node's message that would come after a later one on its subject is set
 * aside as a dead letter (`subject_conflict`) for its administrators. Returns how many queued
 * changes it took.
 */
export async function publishBatch(db: Db, bus: FederationBus, sender: Sender, key: SigningKey): Promise<number> {
  const queued = await db.selectFrom('federation_outbox').select(['seq', 'kind', 'item_id']).orderBy('seq').limit(BATCH).execute();
  if (queued.length === 0) return 0;
  const messages = await outgoing(db, queued, sender, key);
  if (sender.role === 'central') {
    await Promise.all(messages.map(({ subject, envelope }) => bus.publish(subject, envelope.id, envelopeBytes(envelope))));
  } else {
    const subjects = messages.map((m) => m.subject);
    const known = new Map(
      subjects.length === 0
        ? []
        : (await db.selectFrom('federation_subjects').selectAll().where('subject', 'in', subjects).execute()).map((row) => [
            row.subject,
            Number(row.seq),
          ]),
    );
    const stored = await Promise.all(messages.map((message) => publishOnto(bus, message, known.get(message.subject) ?? 0)));
    const kept = messages.flatMap((message, i) => (stored[i] ? [{ subject: message.subject, seq: stored[i]!.seq }] : []));
    if (kept.length > 0)
      await db
        .insertInto('federation_subjects')
        .values(kept)
        .onConflict((oc) => oc.column('subject').doUpdateSet((eb) => ({ seq: eb.ref('excluded.seq') })))
        .execute();
    for (const [i, message] of messages.entries())
      if (!stored[i])
        await setAside(
          db,
          { subject: message.subject, id: message.envelope.id, data: envelopeBytes(message.envelope), deliveries: 0 },
          'subject_conflict',
          sender.state,
          federationActor(sender.state, COORDINATING_BODY),
        );
  }
  await publishFiles(db, bus, queuedIds(queued, 'attachment'), sender, key);
  const seqs = queued.map((q) => String(q.seq));
  await sql`DELETE FROM federation_outbox WHERE seq = ANY(${seqs}::bigint[])`.execute(db);
  await writeSetting(db, LAST_SENT_SETTING, new Date().toISOString());
  return queued.length;
}

/**
 * A node's sender: works the outbox for as long as the server runs. When the bus is unreachable
 * the changes wait in the outbox, in the node's own database, and go when it is back.
 */
export function startPublishing(db: Db, bus: FederationBus, sender: Sender, key: SigningKey, onError: (error: unknown) => void): () => Promise<void> {
  let running = true;
  let failures = 0;
  const loop = (async () => {
    while (running) {
      try {
        const sent = await publishBatch(db, bus, sender, key);
        failures = 0;
        if (sent === 0) await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
      } catch (error) {
        onError(error);
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]));
      }
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}
