import type { Db } from '../db/database.ts';
import { processHitDeadlines, type HitDeadlines } from './hits.ts';
import { forgetOldEvents } from './events.ts';
import { forgetOldKeys } from './idempotency.ts';
import { processRequestDeadlines } from './request-deadlines.ts';

/** How often the server looks for due reminders and escalations. */
const DEADLINE_POLL_MS = 5_000;
const HOUSEKEEPING_MS = 60_000;

/**
 * Watches the deadlines of hits and interstate requests for as long as the server runs (and
 * forgets idempotency keys past their day and events past their month). They
 * live in the database, so a restart misses none; each is stamped once, so two servers may watch.
 */
export function watchDeadlines(db: Db, hitDeadlines: HitDeadlines, onError: (error: unknown) => void): () => void {
  let forgottenAt = 0;
  const timer = setInterval(() => {
    const now = new Date();
    processHitDeadlines(db, now, hitDeadlines).catch(onError);
    processRequestDeadlines(db, now).catch(onError);
    // Housekeeping once a minute is enough: keys kept a day, events a month.
    if (now.getTime() - forgottenAt < HOUSEKEEPING_MS) return;
    forgottenAt = now.getTime();
    forgetOldKeys(db, now).catch(onError);
    forgetOldEvents(db, now).catch(onError);
  }, DEADLINE_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
