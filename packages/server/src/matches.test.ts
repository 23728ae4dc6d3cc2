import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordInput } from '@svod/core';
import { crossmatchWholeBank } from './store/crossmatch-bank.ts';
import { crossmatchBacklog, crossmatchQueued, enqueueWholeBank } from './store/crossmatch.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

interface Pair {
  id: string;
  status: string;
  kind: string;
  probability: number;
  explanation: { field: string }[];
  records: { id: string; owner: string }[];
  mayDecide: boolean;
}

describe.each(DIALECTS)('cross-matching and the review of matches on %s', (dialect) => {
  let t: TestApp;
  let ruSupervisor: Record<string, string>;
  let kzSupervisor: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ruSupervisor = await t.as('RU-MVD', 'supervisor');
    kzSupervisor = await t.as('KZ-MVD', 'supervisor');
  });
  afterAll(async () => t?.close());

  const create = async (participant: string, record: RecordInput) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: await t.as(participant, 'operator'), payload: record });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; version: number } & Record<string, unknown>;
  };
  const pairsOf = async (headers: Record<string, string>, record: string, status?: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/matches?record=${record}${status ? `&status=${status}` : ''}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json().items as Pair[];
  };
  /** The pair of these two records: each test files the same man again, so a record pairs with earlier tests' records too. */
  const pairOf = async (headers: Record<string, string>, a: string, b: string, status?: string) =>
    (await pairsOf(headers, a, status)).find((p) => p.records.some((r) => r.id === b));
  const decide = (headers: Record<string, string>, id: string, decision: 'confirm' | 'reject', reason?: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/matches/${id}/decision`, headers, payload: { decision, ...(reason ? { reason } : {}) } });

  /** The same man wanted by Russia in Cyrillic and by Kazakhstan with his name in Latin letters. */
  const sameManTwice = async () => {
    const ru = await create('RU-MVD', wantedPerson());
    const kz = await create(
      'KZ-MVD',
      wantedPerson({
        nationalRef: `KZ-W-${ru.id.slice(0, 8)}`,
        person: {
          names: [{ kind: 'primary', script: 'Latn', surname: 'RAKHMONOV', given: 'FARRUKH' }],
          sex: 'male',
          birthDate: '1989-04-17',
          citizenships: ['TJ'],
          documents: [{ type: 'passport', number: '400123456', issuingState: 'TJ' }],
        },
      }),
    );
    return { ru, kz };
  };

  it('a record written is queued and matched in the background; the pair of one man filed by two states waits for a decision', async () => {
    const { ru, kz } = await sameManTwice();
    expect(await crossmatchBacklog(t.db)).toBeGreaterThanOrEqual(2);
    await crossmatchQueued(t.db);
    expect(await crossmatchBacklog(t.db)).toBe(0);
    const pairs = await pairsOf(ruSupervisor, ru.id, 'pending');
    expect(pairs).toHaveLength(1);
    const pair = await pairOf(ruSupervisor, ru.id, kz.id, 'pending');
    expect(pair!.kind).toBe('same_subject');
    expect(pair!.probability).toBeGreaterThanOrEqual(0.5);
    expect(pair!.records.map((r) => r.id).sort()).toEqual([ru.id, kz.id].sort());
    expect(pair!.explanation.map((e) => e.field)).toEqual(expect.arrayContaining(['surname', 'given']));
    expect(pair!.mayDecide).toBe(true);
    // Matching again finds the same pair, not a second one.
    await enqueueWholeBank(t.db);
    await crossmatchQueued(t.db);
    expect(await pairsOf(ruSupervisor, ru.id)).toHaveLength(1);
  });

  it('a pair is decided once by a supervisor of either owner: an operator or a third state may not, a second decision gets 409', async () => {
    const { ru, kz } = await sameManTwice();
    await crossmatchQueued(t.db);
    const pair = await pairOf(ruSupervisor, ru.id, kz.id, 'pending');
    const operator = await decide(await t.as('RU-MVD', 'operator'), pair!.id, 'confirm');
    expect(operator.statusCode).toBe(403);
    const stranger = await decide(await t.as('BY-MVD', 'supervisor'), pair!.id, 'confirm');
    expect(stranger.statusCode).toBe(403);
    const noReason = await decide(kzSupervisor, pair!.id, 'reject');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('/reason');

    const [first, second] = await Promise.all([decide(ruSupervisor, pair!.id, 'confirm'), decide(kzSupervisor, pair!.id, 'reject', 'другое лицо')]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = first.statusCode === 200 ? first : second;
    const loser = first.statusCode === 200 ? second : first;
    expect(loser.json().code).toBe('match_decided');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/matches/${pair!.id}`, headers: kzSupervisor });
    expect(read.json().status).toBe(winner.json().status);
    expect(read.json().mayDecide).toBe(false);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('resource_id', '=', pair!.id)
      .where('action', '=', 'match.decide')
      .execute();
    expect(audit.map((a) => a.outcome).sort()).toEqual(['failure', 'failure', 'failure', 'failure', 'success']);
  });

  it('a rejected pair is not proposed again until one of its records changes', async () => {
    const { ru, kz } = await sameManTwice();
    await crossmatchQueued(t.db);
    const pair = await pairOf(ruSupervisor, ru.id, kz.id, 'pending');
    expect((await decide(ruSupervisor, pair!.id, 'reject', 'разные лица, проверено по дактилокарте')).statusCode).toBe(200);
    await enqueueWholeBank(t.db);
    await crossmatchQueued(t.db);
    expect((await pairOf(ruSupervisor, ru.id, kz.id))!.status).toBe('rejected');

    const { id, version, category: _c, nationalRef: _n, owner: _o, status: _s, createdAt: _a, updatedAt: _u, attachments: _t, ...content } = kz;
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${id}`,
      headers: await t.as('KZ-MVD', 'operator'),
      payload: { ...content, version, remarks: 'уточнены приметы' },
    });
    expect(edited.statusCode).toBe(200);
    await crossmatchQueued(t.db);
    const again = await pairOf(ruSupervisor, ru.id, kz.id);
    expect(again!.status).toBe('pending');
    expect(again!.id).toBe(pair!.id);
  });

  it('a participant sees no pair with a record not shared with it, and a cancelled record leaves the queue of pending pairs', async () => {
    const ru = await create('RU-MVD', wantedPerson({ distribution: { kind: 'participants', participants: ['KZ-MVD'] } }));
    const kz = await create('KZ-MVD', wantedPerson({ nationalRef: `KZ-W2-${ru.id.slice(0, 8)}` }));
    await crossmatchQueued(t.db);
    expect((await pairsOf(kzSupervisor, kz.id, 'pending')).map((p) => p.records.map((r) => r.id).sort())).toContainEqual([ru.id, kz.id].sort());
    const uz = await t.as('UZ-MVD', 'supervisor');
    expect((await pairsOf(uz, kz.id)).some((p) => p.records.some((r) => r.id === ru.id))).toBe(false);
    const [pair] = (await pairsOf(kzSupervisor, kz.id, 'pending')).filter((p) => p.records.some((r) => r.id === ru.id));
    const hidden = await t.app.inject({ method: 'GET', url: `/api/v1/matches/${pair!.id}`, headers: uz });
    expect(hidden.statusCode).toBe(404);

    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${ru.id}/cancel`,
      headers: await t.as('RU-MVD', 'operator'),
      payload: { version: ru.version, reason: 'розыск прекращён' },
    });
    expect(cancelled.statusCode).toBe(200);
    await crossmatchQueued(t.db);
    expect((await pairsOf(kzSupervisor, kz.id, 'pending')).some((p) => p.records.some((r) => r.id === ru.id))).toBe(false);
  });

  it("a record another state files of a subject already in the bank at hit probability opens one hit for the first record's owner", async () => {
    const person = (names: { surname: string; given: string; script: 'Cyrl' | 'Latn' }) =>
      wantedPerson({
        nationalRef: `${names.script}-${Math.random().toString(36).slice(2, 10)}`,
        person: {
          names: [{ kind: 'primary', ...names }],
          sex: 'male',
          birthDate: '1977-11-02',
          documents: [{ type: 'passport', number: 'AB9988776', issuingState: 'UZ' }],
        },
      });
    const ru = await create('RU-MVD', person({ surname: 'Эргашев', given: 'Бахтиёр', script: 'Cyrl' }));
    await crossmatchQueued(t.db);
    await create('KZ-MVD', person({ surname: 'ERGASHEV', given: 'BAKHTIYOR', script: 'Latn' }));
    await crossmatchQueued(t.db);
    const hitsOn = async () =>
      (
        (await t.app.inject({ method: 'GET', url: '/api/v1/hits?box=inbox', headers: await t.as('RU-MVD', 'operator') })).json().items as {
          record: { id: string };
          requester: string;
          requestedBy: string;
        }[]
      ).filter((h) => h.record.id === ru.id);
    expect(await hitsOn()).toEqual([expect.objectContaining({ requester: 'KZ-MVD', requestedBy: 'svod cross-matching' })]);
    await enqueueWholeBank(t.db);
    await crossmatchQueued(t.db);
    expect(await hitsOn()).toHaveLength(1);
  });

  it("the full pass over the bank finds the pairs the queue found and keeps the supervisors' decisions", async () => {
    const { ru, kz } = await sameManTwice();
    await crossmatchQueued(t.db);
    const pair = await pairOf(ruSupervisor, ru.id, kz.id, 'pending');
    expect((await decide(ruSupervisor, pair!.id, 'reject', 'разные лица')).statusCode).toBe(200);
    const before = await t.db.selectFrom('matches').select(['id', 'status']).orderBy('id').execute();
    const result = await crossmatchWholeBank(t.db);
    expect(result.records).toBeGreaterThan(0);
    const after = await t.db.selectFrom('matches').select(['id', 'status']).orderBy('id').execute();
    expect(after).toEqual(before);
    expect(await crossmatchBacklog(t.db)).toBe(0);
  });

  it('only an administrator of BKBOP may queue the full cross-match of the bank', async () => {
    const ask = async (participant: string, role: 'administrator' | 'supervisor') =>
      t.app.inject({ method: 'POST', url: '/api/v1/crossmatch', headers: await t.as(participant, role) });
    expect((await ask('RU-MVD', 'administrator')).statusCode).toBe(403);
    expect((await ask('BKBOP', 'supervisor')).statusCode).toBe(403);
    const asked = await ask('BKBOP', 'administrator');
    expect(asked.statusCode).toBe(202);
    expect(asked.json().backlog).toBeGreaterThan(0);
    expect(await crossmatchBacklog(t.db)).toBe(asked.json().backlog);
    await crossmatchQueued(t.db);
  });

  it('records joined by confirmed pairs are one subject on each record page, through a record the reader may not see', async () => {
    const { ru, kz } = await sameManTwice();
    const uz = await create(
      'UZ-MVD',
      wantedPerson({
        nationalRef: `UZ-W-${ru.id.slice(0, 8)}`,
        distribution: { kind: 'participants', participants: ['KZ-MVD'] },
        person: {
          names: [{ kind: 'primary', script: 'Latn', surname: 'RAHMONOV', given: 'FARRUH' }],
          sex: 'male',
          birthDate: '1989-04-17',
          documents: [{ type: 'passport', number: '400123456', issuingState: 'TJ' }],
        },
      }),
    );
    await crossmatchQueued(t.db);
    const ruKz = await pairOf(ruSupervisor, ru.id, kz.id, 'pending');
    const kzUz = await pairOf(kzSupervisor, kz.id, uz.id, 'pending');
    expect((await decide(ruSupervisor, ruKz!.id, 'confirm')).statusCode).toBe(200);
    expect((await decide(kzSupervisor, kzUz!.id, 'confirm')).statusCode).toBe(200);
    const cluster = async (participant: string, id: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}/cluster`, headers: await t.as(participant, 'operator') });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().items as { id: string }[]).map((r) => r.id).sort();
    };
    expect(await cluster('KZ-MVD', ru.id)).toEqual([kz.id, uz.id].sort());
    // Russia may not see Uzbekistan's record: it sees the rest of the subject, not that record.
    expect(await cluster('RU-MVD', ru.id)).toEqual([kz.id]);
    expect(await cluster('RU-MVD', kz.id)).toEqual([ru.id]);
    const unseen = await t.app.inject({ method: 'GET', url: `/api/v1/records/${uz.id}/cluster`, headers: await t.as('RU-MVD', 'operator') });
    expect(unseen.statusCode).toBe(404);
    const alone = await create('RU-MVD', stolenVehicle());
    expect(await cluster('RU-MVD', alone.id)).toEqual([]);
  });

  it("an officer sees how many of the participant's records still wait to be cross-matched, down to none once the matcher has run", async () => {
    const progress = async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/crossmatch', headers: await t.as('KZ-MVD', 'operator') });
      expect(response.statusCode).toBe(200);
      return response.json() as { waiting: number; backlog: number; oldestQueuedAt: string | null };
    };
    await crossmatchQueued(t.db);
    await create('KZ-MVD', stolenVehicle());
    await create('KZ-MVD', stolenVehicle());
    await create('RU-MVD', stolenVehicle());
    const before = await progress();
    expect(before).toMatchObject({ waiting: 2, backlog: 3 });
    expect(Date.parse(before.oldestQueuedAt!)).toBeLessThanOrEqual(Date.now());
    await crossmatchQueued(t.db);
    expect(await progress()).toEqual({ waiting: 0, backlog: 0, oldestQueuedAt: null });
  });

  it('vehicles are matched with vehicles by VIN, across states', async () => {
    const ru = await create('RU-MVD', stolenVehicle());
    const kz = await create('KZ-MVD', stolenVehicle());
    await crossmatchQueued(t.db);
    const pairs = await pairsOf(ruSupervisor, ru.id);
    expect(pairs.map((p) => p.records.map((r) => r.id).sort())).toContainEqual([ru.id, kz.id].sort());
  });
});
