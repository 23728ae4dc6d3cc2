import { createPublicKey, type KeyObject } from 'node:crypto';
import { AppError, COORDINATING_BODY, isStateCode } from '@svod/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from '../store/context.ts';

/** Only the bank's coordinating body administers the federation: its nodes' keys, their lag, what they sent that failed. */
export function requireFederationAdmin(ctx: StoreContext): void {
  requirePermission(ctx, 'user.manage');
  if (ctx.actor.participant !== COORDINATING_BODY) throw new AppError('forbidden', { params: { permission: 'federation' } });
}

const invalid = (path: string, code: 'bad_format' | 'not_allowed_value', params: Record<string, string>) =>
  new AppError('validation_failed', { issues: [{ path, code, params }] });

function publicKeyOf(pem: string): KeyObject {
  try {
    return createPublicKey(pem);
  } catch {
    throw invalid('/publicKey', 'bad_format', { format: 'PEM' });
  }
}

/**
 * Enters (or replaces) a state node's public key in the central bank's register: from then on
 * the bank applies what is signed with its private half, and sets aside anything else. The key
 * comes from the node's administrator through an official channel, as agreements do.
 */
export async function registerNode(ctx: StoreContext, state: string, publicKeyPem: string): Promise<void> {
  return withFailureAudit(ctx, { action: 'federation.register', resourceType: 'federation_node', resourceId: state }, async () => {
    requireFederationAdmin(ctx);
    if (!isStateCode(state)) throw invalid('/state', 'bad_format', { format: 'ISO 3166-1 alpha-2' });
    const key = publicKeyOf(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') throw invalid('/publicKey', 'not_allowed_value', { allowed: 'ed25519' });
    const pem = key.export({ type: 'spki', format: 'pem' }).toString();
    await ctx.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO federation_nodes (state, public_key, registered_at, registered_by) VALUES (${state}, ${pem}, now(), ${ctx.actor.id})
        ON CONFLICT (state) DO UPDATE SET public_key = EXCLUDED.public_key, registered_at = EXCLUDED.registered_at,
          registered_by = EXCLUDED.registered_by`.execute(tx);
      // A bank that runs sends the register to the node it now knows (the bank queues it at start too).
      await sql`INSERT INTO federation_outbox (kind, queued_at) SELECT 'registry', now() WHERE federation_role() = 'central'`.execute(tx);
      await auditSuccess(tx, ctx, { action: 'federation.register', resourceType: 'federation_node', resourceId: state });
    });
  });
}

/** The states whose nodes the central bank hears. */
export async function registeredStates(db: Db): Promise<string[]> {
  return (await db.selectFrom('federation_nodes').select('state').orderBy('state').execute()).map((row) => row.state.trim());
}
