import type { KeyObject } from 'node:crypto';
import { FederationEnvelope, envelopeSubject, type Actor, type Direction } from '@svod/core';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { appendAudit } from '../store/audit.ts';
import { compileAsserter, createAjv } from '../validation/ajv.ts';
import { MAX_DELIVERIES, type BusMessage, type Verdict } from './bus.ts';
import { signatureHolds } from './envelope.ts';

/** The hand that files what came over the bus: the sending node speaks through it. */
export const federationActor = (from: string, participant: string): Actor => ({
  kind: 'system',
  id: `svod-federation-${from.toLowerCase()}`,
  name: `svod federation ${from}`,
  participant,
  role: 'supervisor',
});

const readEnvelope = compileAsserter<FederationEnvelope>(createAjv(), FederationEnvelope);

/** The envelopes of one type in a batch. */
export const ofType = <T extends FederationEnvelope['type']>(envelopes: readonly FederationEnvelope[], type: T) =>
  envelopes.filter((e): e is Extract<FederationEnvelope, { type: T }> => e.type === type);

/** A message read and checked, or why it cannot be applied. */
export type Checked = { envelope: FederationEnvelope } | { dead: string; state: string | null };

/**
 * Whether a message is what it says: readable, signed by the key the receiver holds for its
 * sender, under its own id and on its own subject. Anything else is a dead letter at once:
 * sending it again cannot mend it. What the receiver then refuses on its content is its own.
 */
export async function checkSigned(
  message: BusMessage,
  direction: Direction,
  keyOf: (envelope: FederationEnvelope) => KeyObject | undefined,
): Promise<Checked> {
  let envelope: FederationEnvelope;
  try {
    envelope = readEnvelope(JSON.parse(new TextDecoder().decode(message.data)));
  } catch {
    return { dead: 'unreadable', state: null };
  }
  const { state } = envelope;
  const key = keyOf(envelope);
  if (!key) return { dead: 'unknown_node', state };
  if (!(await signatureHolds(envelope, key))) return { dead: 'bad_signature', state };
  if (message.id !== null && message.id !== envelope.id) return { dead: 'id_mismatch', state };
  if (message.subject !== envelopeSubject(envelope, direction)) return { dead: 'wrong_subject', state };
  return { envelope };
}

/** A message this node will not apply, and why: kept for administrators with its bytes, and audited. */
export async function setAside(db: Db | Tx, message: BusMessage, reason: string, state: string | null, actor: Actor): Promise<Verdict> {
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
    actor,
    action: 'federation.reject',
    outcome: 'failure',
    purpose: 'federation',
    resourceType: 'federation_message',
    ...(message.id ? { resourceId: message.id } : {}),
    detail: { reason, subject: message.subject },
  });
  return 'dead';
}

/**
 * Says, for this transaction alone, that what it writes came over the bus: the outbox triggers
 * then queue nothing, so that a change is never sent back to where it came from.
 */
export async function markApplying(tx: Tx): Promise<void> {
  await sql`SELECT set_config('svod.federation_applying', 'on', true)`.execute(tx);
}

/** The setting holding the stream sequence of the last message the store applied: a store restored from a backup reads again from there. */
export const APPLIED_SEQ_SETTING = 'federation.applied_seq';

/** Notes, in the filing transaction, how far in the stream the store has applied: never backwards, as batches may commit out of order. */
async function noteApplied(tx: Tx, messages: readonly BusMessage[]): Promise<void> {
  const seq = Math.max(0, ...messages.map((m) => m.seq ?? 0));
  if (seq === 0) return;
  await sql`INSERT INTO settings (name, value) VALUES (${APPLIED_SEQ_SETTING}, ${String(seq)})
    ON CONFLICT (name) DO UPDATE SET value = GREATEST(settings.value::bigint, EXCLUDED.value::bigint)::text`.execute(tx);
}

/** What a failure to file one message means: a dead letter with this reason, or (null) a failure of the node's own, to try again. */
export type Diagnosis = (error: unknown) => string | null;

/** A failure that no redelivery can mend. */
export class Unfileable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const diagnose: Diagnosis = (error) => (error instanceof Unfileable ? error.reason : isUniqueViolation(error) ? 'duplicate_reference' : null);

/**
 * Applies a batch: what fails its checks is set aside, the rest is filed in one transaction.
 * Should that fail, the batch is filed a message at a time, so that one bad message is set aside
 * alone. A failure of the node's own (its database away) is tried again, and set aside after
 * `MAX_DELIVERIES`.
 */
export async function applyChecked(
  db: Db,
  messages: readonly BusMessage[],
  check: (message: BusMessage) => Promise<Checked>,
  file: (tx: Tx, envelopes: readonly FederationEnvelope[]) => Promise<void>,
  actor: (state: string | null) => Actor,
): Promise<Verdict[]> {
  const checked = await Promise.all(messages.map(check));
  const verdicts: Verdict[] = [];
  const good: FederationEnvelope[] = [];
  for (const [i, result] of checked.entries()) {
    if ('dead' in result) verdicts[i] = await setAside(db, messages[i]!, result.dead, result.state, actor(result.state));
    else good.push(result.envelope);
  }
  if (good.length === 0) return verdicts;
  try {
    await db.transaction().execute(async (tx) => {
      await markApplying(tx);
      await file(tx, good);
      await noteApplied(tx, messages);
    });
    checked.forEach((result, i) => {
      if (!('dead' in result)) verdicts[i] = 'applied';
    });
    return verdicts;
  } catch (error) {
    if (good.length > 1) {
      for (const [i, result] of checked.entries())
        if (!('dead' in result)) verdicts[i] = (await applyChecked(db, [messages[i]!], check, file, actor))[0]!;
      return verdicts;
    }
    const i = checked.findIndex((result) => !('dead' in result));
    const message = messages[i]!;
    const state = good[0]!.state;
    const reason = diagnose(error) ?? (message.deliveries >= MAX_DELIVERIES ? `failed: ${String(error)}`.slice(0, 500) : null);
    verdicts[i] = reason ? await setAside(db, message, reason, state, actor(state)) : 'retry';
    return verdicts;
  }
}
