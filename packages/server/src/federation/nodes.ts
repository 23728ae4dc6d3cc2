import { createPublicKey, type KeyObject } from 'node:crypto';
import { AppError, COORDINATING_BODY, isStateCode } from '@svod/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from '../store/context.ts';
import { readSetting, writeSetting } from '../store/settings.ts';

/**
 * Who administers the federation: the bank's coordinating body (its nodes' keys, their lag, what
 * they sent that failed) and, at a state's national node (`state`), that state's agencies'
 * administrators, who watch their own node's link.
 */
export async function requireFederationAdmin(ctx: StoreContext, state: string | null = null): Promise<void> {
  requirePermission(ctx, 'user.manage');
  if (ctx.actor.participant === COORDINATING_BODY) return;
  const agency = state
    ? await ctx.db.selectFrom('participants').select('state').where('code', '=', ctx.actor.participant).executeTakeFirst()
    : undefined;
  if (!state || agency?.state?.trim() !== state) throw new AppError('forbidden', { params: { permission: 'federation' } });
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
    await requireFederationAdmin(ctx);
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

/** The central bank's public key as a national node holds it: what the bank sends down, and its answers to checks, are checked against it. */
const BANK_KEY_SETTING = 'federation.bank_key';

/**
 * Enters the central bank's public key at a national node. It comes through an official channel,
 * as the node's own goes to the bank; until it is entered, everything from the bank is set aside
 * and checks are answered by the node alone.
 */
export async function trustBank(ctx: StoreContext, publicKeyPem: string): Promise<void> {
  return withFailureAudit(ctx, { action: 'federation.register', resourceType: 'federation_node', resourceId: 'bank' }, async () => {
    const key = publicKeyOf(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') throw invalid('/publicKey', 'not_allowed_value', { allowed: 'ed25519' });
    await ctx.db.transaction().execute(async (tx) => {
      await writeSetting(tx, BANK_KEY_SETTING, key.export({ type: 'spki', format: 'pem' }).toString());
      await auditSuccess(tx, ctx, { action: 'federation.register', resourceType: 'federation_node', resourceId: 'bank' });
    });
  });
}

/** The bank's key, if the node has been given it. */
export async function bankKey(db: Db): Promise<KeyObject | undefined> {
  const pem = await readSetting(db, BANK_KEY_SETTING);
  return pem ? parsedKey(pem) : undefined;
}

const parsedKeys = new Map<string, KeyObject>();

/** A registered public key (PEM), parsed once: keys are checked on every check and every batch. */
export function parsedKey(pem: string): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    parsedKeys.set(pem, key);
  }
  return key;
}
