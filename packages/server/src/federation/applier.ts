import type { KeyObject } from 'node:crypto';
import { COORDINATING_BODY, refusal, type FederationEnvelope, type RecordEnvelope } from '@svod/core';
import { sql } from 'kysely';
import type { Db, RecordRow, Tx } from '../db/database.ts';
import { appendAudit } from '../store/audit.ts';
import { fileMatchKeys } from '../store/match-keys.ts';
import { participantStates } from '../store/participants.ts';
import type { BusMessage, Verdict } from './bus.ts';
import { fileAnswersAtBank } from './hit-flow.ts';
import { fileAttachmentParts, fileRequests } from './request-flow.ts';
import { parsedKey } from './nodes.ts';
import { applyChecked, checkSigned, federationActor, ofType, Unfileable, type Checked } from './inbound.ts';

/** The central bank's hand when it files what a national node sent: the node's state speaks through it. */
const bankActor = (state: string | null) => federationActor(state ?? 'XX', COORDINATING_BODY);

/** What checking a batch needs from the store, read once per batch: the nodes' keys and the agencies' states. */
interface Registers {
  keys: Map<string, KeyObject>;
  states: Map<string, string | null>;
}

async function registers(db: Db): Promise<Registers> {
  const [nodes, states] = await Promise.all([db.selectFrom('federation_nodes').select(['state', 'public_key']).execute(), participantStates(db)]);
  return { keys: new Map(nodes.map((n) => [n.state.trim(), parsedKey(n.public_key)])), states };
}

/**
 * Whether the bank may apply a message from a node: signed by the key registered for its state,
 * and about a record of that state's agencies, or answering a hit on one. The register is the
 * bank's to send, never to receive.
 */
async function check(message: BusMessage, { keys, states }: Registers): Promise<Checked> {
  const checked = await checkSigned(message, 'up', (envelope) => keys.get(envelope.state));
  if ('dead' in checked) return checked;
  const { envelope } = checked;
  switch (envelope.type) {
    case 'registry.changed':
      return { dead: 'not_for_the_bank', state: envelope.state };
    case 'request.changed': {
      const { sender, recipient } = envelope.request;
      return [states.get(sender), states.get(recipient)].includes(envelope.state) ? checked : { dead: 'not_a_party_state', state: envelope.state };
    }
    case 'attachment.part': {
      const refused = refusal(envelope, states.get(envelope.attachment.addedBy));
      return refused ? { dead: refused, state: envelope.state } : checked;
    }
    default: {
      const owner = envelope.type === 'record.changed' ? envelope.record.owner : envelope.hit.owner;
      const refused = refusal(envelope, states.get(owner));
      return refused ? { dead: refused, state: envelope.state } : checked;
    }
  }
}

const rowOf = (envelope: RecordEnvelope) => {
  const { record, state } = envelope;
  return {
    owner: record.owner,
    national_ref: record.nationalRef,
    category: record.category,
    status: record.status,
    shared_with_all: record.sharedWithAll,
    shared_with: record.sharedWith,
    content: JSON.stringify(record.content),
    version: record.version,
    cancel_reason: record.cancelReason,
    status_note: record.statusNote,
    disclosure: record.disclosure ?? ('full' as const),
    updated_by: `federation:${state}`,
    updated_at: new Date(record.updatedAt),
  };
};

/**
 * Files the records of a batch in one transaction: each only when newer than the version the
 * bank holds (an older or equal one changes nothing, so a message delivered twice is applied
 * once), with their match keys and one audit entry naming them.
 */
async function fileRecords(tx: Tx, envelopes: readonly RecordEnvelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  // The newest version of each record in the batch: an older one in the same batch changes nothing.
  const newest = new Map<string, RecordEnvelope>();
  for (const envelope of envelopes) {
    const other = newest.get(envelope.record.id);
    if (!other || other.record.version < envelope.record.version) newest.set(envelope.record.id, envelope);
  }
  const ids = [...newest.keys()];
  // Locked in one order, so that two batches filed at once wait for each other instead of deadlocking.
  const held = new Map(
    (await tx.selectFrom('records').select(['id', 'version', 'owner', 'disclosure']).where('id', 'in', ids).orderBy('id').forUpdate().execute()).map(
      (row) => [row.id, row],
    ),
  );
  const inserts: RecordEnvelope[] = [];
  const updates: RecordEnvelope[] = [];
  for (const envelope of newest.values()) {
    const row = held.get(envelope.record.id);
    if (!row) inserts.push(envelope);
    // A newer version; or the same one sent again whole or as reference data, as its state now shares the array.
    else if (
      row.version < envelope.record.version ||
      (row.version === envelope.record.version && row.disclosure !== (envelope.record.disclosure ?? 'full'))
    ) {
      if (row.owner !== envelope.record.owner) throw new Unfileable('owner_changed');
      updates.push(envelope);
    }
  }
  const written: RecordRow[] = [];
  if (inserts.length > 0) {
    written.push(
      ...(await tx
        .insertInto('records')
        .values(inserts.map((e) => ({ id: e.record.id, ...rowOf(e), created_by: `federation:${e.state}`, created_at: new Date(e.record.createdAt) })))
        .returningAll()
        .execute()),
    );
    await fileMatchKeys(tx, written, { fresh: true });
  }
  const changed: RecordRow[] = [];
  for (const e of updates) {
    // Only the disclosure changed: the version is left out, so that no new version is kept. What the
    // bank's history already holds stays there (it is append-only); the state's choice governs what comes from now on.
    const { version, ...sameVersion } = rowOf(e);
    const set = held.get(e.record.id)!.version === version ? sameVersion : { ...sameVersion, version };
    changed.push((await tx.updateTable('records').set(set).where('id', '=', e.record.id).returningAll().executeTakeFirstOrThrow())!);
  }
  await fileMatchKeys(tx, changed);

  const filed = [...written, ...changed];
  if (filed.length > 0) {
    await appendAudit(tx, {
      actor: bankActor([...new Set(envelopes.map((e) => e.state))].join('+')),
      action: 'federation.apply',
      outcome: 'success',
      purpose: 'federation',
      resourceType: 'record',
      ...(filed.length === 1 ? { resourceId: filed[0]!.id } : {}),
      resultCount: filed.length,
      detail: { records: filed.map((row) => `${row.id}:${row.version}`) },
    });
  }
}

/** When the bank last heard from each sending state, and how much it has applied of it: the nodes' lag. */
async function noteContact(tx: Tx, envelopes: readonly FederationEnvelope[]): Promise<void> {
  const byState = new Map<string, { sentAt: string; count: number }>();
  for (const e of envelopes) {
    const seen = byState.get(e.state);
    byState.set(e.state, { sentAt: seen && seen.sentAt > e.sentAt ? seen.sentAt : e.sentAt, count: (seen?.count ?? 0) + 1 });
  }
  const now = new Date();
  for (const [state, { sentAt, count }] of byState) {
    await sql`INSERT INTO federation_received (state, last_applied_at, last_sent_at, applied) VALUES (${state}, ${now}, ${new Date(sentAt)}, ${count})
      ON CONFLICT (state) DO UPDATE SET last_applied_at = EXCLUDED.last_applied_at,
        last_sent_at = GREATEST(federation_received.last_sent_at, EXCLUDED.last_sent_at),
        applied = federation_received.applied + EXCLUDED.applied`.execute(tx);
  }
}

/** Files a batch from the nodes in one transaction: records' changes, answers to the bank's hits, requests' steps and their files. */
async function fileBatch(tx: Tx, envelopes: readonly FederationEnvelope[]): Promise<void> {
  await fileRecords(tx, ofType(envelopes, 'record.changed'));
  await fileAnswersAtBank(tx, ofType(envelopes, 'hit.changed'));
  await fileRequests(tx, ofType(envelopes, 'request.changed'), 'central');
  await fileAttachmentParts(tx, ofType(envelopes, 'attachment.part'), 'central');
  await noteContact(tx, envelopes);
}

/**
 * Applies a batch of messages from the national nodes at the central bank: what fails its checks
 * is set aside, the rest is filed in one transaction (one message at a time should that fail).
 */
export async function applyBatch(db: Db, messages: readonly BusMessage[]): Promise<Verdict[]> {
  const known = await registers(db);
  return applyChecked(db, messages, (message) => check(message, known), fileBatch, bankActor);
}

/** One message on its own: a redelivery, or a test's. */
export const applyMessage = async (db: Db, message: BusMessage): Promise<Verdict> => (await applyBatch(db, [message]))[0]!;
