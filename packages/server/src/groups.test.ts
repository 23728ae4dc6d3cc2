import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupInput, GroupView, Role } from '@svod/core';
import { eventsSince } from './store/events.ts';
import { insertUser } from './store/users.ts';
import { DIALECTS, TEST_PASSWORD, TEST_PASSWORD_POLICY, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

type Headers = Record<string, string>;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const terms = (): GroupInput => ({
  kind: 'investigative',
  title: 'ССГ по делу о контрабанде оружия через Хоргос',
  purpose: 'Установить каналы поставки и участников группы',
  legalBasis: 'Соглашение о создании и деятельности совместных следственно-оперативных групп, Душанбе, 16.10.2015',
  participants: ['MD-MAI', 'KZ-MVD'],
  startsOn: soon(-1),
  endsOn: soon(180),
});

describe.each(DIALECTS)('joint investigative groups, on %s', (dialect) => {
  let t: TestApp;
  let leader: Headers;
  let kzOperator: Headers;
  let kzAnalyst: Headers;
  let mdColleague: Headers;
  let group: GroupView;
  const ids: Record<string, string> = {};

  const call = (method: string, url: string, headers: Headers, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** A second person of an agency in the same role: a colleague who is not in the group. */
  async function person(participant: string, role: Role, username: string): Promise<Headers> {
    const user = await insertUser(t.db, { participant, username, displayName: username, role, password: TEST_PASSWORD }, TEST_PASSWORD_POLICY);
    ids[username] = user.id;
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
    return { authorization: `Bearer ${login.json().token}` };
  }
  const userId = async (headers: Headers) => (await call('GET', '/auth/me', headers)).json().id as string;
  const view = async (headers: Headers) => {
    const response = await call('GET', `/groups/${group.id}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as GroupView;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await t.as('MD-MAI', 'supervisor');
    kzOperator = await t.as('KZ-MVD', 'operator');
    kzAnalyst = await t.as('KZ-MVD', 'analyst');
    mdColleague = await person('MD-MAI', 'supervisor', 'md.colleague');
    await t.as('KZ-MVD', 'administrator');
    await person('RU-MVD', 'operator', 'ru.outsider');
  });
  afterAll(async () => t?.close());

  it('a supervisor forms a group its agency leads and is its first leader; bad terms are refused at their fields', async () => {
    const backwards = await call('POST', '/groups', leader, { ...terms(), endsOn: soon(-30) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toContainEqual(expect.objectContaining({ path: '/endsOn', code: 'date_order' }));
    const notLed = await call('POST', '/groups', leader, { ...terms(), participants: ['KZ-MVD', 'KG-MVD'] });
    expect(notLed.json().errors).toContainEqual(expect.objectContaining({ path: '/participants', code: 'lead_not_participant' }));
    const stranger = await call('POST', '/groups', leader, { ...terms(), participants: ['MD-MAI', 'XX-NONE'] });
    expect(stranger.json().errors).toContainEqual(expect.objectContaining({ path: '/participants/1', code: 'unknown_participant' }));
    expect((await call('POST', '/groups', kzOperator, { ...terms(), participants: ['KZ-MVD', 'MD-MAI'] })).statusCode).toBe(403);

    const created = await call('POST', '/groups', leader, terms());
    expect(created.statusCode, created.body).toBe(201);
    group = created.json();
    expect(group).toMatchObject({ lead: 'MD-MAI', status: 'active', memberCount: 1, allowedActions: ['write', 'manage'] });
    expect(group.members).toEqual([expect.objectContaining({ participant: 'MD-MAI', leader: true })]);
  });

  it('no one but a member learns the group exists: not a colleague of the same agency, not another agency, not their event streams', async () => {
    for (const outsider of [mdColleague, kzOperator]) {
      expect((await call('GET', `/groups/${group.id}`, outsider)).statusCode).toBe(404);
      expect((await call('GET', '/groups', outsider)).json().items).toEqual([]);
      expect((await call('POST', `/groups/${group.id}/messages`, outsider, { body: 'test' })).statusCode).toBe(404);
      expect((await call('GET', `/groups/${group.id}/timeline`, outsider)).statusCode).toBe(404);
    }
    expect((await call('GET', '/groups', leader)).json().items.map((g: { id: string }) => g.id)).toEqual([group.id]);
    const colleagueEvents = await eventsSince(t.db, { participant: 'MD-MAI', userId: ids['md.colleague']! }, 0);
    expect(colleagueEvents.filter((e) => e.type === 'group.changed')).toEqual([]);
    const leaderEvents = await eventsSince(t.db, { participant: 'MD-MAI', userId: await userId(leader) }, 0);
    expect(leaderEvents.filter((e) => e.type === 'group.changed').map((e) => e.payload)).toContainEqual({ group: group.id, action: 'created' });
  });

  it('a leader adds people of the group’s agencies by login; a login of another agency, an unknown one or an administrator is refused alike', async () => {
    const added = await call('POST', `/groups/${group.id}/members`, leader, { username: 'kz-mvd.operator' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().members.map((m: { participant: string }) => m.participant)).toEqual(['MD-MAI', 'KZ-MVD']);
    for (const username of ['ru.outsider', 'no.such.login']) {
      const refused = await call('POST', `/groups/${group.id}/members`, leader, { username });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([expect.objectContaining({ path: '/username', code: 'not_in_group' })]);
    }
    const admin = await call('POST', `/groups/${group.id}/members`, leader, { username: 'kz-mvd.administrator' });
    expect(admin.json().errors).toContainEqual(expect.objectContaining({ path: '/username', code: 'not_allowed_value' }));
    const twice = await call('POST', `/groups/${group.id}/members`, leader, { username: 'kz-mvd.operator' });
    expect(twice.json().errors).toContainEqual(expect.objectContaining({ code: 'already_in_group' }));
    // A member who is no leader brings in colleagues of their own agency only.
    expect((await call('POST', `/groups/${group.id}/members`, kzOperator, { username: 'md.colleague' })).statusCode).toBe(400);
    expect((await call('POST', `/groups/${group.id}/members`, kzOperator, { username: 'kz-mvd.analyst' })).statusCode).toBe(200);
    expect((await view(kzAnalyst)).members).toHaveLength(3);
  });

  it("a record linked by its owner's operator shows to the group even where its distribution leaves the other members out", async () => {
    const narrow = await call(
      'POST',
      '/records',
      kzOperator,
      wantedPerson({ nationalRef: 'KZ-W-JIT-1', distribution: { kind: 'participants', participants: ['BY-MVD'] } }),
    );
    expect(narrow.statusCode, narrow.body).toBe(201);
    ids.narrow = narrow.json().id;
    expect((await call('GET', `/records/${ids.narrow}`, leader)).statusCode).toBe(404);
    const linked = await call('POST', `/groups/${group.id}/records`, kzOperator, { recordId: ids.narrow, note: 'Организатор канала' });
    expect(linked.statusCode, linked.body).toBe(200);
    const seen = (await view(leader)).records.find((r) => r.recordId === ids.narrow)!;
    expect(seen).toMatchObject({ owner: 'KZ-MVD', consent: 'granted', note: 'Организатор канала' });
    expect(seen.record?.nationalRef).toBe('KZ-W-JIT-1');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'group.read')
      .where('resource_id', '=', group.id)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(JSON.stringify(audit?.detail)).toContain(ids.narrow);
    // Still not through the record's own address: the group is where it is shared.
    expect((await call('GET', `/records/${ids.narrow}`, leader)).statusCode).toBe(404);
  });

  it("another agency's record waits for its owner's consent; the owner's operator gives it, or withdraws it, and an analyst cannot", async () => {
    const shared = await call('POST', '/records', kzOperator, wantedPerson({ nationalRef: 'KZ-W-JIT-2' }));
    ids.shared = shared.json().id;
    const linked = await call('POST', `/groups/${group.id}/records`, leader, { recordId: ids.shared });
    expect(linked.statusCode, linked.body).toBe(200);
    const pending = (await view(kzOperator)).records.find((r) => r.recordId === ids.shared)!;
    expect(pending).toMatchObject({ consent: 'pending', record: null });
    const consent = (headers: Headers, decision: string) => call('POST', `/groups/${group.id}/records/${ids.shared}/consent`, headers, { decision });
    expect((await consent(kzAnalyst, 'granted')).statusCode).toBe(403);
    expect((await consent(leader, 'granted')).statusCode).toBe(403);
    expect((await consent(kzOperator, 'granted')).statusCode).toBe(200);
    expect((await view(leader)).records.find((r) => r.recordId === ids.shared)!.record?.nationalRef).toBe('KZ-W-JIT-2');
    expect((await consent(kzOperator, 'refused')).statusCode).toBe(200);
    expect((await view(leader)).records.find((r) => r.recordId === ids.shared)!.record).toBeNull();
    // A record the linker cannot read, or of an agency outside the group, is not linked.
    const ru = await call('POST', '/records', await t.as('RU-MVD', 'operator'), stolenVehicle({ nationalRef: 'RU-V-1' }));
    expect((await call('POST', `/groups/${group.id}/records`, leader, { recordId: ru.json().id })).statusCode).toBeGreaterThanOrEqual(400);
    const again = await call('POST', `/groups/${group.id}/records`, leader, { recordId: ids.shared });
    expect(again.json().errors).toContainEqual(expect.objectContaining({ path: '/recordId', code: 'already_in_group' }));
  });

  it('members keep a thread, documents and tasks; each step is on the timeline and reaches every member', async () => {
    const posted = await call('POST', `/groups/${group.id}/messages`, kzOperator, { body: 'Груз ожидается 12-го, пост Хоргос' });
    expect(posted.statusCode, posted.body).toBe(201);
    const messages = (await call('GET', `/groups/${group.id}/messages?limit=10`, leader)).json();
    expect(messages.items[0]).toMatchObject({ body: 'Груз ожидается 12-го, пост Хоргос', participant: 'KZ-MVD' });

    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/groups/${group.id}/documents?filename=схема.png`,
      headers: { ...leader, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const download = await call('GET', `/groups/${group.id}/documents/${upload.json().id}`, kzAnalyst);
    expect(download.statusCode).toBe(200);
    expect(Buffer.from(download.rawPayload).equals(PNG)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect((await call('GET', `/groups/${group.id}/documents/${upload.json().id}`, mdColleague)).statusCode).toBe(404);

    const kzOperatorId = await userId(kzOperator);
    const outside = await call('POST', `/groups/${group.id}/tasks`, leader, { title: 'Запросить биллинг', assignee: ids['md.colleague'] });
    expect(outside.json().errors).toContainEqual(expect.objectContaining({ path: '/assignee', code: 'not_in_group' }));
    const tasked = await call('POST', `/groups/${group.id}/tasks`, leader, { title: 'Запросить биллинг', assignee: kzOperatorId, dueOn: soon(-1) });
    expect(tasked.statusCode, tasked.body).toBe(200);
    const task = tasked.json().tasks[0];
    expect(task).toMatchObject({ state: 'open', overdue: true, assigneeName: 'kz-mvd.operator' });
    expect(
      (await call('PUT', `/groups/${group.id}/tasks/${task.id}`, kzAnalyst, { state: 'done', assignee: kzOperatorId, dueOn: null, version: 1 }))
        .statusCode,
    ).toBe(403);
    const done = await call('PUT', `/groups/${group.id}/tasks/${task.id}`, kzOperator, {
      state: 'done',
      assignee: kzOperatorId,
      dueOn: task.dueOn,
      version: 1,
    });
    expect(done.json().tasks[0]).toMatchObject({ state: 'done', overdue: false, version: 2 });
    const stale = await call('PUT', `/groups/${group.id}/tasks/${task.id}`, leader, { state: 'open', assignee: null, dueOn: null, version: 1 });
    expect(stale.statusCode).toBe(409);

    const timeline = (await call('GET', `/groups/${group.id}/timeline?limit=200`, kzAnalyst)).json().items as { seq: number; action: string }[];
    expect(timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'created',
        'member_added',
        'record_linked',
        'record_consent',
        'message_posted',
        'document_added',
        'task_created',
        'task_updated',
      ]),
    );
    expect(timeline.map((e) => e.seq)).toEqual([...timeline.map((e) => e.seq)].sort((a, b) => b - a));
    const analystEvents = await eventsSince(t.db, { participant: 'KZ-MVD', userId: await userId(kzAnalyst) }, 0);
    expect(analystEvents.some((e) => e.type === 'group.changed' && e.payload.action === 'task_updated')).toBe(true);
  });

  it('members writing at once each get their own place on the timeline and nothing is lost', async () => {
    const before = (await call('GET', `/groups/${group.id}/messages?limit=200`, leader)).json().items.length;
    const posts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call('POST', `/groups/${group.id}/messages`, i % 2 ? leader : kzOperator, { body: `Сообщение ${i}` })),
    );
    expect(posts.map((p) => p.statusCode)).toEqual(Array(8).fill(201));
    const after = (await call('GET', `/groups/${group.id}/messages?limit=200`, leader)).json().items;
    expect(after).toHaveLength(before + 8);
    const timeline = (await call('GET', `/groups/${group.id}/timeline?limit=200`, leader)).json().items as { seq: number }[];
    expect(new Set(timeline.map((e) => e.seq)).size).toBe(timeline.length);
    // A client that retries with its key after a lost answer posts once.
    const retry = (body: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/groups/${group.id}/messages`,
        headers: { ...leader, 'idempotency-key': 'retry-0001-message' },
        payload: { body },
      });
    const [sent, resent] = [await retry('Повтор'), await retry('Повтор')];
    expect(resent.json().id).toBe(sent.json().id);
    expect((await retry('Другой текст')).statusCode).toBe(422);
    expect((await call('GET', `/groups/${group.id}/messages?limit=200`, leader)).json().items).toHaveLength(before + 9);
    // Older pages follow on without a gap.
    const first = (await call('GET', `/groups/${group.id}/timeline?limit=5`, leader)).json();
    const second = (await call('GET', `/groups/${group.id}/timeline?limit=5&cursor=${first.next}`, leader)).json();
    expect(second.items[0].seq).toBe(first.items[4].seq - 1);
  });

  it('a member taken out reads nothing of the group from the next request; the last leader cannot leave', async () => {
    const analystId = await userId(kzAnalyst);
    expect((await call('GET', `/groups/${group.id}`, kzAnalyst)).statusCode).toBe(200);
    expect((await call('DELETE', `/groups/${group.id}/members/${analystId}`, kzOperator)).statusCode).toBe(403);
    const removed = await call('DELETE', `/groups/${group.id}/members/${analystId}`, leader);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await call('GET', `/groups/${group.id}`, kzAnalyst)).statusCode).toBe(404);
    expect((await call('GET', `/groups/${group.id}/documents/00000000-0000-4000-8000-000000000000`, kzAnalyst)).statusCode).toBe(404);
    const lastLeader = await call('DELETE', `/groups/${group.id}/members/${await userId(leader)}`, leader);
    expect(lastLeader.json().errors).toContainEqual(expect.objectContaining({ code: 'still_needed' }));
  });

  it('terms change at the version read; once the group ends it is read-only and shows no linked record', async () => {
    const { version } = await view(leader);
    const { id: _id, ...rest } = { id: 0, ...terms() };
    expect((await call('PUT', `/groups/${group.id}`, kzOperator, { ...rest, version })).statusCode).toBe(403);
    const extended = await call('PUT', `/groups/${group.id}`, leader, { ...rest, endsOn: soon(365), version });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json().endsOn).toBe(soon(365));
    expect((await call('PUT', `/groups/${group.id}`, leader, { ...rest, version })).statusCode).toBe(409);
    const dropStaffed = await call('PUT', `/groups/${group.id}`, leader, { ...rest, participants: ['MD-MAI', 'BY-MVD'], version: version + 1 });
    expect(dropStaffed.json().errors).toContainEqual(expect.objectContaining({ path: '/participants', code: 'still_needed' }));

    const ended = await call('POST', `/groups/${group.id}/end`, leader, { reason: 'Дело передано в суд' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', allowedActions: [] });
    expect(ended.json().records.every((r: { record: unknown }) => r.record === null)).toBe(true);
    const refused = await call('POST', `/groups/${group.id}/messages`, kzOperator, { body: 'ещё одно' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('group_ended');
    expect((await call('GET', `/groups/${group.id}/messages`, kzOperator)).statusCode).toBe(200);
    const failures = await t.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('action', '=', 'group.message.create')
      .where('outcome', '=', 'failure')
      .execute();
    expect(failures.length).toBeGreaterThan(0);
  });
});
