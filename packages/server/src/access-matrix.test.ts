import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type AgreementView, type RecordInput, type Role } from '@svod/core';
import { crossmatchQueued } from './store/crossmatch.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { missingPerson, stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

/**
 * Every operation of the OpenAPI document, called by every role of one agency on what is its own,
 * what an agreement in force shares with it, and what none does: nothing of the last may show in
 * any answer. The table below must name every operation, so a new route cannot escape the matrix.
 */

const READER = 'MD-MAI';
const PARTNER = 'KZ-MVD';
const SUBJECTS = ['own', 'covered', 'not_covered'] as const;
type Subject = (typeof SUBJECTS)[number];
type Headers = Record<string, string>;
type Call = { method: string; url: string; payload?: unknown; headers?: Headers };

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** The objects the calls name, one of each kind per subject. */
interface World {
  record: Record<Subject, string>;
  /** Missing persons: the records nameless matching starts from. */
  missing: Record<Subject, string>;
  recordAttachment: Record<Subject, string>;
  hit: Record<Subject, string>;
  match: Record<Subject, string>;
  request: Record<Subject, string>;
  requestAttachment: Record<Subject, string>;
  reconciliation: Record<Subject, string>;
  webhook: Record<Subject, string>;
  /** Joint groups: the reader's agency leads one, another has a reader's operator as member, a third has no one of it. */
  group: Record<Subject, string>;
  groupDocument: Record<Subject, string>;
  agreement: string;
  /** Strings (ids, national references, texts) of what the reader may not be given. */
  secrets: string[];
}

/** A call that names an object takes the world and the subject; one that lists or counts takes nothing. */
type Case = ((w: World, s: Subject) => Call) | { exempt: string };

const vin = (n: number) => `WDB2030461A${String(100000 + n)}`;
const byVin = (n: number): Call => ({ method: 'POST', url: '', payload: { vehicle: { vin: vin(n) } } });

/** How each operation is called, or why it hands over no record of another agency. */
const CASES: Record<string, Case> = {
  'GET /api/v1/records': () => ({ method: 'GET', url: '/api/v1/records?limit=200' }),
  'GET /api/v1/records/{id}': (w, s) => ({ method: 'GET', url: `/api/v1/records/${w.record[s]}` }),
  'GET /api/v1/records/{id}/history': (w, s) => ({ method: 'GET', url: `/api/v1/records/${w.record[s]}/history` }),
  'GET /api/v1/records/{id}/cluster': (w, s) => ({ method: 'GET', url: `/api/v1/records/${w.record[s]}/cluster` }),
  'GET /api/v1/records/{id}/nameless': (w, s) => ({ method: 'GET', url: `/api/v1/records/${w.missing[s]}/nameless` }),
  'GET /api/v1/records/{id}/attachments/{attachmentId}': (w, s) => ({
    method: 'GET',
    url: `/api/v1/records/${w.record[s]}/attachments/${w.recordAttachment[s]}`,
  }),
  'GET /api/v1/records/export': () => ({ method: 'GET', url: '/api/v1/records/export' }),
  'GET /api/v1/records/overview': () => ({ method: 'GET', url: '/api/v1/records/overview' }),
  'POST /api/v1/records/search': () => ({ ...byVin(1), url: '/api/v1/records/search' }),
  'POST /api/v1/records/search/export': () => ({ ...byVin(1), url: '/api/v1/records/search/export?format=csv' }),
  'POST /api/v1/checks': () => ({ ...byVin(1), url: '/api/v1/checks' }),
  'GET /api/v1/hits': () => ({ method: 'GET', url: '/api/v1/hits?box=outbox' }),
  'GET /api/v1/hits/{id}': (w, s) => ({ method: 'GET', url: `/api/v1/hits/${w.hit[s]}` }),
  'GET /api/v1/matches': () => ({ method: 'GET', url: '/api/v1/matches?status=pending' }),
  'GET /api/v1/matches/{id}': (w, s) => ({ method: 'GET', url: `/api/v1/matches/${w.match[s]}` }),
  'GET /api/v1/requests': () => ({ method: 'GET', url: '/api/v1/requests?box=inbox' }),
  'GET /api/v1/requests/{id}': (w, s) => ({ method: 'GET', url: `/api/v1/requests/${w.request[s]}` }),
  'GET /api/v1/requests/{id}/pdf': (w, s) => ({ method: 'GET', url: `/api/v1/requests/${w.request[s]}/pdf` }),
  'GET /api/v1/requests/{id}/attachments/{attachmentId}': (w, s) => ({
    method: 'GET',
    url: `/api/v1/requests/${w.request[s]}/attachments/${w.requestAttachment[s]}`,
  }),
  'GET /api/v1/requests/statistics': () => ({ method: 'GET', url: '/api/v1/requests/statistics?from=2026-01-01&to=2030-12-31' }),
  'GET /api/v1/requests/assignees': () => ({ method: 'GET', url: '/api/v1/requests/assignees' }),
  'GET /api/v1/reconciliations': () => ({ method: 'GET', url: '/api/v1/reconciliations' }),
  'GET /api/v1/reconciliations/{id}': (w, s) => ({ method: 'GET', url: `/api/v1/reconciliations/${w.reconciliation[s]}` }),
  'GET /api/v1/reconciliations/{id}/items': (w, s) => ({ method: 'GET', url: `/api/v1/reconciliations/${w.reconciliation[s]}/items?group=new` }),
  'GET /api/v1/reconciliations/{id}/delta': (w, s) => ({ method: 'GET', url: `/api/v1/reconciliations/${w.reconciliation[s]}/delta` }),
  'GET /api/v1/reconciliations/{id}/report': (w, s) => ({ method: 'GET', url: `/api/v1/reconciliations/${w.reconciliation[s]}/report?format=html` }),
  'GET /api/v1/webhooks/{id}/deliveries': (w, s) => ({ method: 'GET', url: `/api/v1/webhooks/${w.webhook[s]}/deliveries` }),
  'GET /api/v1/agreements': () => ({ method: 'GET', url: '/api/v1/agreements' }),
  'GET /api/v1/statistics': () => ({ method: 'GET', url: '/api/v1/statistics?from=2025-01-01&to=2027-12-31' }),
  'GET /api/v1/statistics/export': () => ({ method: 'GET', url: '/api/v1/statistics/export?from=2025-01-01&to=2027-12-31&table=hits' }),
  'GET /api/v1/groups': () => ({ method: 'GET', url: '/api/v1/groups' }),
  'GET /api/v1/groups/{id}': (w, s) => ({ method: 'GET', url: `/api/v1/groups/${w.group[s]}` }),
  'GET /api/v1/groups/{id}/messages': (w, s) => ({ method: 'GET', url: `/api/v1/groups/${w.group[s]}/messages` }),
  'GET /api/v1/groups/{id}/timeline': (w, s) => ({ method: 'GET', url: `/api/v1/groups/${w.group[s]}/timeline` }),
  'GET /api/v1/groups/{id}/documents/{documentId}': (w, s) => ({
    method: 'GET',
    url: `/api/v1/groups/${w.group[s]}/documents/${w.groupDocument[s]}`,
  }),
  'GET /api/v1/audit': {
    exempt: "the agency's own audit trail: it names what its users read or tried to read, which is what it is for (audit tests)",
  },
  'GET /api/v1/crossmatch': () => ({ method: 'GET', url: '/api/v1/crossmatch' }),
  'GET /api/v1/participants': () => ({ method: 'GET', url: '/api/v1/participants' }),
  'GET /api/v1/webhooks': () => ({ method: 'GET', url: '/api/v1/webhooks' }),
  'GET /api/v1/users': () => ({ method: 'GET', url: '/api/v1/users' }),
  'GET /api/v1/api-keys': () => ({ method: 'GET', url: '/api/v1/api-keys' }),
  'GET /api/v1/auth/me': () => ({ method: 'GET', url: '/api/v1/auth/me' }),
  'GET /api/v1/health': () => ({ method: 'GET', url: '/api/v1/health' }),
  'GET /api/v1/audit/verify': () => ({ method: 'GET', url: '/api/v1/audit/verify' }),
  'GET /api/v1/events': { exempt: "a stream that stays open; it carries only ids of the reader's own hits and requests (hits and requests tests)" },
  'POST /api/v1/auth/login': { exempt: 'signs in; returns a token of the caller' },
  'POST /api/v1/auth/logout': { exempt: 'signs out' },
  'POST /api/v1/records': { exempt: "writes the caller's own record and returns it" },
  'PUT /api/v1/records/{id}': { exempt: 'a write by the owner only (authorization.test.ts); returns the record written' },
  'POST /api/v1/records/{id}/status': { exempt: 'a write by the owner only (authorization.test.ts)' },
  'POST /api/v1/records/{id}/cancel': { exempt: 'a write by the owner only (authorization.test.ts)' },
  'POST /api/v1/records/{id}/attachments': { exempt: 'a write by the owner only (authorization.test.ts)' },
  'POST /api/v1/records/import': { exempt: "writes the caller's own records; the report names its own rows" },
  'POST /api/v1/hits/{id}/answer': { exempt: "the owner's answer; partyHit refuses others (hits tests)" },
  'POST /api/v1/matches/{id}/decision': { exempt: "a decision by either owner's supervisor (matches tests)" },
  'POST /api/v1/crossmatch': { exempt: "queues BKBOP's whole-bank pass; returns counts" },
  'POST /api/v1/reconciliations': { exempt: "uploads the caller's own array" },
  'POST /api/v1/reconciliations/{id}/run': { exempt: "starts the caller's own reconciliation; its results are read through the GET routes above" },
  'POST /api/v1/reconciliations/{id}/apply': { exempt: "applies the caller's own delta to its own records" },
  'POST /api/v1/requests': { exempt: 'drafts a request; linked records are held to the reader (requests tests)' },
  'POST /api/v1/requests/{id}/transitions': { exempt: "a party's step on its own request (requests tests)" },
  'POST /api/v1/requests/{id}/attachments': { exempt: "a party's file on its own request" },
  'POST /api/v1/agreements': { exempt: "BKBOP's register; agreements are read through GET /agreements" },
  'PUT /api/v1/agreements/{id}': { exempt: "BKBOP's register; agreements are read through GET /agreements" },
  'POST /api/v1/groups': { exempt: "forms a group of the caller's agency; groups are read through the GET routes above" },
  'PUT /api/v1/groups/{id}': { exempt: "a leader's change; anyone not a member now is answered 404 (groups.test.ts)" },
  'POST /api/v1/groups/{id}/end': { exempt: "a leader's change; anyone not a member now is answered 404 (groups.test.ts)" },
  'POST /api/v1/groups/{id}/members': { exempt: "a member's change; anyone not a member now is answered 404 (groups.test.ts)" },
  'DELETE /api/v1/groups/{id}/members/{userId}': { exempt: "a member's change; anyone not a member now is answered 404 (groups.test.ts)" },
  'POST /api/v1/groups/{id}/records': { exempt: 'links a record the caller reads; its owner consents (groups.test.ts)' },
  'POST /api/v1/groups/{id}/records/{recordId}/consent': { exempt: "the owner's consent; others are refused (groups.test.ts)" },
  'POST /api/v1/groups/{id}/messages': { exempt: "a member's post; anyone not a member now is answered 404 (groups.test.ts)" },
  'POST /api/v1/groups/{id}/documents': { exempt: "a member's file; anyone not a member now is answered 404 (groups.test.ts)" },
  'POST /api/v1/groups/{id}/tasks': { exempt: "a member's task; anyone not a member now is answered 404 (groups.test.ts)" },
  'PUT /api/v1/groups/{id}/tasks/{taskId}': { exempt: "a member's task; anyone not a member now is answered 404 (groups.test.ts)" },
  'GET /api/v1/federation/status': {
    exempt: "BKBOP's administration of the federation: nodes and lag, no record; others are refused (federation.test.ts)",
  },
  'GET /api/v1/federation/dead-letters': { exempt: "BKBOP's administration of the federation; others are refused (federation.test.ts)" },
  'PUT /api/v1/federation/nodes': { exempt: "BKBOP's register of node keys; others are refused (federation.test.ts)" },
  'POST /api/v1/users': { exempt: "the agency's own users" },
  'POST /api/v1/api-keys': { exempt: "the agency's own keys" },
  'DELETE /api/v1/api-keys/{id}': { exempt: "the agency's own keys" },
  'POST /api/v1/webhooks': { exempt: "the agency's own webhooks" },
  'DELETE /api/v1/webhooks/{id}': { exempt: "the agency's own webhooks" },
};

describe.each(DIALECTS)('no route hands over what no agreement covers, on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let operations: string[];
  let calls = 0;

  const inject = async (call: Call, headers: Headers) => {
    const response = await t.app.inject({ ...call, headers: { ...call.headers, ...headers } } as never);
    return { status: response.statusCode, body: response.body, json: () => response.json() };
  };
  const ok = (status: number) => status >= 200 && status < 300;

  async function file(participant: string, record: RecordInput): Promise<{ id: string; nationalRef: string }> {
    const response = await inject({ method: 'POST', url: '/api/v1/records', payload: record }, await t.as(participant, 'operator'));
    expect(response.status, response.body).toBe(201);
    return response.json();
  }
  async function attach(participant: string, url: string): Promise<string> {
    const response = await inject(
      { method: 'POST', url: `${url}/attachments?filename=photo.png`, payload: PNG, headers: { 'content-type': 'image/png' } },
      await t.as(participant, 'operator'),
    );
    expect(response.status, response.body).toBe(201);
    return response.json().id;
  }
  /** A request drafted with a file, signed and sent. */
  async function sentRequest(from: string, to: string, subject: string, recordIds: string[] = []): Promise<{ id: string; attachment: string }> {
    const draft = await inject(
      {
        method: 'POST',
        url: '/api/v1/requests',
        payload: {
          type: 'person_information',
          recipient: to,
          legalBasis: { agreement: 'Соглашение 1992', article: 'ст. 3' },
          priority: 'routine',
          subject,
          body: `${subject}: прошу сообщить сведения.`,
          form: { subject: { surname: 'Рахмонов', givenName: 'Фаррух', birthDate: '1989-04-17' } },
          ...(recordIds.length > 0 ? { links: { recordIds, hitIds: [] } } : {}),
        },
      },
      await t.as(from, 'operator'),
    );
    expect(draft.status, draft.body).toBe(201);
    const { id } = draft.json();
    const attachment = await attach(from, `/api/v1/requests/${id}`);
    expect(
      (await inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, payload: { action: 'sign' } }, await t.as(from, 'supervisor')))
        .status,
    ).toBe(200);
    expect(
      (await inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, payload: { action: 'send' } }, await t.as(from, 'operator'))).status,
    ).toBe(200);
    return { id, attachment };
  }
  async function reconciled(participant: string, records: RecordInput[]): Promise<string> {
    const headers = await t.as(participant, 'supervisor');
    const upload = await inject(
      {
        method: 'POST',
        url: '/api/v1/reconciliations?category=vehicle&fileName=array.ndjson',
        payload: records.map((r) => JSON.stringify(r)).join('\n'),
        headers: { 'content-type': 'application/x-ndjson' },
      },
      headers,
    );
    expect(upload.status, upload.body).toBe(201);
    const { id } = upload.json();
    expect((await inject({ method: 'POST', url: `/api/v1/reconciliations/${id}/run`, payload: {} }, headers)).status).toBe(202);
    for (let i = 0; i < 400; i++) {
      const view = (await inject({ method: 'GET', url: `/api/v1/reconciliations/${id}` }, headers)).json();
      if (view.status !== 'reading') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return id;
  }
  async function webhookOf(participant: string): Promise<string> {
    const response = await inject(
      { method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://hooks.example.org/svod' } },
      await t.as(participant, 'administrator'),
    );
    expect(response.status, response.body).toBe(201);
    return response.json().id;
  }
  /** A group formed by a supervisor of `lead`, with these logins as members and a document. */
  async function groupOf(lead: string, participants: string[], members: string[], title: string): Promise<{ id: string; document: string }> {
    const headers = await t.as(lead, 'supervisor');
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const formed = await inject(
      {
        method: 'POST',
        url: '/api/v1/groups',
        payload: { kind: 'investigative', title, purpose: title, legalBasis: 'Соглашение 2015', participants, startsOn: day(-1), endsOn: day(90) },
      },
      headers,
    );
    expect(formed.status, formed.body).toBe(201);
    const { id } = formed.json();
    for (const username of members) {
      const added = await inject({ method: 'POST', url: `/api/v1/groups/${id}/members`, payload: { username } }, headers);
      expect(added.status, added.body).toBe(200);
    }
    const document = await inject(
      { method: 'POST', url: `/api/v1/groups/${id}/documents?filename=plan.png`, payload: PNG, headers: { 'content-type': 'image/png' } },
      headers,
    );
    expect(document.status, document.body).toBe(201);
    return { id, document: document.json().id };
  }
  const outboxHit = async (participant: string, record: string): Promise<string> => {
    const hits = (await inject({ method: 'GET', url: '/api/v1/hits?box=outbox' }, await t.as(participant, 'operator'))).json().items as {
      id: string;
      record: { id: string };
    }[];
    const hit = hits.find((h) => h.record.id === record);
    expect(hit, `a hit on ${record}`).toBeDefined();
    return hit!.id;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));

    // Persons are shared between the ministries; vehicles not with Moldova, whose ministry is no
    // party to the vehicle agreements. One Kazakh record is shared by agreement but distributed
    // to Belarus alone.
    const ownPerson = await file(READER, wantedPerson({ nationalRef: 'MD-W-OWN' }));
    const ownCar = await file(READER, stolenVehicle({ nationalRef: 'MD-V-OWN', vehicle: { ...stolenVehicle().vehicle!, vin: vin(1) } }));
    const coveredPerson = await file(PARTNER, wantedPerson({ nationalRef: 'KZ-W-COVERED' }));
    const otherPerson = wantedPerson().person!;
    const checkedPerson = await file(
      PARTNER,
      wantedPerson({
        nationalRef: 'KZ-W-CHECKED',
        person: {
          ...otherPerson,
          names: [{ kind: 'primary', script: 'Cyrl', lang: 'ru', surname: 'Абдуллаев', given: 'Тимур' }],
          birthDate: '1975-11-02',
          documents: [],
        },
      }),
    );
    const hiddenPerson = await file(
      PARTNER,
      wantedPerson({ nationalRef: 'KZ-W-HIDDEN', distribution: { kind: 'participants', participants: ['BY-MVD'] } }),
    );
    const uncoveredCar = await file(PARTNER, stolenVehicle({ nationalRef: 'KZ-V-UNCOVERED', vehicle: { ...stolenVehicle().vehicle!, vin: vin(1) } }));
    const laterCar = await file(PARTNER, stolenVehicle({ nationalRef: 'KZ-V-ENDED', vehicle: { ...stolenVehicle().vehicle!, vin: vin(2) } }));
    const missing = {
      own: (await file(READER, missingPerson({ nationalRef: 'MD-M-OWN' }))).id,
      covered: (await file(PARTNER, missingPerson({ nationalRef: 'KZ-M-COVERED' }))).id,
      not_covered: (
        await file(PARTNER, missingPerson({ nationalRef: 'KZ-M-HIDDEN', distribution: { kind: 'participants', participants: ['BY-MVD'] } }))
      ).id,
    };
    await crossmatchQueued(t.db);

    const reader = await t.as(READER, 'operator');
    // A hit the reader opens on a shared record; and one it opened under an agreement since ended.
    expect(
      (
        await inject(
          { method: 'POST', url: '/api/v1/checks', payload: { person: { surname: 'Абдуллаев', given: 'Тимур', birthDate: '1975-11-02' } } },
          reader,
        )
      ).status,
    ).toBe(200);
    const registrar = await t.as('BKBOP', 'administrator');
    const temporary = await inject(
      {
        method: 'POST',
        url: '/api/v1/agreements',
        payload: {
          title: 'Временное соглашение',
          documentRef: 'ВР-1',
          parties: [READER, PARTNER],
          categories: ['vehicle'],
          requestTypes: [],
          inForceFrom: '2020-01-01',
        },
      },
      registrar,
    );
    expect(temporary.status, temporary.body).toBe(201);
    expect((await inject({ method: 'POST', url: '/api/v1/checks', payload: { vehicle: { vin: vin(2) } } }, reader)).status).toBe(200);
    const endedHit = await outboxHit(READER, laterCar.id);
    const agreement = temporary.json() as AgreementView;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const { id: _id, version, updatedAt: _u, coordinator: _c, inForceTo: _t, ...unchanged } = agreement;
    const ended = await inject(
      { method: 'PUT', url: `/api/v1/agreements/${agreement.id}`, payload: { ...unchanged, inForceTo: yesterday, version } },
      registrar,
    );
    expect(ended.status, ended.body).toBe(200);

    const ownHit = (await inject({ method: 'GET', url: '/api/v1/hits?box=inbox' }, reader)).json().items[0]?.id as string | undefined;
    // Read from the table: no one agency sees every pair, which is the point.
    const matches = await t.db.selectFrom('matches').select(['id', 'record_a', 'record_b']).execute();
    const matchOf = (a: string, b: string) => matches.find((m) => [m.record_a, m.record_b].sort().join() === [a, b].sort().join())?.id;
    const ownRequest = await sentRequest(READER, PARTNER, 'Запрос Молдовы', [coveredPerson.id]);
    const coveredRequest = await sentRequest(PARTNER, READER, 'Запрос Казахстана в Молдову');
    const otherRequest = await sentRequest(PARTNER, 'RU-MVD', 'KZ-RU-SECRET-REQUEST');
    const ownReconciliation = await reconciled(READER, [
      stolenVehicle({ nationalRef: 'MD-V-OWN', vehicle: { ...stolenVehicle().vehicle!, vin: vin(1) } }),
    ]);
    const otherReconciliation = await reconciled(PARTNER, [
      stolenVehicle({ nationalRef: 'KZ-V-UNCOVERED', vehicle: { ...stolenVehicle().vehicle!, vin: vin(1) } }),
    ]);
    for (const role of ROLES) await t.as(READER, role);
    await t.as('RU-MVD', 'operator');
    const ownGroup = await groupOf(READER, [READER, PARTNER], ['md-mai.operator', 'md-mai.analyst'], 'ССГ Молдовы');
    const coveredGroup = await groupOf(PARTNER, [PARTNER, READER], ['md-mai.operator'], 'ССГ Казахстана');
    const otherGroup = await groupOf(PARTNER, [PARTNER, 'RU-MVD'], ['ru-mvd.operator'], 'KZ-RU-SECRET-GROUP');
    const ownWebhook = await webhookOf(READER);
    const otherWebhook = await webhookOf(PARTNER);

    w = {
      record: { own: ownPerson.id, covered: coveredPerson.id, not_covered: uncoveredCar.id },
      missing,
      recordAttachment: {
        own: await attach(READER, `/api/v1/records/${ownPerson.id}`),
        covered: await attach(PARTNER, `/api/v1/records/${coveredPerson.id}`),
        not_covered: await attach(PARTNER, `/api/v1/records/${uncoveredCar.id}`),
      },
      hit: { own: ownHit ?? (await outboxHit(READER, checkedPerson.id)), covered: await outboxHit(READER, checkedPerson.id), not_covered: endedHit },
      match: {
        own: matchOf(ownPerson.id, coveredPerson.id)!,
        covered: matchOf(ownPerson.id, coveredPerson.id)!,
        not_covered: matchOf(ownCar.id, uncoveredCar.id)!,
      },
      request: { own: ownRequest.id, covered: coveredRequest.id, not_covered: otherRequest.id },
      requestAttachment: { own: ownRequest.attachment, covered: coveredRequest.attachment, not_covered: otherRequest.attachment },
      reconciliation: { own: ownReconciliation, covered: ownReconciliation, not_covered: otherReconciliation },
      webhook: { own: ownWebhook, covered: ownWebhook, not_covered: otherWebhook },
      group: { own: ownGroup.id, covered: coveredGroup.id, not_covered: otherGroup.id },
      groupDocument: { own: ownGroup.document, covered: coveredGroup.document, not_covered: otherGroup.document },
      agreement: agreement.id,
      secrets: [
        uncoveredCar.id,
        'KZ-V-UNCOVERED',
        laterCar.id,
        'KZ-V-ENDED',
        hiddenPerson.id,
        missing.not_covered,
        'KZ-M-HIDDEN',
        'KZ-W-HIDDEN',
        otherRequest.id,
        'KZ-RU-SECRET-REQUEST',
        otherReconciliation,
        otherWebhook,
        endedHit,
        otherGroup.id,
        otherGroup.document,
        'KZ-RU-SECRET-GROUP',
      ],
    };
    for (const [kind, ids] of Object.entries(w)) {
      if (typeof ids === 'object' && !Array.isArray(ids)) for (const [s, id] of Object.entries(ids)) expect(id, `${kind} ${s}`).toBeTruthy();
    }
  });
  afterAll(async () => {
    console.log(`[access matrix, ${dialect}] ${calls} calls: ${operations?.length} operations × ${ROLES.length} roles × ${SUBJECTS.length} subjects`);
    await t?.close();
  });

  it('the table names every operation of the OpenAPI document, so a new route cannot escape the matrix', () => {
    expect(operations.filter((op) => !(op in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((op) => !operations.includes(op))).toEqual([]);
  });

  for (const [operation, how] of Object.entries(CASES)) {
    if (!(how instanceof Function)) continue;
    it(`${operation}: every role sees its own and the shared, and nothing of what no agreement covers`, async () => {
      const granted: Record<Subject, Role[]> = { own: [], covered: [], not_covered: [] };
      for (const role of ROLES) {
        const headers = await t.as(READER, role);
        for (const subject of SUBJECTS) {
          const call = how(w, subject);
          const response = await inject(call, headers);
          calls++;
          // A refusal may repeat the id the caller sent (`instance`); what it was not sent it must not name.
          const asked = JSON.stringify(call);
          const leaked = w.secrets.filter((secret) => response.body.includes(secret) && !asked.includes(secret));
          expect(leaked, `${role} on ${subject}: ${response.status}`).toEqual([]);
          expect(response.status, response.body).toBeLessThan(500);
          if (ok(response.status)) granted[subject].push(role);
        }
      }
      // A case that takes the world names an object of each subject; the others list or count.
      if (how.length > 0) {
        // What belongs to another agency and no agreement covers is refused to every role.
        expect(granted.not_covered).toEqual([]);
        expect(granted.own.length + granted.covered.length, 'some role reads the own or shared object').toBeGreaterThan(0);
      } else {
        expect(granted.own.length, 'some role may call it').toBeGreaterThan(0);
      }
    });
  }

  it('an agreement in force and the distribution both decide: the shared record reads, the refusals name what is missing', async () => {
    const reader = await t.as(READER, 'operator');
    expect((await inject({ method: 'GET', url: `/api/v1/records/${w.record.covered}` }, reader)).status).toBe(200);
    const uncovered = await inject({ method: 'GET', url: `/api/v1/records/${w.record.not_covered}` }, reader);
    expect(uncovered.status).toBe(403);
    expect(uncovered.json()).toMatchObject({ code: 'no_agreement', params: { reader: READER, owner: PARTNER, category: 'vehicle' } });
    const hidden = w.secrets[4]!;
    expect((await inject({ method: 'GET', url: `/api/v1/records/${hidden}` }, reader)).status).toBe(404);
    const listed = (await inject({ method: 'GET', url: '/api/v1/records?limit=200' }, reader)).json().items as { id: string }[];
    expect(listed.map((r) => r.id)).toEqual(expect.arrayContaining([w.record.own, w.record.covered]));
    const check = (await inject({ method: 'POST', url: '/api/v1/checks', payload: { vehicle: { vin: vin(1) } } }, reader)).json();
    expect(check.candidates.map((c: { record: { id: string } }) => c.record.id)).toEqual(expect.not.arrayContaining([w.record.not_covered]));
  });
});
