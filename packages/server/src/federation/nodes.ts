import { createPublicKey, type KeyObject } from 'node:crypto';
import { AppError, type Actor } from '@svod/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { appendAudit } from '../store/audit.ts';

function publicKeyOf(pem: string): KeyObject {
  try {
    return createPublicKey(pem);
  } catch {
    throw new AppError('validation_failed', { issues: [{ path: '/publicKey', code: 'bad_format', params: { format: 'PEM' } }] });
  }
}

/**
 * Enters (or replaces) a state node's public key in the central bank's register: from then on
 * the bank applies what is signed with its private half, and sets aside anything else. The key
 * comes from the node's administrator through an official channel, as agreements do.
 */
export async function registerNode(db: Db, actor: Actor, state: string, publicKeyPem: string): Promise<void> {
  if (!/^[A-Z]{2}$/.test(state))
    throw new AppError('validation_failed', { issues: [{ path: '/state', code: 'bad_format', params: { format: 'ISO 3166-1 alpha-2' } }] });
  const key = publicKeyOf(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AppError('validation_failed', { issues: [{ path: '/publicKey', code: 'not_allowed_value', params: { allowed: 'ed25519' } }] });
  }
  const pem = key.export({ type: 'spki', format: 'pem' }).toString();
  await db.transaction().execute(async (tx) => {
    await sql`INSERT INTO federation_nodes (state, public_key, registered_at, registered_by) VALUES (${state}, ${pem}, now(), ${actor.id})
      ON CONFLICT (state) DO UPDATE SET public_key = EXCLUDED.public_key, registered_at = EXCLUDED.registered_at, registered_by = EXCLUDED.registered_by`.execute(
      tx,
    );
    await appendAudit(tx, {
      actor,
      action: 'federation.register',
      outcome: 'success',
      purpose: 'federation',
      resourceType: 'federation_node',
      resourceId: state,
    });
  });
}

/** The states whose nodes the central bank hears. */
export async function registeredStates(db: Db): Promise<string[]> {
  return (await db.selectFrom('federation_nodes').select('state').orderBy('state').execute()).map((row) => row.state.trim());
}
