import { AppError, isAppError } from '@svod/core';
import type { Db, UserRow } from '../db/database.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword, type PasswordPolicy } from '../security/passwords.ts';
import { appendAudit, type AuditSubject } from './audit.ts';
import { countFailure, currentHold, forgetFailures, throttleKeys, type Hold, type LoginThrottlePolicy } from './login-throttle.ts';
import { openSession, type Session } from './sessions.ts';
import { countDeviceFailure, trustDevice, trustedDevice } from './trusted-devices.ts';

export interface LoginAttempt {
  username: string;
  password: string;
  /** The client's network address, as the server sees it. */
  client: string;
  /** Device tokens the browser presented (its device cookie). */
  deviceTokens: readonly string[];
}

export interface LoginOptions {
  sessionTtlMinutes: number;
  passwordPolicy: PasswordPolicy;
  throttle: LoginThrottlePolicy;
}

export interface LoginResult {
  session: Session;
  /** A new device token for this browser and account, and the presented one it replaces. */
  device: { token: string; replaces?: string };
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
 * `invalid_credentials`, after the same work and with the same answer. Failures are counted per
 * account and per client address, and past a few of them attempts are held (`rate_limited`,
 * with the seconds to wait), except from a browser the account has signed in from before.
 * Every attempt is audited, one that fails inside the bank too (reason `internal`): should
 * even that entry fail, the log says so and the original error still goes out.
 */
export async function login(db: Db, credentials: LoginAttempt, options: LoginOptions, log: ErrorLog): Promise<LoginResult> {
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
        detail: { reason: 'internal', client: credentials.client },
      });
    } catch (auditError) {
      log.error({ err: auditError }, 'a failed login could not be audited');
    }
    throw error;
  }
}

async function attempt(db: Db, { username, password, client, deviceTokens }: LoginAttempt, options: LoginOptions): Promise<LoginResult> {
  const now = new Date();
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const subject: AuditSubject = user ? { kind: 'user', id: user.id, participant: user.participant } : anonymous(username);
  const refuse = async (detail: Record<string, unknown>) =>
    appendAudit(db, { actor: subject, action: 'login', outcome: 'failure', purpose: 'authentication', detail: { ...detail, client } });

  const device = await trustedDevice(db, username, deviceTokens, now);
  const keys = throttleKeys(username, client);
  const counted = [keys.account, keys.client];
  const held = async (hold: Hold) => {
    await refuse({ reason: 'throttled', scope: hold.scope, retryAfter: hold.retryAfterSeconds });
    return new AppError('rate_limited', { params: { retryAfter: hold.retryAfterSeconds } });
  };
  if (!device) {
    // Before the password is looked at: a held attempt costs no hash and tells nothing.
    const hold = await currentHold(db, counted, now);
    if (hold) throw await held(hold);
  }

  const valid = await verifyPassword(password, user?.password_hash ?? dummyHash(options.passwordPolicy));
  const failed = !user || !valid || user.disabled;
  if (!device) {
    // Checks queue on the hashing threads, so a burst of guesses sent at once all pass the check
    // above before any is counted. Held since (by the burst's own first failures), an attempt is
    // answered as held whatever its password: the rest of the burst learns nothing.
    const hold = await currentHold(db, counted, new Date());
    if (hold) {
      if (failed) await countFailure(db, counted, options.throttle, new Date());
      throw await held(hold);
    }
  }
  if (failed) {
    const reason = !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password';
    if (device) {
      const revoked = await countDeviceFailure(db, device, options.throttle.deviceFailures);
      await refuse({ reason, device: revoked ? 'revoked' : 'trusted' });
    } else {
      // Unknown users are counted like real ones: a hold must not tell which usernames exist.
      await countFailure(db, counted, options.throttle, now);
      await refuse({ reason });
    }
    throw new AppError('invalid_credentials');
  }

  // A trusted browser's success leaves the account's count alone: whoever was guessing stays held.
  if (!device) await forgetFailures(db, keys.account);
  const rehashed = await upgradeHash(db, user, password, options.passwordPolicy);
  const session = await openSession(db, user, options.sessionTtlMinutes);
  const token = await trustDevice(db, user.id, device, options.throttle.deviceTrustDays, now);
  await appendAudit(db, {
    actor: session.actor,
    action: 'login',
    outcome: 'success',
    purpose: 'authentication',
    detail: { client, ...(device ? { device: 'trusted' } : {}), ...(rehashed ? { rehashed } : {}) },
  });
  return { session, device: { token, ...(device ? { replaces: device.token } : {}) } };
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
