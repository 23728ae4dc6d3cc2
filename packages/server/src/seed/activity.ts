import { randomUUID } from 'node:crypto';
import { DEFAULT_PARTICIPANTS, agreementForRequest, type Category, type HistoryEntry, type HitOutcome, type RequestState } from '@svod/core';
import type { Db, Tx } from '../db/database.ts';
import { accessUnder, reads } from '../store/access.ts';
import { registerOf } from '../store/agreements.ts';
import { nextRegistrationNumber } from '../store/requests.ts';

export interface ActivityOptions {
  /** How far back the activity goes, in months up to now. */
  months: number;
  seed: number;
  /** Hits and requests a month, over all agencies. */
  perMonth: number;
  now?: Date;
}

export interface ActivityReport {
  hits: number;
  requests: number;
}

/** What a confirmed hit came to, by the array of the record it hit. */
const OUTCOME: Record<Category, HitOutcome> = {
  wanted_person: 'detained',
  missing_person: 'located',
  unidentified_corpse: 'identified',
  unidentified_person: 'identified',
  vehicle: 'recovered',
  firearm: 'recovered',
};

const HOUR = 3_600_000;

/** The request types the activity writes: those whose form is a person, a car or a gun to ask about. */
const GENERATED_TYPES = ['person_information', 'search_whereabouts', 'vehicle_information', 'firearm_information'] as const;
type GeneratedType = (typeof GENERATED_TYPES)[number];
const SUBJECTS: Record<GeneratedType, string> = {
  person_information: 'Сведения о лице',
  search_whereabouts: 'Установление местонахождения',
  vehicle_information: 'Сведения о транспортном средстве',
  firearm_information: 'Сведения об оружии',
};
const PEOPLE = [
  { surname: 'Ахметов', givenName: 'Болат', birthDate: '1985-03-02' },
  { surname: 'Каримова', givenName: 'Дилноза', birthDate: '1992-11-17' },
  { surname: 'Петренко', givenName: 'Андрей', birthDate: '1978-06-30' },
  { surname: 'Мамедов', givenName: 'Эльчин', birthDate: '1990-01-12' },
];

function formOf(type: GeneratedType, roll: () => number): object {
  const person = PEOPLE[Math.floor(roll() * PEOPLE.length)]!;
  if (type === 'vehicle_information') return { vin: `XTA21099${String(Math.floor(roll() * 1e9)).padStart(9, '0')}` };
  if (type === 'firearm_information') return { serialNumber: `ТТ${Math.floor(roll() * 1e6)}`, make: 'ТТ' };
  if (type === 'search_whereabouts') return { subject: person, lastKnownAddress: 'г. Бишкек' };
  return { subject: person };
}
const agencies = DEFAULT_PARTICIPANTS.filter((p) => p.state !== null).map((p) => p.code);

/** A small seeded generator (mulberry32): the same seed gives the same year. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Writes months of plausible cooperation into the bank, in the order it would have happened:
 * hits of one agency's checks on another's records (answered as owners answer), and requests
 * between agencies an agreement covers, each with its history from draft to answer. For the demo
 * and the statistics; nothing is backdated in the audit trail, so the checks the statistics count
 * are those made since.
 */
export async function generateActivity(db: Db, options: ActivityOptions): Promise<ActivityReport> {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const now = options.now ?? new Date();
  const span = options.months * 30 * 24 * HOUR;
  const count = options.months * options.perMonth;
  const moments = Array.from({ length: count }, () => new Date(now.getTime() - span + next() * (span - 2 * 24 * HOUR))).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  const register = await registerOf(db);
  const records = await db
    .selectFrom('records')
    .select(['id', 'owner', 'category', 'shared_with_all', 'shared_with'])
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(5_000)
    .execute();
  const report: ActivityReport = { hits: 0, requests: 0 };
  await db.transaction().execute(async (tx) => {
    for (const at of moments) {
      if (next() < 0.4 && records.length > 0) report.hits += await hitAt(tx, at, pick(records), pick(agencies), next);
      else report.requests += await requestAt(tx, at, pick(agencies), pick(agencies), pick(GENERATED_TYPES), next);
    }
  });
  return report;

  async function hitAt(tx: Tx, at: Date, record: (typeof records)[number], requester: string, roll: () => number): Promise<number> {
    if (requester === record.owner || !reads(accessUnder(register, requester, at.toISOString().slice(0, 10)), record)) return 0;
    const answer = roll();
    const answeredAt = new Date(at.getTime() + (5 + roll() * 50) * 60_000);
    const status = answer < 0.7 ? 'confirmed' : 'denied';
    await tx
      .insertInto('hits')
      .values({
        id: randomUUID(),
        record_id: record.id,
        owner: record.owner,
        requester,
        requested_by: 'svod-activity',
        requested_by_name: `${requester} — дежурная часть`,
        probability: 0.9 + roll() * 0.1,
        subject_held: roll() < 0.3,
        query: JSON.stringify({ generated: true }),
        status,
        deadline_at: new Date(at.getTime() + HOUR),
        answered_by: 'svod-activity',
        answered_at: answeredAt,
        answer_note: status === 'confirmed' ? 'Совпадение подтверждено' : 'Другое лицо',
        outcome: status === 'confirmed' ? OUTCOME[record.category as Category] : null,
        created_at: at,
        updated_at: answeredAt,
      })
      .execute();
    return 1;
  }

  async function requestAt(tx: Tx, at: Date, sender: string, recipient: string, type: GeneratedType, roll: () => number): Promise<number> {
    const covering = agreementForRequest(register, sender, recipient, type, at.toISOString().slice(0, 10));
    if (sender === recipient || !covering) return 0;
    const priority = roll() < 0.15 ? 'urgent' : 'routine';
    const id = randomUUID();
    const actor = (participant: string, role: 'operator' | 'supervisor') => ({
      id: 'svod-activity',
      name: `${participant} — ${role}`,
      participant,
      role,
    });
    // Working days are not counted here: a month to answer, as the longest deadlines are.
    const deadline = new Date(at.getTime() + 30 * 24 * HOUR);
    const answerAfter = (2 + roll() * (roll() < 0.15 ? 50 : 20)) * 24 * HOUR;
    const answeredAt = new Date(at.getTime() + answerAfter);
    const answered = answeredAt < now;
    const steps: [HistoryEntry['action'], RequestState | null, RequestState, ReturnType<typeof actor>, number][] = [
      ['create', null, 'draft', actor(sender, 'operator'), -2 * HOUR],
      ['sign', 'draft', 'signed', actor(sender, 'supervisor'), -HOUR],
      ['send', 'signed', 'sent', actor(sender, 'operator'), 0],
      ['acknowledge', 'sent', 'received', { id: 'svod', name: 'svod', participant: recipient, role: 'supervisor' }, 0],
      ['assign', 'received', 'assigned', actor(recipient, 'supervisor'), 4 * HOUR],
      ['start', 'assigned', 'in_work', actor(recipient, 'operator'), 24 * HOUR],
    ];
    if (answered) steps.push(['answer', 'in_work', 'answered', actor(recipient, 'supervisor'), answerAfter]);
    const last = steps.at(-1)!;
    await tx
      .insertInto('requests')
      .values({
        id,
        type,
        sender,
        recipient,
        priority,
        subject: `${SUBJECTS[type]} (${sender} → ${recipient})`,
        content: JSON.stringify({
          type,
          recipient,
          legalBasis: { agreement: covering.title },
          priority,
          subject: `${SUBJECTS[type]} (${sender} → ${recipient})`,
          body: 'Прошу сообщить имеющиеся сведения.',
          form: formOf(type, roll),
        }),
        state: last[2],
        version: steps.length,
        registration_number: await nextRegistrationNumber(tx, sender, at),
        assignee: null,
        created_by: 'svod-activity',
        created_at: new Date(at.getTime() - 2 * HOUR),
        updated_at: new Date(at.getTime() + last[4]),
        sent_at: at,
        received_at: at,
        deadline_at: deadline,
        remind_at: null,
        answered_at: answered ? answeredAt : null,
        reminded_at: null,
        // The watcher escalates at the deadline what is not answered by then.
        escalated_at: deadline < now && !(answered && answeredAt <= deadline) ? deadline : null,
      })
      .execute();
    await tx
      .insertInto('request_history')
      .values(
        steps.map(([action, from, to, by, offset], i) => {
          const entry = { at: new Date(at.getTime() + offset).toISOString(), action, actor: by, from, to };
          return {
            request_id: id,
            seq: i + 1,
            at: entry.at,
            action,
            from_state: from,
            to_state: to,
            actor_id: by.id,
            actor_name: by.name,
            actor_participant: by.participant,
            actor_role: by.role,
            entry: JSON.stringify(entry),
          };
        }),
      )
      .execute();
    return 1;
  }
}
