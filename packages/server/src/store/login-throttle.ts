import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { clientKey } from '../security/client-address.ts';
import { sha256 } from '../security/tokens.ts';

export type ThrottleScope = 'account' | 'client';

export interface ThrottleRule {
  /** Failed logins counted before further attempts are held. */
  failures: number;
  /** Seconds after which one failure is forgiven: the count drains at this pace. */
  forgiveSeconds: number;
}

export interface LoginThrottlePolicy {
  /** Failures per account, as typed: stops guessing one account from many addresses. */
  account: ThrottleRule;
  /** Failures per client address across accounts: stops one address trying many accounts. */
  client: ThrottleRule;
  /** The first hold, doubled with each further failure up to `maxHoldSeconds`. */
  firstHoldSeconds: number;
  maxHoldSeconds: number;
  /** Wrong passwords a trusted browser may send before its device token is revoked. */
  deviceFailures: number;
  /** How long a browser stays trusted after its last successful login. */
  deviceTrustDays: number;
}

/**
 * An honest user mistypes a few times; a gateway in front of many officers sees a few failures
 * a minute. Guessing one account is held from the 5th failure (the holds doubling 30 s → 15
 * min); one address from the 30th, draining one a minute.
 */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  account: { failures: 5, forgiveSeconds: 15 * 60 },
  client: { failures: 30, forgiveSeconds: 60 },
  firstHoldSeconds: 30,
  maxHoldSeconds: 15 * 60,
  deviceFailures: 10,
  deviceTrustDays: 90,
};

export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
}

/**
 * The keys an attempt counts under. The account is the username exactly as the users lookup
 * compares it (so a variant spelling is another, nonexistent, account, never a way around this
 * one's count), kept as a hash: people type passwords into the username field.
 */
export const throttleKeys = (username: string, client: string): Record<ThrottleScope, ThrottleKey> => ({
  account: { scope: 'account', key: sha256(username) },
  client: { scope: 'client', key: clientKey(client) },
});

export interface Hold {
  scope: ThrottleScope;
  retryAfterSeconds: number;
}

const keyed = (keys: ThrottleKey[]) => sql.join(keys.map((k) => sql`(${k.scope}, ${k.key})`));

/** The longest hold on any of the keys at `now`, if one is held. */
export async function currentHold(db: Db, keys: ThrottleKey[], now: Date): Promise<Hold | undefined> {
  const { rows } = await sql<{ scope: ThrottleScope; held_until: Date | string }>`
    SELECT scope, held_until FROM login_throttle
    WHERE (scope, key) IN (${keyed(keys)}) AND held_until > ${now}
    ORDER BY held_until DESC LIMIT 1`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return { scope: row.scope, retryAfterSeconds: Math.max(1, Math.ceil((new Date(row.held_until).getTime() - now.getTime()) / 1000)) };
}

/**
 * Counts a failed login under each key. The count drains continuously (a leaky bucket), so a
 * steady trickle of honest mistakes below the rule's pace never adds up; past the rule's
 * failures the key is held, for twice as long with each further failure.
 */
export async function countFailure(db: Db, keys: ThrottleKey[], policy: LoginThrottlePolicy, now: Date): Promise<void> {
  // Rows exist only while they count something: the table stays as small as the attacks on it.
  await db.deleteFrom('login_throttle').where('expires_at', '<=', now).execute();
  for (const { scope, key } of keys) {
    const rule = policy[scope];
    // One statement, so that processes counting the same key at once each add their failure.
    const { rows } = await sql<{ failures: number }>`
      INSERT INTO login_throttle AS t (scope, key, failures, last_failure_at, expires_at)
      VALUES (${scope}, ${key}, 1, ${now}, ${new Date(now.getTime() + rule.forgiveSeconds * 1000)})
      ON CONFLICT (scope, key) DO UPDATE SET
        failures = GREATEST(0, t.failures - GREATEST(0, EXTRACT(EPOCH FROM (EXCLUDED.last_failure_at - t.last_failure_at))) / ${rule.forgiveSeconds}) + 1,
        last_failure_at = GREATEST(t.last_failure_at, EXCLUDED.last_failure_at)
      RETURNING failures`.execute(db);
    const failures = Number(rows[0]!.failures);
    // Rounded: a failure half drained away no longer counts.
    const beyond = Math.round(failures) - rule.failures;
    const holdSeconds = beyond >= 0 ? Math.min(policy.firstHoldSeconds * 2 ** beyond, policy.maxHoldSeconds) : 0;
    const heldUntil = holdSeconds > 0 ? new Date(now.getTime() + holdSeconds * 1000) : null;
    const drainedAt = new Date(now.getTime() + Math.max(failures * rule.forgiveSeconds, holdSeconds) * 1000);
    await sql`
      UPDATE login_throttle
      SET held_until = GREATEST(held_until, ${heldUntil}::timestamptz), expires_at = GREATEST(expires_at, ${drainedAt}::timestamptz)
      WHERE scope = ${scope} AND key = ${key}`.execute(db);
  }
}

/** Forgets an account's failures: its owner has just signed in. */
export async function forgetFailures(db: Db, key: ThrottleKey): Promise<void> {
  await db.deleteFrom('login_throttle').where('scope', '=', key.scope).where('key', '=', key.key).execute();
}
