import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { candidateScorer, linkableProfile, linkProfiles, type Domain, type LinkModel, type MatchProfile } from '@svod/core';
import type { Db, MatchTable } from '../db/database.ts';
import { weightsFor } from './checks.ts';
import { enqueueWholeBank, REVIEW_PROBABILITY } from './crossmatch.ts';
import { NAMELESS_SIDES } from './match-keys.ts';
import { nameFrequencyFor } from './name-frequencies.ts';

/** Profiles read per statement: a million records in a hundred reads. */
const READ_PAGE = 10_000;
/** Pairs written per statement. */
const WRITE_PAGE = 500;

interface Subject {
  id: string;
  version: number;
}

export interface WholeBankProgress {
  stage: 'reading' | 'linking' | 'storing';
  done: number;
  total?: number;
}

/** Every active record's stored match profile, read in pages by id. */
async function activeProfiles(db: Db, onProgress?: (progress: WholeBankProgress) => void) {
  const subjects: Subject[] = [];
  const profiles: MatchProfile[] = [];
  let after: string | undefined;
  for (;;) {
    let query = db
      .selectFrom('records')
      .innerJoin('match_profiles', 'match_profiles.record_id', 'records.id')
      .select(['records.id', 'records.version', 'match_profiles.profile'])
      .where('records.status', '=', 'active')
      .orderBy('records.id')
      .limit(READ_PAGE);
    if (after) query = query.where('records.id', '>', after);
    const rows = await query.execute();
    for (const row of rows) {
      subjects.push({ id: row.id, version: row.version });
      profiles.push(JSON.parse(row.profile) as MatchProfile);
    }
    onProgress?.({ stage: 'reading', done: subjects.length });
    if (rows.length < READ_PAGE) break;
    after = rows.at(-1)!.id;
  }
  return { subjects, profiles };
}

type PairRow = Insertable<MatchTable>;

/**
 * Writes pairs found by a pass by the rules of `saveFound`: a new pair pending, a pending or
 * confirmed one rescored, a rejected one back to review only when a record changed since.
 */
async function storePairs(db: Db, rows: PairRow[]): Promise<void> {
  await db
    .insertInto('matches')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['record_a', 'record_b'])
        .doUpdateSet({
          probability: (eb) => eb.ref('excluded.probability'),
          weight: (eb) => eb.ref('excluded.weight'),
          explanation: (eb) => eb.ref('excluded.explanation'),
          model_version: (eb) => eb.ref('excluded.model_version'),
          version_a: (eb) => eb.ref('excluded.version_a'),
          version_b: (eb) => eb.ref('excluded.version_b'),
          updated_at: (eb) => eb.ref('excluded.updated_at'),
          // A rejected pair whose records changed since is put to a supervisor again.
          status: sql`CASE WHEN matches.status = 'rejected' THEN 'pending' ELSE matches.status END`,
          decided_by: sql`CASE WHEN matches.status = 'rejected' THEN NULL ELSE matches.decided_by END`,
          decided_at: sql`CASE WHEN matches.status = 'rejected' THEN NULL ELSE matches.decided_at END`,
          reason: sql`CASE WHEN matches.status = 'rejected' THEN NULL ELSE matches.reason END`,
        })
        // A pair is of one kind: found by name, it is not rescored by description.
        .where(
          sql<boolean>`matches.kind = excluded.kind AND (matches.status <> 'rejected' OR matches.version_a <> excluded.version_a OR matches.version_b <> excluded.version_b)`,
        ),
    )
    .execute();
}

/**
 * Takes off the queue the records this pass matched, but for missing and unidentified persons:
 * their nameless lists are ranked record by record (each against up to `NAMELESS_POOL` of the
 * other side) by the background matcher, which puts them back on the queue if this pass took them
 * off. Ranked here, a million records' lists would take several times the rest of the pass.
 */
async function leaveNamelessQueued(db: Db, started: Date): Promise<void> {
  await db
    .deleteFrom('crossmatch_queue')
    .where('queued_at', '<', started)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('records')
            .select('records.id')
            .whereRef('records.id', '=', 'crossmatch_queue.record_id')
            .where('records.status', '=', 'active')
            .where('records.category', 'in', [...NAMELESS_SIDES]),
        ),
      ),
    )
    .execute();
  await enqueueWholeBank(db, [...NAMELESS_SIDES]);
}

/**
 * The full cross-match of the bank in one pass: every active record's profile linked in memory
 * (blocking, comparison and the check's model, as `svod eval` links a file), each linked pair
 * scored again as a check scores it — with the bank's name frequencies — and stored by the rules
 * of `saveFound` in bulk: a new pair pending, a pending or confirmed one updated, a rejected one
 * back only when a record changed, a pending pair no longer found withdrawn. Records queued
 * before the pass began leave the queue, but missing and unidentified persons, whose nameless
 * pairs the background matcher finds (`leaveNamelessQueued`). Killed half-way it stores nothing wrong: a second run
 * does the whole pass again, and writes each pair once.
 */
export async function crossmatchWholeBank(db: Db, onProgress?: (progress: WholeBankProgress) => void): Promise<{ records: number; pairs: number }> {
  const started = new Date(Date.now() - 1);
  const { subjects, profiles } = await activeProfiles(db, onProgress);
  const weights = await weightsFor(db);
  const models: Partial<Record<Domain, LinkModel>> = { person: weights.person.model, vehicle: weights.vehicle.model, firearm: weights.firearm.model };
  const { links } = linkProfiles(profiles.map(linkableProfile), {
    models,
    threshold: REVIEW_PROBABILITY,
    onProgress: (_stage, done, total) => onProgress?.({ stage: 'linking', done, total }),
  });
  const frequency = await nameFrequencyFor(db, weights.person);
  const now = new Date();
  let stored = 0;
  for (let i = 0; i < links.length; i += WRITE_PAGE) {
    const rows = links.slice(i, i + WRITE_PAGE).flatMap(({ a, b }) => {
      const [first, second] = subjects[a]!.id < subjects[b]!.id ? [a, b] : [b, a];
      const query = profiles[first]!;
      const partner = profiles[second]!;
      const w = weights[query.domain];
      const score = candidateScorer(w, query, frequency)(partner);
      if (score.probability < REVIEW_PROBABILITY) return [];
      return [
        {
          id: randomUUID(),
          record_a: subjects[first]!.id,
          record_b: subjects[second]!.id,
          version_a: subjects[first]!.version,
          version_b: subjects[second]!.version,
          kind: 'same_subject' as const,
          probability: score.probability,
          weight: score.weight,
          explanation: JSON.stringify(score.explanation),
          model_version: w.model.version,
          status: 'pending' as const,
          found_at: now,
          updated_at: now,
        },
      ];
    });
    if (rows.length > 0) {
      await storePairs(db, rows);
      stored += rows.length;
    }
    onProgress?.({ stage: 'storing', done: Math.min(i + WRITE_PAGE, links.length), total: links.length });
  }
  // What this pass did not find again is no longer a candidate; pairs written since it began
  // (by the background matcher) are newer than `started` and stay.
  await db.deleteFrom('matches').where('kind', '=', 'same_subject').where('status', '=', 'pending').where('updated_at', '<', started).execute();
  await leaveNamelessQueued(db, started);
  return { records: subjects.length, pairs: stored };
}
