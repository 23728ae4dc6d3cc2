import type { Actor } from '@svod/core';
import type { Db } from '../db/database.ts';

/** Credentials remembered per database at most: beyond it all are forgotten, as they are cheap to read again. */
const MAX_REMEMBERED = 10_000;

/**
 * The actors behind credentials (session tokens, API keys) looked up lately, per database and
 * by the credential's hash: a client sends several requests a second, and each would otherwise
 * read its credential's row first. An entry lives `ttlMs` and never past the credential's own
 * expiry, so a change made by another process sharing the database takes effect within `ttlMs`.
 * Unknown and refused credentials are not remembered.
 */
export class RecentActors {
  private readonly byDb = new WeakMap<Db, Map<string, { actor: Actor; until: number }>>();

  constructor(private readonly ttlMs: number) {}

  /** The remembered actor, else what `read` finds (remembered when it finds one). */
  async lookup(db: Db, hash: string, read: (now: number) => Promise<{ actor: Actor; expiresAt: number } | null>): Promise<Actor | null> {
    const remembered = this.of(db);
    const now = Date.now();
    const cached = remembered.get(hash);
    if (cached && cached.until > now) return cached.actor;
    remembered.delete(hash);
    const found = await read(now);
    if (!found) return null;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(hash, { actor: found.actor, until: Math.min(now + this.ttlMs, found.expiresAt) });
    return found.actor;
  }

  /** Forgets one credential at once (logout). */
  forget(db: Db, hash: string): void {
    this.byDb.get(db)?.delete(hash);
  }

  /** Forgets every credential of one actor at once (a revoked key). */
  forgetActor(db: Db, id: string): void {
    const remembered = this.byDb.get(db);
    if (remembered) for (const [hash, entry] of remembered) if (entry.actor.id === id) remembered.delete(hash);
  }

  private of(db: Db) {
    let remembered = this.byDb.get(db);
    if (!remembered) {
      remembered = new Map();
      this.byDb.set(db, remembered);
    }
    return remembered;
  }
}
