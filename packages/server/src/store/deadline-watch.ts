import type { Db } from '../db/database.ts';
import { processHitDeadlines, type HitDeadlines } from './hits.ts';
import { forgetOldKeys } from './idempotency.ts';
import { processRequestDeadlines } from './request-deadlines.ts';

/** How often the server looks for due reminders and escalations. */
const DEADLINE_POLL_MS = 5_000;

/**
 * Watches the deadlines of hits and interstate requests for as long as the server runs (and
 * forgets idempotency keys past their day). They
 * live in the database, so a restart misses none; each is stamped once, so two servers may watch.
 */
export function watchDeadlines(db: Db, hitDeadlines: HitDeadlines, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => {
    const now = new Date();
    processHitDeadlines(db, now, hitDeadlines).catch(onError);
    processRequestDeadlines(db, now).catch(onError);
    forgetOldKeys(db, now).catch(onError);
  }, DEADLINE_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
