import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { newSecret, sha256 } from '../security/tokens.ts';

/**
 * OWASP's "device cookie": a browser an account has signed in from before carries a random
 * token bound to that account. Attempts from it are not held by the account's or the address's
 * lock-out, so an attacker guessing the account (or sharing the officer's gateway) cannot lock
 * its owner out; they have their own small count of failures instead.
 */

/** Devices remembered per user: enough for an officer's workstations, bounded against a script that logs in often. */
const DEVICES_PER_USER = 20;

export interface TrustedDevice {
  /** The token as the browser presented it. */
  token: string;
  tokenHash: string;
}

/** The presented token, if any, that trusts this browser for the account `username`. */
export async function trustedDevice(db: Db, username: string, tokens: readonly string[], now: Date): Promise<TrustedDevice | undefined> {
  if (tokens.length === 0) return undefined;
  const byHash = new Map(tokens.map((token) => [sha256(token), token]));
  const row = await db
    .selectFrom('trusted_devices')
    .innerJoin('users', 'users.id', 'trusted_devices.user_id')
    .select('trusted_devices.token_hash')
    .where('users.username', '=', username)
    .where('trusted_devices.token_hash', 'in', [...byHash.keys()])
    .where('trusted_devices.expires_at', '>', now)
    .executeTakeFirst();
  return row ? { token: byHash.get(row.token_hash)!, tokenHash: row.token_hash } : undefined;
}

/** Counts a wrong password sent from a trusted browser; at `limit` its token is revoked. Returns true when revoked. */
export async function countDeviceFailure(db: Db, device: TrustedDevice, limit: number): Promise<boolean> {
  const { rows } = await sql<{ failures: number }>`
    UPDATE trusted_devices SET failures = failures + 1 WHERE token_hash = ${device.tokenHash} RETURNING failures`.execute(db);
  const failures = rows[0]?.failures ?? limit;
  if (failures < limit) return false;
  await db.deleteFrom('trusted_devices').where('token_hash', '=', device.tokenHash).execute();
  return true;
}

/**
 * Trusts the browser for the user after a successful login: a new token, in place of the one it
 * presented (so a copied cookie stops working at its owner's next login), for `days` days.
 * Returns the new token; only its hash is stored.
 */
export async function trustDevice(db: Db, userId: string, replaced: TrustedDevice | undefined, days: number, now: Date): Promise<string> {
  const token = newSecret();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('trusted_devices').where('expires_at', '<=', now).execute();
    if (replaced) await tx.deleteFrom('trusted_devices').where('token_hash', '=', replaced.tokenHash).execute();
    await tx
      .insertInto('trusted_devices')
      .values({ token_hash: sha256(token), user_id: userId, expires_at: new Date(now.getTime() + days * 86_400_000) })
      .execute();
    await tx
      .deleteFrom('trusted_devices')
      .where('user_id', '=', userId)
      .where(
        'token_hash',
        'not in',
        tx.selectFrom('trusted_devices').select('token_hash').where('user_id', '=', userId).orderBy('created_at', 'desc').limit(DEVICES_PER_USER),
      )
      .execute();
  });
  return token;
}
