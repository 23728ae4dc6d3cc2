import { createHash } from 'node:crypto';
import { AppError } from '@svod/core';
import type { Db, Tx } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import type { StoreContext } from './context.ts';
import { jsonColumn } from '../db/columns.ts';

/** What a client's `Idempotency-Key` names: this caller's one attempt at this change. */
export interface IdempotencyKey {
  key: string;
  /** The operation and its target (`POST /requests/…/transitions`): a key reused elsewhere is refused. */
  scope: string;
  /** What was asked: a key reused with another body is refused rather than answered with the first. */
  body: unknown;
}

/** How long an answer is kept for a retry: far longer than any client retries. */
const KEPT_MS = 24 * 60 * 60_000;

const fingerprintOf = (key: IdempotencyKey) => createHash('sha256').update(key.scope).update('\n').update(canonicalJson(key.body)).digest('hex');

async function earlierAnswer<T>(db: Db, ctx: StoreContext, key: IdempotencyKey): Promise<T | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'response', 'created_at'])
    .where('actor_id', '=', ctx.actor.id)
    .where('key', '=', key.key)
    .executeTakeFirst();
  if (!row || Date.now() - new Date(row.created_at).getTime() > KEPT_MS) return undefined;
  if (row.fingerprint !== fingerprintOf(key)) throw new AppError('idempotency_key_reused', { params: { key: key.key } });
  return jsonColumn<T>(row.response);
}

/** Forgets the answers kept longer than a retry can come: the table stays the size of a day's changes. */
export async function forgetOldKeys(db: Db, now: Date): Promise<number> {
  const { numDeletedRows } = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - KEPT_MS))
    .executeTakeFirst();
  return Number(numDeletedRows);
}

/**
 * Makes a change once per key. The key is taken in the change's own transaction, so that a
 * server killed in the middle keeps neither, and the client's retry makes the change afresh;
 * a retry after the commit gets the answer given the first time. Of two attempts at once, the
 * second waits on the key and then gets the first's answer. A failed change keeps no key.
 * Without a key, the change is simply made.
 */
export async function once<T>(ctx: StoreContext, key: IdempotencyKey | undefined, change: (tx: Tx) => Promise<T>): Promise<T> {
  if (!key) return ctx.db.transaction().execute(change);
  const earlier = await earlierAnswer<T>(ctx.db, ctx, key);
  if (earlier !== undefined) return earlier;
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const now = new Date();
      // An expired key is taken afresh.
      await tx
        .deleteFrom('idempotency_keys')
        .where('actor_id', '=', ctx.actor.id)
        .where('key', '=', key.key)
        .where('created_at', '<', new Date(now.getTime() - KEPT_MS))
        .execute();
      await tx
        .insertInto('idempotency_keys')
        .values({ actor_id: ctx.actor.id, key: key.key, scope: key.scope, fingerprint: fingerprintOf(key), response: '{}', created_at: now })
        .execute();
      const answer = await change(tx);
      await tx
        .updateTable('idempotency_keys')
        .set({ response: JSON.stringify(answer) })
        .where('actor_id', '=', ctx.actor.id)
        .where('key', '=', key.key)
        .execute();
      return answer;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const answer = await earlierAnswer<T>(ctx.db, ctx, key);
    if (answer === undefined) throw error;
    return answer;
  }
}
