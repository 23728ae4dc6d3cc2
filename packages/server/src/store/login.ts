import { AppError, isAppError } from '@svod/core';
import type { Db, UserRow } from '../db/database.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword, type PasswordPolicy } from '../security/passwords.ts';
import { appendAudit, type AuditSubject } from './audit.ts';
import { openSession, type Session } from './sessions.ts';

export interface Credentials {
  username: string;
  password: string;
}

export interface LoginOptions {
  sessionTtlMinutes: number;
  passwordPolicy: PasswordPolicy;
}

/** Where a login that failed inside the bank reports what it could not audit (pino's shape). */
export interface ErrorLog {
  error(details: object, message: string): void;
}

/** A typed username as the audit trail may hold it: text columns refuse NUL, jsonb lone surrogates. */
const printable = (text: string): string =>
  Array.from(text.slice(0, 100), (ch) => {
    const code = ch.codePointAt(0)!;
    return code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : ch;
  }).join('');

const anonymous = (username: string): AuditSubject => ({ kind: 'anonymous', id: printable(username), participant: null });

/**
 * Checks a username and password and opens a session; a wrong password or an unknown user is
 * `invalid_credentials`, after the same work and with the same answer. Every attempt is
 * audited, one that fails inside the bank too (reason `internal`): should even that entry
 * fail, the log says so and the original error still goes out.
 */
export async function login(db: Db, credentials: Credentials, options: LoginOptions, log: ErrorLog): Promise<Session> {
  try {
    return await attempt(db, credentials, options);
  } catch (error) {
    // Refusals were audited where they were decided.
    if (isAppError(error) && error.kind !== 'internal') throw error;
    try {
      await appendAudit(db, {
        actor: anonymous(credentials.username),
        action: 'login',
        outcome: 'failure',
        purpose: 'authentication',
        detail: { reason: 'internal' },
      });
    } catch (auditError) {
      log.error({ err: auditError }, 'a failed login could not be audited');
    }
    throw error;
  }
}

async function attempt(db: Db, { username, password }: Credentials, options: LoginOptions): Promise<Session> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? dummyHash(options.passwordPolicy));
  if (!user || !valid || user.disabled) {
    await appendAudit(db, {
      actor: user ? { kind: 'user', id: user.id, participant: user.participant } : anonymous(username),
      action: 'login',
      outcome: 'failure',
      purpose: 'authentication',
      detail: { reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password' },
    });
    throw new AppError('invalid_credentials');
  }
  const rehashed = await upgradeHash(db, user, password, options.passwordPolicy);
  const session = await openSession(db, user, options.sessionTtlMinutes);
  await appendAudit(db, {
    actor: session.actor,
    action: 'login',
    outcome: 'success',
    purpose: 'authentication',
    ...(rehashed ? { detail: { rehashed } } : {}),
  });
  return session;
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
