import { randomUUID } from 'node:crypto';
import { AppError, type Actor, type Role, type UserView } from '@svod/core';
import type { Db } from '../db/database.ts';
import { hashPassword, type PasswordPolicy } from '../security/passwords.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';

export interface NewUser {
  participant: string;
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Inserts a user without an actor: used by seeding and the first administrator's set-up. */
export async function insertUser(db: Db, user: NewUser, policy: PasswordPolicy): Promise<UserView> {
  // Before hashing: a taken name should not cost a hash first.
  await refuseTakenUsername(db, user.username);
  const { password, ...rest } = user;
  return insertHashedUser(db, rest, await hashPassword(password, policy));
}

/**
 * Inserts a user whose password is already hashed: the demo accounts share one password, so
 * seeding hashes it once for all of them instead of once each.
 */
export async function insertHashedUser(db: Db, user: Omit<NewUser, 'password'>, passwordHash: string): Promise<UserView> {
  await refuseTakenUsername(db, user.username);
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      participant: user.participant,
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: passwordHash,
    })
    .execute();
  return { id, participant: user.participant, username: user.username, displayName: user.displayName, role: user.role, disabled: false };
}

async function refuseTakenUsername(db: Db, username: string): Promise<void> {
  const exists = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (exists) throw new AppError('duplicate_username', { issues: [{ path: '/username', code: 'not_allowed_value', params: { allowed: '—' } }] });
}

/** An administrator creates users of their own participant only. */
export async function createUser(ctx: StoreContext, user: Omit<NewUser, 'participant'>, policy: PasswordPolicy): Promise<UserView> {
  return withFailureAudit(ctx, { action: 'user.create', resourceType: 'user' }, async () => {
    requirePermission(ctx, 'user.manage');
    const created = await insertUser(ctx.db, { ...user, participant: ctx.actor.participant }, policy);
    await auditSuccess(ctx.db, ctx, {
      action: 'user.create',
      resourceType: 'user',
      resourceId: created.id,
      detail: { username: created.username, role: created.role },
    });
    return created;
  });
}

export async function listUsers(ctx: StoreContext): Promise<UserView[]> {
  return withFailureAudit(ctx, { action: 'user.list', resourceType: 'user' }, async () => {
    requirePermission(ctx, 'user.manage');
    const rows = await ctx.db.selectFrom('users').selectAll().where('participant', '=', ctx.actor.participant).orderBy('username').execute();
    await auditSuccess(ctx.db, ctx, {
      action: 'user.list',
      resourceType: 'user',
      resultCount: rows.length,
    });
    return rows.map((r) => ({
      id: r.id,
      participant: r.participant,
      username: r.username,
      displayName: r.display_name,
      role: r.role as Role,
      disabled: r.disabled,
    }));
  });
}

export const actorOfUser = (user: UserView): Actor => ({
  kind: 'user',
  id: user.id,
  name: user.displayName,
  participant: user.participant,
  role: user.role,
});
