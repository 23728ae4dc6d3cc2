import { randomUUID } from 'node:crypto';
import { AppError, type Actor, type Role, type ApiKeyView } from '@svod/core';
import type { Db } from '../db/database.ts';
import { newApiKey, sha256 } from '../security/tokens.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { RecentActors } from './recent-actors.ts';

/** Issues a key for a national system of the administrator's participant; the secret is shown once. */
export async function createApiKey(
  ctx: StoreContext,
  input: { name: string; role: Role; expiresInDays: number },
): Promise<ApiKeyView & { key: string }> {
  return withFailureAudit(ctx, { action: 'apikey.create', resourceType: 'api_key' }, async () => {
    requirePermission(ctx, 'apikey.manage');
    if (input.role === 'administrator') {
      throw new AppError('validation_failed', {
        issues: [{ path: '/role', code: 'not_allowed_value', params: { allowed: 'operator, supervisor, analyst' } }],
      });
    }
    const { key, prefix } = newApiKey();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
    await ctx.db
      .insertInto('api_keys')
      .values({
        id,
        participant: ctx.actor.participant,
        role: input.role,
        name: input.name,
        prefix,
        key_hash: sha256(key),
        expires_at: expiresAt,
        revoked_at: null,
        created_by: ctx.actor.id,
      })
      .execute();
    await auditSuccess(ctx.db, ctx, {
      action: 'apikey.create',
      resourceType: 'api_key',
      resourceId: id,
      detail: { name: input.name, role: input.role, prefix },
    });
    return {
      id,
      name: input.name,
      prefix,
      role: input.role,
      participant: ctx.actor.participant,
      expiresAt: expiresAt.toISOString(),
      revokedAt: null,
      key,
    };
  });
}

export async function listApiKeys(ctx: StoreContext): Promise<ApiKeyView[]> {
  return withFailureAudit(ctx, { action: 'apikey.list', resourceType: 'api_key' }, async () => {
    requirePermission(ctx, 'apikey.manage');
    const rows = await ctx.db.selectFrom('api_keys').selectAll().where('participant', '=', ctx.actor.participant).orderBy('created_at').execute();
    await auditSuccess(ctx.db, ctx, {
      action: 'apikey.list',
      resourceType: 'api_key',
      resultCount: rows.length,
    });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      role: r.role as Role,
      participant: r.participant,
      expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    }));
  });
}

export async function revokeApiKey(ctx: StoreContext, id: string): Promise<void> {
  return withFailureAudit(ctx, { action: 'apikey.revoke', resourceType: 'api_key', resourceId: id }, async () => {
    requirePermission(ctx, 'apikey.manage');
    const result = await ctx.db
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('participant', '=', ctx.actor.participant)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found', { params: { id } });
    recentKeys.forgetActor(ctx.db, id);
    await auditSuccess(ctx.db, ctx, {
      action: 'apikey.revoke',
      resourceType: 'api_key',
      resourceId: id,
    });
  });
}

/**
 * Keys recently looked up, per database: a national system sends its checks on one key, many a
 * second, and each would otherwise read the key's row before the check's own query. An entry
 * lives a few seconds and never past the key's expiry; a revocation by this process drops it at
 * once, one by another process sharing the database takes effect within five seconds.
 * Unknown and refused keys are not remembered.
 */
const recentKeys = new RecentActors(5_000);

/** The national system behind a key, or null when the key is unknown, revoked or expired. */
export async function actorForApiKey(db: Db, key: string): Promise<Actor | null> {
  const hash = sha256(key);
  return recentKeys.lookup(db, hash, async (now) => {
    const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).executeTakeFirst();
    const expiresAt = row?.expires_at ? new Date(row.expires_at).getTime() : Number.POSITIVE_INFINITY;
    if (!row || row.revoked_at || expiresAt <= now) return null;
    const actor: Actor = { kind: 'api_key', id: row.id, name: row.name, participant: row.participant, role: row.role as Role };
    return { actor, expiresAt };
  });
}
