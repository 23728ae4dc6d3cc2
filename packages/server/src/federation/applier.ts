import { FederationEnvelope, recordSubject, refusal, type Actor } from '@svod/core';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
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

/** Files the record as the node sent it, when it is newer than what the bank holds; an older or equal version changes nothing. */
async function file(tx: Tx, envelope: FederationEnvelope): Promise<'filed' | 'held'> {
  const { record } = envelope;
  const held = await tx.selectFrom('records').select(['version', 'owner']).where('id', '=', record.id).forUpdate().executeTakeFirst();
  if (held && held.version >= record.version) return 'held';
  if (held && held.owner !== record.owner) throw new Error('owner_changed');
  const row = {
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
    updated_by: `federation:${envelope.state}`,
    updated_at: new Date(record.updatedAt),
  };
  const [written] = held
    ? await tx.updateTable('records').set(row).where('id', '=', record.id).returningAll().execute()
    : await tx
        .insertInto('records')
        .values({ id: record.id, ...row, created_by: `federation:${envelope.state}`, created_at: new Date(record.createdAt) })
        .returningAll()
        .execute();
  await fileMatchKeys(tx, [written!], { fresh: !held });
  return 'filed';
}

/**
 * Applies one message from a national node at the central bank. It must be readable, signed by
 * the key registered for its state, on the subject of its record, and about a record of that
 * state's agencies; anything else is set aside as a dead letter at once, since sending it again
 * cannot mend it. A version the bank already holds is acknowledged and changes nothing, so a
 * message delivered twice is applied once. A failure of the bank's own (its database away) is
 * tried again, and set aside after `MAX_DELIVERIES`.
 */
export async function applyMessage(db: Db, message: BusMessage): Promise<Verdict> {
  let envelope: FederationEnvelope;
  try {
    envelope = readEnvelope(JSON.parse(new TextDecoder().decode(message.data)));
  } catch {
    return setAside(db, message, 'unreadable', null);
  }
  const { state, record } = envelope;
  try {
    const node = await db.selectFrom('federation_nodes').select('public_key').where('state', '=', state).executeTakeFirst();
    if (!node) return setAside(db, message, 'unknown_node', state);
    if (!signatureHolds(envelope, node.public_key)) return setAside(db, message, 'bad_signature', state);
    if (message.id !== null && message.id !== envelope.id) return setAside(db, message, 'id_mismatch', state);
    if (message.subject !== recordSubject(state, record.id)) return setAside(db, message, 'wrong_subject', state);
    const owner = await db.selectFrom('participants').select('state').where('code', '=', record.owner).executeTakeFirst();
    const refused = refusal(envelope, owner?.state?.trim());
    if (refused) return setAside(db, message, refused, state);
    await db.transaction().execute(async (tx) => {
      const outcome = await file(tx, envelope);
      const now = new Date();
      await sql`INSERT INTO federation_received (state, last_applied_at, last_sent_at, applied) VALUES (${state}, ${now}, ${new Date(envelope.sentAt)}, 1)
        ON CONFLICT (state) DO UPDATE SET last_applied_at = EXCLUDED.last_applied_at,
          last_sent_at = GREATEST(federation_received.last_sent_at, EXCLUDED.last_sent_at), applied = federation_received.applied + 1`.execute(tx);
      if (outcome === 'filed') {
        await appendAudit(tx, {
          actor: federationActor(state),
          action: 'federation.apply',
          outcome: 'success',
          purpose: 'federation',
          resourceType: 'record',
          resourceId: record.id,
          detail: { version: record.version, owner: record.owner, message: envelope.id },
        });
      }
    });
    return 'applied';
  } catch (error) {
    if (isUniqueViolation(error)) return setAside(db, message, 'duplicate_reference', state);
    if (error instanceof Error && error.message === 'owner_changed') return setAside(db, message, 'owner_changed', state);
    if (message.deliveries >= MAX_DELIVERIES)
      return setAside(db, message, `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500), state);
    return 'retry';
  }
}

/** The central bank's applier: every message of the bus, for as long as the server runs. */
