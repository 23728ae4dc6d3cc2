import { createPublicKey, type KeyObject } from 'node:crypto';
import { FederationEnvelope, recordSubject, refusal, type Actor } from '@svod/core';
import { sql } from 'kysely';
import type { Db, RecordRow, Tx } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { appendAudit } from '../store/audit.ts';
import { fileMatchKeys } from '../store/match-keys.ts';
import { compileAsserter, createAjv } from '../validation/ajv.ts';
import { MAX_DELIVERIES, type BusMessage, type Verdict } from './bus.ts';
import { signatureHolds } from './envelope.ts';

/** The central bank's hand when it files what a national node sent: the node's state speaks through it. */
const federationActor = (state: string): Actor => ({
  kind: 'system',
  id: `svod-federation-${state.toLowerCase()}`,
  name: `svod federation ${state}`,
  participant: 'BKBOP',
  role: 'supervisor',
});

const readEnvelope = compileAsserter<FederationEnvelope>(createAjv(), FederationEnvelope);

/** A message read and checked, or why it cannot be applied. */
type Checked = { envelope: FederationEnvelope } | { dead: string; state: string | null };

/** What checking a batch needs from the store, read once per batch: the nodes' keys and the agencies' states. */
interface Registers {
  keys: Map<string, KeyObject>;
  states: Map<string, string | null>;
}

async function registers(db: Db): Promise<Registers> {
  const [nodes, participants] = await Promise.all([
    db.selectFrom('federation_nodes').select(['state', 'public_key']).execute(),
    db.selectFrom('participants').select(['code', 'state']).execute(),
  ]);
  return {
    keys: new Map(nodes.map((n) => [n.state.trim(), createPublicKey(n.public_key)])),
    states: new Map(participants.map((p) => [p.code, p.state?.trim() ?? null])),
  };
}

/**
 * Whether a message may be applied: readable, signed by the key registered for its state, on the
 * subject of its record, under its own id, and about a record of that state's agencies. Anything
 * else is a dead letter at once: sending it again cannot mend it.
 */
async function check(message: BusMessage, { keys, states }: Registers): Promise<Checked> {
  let envelope: FederationEnvelope;
  try {
    envelope = readEnvelope(JSON.parse(new TextDecoder().decode(message.data)));
  } catch {
    return { dead: 'unreadable', state: null };
  }
  const { state, record } = envelope;
  const key = keys.get(state);
  if (!key) return { dead: 'unknown_node', state };
  if (!(await signatureHolds(envelope, key))) return { dead: 'bad_signature', state };
  if (message.id !== null && message.id !== envelope.id) return { dead: 'id_mismatch', state };
  if (message.subject !== recordSubject(state, record.id)) return { dead: 'wrong_subject', state };
  const refused = refusal(envelope, states.get(record.owner));
  return refused ? { dead: refused, state } : { envelope };
}

/** A message the bank will not apply, and why: kept for administrators with its bytes, and audited. */
async function setAside(db: Db, message: BusMessage, reason: string, state: string | null): Promise<Verdict> {
  await db
    .insertInto('federation_dead_letters')
    .values({
      received_at: new Date(),
      subject: message.subject,
      message_id: message.id,
      state,
      reason,
      deliveries: message.deliveries,
      payload: new TextDecoder().decode(message.data).slice(0, 1_000_000),
    })
    .execute();
  await appendAudit(db, {
    actor: federationActor(state ?? 'XX'),
    action: 'federation.reject',
    outcome: 'failure',
    purpose: 'federation',
    resourceType: 'federation_message',
    ...(message.id ? { resourceId: message.id } : {}),
    detail: { reason, subject: message.subject },
  });
  return 'dead';
}

const rowOf = (envelope: FederationEnvelope) => {
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
    updated_by: `federation:${state}`,
    updated_at: new Date(record.updatedAt),
  };
};

/**
 * Files the records of a batch in one transaction: each only when newer than the version the
 * bank holds (an older or equal one changes nothing, so a message delivered twice is applied
 * once), with their match keys, the states' last contact, and one audit entry naming them.
 */
async function fileBatch(tx: Tx, envelopes: readonly FederationEnvelope[]): Promise<void> {
  // The newest version of each record in the batch: an older one in the same batch changes nothing.
  const newest = new Map<string, FederationEnvelope>();
  for (const envelope of envelopes) {
    const other = newest.get(envelope.record.id);
    if (!other || other.record.version < envelope.record.version) newest.set(envelope.record.id, envelope);
  }
  const ids = [...newest.keys()];
  // Locked in one order, so that two batches filed at once wait for each other instead of deadlocking.
  const held = new Map(
    (await tx.selectFrom('records').select(['id', 'version', 'owner']).where('id', 'in', ids).orderBy('id').forUpdate().execute()).map((row) => [
      row.id,
      row,
    ]),
  );
  const inserts: FederationEnvelope[] = [];
  const updates: FederationEnvelope[] = [];
  for (const envelope of newest.values()) {
    const row = held.get(envelope.record.id);
    if (!row) inserts.push(envelope);
    else if (row.version < envelope.record.version) {
      if (row.owner !== envelope.record.owner) throw new OwnerChanged(envelope.record.id);
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
  for (const e of updates)
    changed.push((await tx.updateTable('records').set(rowOf(e)).where('id', '=', e.record.id).returningAll().executeTakeFirstOrThrow())!);
  await fileMatchKeys(tx, changed);

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
  const filed = [...written, ...changed];
  if (filed.length > 0) {
    await appendAudit(tx, {
      actor: federationActor([...byState.keys()].join('+')),
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

class OwnerChanged extends Error {
  constructor(readonly recordId: string) {
    super('owner_changed');
  }
}

/**
 * Applies a batch of messages from the national nodes at the central bank: what fails its checks
 * is set aside, the rest is filed in one transaction. Should the transaction fail, the batch is
 * applied a message at a time, so that one bad record (a national reference another record of its
 * owner already has) is set aside alone. A failure of the bank's own (its database away) is
 * tried again, and set aside after `MAX_DELIVERIES`.
 */
export async function applyBatch(db: Db, messages: readonly BusMessage[]): Promise<Verdict[]> {
  const known = await registers(db);
  const checked = await Promise.all(messages.map((message) => check(message, known)));
  const verdicts: Verdict[] = [];
  const good: FederationEnvelope[] = [];
  for (const [i, result] of checked.entries()) {
    if ('dead' in result) verdicts[i] = await setAside(db, messages[i]!, result.dead, result.state);
    else good.push(result.envelope);
  }
  if (good.length === 0) return verdicts;
  try {
    await db.transaction().execute((tx) => fileBatch(tx, good));
    checked.forEach((result, i) => {
      if (!('dead' in result)) verdicts[i] = 'applied';
    });
    return verdicts;
  } catch (error) {
    if (good.length > 1) {
      for (const [i, result] of checked.entries()) if (!('dead' in result)) verdicts[i] = (await applyBatch(db, [messages[i]!]))[0]!;
      return verdicts;
    }
    const i = checked.findIndex((result) => !('dead' in result));
    const message = messages[i]!;
    const state = good[0]!.state;
    if (error instanceof OwnerChanged) verdicts[i] = await setAside(db, message, 'owner_changed', state);
    else if (isUniqueViolation(error)) verdicts[i] = await setAside(db, message, 'duplicate_reference', state);
    else if (message.deliveries >= MAX_DELIVERIES) verdicts[i] = await setAside(db, message, `failed: ${String(error)}`.slice(0, 500), state);
    else verdicts[i] = 'retry';
    return verdicts;
  }
}

/** One message on its own: a redelivery, or a test's. */
export const applyMessage = async (db: Db, message: BusMessage): Promise<Verdict> => (await applyBatch(db, [message]))[0]!;
