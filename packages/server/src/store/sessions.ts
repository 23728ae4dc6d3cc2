import type { Actor, Role } from '@svod/core';
import type { Db, UserRow } from '../db/database.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword, type PasswordPolicy } from '../security/passwords.ts';
import { newSecret, sha256 } from '../security/tokens.ts';
import { appendAudit } from './audit.ts';

export interface Session {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

export interface LoginOptions {
  ttlMinutes: number;
  passwordPolicy: PasswordPolicy;
}

/**
 * Checks a username and password and opens a session. Every attempt is audited; a wrong
 * password and an unknown user take the same time and give the same answer. A password whose
 * stored hash costs less than the policy is hashed again while it is at hand.
 */
export async function login(db: Db, username: string, password: string, options: LoginOptions): Promise<Session | null> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? dummyHash(options.passwordPolicy));
  if (!user || !valid || user.disabled) {
    await appendAudit(db, {
      actor: user
        ? { kind: 'user', id: user.id, participant: user.participant }
        : { kind: 'anonymous', id: username.slice(0, 100), participant: null },
      action: 'login',
      outcome: 'failure',
      purpose: 'authentication',
      detail: { reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password' },
    });
    return null;
  }
  const rehashed = await upgradeHash(db, user, password, options.passwordPolicy);
  await purgeExpiredSessions(db);
  const token = newSecret();
  const expiresAt = new Date(Date.now() + options.ttlMinutes * 60_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: sha256(token), user_id: user.id, expires_at: expiresAt })
    .execute();
  const actor: Actor = { kind: 'user', id: user.id, name: user.display_name, participant: user.participant, role: user.role as Role };
  await appendAudit(db, { actor, action: 'login', outcome: 'success', purpose: 'authentication', ...(rehashed ? { detail: { rehashed } } : {}) });
  return { token, expiresAt, actor };
}

/**
 * Stores the password hashed with the current policy when its hash was made with less. Only
 * over the hash that was verified: a password changed meanwhile is not overwritten.
 */
async function upgradeHash(db: Db, user: Pick<UserRow, 'id' | 'password_hash'>, password: string, policy: PasswordPolicy): Promise<boolean> {
  if (!needsRehash(user.password_hash, policy)) return false;
  const upgraded = await hashPassword(password, policy);
  const result = await db
    .updateTable('users')
    .set({ password_hash: upgraded })
    .where('id', '=', user.id)
    .where('password_hash', '=', user.password_hash)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Sessions recently looked up, per database: a field officer's client sends several requests a
 * second, and each would otherwise read the session. An entry lives a few seconds and never
 * past the session's expiry; logout drops it at once. Disabling a user takes effect within
 * SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 5_000;
const recentSessions = new WeakMap<Db, Map<string, { actor: Actor; until: number }>>();

/** The actor behind a live session token, or null when the token is unknown, expired or its user disabled. */
export async function actorForSession(db: Db, token: string): Promise<Actor | null> {
  const hash = sha256(token);
  const cache = recentSessions.get(db) ?? new Map<string, { actor: Actor; until: number }>();
  recentSessions.set(db, cache);
  const now = Date.now();
  const cached = cache.get(hash);
  if (cached && cached.until > now) return cached.actor;
  cache.delete(hash);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.display_name', 'users.participant', 'users.role', 'users.disabled', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  const expiresAt = row ? new Date(row.expires_at).getTime() : 0;
  if (!row || row.disabled || expiresAt <= now) return null;
  const actor: Actor = { kind: 'user', id: row.id, name: row.display_name, participant: row.participant, role: row.role as Role };
  // Bounded by forgetting everything now and then: entries are cheap to read again.
  if (cache.size >= 10_000) cache.clear();
  cache.set(hash, { actor, until: Math.min(now + SESSION_CACHE_MS, expiresAt) });
  return actor;
}

export async function logout(db: Db, token: string, actor: Actor): Promise<void> {
  recentSessions.get(db)?.delete(sha256(token));
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
  await appendAudit(db, { actor, action: 'logout', outcome: 'success', purpose: 'authentication' });
}

/** Drops expired sessions; run at each login so the table does not grow without end. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
}
