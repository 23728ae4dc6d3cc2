import type { Actor, Role } from '@svod/core';
import type { Db, UserRow } from '../db/database.ts';
import { newSecret, sha256 } from '../security/tokens.ts';
import { appendAudit } from './audit.ts';
import { RecentActors } from './recent-actors.ts';

export interface Session {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

/** Opens a session for a user whose credentials were just checked. */
export async function openSession(db: Db, user: Pick<UserRow, 'id' | 'display_name' | 'participant' | 'role'>, ttlMinutes: number): Promise<Session> {
  await purgeExpiredSessions(db);
  const token = newSecret();
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: sha256(token), user_id: user.id, expires_at: expiresAt })
    .execute();
  const actor: Actor = { kind: 'user', id: user.id, name: user.display_name, participant: user.participant, role: user.role as Role };
  return { token, expiresAt, actor };
}

/**
 * Sessions recently looked up, per database: a field officer's client sends several requests a
 * second, and each would otherwise read the session. An entry lives a few seconds and never
 * past the session's expiry; logout drops it at once. Disabling a user takes effect within
 * five seconds.
 */
const recentSessions = new RecentActors(5_000);

/** The actor behind a live session token, or null when the token is unknown, expired or its user disabled. */
export async function actorForSession(db: Db, token: string): Promise<Actor | null> {
  const hash = sha256(token);
  return recentSessions.lookup(db, hash, async (now) => {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.display_name', 'users.participant', 'users.role', 'users.disabled', 'sessions.expires_at'])
      .where('sessions.token_hash', '=', hash)
      .executeTakeFirst();
    const expiresAt = row ? new Date(row.expires_at).getTime() : 0;
    if (!row || row.disabled || expiresAt <= now) return null;
    const actor: Actor = { kind: 'user', id: row.id, name: row.display_name, participant: row.participant, role: row.role as Role };
    return { actor, expiresAt };
  });
}

export async function logout(db: Db, token: string, actor: Actor): Promise<void> {
  recentSessions.forget(db, sha256(token));
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
  await appendAudit(db, { actor, action: 'logout', outcome: 'success', purpose: 'authentication' });
}

/** Drops expired sessions; run at each login so the table does not grow without end. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
}
