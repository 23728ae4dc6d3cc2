import {
  candidateScorer,
  CATEGORIES,
  NAMELESS_POOL,
  namelessBlockKeys,
  namelessForReview,
  namelessProfile,
  type NamelessProfile,
  domainOfCategory,
  linkableProfile,
  linkProfiles,
  profileOf,
  type Domain,
  type LinkModel,
  type MatchProfile,
  type RecordInput,
} from '@svod/core';
import type { Db } from '../db/database.ts';
import { weightsFor } from './checks.ts';
import { REVIEW_PROBABILITY } from './crossmatch.ts';
import { nameFrequencyFor } from './name-frequencies.ts';
import { readAccess, visibleTo, type ReadAccess } from './access.ts';

/** A row of an array that may be the same subject as another participant's record. */
export interface CrossStateMatch {
  row: number;
  recordId: string;
  owner: string;
  nationalRef: string;
  probability: number;
  /** Found by name and identifiers, or — a missing person and an unidentified one — by description. */
  kind: 'same_subject' | 'nameless';
}

/** Whose records an array is set against: every other participant's it may see, or one's. */
export interface AgainstWhom {
  participant: string;
  /** Only this participant's records (e.g. another state's unidentified bodies). */
  only?: string;
}

/** Partners listed per row at most, best first. */
const PER_ROW = 5;
/**
 * Pairs linked in memory at this probability or more are scored again as a check scores them.
 * Lower than the review probability: linking weighs fields without a check's adjustments (a
 * VIN's uniqueness), so a car whose plate changed links below 0.5 yet scores 0.9 as a check.
 */
const LINK_PROBABILITY = 0.01;
/** Profiles read per statement. */
const READ_PAGE = 10_000;

/**
 * The records of other participants, in force and visible to this one, that rows of its array may
 * be the same subject as: the rows and those records linked together in memory as the full
 * cross-match links the bank, each pair scored again as a check scores it, those at the review
 * probability kept. Only the domain of the rows (persons, vehicles or firearms) is read.
 */
export async function crossStateMatches(
  db: Db,
  against: AgainstWhom,
  rows: readonly { row: number; record: RecordInput }[],
): Promise<CrossStateMatch[]> {
  if (rows.length === 0) return [];
  const access = await readAccess(db, against.participant);
  const named = await namedMatches(db, against, access, rows);
  return [...named, ...(await namelessMatches(db, against, access, rows))];
}

/** Other participants' records in force and visible to this one, of these categories; one participant's when asked. */
function othersRecords(db: Db, against: AgainstWhom, access: ReadAccess, categories: readonly string[]) {
  let query = db
    .selectFrom('records')
    .where('records.owner', '<>', against.participant)
    .where('records.status', '=', 'active')
    .where('records.category', 'in', categories)
    .where(visibleTo(access));
  if (against.only) query = query.where('records.owner', '=', against.only);
  return query;
}

async function namedMatches(
  db: Db,
  against: AgainstWhom,
  access: ReadAccess,
  rows: readonly { row: number; record: RecordInput }[],
): Promise<CrossStateMatch[]> {
  const domain = domainOfCategory(rows[0]!.record.category);
  const categories = CATEGORIES.filter((c) => domainOfCategory(c) === domain);
  const theirs: { id: string; owner: string; nationalRef: string }[] = [];
  const profiles: (MatchProfile | undefined)[] = rows.map((r) => linkableProfile(profileOf(r.record)));
  let after: string | undefined;
  for (;;) {
    let query = othersRecords(db, against, access, categories)
      .innerJoin('match_profiles', 'match_profiles.record_id', 'records.id')
      .select(['records.id', 'records.owner', 'records.national_ref', 'match_profiles.profile'])
      .orderBy('records.id')
      .limit(READ_PAGE);
    if (after) query = query.where('records.id', '>', after);
    const page = await query.execute();
    for (const r of page) {
      theirs.push({ id: r.id, owner: r.owner, nationalRef: r.national_ref });
      profiles.push(linkableProfile(JSON.parse(r.profile) as MatchProfile));
    }
    if (page.length < READ_PAGE) break;
    after = page.at(-1)!.id;
  }
  if (theirs.length === 0) return [];
  const weights = await weightsFor(db);
  const models: Partial<Record<Domain, LinkModel>> = { [domain]: weights[domain].model };
  const { links } = linkProfiles(profiles, { models, threshold: LINK_PROBABILITY });
  const frequency = await nameFrequencyFor(db, weights.person);
  const byRow = new Map<number, CrossStateMatch[]>();
  for (const { a, b } of links) {
    // Only a row with another participant's record: rows with rows are duplicates, found apart.
    const [mine, other] = a < rows.length && b >= rows.length ? [a, b] : b < rows.length && a >= rows.length ? [b, a] : [-1, -1];
    if (mine < 0) continue;
    const score = candidateScorer(weights[domain], profiles[mine]!, frequency)(profiles[other]!);
    if (score.probability < REVIEW_PROBABILITY) continue;
    const record = theirs[other - rows.length]!;
    const row = rows[mine]!.row;
    const list = byRow.get(row) ?? [];
    list.push({
      row,
      recordId: record.id,
      owner: record.owner,
      nationalRef: record.nationalRef,
      probability: score.probability,
      kind: 'same_subject',
    });
    byRow.set(row, list);
  }
  return [...byRow.values()].flatMap((list) => list.sort((x, y) => y.probability - x.probability).slice(0, PER_ROW));
}

/** The categories a missing or unidentified array is set against by description. */
const OTHER_SIDE: Partial<Record<string, readonly string[]>> = {
  missing_person: ['unidentified_corpse', 'unidentified_person'],
  unidentified_corpse: ['missing_person'],
  unidentified_person: ['missing_person'],
};

/**
 * For an array of missing persons, other participants' unidentified bodies and living persons
 * each row may be (and for an array of unidentified ones, the missing persons): each row ranked by
 * description as the bank ranks a record (`namelessForReview`: the first three, likely enough)
 * against the other side's stored descriptions sharing a blocking key, at most `NAMELESS_POOL`.
 */
async function namelessMatches(
  db: Db,
  against: AgainstWhom,
  access: ReadAccess,
  rows: readonly { row: number; record: RecordInput }[],
): Promise<CrossStateMatch[]> {
  const otherSide = OTHER_SIDE[rows[0]!.record.category];
  if (!otherSide) return [];
  const theirs: { id: string; owner: string; nationalRef: string; profile: NamelessProfile }[] = [];
  const byKey = new Map<string, number[]>();
  let after: string | undefined;
  for (;;) {
    let query = othersRecords(db, against, access, otherSide)
      .innerJoin('nameless_profiles', 'nameless_profiles.record_id', 'records.id')
      .select(['records.id', 'records.owner', 'records.national_ref', 'nameless_profiles.profile'])
      .orderBy('records.id')
      .limit(READ_PAGE);
    if (after) query = query.where('records.id', '>', after);
    const page = await query.execute();
    for (const r of page) {
      const profile = JSON.parse(r.profile) as NamelessProfile;
      for (const key of namelessBlockKeys(profile)) {
        const list = byKey.get(key);
        if (list) list.push(theirs.length);
        else byKey.set(key, [theirs.length]);
      }
      theirs.push({ id: r.id, owner: r.owner, nationalRef: r.national_ref, profile });
    }
    if (page.length < READ_PAGE) break;
    after = page.at(-1)!.id;
  }
  if (theirs.length === 0) return [];
  const found: CrossStateMatch[] = [];
  const shared = new Map<number, number>();
  for (const { row, record } of rows) {
    const subject = namelessProfile(record);
    if (!subject) continue;
    shared.clear();
    for (const key of namelessBlockKeys(subject)) for (const i of byKey.get(key) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    // As the bank reads them: those sharing the most keys first, at most NAMELESS_POOL.
    const pool = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, NAMELESS_POOL)
      .map(([i]) => i);
    for (const ranked of namelessForReview(
      subject,
      pool.map((i) => theirs[i]!.profile),
    )) {
      const partner = theirs[pool[ranked.index]!]!;
      found.push({
        row,
        recordId: partner.id,
        owner: partner.owner,
        nationalRef: partner.nationalRef,
        probability: ranked.probability,
        kind: 'nameless',
      });
    }
  }
  return found;
}
