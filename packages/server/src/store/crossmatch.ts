import { randomUUID } from 'node:crypto';
import {
  AppError,
  candidateScorer,
  linkableProfile,
  matchKeys,
  NAMELESS_KEYS_VERSION,
  type FieldContribution,
  type MatchKind,
  type MatchProfile,
  type NamelessEvidence,
} from '@svod/core';
import type { Db, MatchRow, RecordRow, Tx } from '../db/database.ts';
import { readAccess, reads, type ReadAccess } from './access.ts';
import { candidateProfiles, HIT_PROBABILITY, weightsFor } from './checks.ts';
import { auditSuccess, withFailureAudit, type StoreContext } from './context.ts';
import { announce } from './events.ts';
import { DEFAULT_HIT_DEADLINES, insertHit, type HitDeadlines } from './hits.ts';
import { nameFrequencyFor } from './name-frequencies.ts';
import { namelessForQueue } from './nameless.ts';

/**
 * At or above this probability a pair goes to a supervisor for a decision. Higher than a field
 * check's "possible" (0.01): an officer glances down a ranked list of ten, while every pair
 * stored here waits in a queue for a person — at a million records a low bar would bury the
 * queue in namesakes.
 */
export const REVIEW_PROBABILITY = 0.5;
/** The version a nameless pair names: the description's comparison, not a trained model. */
const NAMELESS_MODEL_VERSION = `nameless-${NAMELESS_KEYS_VERSION}`;
/** Pairs kept per record at most, best first: the rest are namesakes of a common name. */
const MATCHES_PER_RECORD = 20;
/** Records matched per round: one round's reads and writes stay bounded. */
const ROUND = 100;

interface Found {
  partner: string;
  probability: number;
  weight: number;
  explanation: FieldContribution[];
  modelVersion: string;
}

/** The pair as stored: the smaller id first, with each record's version beside it. */
function orderedPair(subject: { id: string; version: number }, partner: { id: string; version: number }) {
  return subject.id < partner.id
    ? { record_a: subject.id, record_b: partner.id, version_a: subject.version, version_b: partner.version }
    : { record_a: partner.id, record_b: subject.id, version_a: partner.version, version_b: subject.version };
}

/**
 * The active records of the bank the record may be the same subject as, scored with the check's
 * model and adjustments. Every participant's records take part: who may see a match is decided
 * when it is read, not when it is found, so that a change of distribution needs no re-matching.
 */
async function namedMatches(db: Db, subject: { id: string; profile: MatchProfile }): Promise<Found[]> {
  const query = subject.profile;
  // A person without a name (an unidentified body) is matched by description, not here.
  if (!linkableProfile(query)) return [];
  const weights = (await weightsFor(db))[query.domain];
  const frequency = query.domain === 'person' ? await nameFrequencyFor(db, weights) : undefined;
  const scoreOf = candidateScorer(weights, query, frequency);
  const { candidates } = await candidateProfiles(db, matchKeys(query, 'query'), { activeOnly: true, except: subject.id });
  const found: Found[] = [];
  for (const { id, profile } of candidates) {
    if (profile.domain !== query.domain || !linkableProfile(profile)) continue;
    const score = scoreOf(profile);
    if (score.probability < REVIEW_PROBABILITY) continue;
    found.push({
      partner: id,
      probability: score.probability,
      weight: score.weight,
      explanation: score.explanation,
      modelVersion: weights.model.version,
    });
  }
  return found.sort((a, b) => b.weight - a.weight).slice(0, MATCHES_PER_RECORD);
}

/**
 * A nameless pair as stored: the bits of each field of the description stand where a named
 * pair's field weights stand, so the review queue explains both alike.
 */
const namelessFound = ({ partner, probability, evidence }: { partner: string; probability: number; evidence: NamelessEvidence }): Found => ({
  partner,
  probability,
  weight: evidence.bits,
  explanation: evidence.fields.map((f) => ({ field: f.field, level: f.level, weight: f.bits })),
  modelVersion: NAMELESS_MODEL_VERSION,
});

type PartnerRow = Pick<RecordRow, 'id' | 'version' | 'owner' | 'status' | 'category' | 'shared_with_all' | 'shared_with'>;

/**
 * The hit a new or changed record makes: its best newly found partner, when that is another
 * participant's record in force at hit probability, shared with the record's owner under an
 * agreement. Its owner is asked, as for a field check.
 */
function hitOf(fresh: readonly Found[], access: ReadAccess, partners: Map<string, PartnerRow>) {
  const best = fresh[0];
  const partner = best && partners.get(best.partner);
  if (!best || !partner || best.probability < HIT_PROBABILITY || partner.owner === access.participant || partner.status !== 'active')
    return undefined;
  if (!reads(access, partner)) return undefined;
  return { recordId: best.partner, owner: partner.owner, probability: best.probability };
}

/** Cross-matching acts for the owner of the record it matched: the hit's requester, in the audit too. */
const crossmatchContext = (db: Db, participant: string): StoreContext => ({
  db,
  actor: { kind: 'system', id: 'svod-crossmatch', name: 'svod cross-matching', participant, role: 'supervisor' },
  purpose: 'crossmatch',
});

/**
 * Stores what was found for one record, in one transaction with taking it off the queue:
 * - a new pair waits for a decision;
 * - a pending pair takes the new score;
 * - a confirmed pair stays confirmed;
 * - a rejected pair comes back only when either record has changed since the rejection;
 * - a pending pair of this record that was not found again (the record changed) is withdrawn.
 * Deciding and re-matching may race: every change here is conditional on the status it read.
 */
async function saveFound(
  tx: Tx,
  kind: MatchKind,
  subject: { id: string; version: number },
  found: readonly Found[],
  versions: Map<string, { version: number }>,
): Promise<Found[]> {
  const fresh: Found[] = [];
  const now = new Date();
  const existing = await tx
    .selectFrom('matches')
    .selectAll()
    .where((eb) => eb.or([eb('record_a', '=', subject.id), eb('record_b', '=', subject.id)]))
    .where('kind', '=', kind)
    .execute();
  const byPartner = new Map<string, MatchRow>(existing.map((m) => [m.record_a === subject.id ? m.record_b : m.record_a, m]));
  for (const f of found) {
    const pair = orderedPair(subject, { id: f.partner, version: versions.get(f.partner)?.version ?? 0 });
    const score = { probability: f.probability, weight: f.weight, explanation: JSON.stringify(f.explanation), model_version: f.modelVersion };
    const before = byPartner.get(f.partner);
    byPartner.delete(f.partner);
    if (!before) {
      const inserted = await tx
        .insertInto('matches')
        .values({ id: randomUUID(), ...pair, ...score, kind, status: 'pending', found_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['record_a', 'record_b']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) fresh.push(f);
    } else if (before.status === 'rejected') {
      if (before.version_a === pair.version_a && before.version_b === pair.version_b) continue;
      await tx
        .updateTable('matches')
        .set({ ...pair, ...score, status: 'pending', decided_by: null, decided_at: null, reason: null, found_at: now, updated_at: now })
        .where('id', '=', before.id)
        .where('status', '=', 'rejected')
        .execute();
    } else {
      await tx
        .updateTable('matches')
        .set({ ...pair, ...score, updated_at: now })
        .where('id', '=', before.id)
        .where('status', '=', before.status)
        .execute();
    }
  }
  const withdrawn = [...byPartner.values()].filter((m) => m.status === 'pending').map((m) => m.id);
  if (withdrawn.length > 0) await tx.deleteFrom('matches').where('id', 'in', withdrawn).where('status', '=', 'pending').execute();
  return fresh;
}

/**
 * Matches the records waiting in the queue, a round at a time, until the queue is empty or
 * `limit` records are done; returns how many were matched. Safe to run in several processes at
 * once and to kill at any point: a pair is stored once whoever finds it, and a record leaves
 * the queue only in the transaction that stores its matches, and only for the version matched.
 */
export async function crossmatchQueued(
  db: Db,
  options: { limit?: number; onProgress?: (done: number) => void; hitDeadlines?: HitDeadlines } = {},
): Promise<number> {
  let done = 0;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  while (done < limit) {
    const queued = await db
      .selectFrom('crossmatch_queue')
      .select(['record_id', 'version'])
      .orderBy('queued_at')
      .orderBy('record_id')
      .limit(Math.min(ROUND, limit - done))
      .execute();
    if (queued.length === 0) break;
    const rows = await db
      .selectFrom('records')
      .leftJoin('match_profiles', 'match_profiles.record_id', 'records.id')
      .selectAll('records')
      .select('match_profiles.profile')
      .where(
        'records.id',
        'in',
        queued.map((q) => q.record_id),
      )
      .execute();
    const results: {
      entry: (typeof queued)[number];
      subject: { id: string; version: number; owner: string | undefined };
      found: Found[];
      nameless: Found[];
    }[] = [];
    for (const entry of queued) {
      const row = rows.find((r) => r.id === entry.record_id);
      const subject = { id: entry.record_id, version: row?.version ?? entry.version, owner: row?.owner };
      const profile = row?.status === 'active' && row.profile ? (JSON.parse(row.profile) as MatchProfile) : undefined;
      results.push({
        entry,
        subject,
        found: profile ? await namedMatches(db, { id: subject.id, profile }) : [],
        nameless: row ? (await namelessForQueue(db, row)).map(namelessFound) : [],
      });
    }
    const partners = [...new Set(results.flatMap((r) => [...r.found, ...r.nameless].map((f) => f.partner)))];
    const partnerRows = new Map(
      partners.length === 0
        ? []
        : (
            await db
              .selectFrom('records')
              .select(['id', 'version', 'owner', 'status', 'category', 'shared_with_all', 'shared_with'])
              .where('id', 'in', partners)
              .execute()
          ).map((r) => [r.id, r] as const),
    );
    // Read before the transaction: on PGlite the transaction holds the one connection.
    const owners = [...new Set(results.flatMap((r) => (r.subject.owner ? [r.subject.owner] : [])))];
    const accessOf = new Map(await Promise.all(owners.map(async (owner) => [owner, await readAccess(db, owner)] as const)));
    let hits = 0;
    // One transaction per round: its records leave the queue together with what was found for them.
    await db.transaction().execute(async (tx) => {
      for (const { entry, subject, found, nameless } of results) {
        const fresh = await saveFound(tx, 'same_subject', subject, found, partnerRows);
        await saveFound(tx, 'nameless', subject, nameless, partnerRows);
        const hit = subject.owner ? hitOf(fresh, accessOf.get(subject.owner)!, partnerRows) : undefined;
        if (hit && subject.owner) {
          await insertHit(
            tx,
            crossmatchContext(db, subject.owner),
            hit,
            { record: subject.id },
            false,
            options.hitDeadlines ?? DEFAULT_HIT_DEADLINES,
          );
          hits++;
        }
        await tx.deleteFrom('crossmatch_queue').where('record_id', '=', entry.record_id).where('version', '=', entry.version).execute();
      }
    });
    if (hits > 0) announce(db);
    done += results.length;
    options.onProgress?.(done);
  }
  return done;
}

/** How many records wait to be matched. */
export async function crossmatchBacklog(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('crossmatch_queue')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export interface CrossmatchProgress {
  /** The caller's participant's records still waiting to be matched: what its last import left. */
  waiting: number;
  /** Records of the whole bank waiting, the caller's among them. */
  backlog: number;
  /** When the longest-waiting of the caller's records was queued. */
  oldestQueuedAt: string | null;
}

/**
 * How far cross-matching has come with the caller's records — after a bulk import, how many of
 * them the background matcher has still to match. Counts only, no record: nothing to audit.
 */
export async function crossmatchProgress(ctx: StoreContext): Promise<CrossmatchProgress> {
  const own = await ctx.db
    .selectFrom('crossmatch_queue')
    .innerJoin('records', 'records.id', 'crossmatch_queue.record_id')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('crossmatch_queue.queued_at').as('oldest')])
    .where('records.owner', '=', ctx.actor.participant)
    .executeTakeFirstOrThrow();
  return {
    waiting: Number(own.count),
    backlog: await crossmatchBacklog(ctx.db),
    oldestQueuedAt: own.oldest ? new Date(own.oldest).toISOString() : null,
  };
}

/** How often an idle matcher looks at the queue: a new record's matches follow within this. */
const IDLE_POLL_MS = 500;
/** After a failure (the database went away), wait longer before trying again. */
const RETRY_MS = 5_000;

/**
 * Matches queued records in the background for as long as the server runs. A single write
 * returns at once and its matches follow; a bulk import's records drain here a round at a time.
 * The queue lives in the database, so what a killed process left is matched after the restart.
 */
export function startCrossmatching(db: Db, hitDeadlines: HitDeadlines, onError: (error: unknown) => void): () => Promise<void> {
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref();
    });
  const loop = (async () => {
    while (running) {
      try {
        const done = await crossmatchQueued(db, { limit: 1_000, hitDeadlines });
        if (done === 0) await sleep(IDLE_POLL_MS);
      } catch (error) {
        onError(error);
        await sleep(RETRY_MS);
      }
    }
  })();
  return async () => {
    running = false;
    clearTimeout(timer);
    wake?.();
    await loop;
  };
}

/**
 * Puts every active record of the bank on the queue, for a full cross-match (after a new model,
 * or on a bank loaded before cross-matching existed). Records already waiting keep their place,
 * so running it again, or after a crash half-way through the matching, redoes nothing twice.
 * With `categories`, only the active records of those.
 */
export async function enqueueWholeBank(db: Db, categories?: readonly string[]): Promise<number> {
  const result = await db
    .insertInto('crossmatch_queue')
    .columns(['record_id', 'version', 'queued_at'])
    .expression((eb) => {
      const active = eb
        .selectFrom('records')
        .select(['id', 'version', eb.val(new Date()).as('queued_at')])
        .where('status', '=', 'active');
      return categories ? active.where('category', 'in', categories) : active;
    })
    .onConflict((oc) => oc.column('record_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * An administrator of BKBOP, the coordinator, asks for the full cross-match of the bank: every
 * active record is queued and the background matcher works through them. Audited.
 */
export async function requestFullCrossmatch(ctx: StoreContext): Promise<{ queued: number; backlog: number }> {
  return withFailureAudit(ctx, { action: 'crossmatch.request', resourceType: 'bank' }, async () => {
    if (ctx.actor.role !== 'administrator' || ctx.actor.participant !== 'BKBOP') {
      throw new AppError('forbidden', { params: { permission: 'crossmatch.request' } });
    }
    const queued = await enqueueWholeBank(ctx.db);
    const backlog = await crossmatchBacklog(ctx.db);
    await auditSuccess(ctx.db, ctx, { action: 'crossmatch.request', resourceType: 'bank', resultCount: queued, detail: { backlog } });
    return { queued, backlog };
  });
}

/** The setting naming the last day (UTC) a nightly cross-match was queued, shared by every server of the bank. */
const NIGHTLY_SETTING = 'crossmatch_last_nightly';

/**
 * Queues the full cross-match once a night at `hourUtc`, when enabled (`SVOD_CROSSMATCH_HOUR`).
 * The day is claimed in the store by a conditional write, so of several servers one queues it.
 */
export function scheduleNightlyCrossmatch(db: Db, hourUtc: number, onError: (error: unknown) => void): () => void {
  const tick = async () => {
    const now = new Date();
    if (now.getUTCHours() !== hourUtc) return;
    const today = now.toISOString().slice(0, 10);
    const claimed = await db
      .insertInto('settings')
      .values({ name: NIGHTLY_SETTING, value: today })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: today, updated_at: now }).where('settings.value', '<>', today))
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0) await enqueueWholeBank(db);
  };
  const timer = setInterval(() => void tick().catch(onError), 5 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
