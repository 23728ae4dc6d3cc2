import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processHitDeadlines, DEFAULT_HIT_DEADLINES } from './store/hits.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { wantedPerson } from './test/fixtures/records.ts';

const MINUTE = 60_000;

describe.each(DIALECTS)('hits: the owner told at once and held to a deadline, on %s', (dialect) => {
  let t: TestApp;
  let ruOperator: Record<string, string>;
  let kzOperator: Record<string, string>;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ruOperator = await t.as('RU-MVD', 'operator');
    kzOperator = await t.as('KZ-MVD', 'operator');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => t?.close());

  /** A man wanted by Russia, with a passport number of his own so that checks of one test find only him. */
  const wantedByRussia = async (passport: string) => {
    const base = wantedPerson();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: ruOperator,
      payload: { ...base, person: { ...base.person!, documents: [{ type: 'passport', number: passport, issuingState: 'TJ' }] } },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string };
  };
  const check = (headers: Record<string, string>, passport: string, subjectHeld = false) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/checks',
      headers,
      payload: { person: { surname: 'RAKHMONOV', given: 'FARRUKH', document: { number: passport, issuingState: 'TJ' } }, subjectHeld },
    });
  const answer = (headers: Record<string, string>, id: string, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/hits/${id}/answer`, headers, payload: body });

  it("a Kazakh officer's check that hits a Russian record opens a hit in Russia's inbox with an hour to answer; the same check again opens no second one", async () => {
    const record = await wantedByRussia('HT0000001');
    const before = Date.now();
    const checked = await check(kzOperator, 'HT0000001');
    expect(checked.statusCode).toBe(200);
    expect(checked.json().outcome).toBe('hit');
    const hit = checked.json().hit as { id: string; deadline: string };
    expect(Date.parse(hit.deadline) - before).toBeGreaterThanOrEqual(59 * MINUTE);
    expect(Date.parse(hit.deadline) - before).toBeLessThanOrEqual(61 * MINUTE);

    const inbox = await t.app.inject({ method: 'GET', url: '/api/v1/hits?box=inbox&status=open', headers: ruOperator });
    const mine = inbox.json().items.find((h: { id: string }) => h.id === hit.id);
    expect(mine).toMatchObject({ requester: 'KZ-MVD', owner: 'RU-MVD', status: 'open', mayAnswer: true });
    expect(mine.record.id).toBe(record.id);
    const outbox = await t.app.inject({ method: 'GET', url: '/api/v1/hits?box=outbox', headers: kzOperator });
    expect(outbox.json().items.find((h: { id: string }) => h.id === hit.id).mayAnswer).toBe(false);

    expect((await check(kzOperator, 'HT0000001')).json().hit.id).toBe(hit.id);
    // The owner's own check of its own record is no hit for anyone to answer.
    expect((await check(ruOperator, 'HT0000001')).json().hit).toBeUndefined();
    // A third state sees nothing of it.
    const stranger = await t.app.inject({ method: 'GET', url: `/api/v1/hits/${hit.id}`, headers: await t.as('UZ-MVD', 'operator') });
    expect(stranger.statusCode).toBe(404);
  });

  it('a subject held by the officer gives the owner ten minutes; a reminder comes before the deadline and the escalation at it, to the owner and BKBOP, once each', async () => {
    await wantedByRussia('HT0000002');
    const checked = (await check(kzOperator, 'HT0000002', true)).json();
    const deadline = Date.parse(checked.hit.deadline);
    expect(deadline - Date.now()).toBeLessThanOrEqual(10 * MINUTE);
    const eventsFor = async (participant: string, type: string) =>
      (await t.db.selectFrom('events').select(['payload']).where('participant', '=', participant).where('type', '=', type).execute()).filter((e) =>
        JSON.stringify(e.payload).includes(checked.hit.id),
      ).length;

    await processHitDeadlines(t.db, new Date(deadline - 3 * MINUTE), DEFAULT_HIT_DEADLINES);
    expect(await eventsFor('RU-MVD', 'hit.reminder')).toBe(0);
    await processHitDeadlines(t.db, new Date(deadline - 1 * MINUTE), DEFAULT_HIT_DEADLINES);
    await processHitDeadlines(t.db, new Date(deadline - 30_000), DEFAULT_HIT_DEADLINES);
    expect(await eventsFor('RU-MVD', 'hit.reminder')).toBe(1);
    await processHitDeadlines(t.db, new Date(deadline + 1_000), DEFAULT_HIT_DEADLINES);
    await processHitDeadlines(t.db, new Date(deadline + 60_000), DEFAULT_HIT_DEADLINES);
    expect(await eventsFor('RU-MVD', 'hit.escalated')).toBe(1);
    expect(await eventsFor('BKBOP', 'hit.escalated')).toBe(1);
    const audited = await t.db.selectFrom('audit_log').select('action').where('resource_id', '=', checked.hit.id).execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['hit.create', 'hit.escalate', 'hit.remind']);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/hits/${checked.hit.id}`, headers: kzOperator });
    expect(read.json().escalatedAt).not.toBeNull();
    expect(read.json().status).toBe('open');
  });

  it('only the owner answers, once: confirming needs the outcome, more time moves the deadline on, a second answer gets 409', async () => {
    await wantedByRussia('HT0000003');
    const { hit } = (await check(kzOperator, 'HT0000003')).json();
    expect((await answer(kzOperator, hit.id, { answer: 'confirm', outcome: 'detained' })).statusCode).toBe(403);
    const noOutcome = await answer(ruOperator, hit.id, { answer: 'confirm' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors[0].path).toBe('/outcome');

    const more = await answer(ruOperator, hit.id, { answer: 'more_time', note: 'запрошен оригинал дела' });
    expect(more.statusCode).toBe(200);
    expect(Date.parse(more.json().deadline) - Date.parse(hit.deadline)).toBe(60 * MINUTE);
    expect(more.json().status).toBe('open');

    const [first, second] = await Promise.all([
      answer(ruOperator, hit.id, { answer: 'confirm', outcome: 'detained', note: 'задержан' }),
      answer(await t.as('RU-MVD', 'supervisor'), hit.id, { answer: 'deny', note: 'другое лицо' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/hits/${hit.id}`, headers: kzOperator });
    expect(['confirmed', 'denied']).toContain(read.json().status);
    expect(read.json().answeredAt).not.toBeNull();
  });

  it("the owner's open event stream receives a hit as it is opened, and a reconnecting client gets what it missed", async () => {
    await wantedByRussia('HT0000004');
    const controller = new AbortController();
    const stream = await fetch(`${baseUrl}/api/v1/events`, { headers: ruOperator, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await until(/retry: /);
    const { hit } = (await check(kzOperator, 'HT0000004')).json();
    await until(new RegExp(`event: hit.created\\ndata: [^\\n]*${hit.id}`));
    const lastId = /id: (\d+)\nevent: hit.created\ndata: [^\n]*/.exec(text.slice(text.indexOf(hit.id) - 200))?.[1];
    controller.abort();

    await answer(ruOperator, hit.id, { answer: 'deny', note: 'не он' });
    const resumed = new AbortController();
    const again = await fetch(`${baseUrl}/api/v1/events`, { headers: { ...ruOperator, 'last-event-id': lastId ?? '0' }, signal: resumed.signal });
    const resumedReader = again.body!.getReader();
    let missed = '';
    while (!missed.includes('hit.answered')) missed += decoder.decode((await resumedReader.read()).value, { stream: true });
    expect(missed).toContain(hit.id);
    resumed.abort();
  });
});
