import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestCreate, RequestView } from '@svod/core';
import { forgetOldKeys } from './store/idempotency.ts';
import { processRequestDeadlines } from './store/request-deadlines.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';

type Headers = Record<string, string>;

/** A Kazakh request to Russia to establish where a man is. */
const whereabouts = (overrides: Partial<RequestCreate> = {}): RequestCreate =>
  ({
    type: 'search_whereabouts',
    recipient: 'RU-MVD',
    legalBasis: { agreement: 'Конвенция о правовой помощи (Минск, 1993)', article: 'ст. 6' },
    priority: 'routine',
    subject: 'Установление местонахождения Ахметова Б.',
    body: 'Прошу установить местонахождение Ахметова Болата, 1985 г. р., выехавшего в Новосибирск.',
    form: { subject: { surname: 'Ахметов', givenName: 'Болат', birthDate: '1985-03-02', citizenship: 'KZ' }, lastKnownAddress: 'Новосибирск' },
    ...overrides,
  }) as RequestCreate;

describe.each(DIALECTS)('interstate requests, on %s', (dialect) => {
  let t: TestApp;
  let kzOperator: Headers;
  let kzSupervisor: Headers;
  let ruOperator: Headers;
  let ruSupervisor: Headers;
  let ruOperatorId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    kzOperator = await t.as('KZ-MVD', 'operator');
    kzSupervisor = await t.as('KZ-MVD', 'supervisor');
    ruOperator = await t.as('RU-MVD', 'operator');
    ruSupervisor = await t.as('RU-MVD', 'supervisor');
    ruOperatorId = (await t.db.selectFrom('users').select('id').where('username', '=', 'ru-mvd.operator').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  const create = (headers: Headers, body: unknown, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
      payload: body as object,
    });
  const step = (headers: Headers, id: string, body: object, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/transitions`,
      headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });
  const read = (headers: Headers, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/requests/${id}`, headers });
  const inbox = async (headers: Headers, query = '') =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/requests?box=inbox${query}`, headers })).json() as {
      items: { id: string }[];
      next: string | null;
    };

  /** A request drafted in Kazakhstan, signed and sent: in Russia's inbox. */
  const sent = async (body = whereabouts()): Promise<RequestView> => {
    const draft = await create(kzOperator, body);
    expect(draft.statusCode).toBe(201);
    const { id } = draft.json() as RequestView;
    expect((await step(kzSupervisor, id, { action: 'sign' })).statusCode).toBe(200);
    const delivered = await step(kzOperator, id, { action: 'send' });
    expect(delivered.statusCode).toBe(200);
    return delivered.json() as RequestView;
  };

  it("a draft is the sender's alone; once a supervisor signs it and it is sent, it is registered and in the recipient's inbox with a deadline in the recipient's working days", async () => {
    const draft = (await create(kzOperator, whereabouts())).json() as RequestView;
    expect(draft).toMatchObject({ state: 'draft', sender: 'KZ-MVD', recipient: 'RU-MVD', registrationNumber: null, deadline: null });
    expect(draft.allowedActions).toEqual(expect.arrayContaining(['edit', 'withdraw']));
    expect(draft.allowedActions).not.toContain('sign');
    expect((await read(ruOperator, draft.id)).statusCode).toBe(404);
    expect((await inbox(ruOperator)).items.map((r) => r.id)).not.toContain(draft.id);

    // An operator cannot sign: only a supervisor's signature makes it official.
    const unsigned = await step(kzOperator, draft.id, { action: 'sign' });
    expect(unsigned.statusCode).toBe(403);
    expect((await step(kzSupervisor, draft.id, { action: 'sign' })).json().state).toBe('signed');
    const delivered = (await step(kzOperator, draft.id, { action: 'send' })).json() as RequestView;
    expect(delivered.state).toBe('received');
    expect(delivered.registrationNumber).toMatch(new RegExp(`^KZ-MVD/${new Date().getUTCFullYear()}/\\d{6}$`));
    expect(delivered.history.map((h) => h.action)).toEqual(['create', 'sign', 'send', 'acknowledge']);
    // Ten working days for a routine search: at least twelve calendar days away, ending 18:00 Moscow time (15:00 UTC).
    const deadline = new Date(delivered.deadline!);
    expect(deadline.getTime() - Date.now()).toBeGreaterThan(12 * 86_400_000);
    expect(deadline.getUTCHours()).toBe(15);

    const theirs = (await read(ruOperator, draft.id)).json() as RequestView;
    expect(theirs).toMatchObject({ state: 'received', registrationNumber: delivered.registrationNumber });
    expect((await inbox(ruOperator)).items.map((r) => r.id)).toContain(draft.id);
    // A third state sees nothing of it.
    expect((await read(await t.as('UZ-MVD', 'operator'), draft.id)).statusCode).toBe(404);
  });

  it('the recipient assigns, works, asks a question, the sender clarifies, the recipient answers; the history keeps every step and cannot be rewritten', async () => {
    const { id } = await sent();
    expect((await step(ruSupervisor, id, { action: 'assign', assignee: ruOperatorId })).json()).toMatchObject({
      state: 'assigned',
      assignee: ruOperatorId,
    });
    expect((await step(ruOperator, id, { action: 'start' })).json().state).toBe('in_work');
    expect((await step(ruOperator, id, { action: 'ask_clarification', text: 'Уточните отчество.' })).json().state).toBe('clarification_requested');
    expect((await step(kzOperator, id, { action: 'clarify', text: 'Отчество: Серикович.' })).json().state).toBe('in_work');
    const answered = (await step(ruSupervisor, id, { action: 'answer', text: 'Проживает: г. Новосибирск, ул. Ленина, 1.' })).json() as RequestView;
    expect(answered.state).toBe('answered');
    expect(answered.answeredAt).not.toBeNull();

    const history = ((await read(kzOperator, id)).json() as RequestView).history;
    expect(history.map((h) => [h.action, h.actor.participant])).toEqual([
      ['create', 'KZ-MVD'],
      ['sign', 'KZ-MVD'],
      ['send', 'KZ-MVD'],
      ['acknowledge', 'RU-MVD'],
      ['assign', 'RU-MVD'],
      ['start', 'RU-MVD'],
      ['ask_clarification', 'RU-MVD'],
      ['clarify', 'KZ-MVD'],
      ['answer', 'RU-MVD'],
    ]);
    expect(history.at(-1)!.text).toBe('Проживает: г. Новосибирск, ул. Ленина, 1.');
    await expect(sql`UPDATE request_history SET action = 'refuse' WHERE request_id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM request_history WHERE request_id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it("a send whose next number is already held (requests entered ahead of the sender's register) takes the next free one, not a server error", async () => {
    const first = await sent();
    const sequence = Number(first.registrationNumber!.split('/')[2]);
    const year = new Date().getUTCFullYear();
    // Two requests numbered ahead of the register, as an import or a restored node's bank leaves them.
    for (const ahead of [sequence + 1, sequence + 2])
      await t.db
        .insertInto('requests')
        .values({
          id: randomUUID(),
          type: first.type,
          sender: 'KZ-MVD',
          recipient: 'RU-MVD',
          priority: 'routine',
          subject: 'imported',
          content: JSON.stringify(whereabouts()),
          state: 'received',
          version: 3,
          registration_number: `KZ-MVD/${year}/${String(ahead).padStart(6, '0')}`,
          created_by: 'import',
          created_at: new Date(),
          updated_at: new Date(),
          sent_at: new Date(),
          received_at: new Date(),
        })
        .execute();
    const next = await sent();
    expect(next.registrationNumber).toBe(`KZ-MVD/${year}/${String(sequence + 3).padStart(6, '0')}`);
  });

  it('a step not allowed from the state is 409 naming the state, the other side’s step 403, a refusal without a reason 400 at /text', async () => {
    const { id } = await sent();
    const early = await step(ruSupervisor, id, { action: 'answer', text: 'Ответ' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'transition_not_allowed', params: { state: 'received', action: 'answer' } });
    expect((await step(kzSupervisor, id, { action: 'assign', assignee: ruOperatorId })).statusCode).toBe(403);
    const bare = await step(ruSupervisor, id, { action: 'refuse' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([expect.objectContaining({ path: '/text', code: 'required' })]);
    const outsider = await step(ruSupervisor, id, { action: 'assign', assignee: 'no-such-user' });
    expect(outsider.json().errors[0].path).toBe('/assignee');
    expect((await read(ruOperator, id)).json().state).toBe('received');
  });

  it('a retry with the same Idempotency-Key makes one request and one step; the key used again for another body is refused', async () => {
    const key = randomUUID();
    const first = await create(kzOperator, whereabouts({ subject: 'Повтор по сети' }), key);
    const again = await create(kzOperator, whereabouts({ subject: 'Повтор по сети' }), key);
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const drafts = await t.db.selectFrom('requests').select('id').where('subject', '=', 'Повтор по сети').execute();
    expect(drafts).toHaveLength(1);
    const other = await create(kzOperator, whereabouts({ subject: 'Другой запрос' }), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');

    const signKey = randomUUID();
    const signed = await step(kzSupervisor, first.json().id, { action: 'sign' }, signKey);
    const resent = await step(kzSupervisor, first.json().id, { action: 'sign' }, signKey);
    expect(resent.statusCode).toBe(200);
    expect(resent.json().version).toBe(signed.json().version);
    expect(((await read(kzOperator, first.json().id)).json() as RequestView).history.filter((h) => h.action === 'sign')).toHaveLength(1);
  });

  it('a key is kept a day: after that a retry with it makes a new request, and the watcher forgets it', async () => {
    const key = randomUUID();
    const first = (await create(kzOperator, whereabouts({ subject: 'Ключ на сутки' }), key)).json() as RequestView;
    await t.db
      .updateTable('idempotency_keys')
      .set({ created_at: new Date(Date.now() - 25 * 3_600_000) })
      .where('key', '=', key)
      .execute();
    const later = (await create(kzOperator, whereabouts({ subject: 'Ключ на сутки' }), key)).json() as RequestView;
    expect(later.id).not.toBe(first.id);
    await t.db
      .updateTable('idempotency_keys')
      .set({ created_at: new Date(Date.now() - 25 * 3_600_000) })
      .where('key', '=', key)
      .execute();
    expect(await forgetOldKeys(t.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute()).toEqual([]);
  });

  it('two steps at once are taken one after the other: of two sends, one registers the request and the other is 409', async () => {
    const draft = (await create(kzOperator, whereabouts())).json() as RequestView;
    await step(kzSupervisor, draft.id, { action: 'sign' });
    const [a, b] = await Promise.all([step(kzOperator, draft.id, { action: 'send' }), step(kzSupervisor, draft.id, { action: 'send' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const history = ((await read(kzOperator, draft.id)).json() as RequestView).history;
    expect(history.filter((h) => h.action === 'send')).toHaveLength(1);
  });

  it('a request to an unknown agency, without the identifiers its form needs, or of an unknown type is refused naming the field', async () => {
    const unknown = await create(kzOperator, whereabouts({ recipient: 'XX-NONE' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual(expect.objectContaining({ path: '/recipient', code: 'unknown_participant' }));
    const bare = await create(kzOperator, whereabouts({ form: {} } as Partial<RequestCreate>));
    expect(bare.json().errors).toContainEqual(expect.objectContaining({ path: '/form', code: 'identifier_required' }));
    const wrongKind = await create(kzOperator, { ...whereabouts(), type: 'gossip' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors).toEqual([expect.objectContaining({ path: '/type', code: 'not_allowed_value' })]);
    const missingField = await create(kzOperator, whereabouts({ form: { subject: { surname: 'Ахметов' } } } as Partial<RequestCreate>));
    expect(missingField.json().errors).toEqual([expect.objectContaining({ path: '/form/subject/givenName', code: 'required' })]);
    const toSelf = await create(kzOperator, whereabouts({ recipient: 'KZ-MVD' }));
    expect(toSelf.json().errors).toContainEqual(expect.objectContaining({ path: '/recipient' }));
  });

  it('a file attached by the recipient downloads with its own type, never inline; too large is 413 naming the limit, a page passed off as a PDF is refused, and a third agency sees nothing', async () => {
    const { id } = await sent();
    const pdf = Buffer.from('%PDF-1.4\n% ответ\n%%EOF\n');
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/attachments?filename=${encodeURIComponent('справка.pdf')}`,
      headers: { ...ruOperator, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(added.statusCode).toBe(201);
    const attachment = added.json() as { id: string; sha256: string; addedBy: string };
    expect(attachment.addedBy).toBe('RU-MVD');
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${id}/attachments/${attachment.id}`, headers: kzOperator });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(((await read(kzOperator, id)).json() as RequestView).attachments.map((a) => a.sha256)).toEqual([attachment.sha256]);

    const big = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/attachments?filename=big.pdf`,
      headers: { ...ruOperator, 'content-type': 'application/pdf' },
      payload: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().params.limit).toBe(10 * 1024 * 1024);
    const html = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/attachments?filename=page.html`,
      headers: { ...ruOperator, 'content-type': 'text/html' },
      payload: '<script>alert(1)</script>',
    });
    expect(html.statusCode).toBe(415);
    const disguised = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/attachments?filename=fake.pdf`,
      headers: { ...ruOperator, 'content-type': 'application/pdf' },
      payload: '<html><script>alert(1)</script></html>',
    });
    expect(disguised.statusCode).toBe(400);
    const stranger = await t.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${id}/attachments/${attachment.id}`,
      headers: await t.as('UZ-MVD', 'operator'),
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('the recipient is reminded before the deadline and, once it passes, the recipient, the sender and BKBOP are told it is overdue, once each; the inbox flags it', async () => {
    const request = await sent(whereabouts({ priority: 'urgent', subject: 'Срочный розыск' }));
    const deadline = Date.parse(request.deadline!);
    const told = async (participant: string, type: string) =>
      (await t.db.selectFrom('events').select('payload').where('participant', '=', participant).where('type', '=', type).execute()).filter((e) =>
        JSON.stringify(e.payload).includes(request.id),
      ).length;
    await processRequestDeadlines(t.db, new Date(deadline - 6 * 3_600_000));
    expect(await told('RU-MVD', 'request.reminder')).toBe(0);
    await processRequestDeadlines(t.db, new Date(deadline - 4 * 3_600_000));
    await processRequestDeadlines(t.db, new Date(deadline - 3 * 3_600_000));
    expect(await told('RU-MVD', 'request.reminder')).toBe(1);
    await processRequestDeadlines(t.db, new Date(deadline + 1_000));
    await processRequestDeadlines(t.db, new Date(deadline + 60_000));
    expect(await told('RU-MVD', 'request.overdue')).toBe(1);
    expect(await told('KZ-MVD', 'request.overdue')).toBe(1);
    expect(await told('BKBOP', 'request.overdue')).toBe(1);
    // Overdue as the inbox sees it: once the deadline is behind us.
    await t.db
      .updateTable('requests')
      .set({ deadline_at: new Date(Date.now() - 60_000) })
      .where('id', '=', request.id)
      .execute();
    const overdue = await inbox(ruOperator, '&overdue=true');
    expect(overdue.items.map((r) => r.id)).toContain(request.id);
    expect(overdue.items.find((r) => r.id === request.id)).toMatchObject({ overdue: true });
  });

  it('forwarding to another agency of the same state gives it a fresh term; to another state it is refused at /forwardTo', async () => {
    const { id } = await sent();
    const abroad = await step(ruSupervisor, id, { action: 'forward', forwardTo: 'KZ-GP' });
    expect(abroad.statusCode).toBe(400);
    expect(abroad.json().errors[0]).toMatchObject({ path: '/forwardTo', code: 'forward_outside_state' });
    const forwarded = (await step(ruSupervisor, id, { action: 'forward', forwardTo: 'RU-GP' })).json() as RequestView;
    expect(forwarded).toMatchObject({ recipient: 'RU-GP', state: 'received', assignee: null });
    const prosecutor = await t.as('RU-GP', 'operator');
    expect((await inbox(prosecutor)).items.map((r) => r.id)).toContain(id);
    expect(forwarded.history.at(-1)).toMatchObject({ action: 'forward', forwardedFrom: 'RU-MVD', forwardedTo: 'RU-GP' });
    // The ministry that forwarded it still reads it, and can do nothing more to it.
    const handedOn = (await read(ruSupervisor, id)).json() as RequestView;
    expect(handedOn).toMatchObject({ recipient: 'RU-GP', allowedActions: [] });
    expect((await step(ruSupervisor, id, { action: 'assign', assignee: ruOperatorId })).statusCode).toBe(403);
  });

  it('an inbox is read a page at a time, newest first, without a request twice or one left out', async () => {
    const recipient = await t.as('TJ-MVD', 'operator');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await sent(whereabouts({ recipient: 'TJ-MVD', subject: `Запрос ${i}` }))).id);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page += 1) {
      const result = await inbox(recipient, `&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...result.items.map((r) => r.id));
      if (!result.next) break;
      cursor = result.next;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('either side prints the request as an official document: a PDF download whose text carries the number, the agencies and the body, in Russian or English', async () => {
    const request = await sent();
    const printed = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.id}/pdf`, headers: ruOperator });
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    expect(printed.headers['content-disposition']).toMatch(/^attachment;/);
    const textOf = async (bytes: Buffer) => (await extractText(new Uint8Array(bytes), { mergePages: true })).text.replace(/\s+/g, ' ');
    const russian = await textOf(printed.rawPayload);
    expect(russian).toContain(request.registrationNumber!);
    expect(russian).toContain('МВД Республики Казахстан');
    expect(russian).toContain('Прошу установить местонахождение Ахметова Болата');
    const english = await textOf(
      (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.id}/pdf?lang=en`, headers: kzOperator })).rawPayload,
    );
    expect(english).toContain('Ministry of Internal Affairs of Russia');
    const audited = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', request.id)
      .where('action', '=', 'request.print')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('the figures of cooperation count what each side sent and answered, with answer times, from the history; a third state sees none of it', async () => {
    const request = await sent(whereabouts({ recipient: 'KG-MVD', subject: 'Для статистики' }));
    const kgChief = await t.as('KG-MVD', 'supervisor');
    const kgOfficer = (await t.db.selectFrom('users').select('id').where('username', '=', 'kg-mvd.supervisor').executeTakeFirstOrThrow()).id;
    await step(kgChief, request.id, { action: 'assign', assignee: kgOfficer });
    await step(kgChief, request.id, { action: 'start' });
    expect((await step(kgChief, request.id, { action: 'answer', text: 'Не проживает.' })).statusCode).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const figures = await t.app.inject({ method: 'GET', url: `/api/v1/requests/statistics?from=${today}&to=${today}`, headers: kgChief });
    expect(figures.statusCode).toBe(200);
    const received = figures.json().byRecipient.find((f: { key: string }) => f.key === 'KG-MVD');
    expect(received).toMatchObject({ sent: 1, answered: 1, open: 0 });
    expect(received.answerHours.count).toBe(1);
    expect(received.answerHours.median).toBeGreaterThanOrEqual(0);
    const outsider = await t.app.inject({
      method: 'GET',
      url: `/api/v1/requests/statistics?from=${today}&to=${today}`,
      headers: await t.as('AM-POLICE', 'analyst'),
    });
    expect(outsider.json().byRecipient).toEqual([]);
  });

  it('a sent request reaches the open event stream of the recipient', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    const controller = new AbortController();
    const stream = await fetch(`http://127.0.0.1:${address.port}/api/v1/events`, { headers: ruOperator, signal: controller.signal });
    const reader = stream.body!.getReader();
    const request = await sent(whereabouts({ subject: 'По потоку событий' }));
    let text = '';
    const until = Date.now() + 5_000;
    while (!text.includes(request.id) && Date.now() < until) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('event: request.received');
    expect(text).toContain(request.id);
  });
});
