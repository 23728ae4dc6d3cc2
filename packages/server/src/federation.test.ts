import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankSubject, changeId, recordSubject, requestSubject, signedText, type Actor, type RecordEnvelope } from '@svod/core';
import { buildApp } from './app.ts';
import type { Db } from './db/database.ts';
import { applyMessage } from './federation/applier.ts';
import { DEFAULT_HIT_DEADLINES, answerHit, getHit, openHit } from './store/hits.ts';
import { FIELD_CHECK, runCheck } from './store/checks.ts';
import { setDisclosure } from './federation/disclosure.ts';
import { federatedRequest, hitEnvelope, recordEnvelope, registryEnvelope, requestEnvelope } from './federation/envelope.ts';
import { startFederation, type FederationNode } from './federation/node.ts';
import { registerNode, trustBank } from './federation/nodes.ts';
import { queueSentRequests, queueWholeArray } from './federation/outbox.ts';
import { becomeFederated, stopBeingFederated } from './federation/publisher.ts';
import { loadSigningKey, signText } from './security/signing-key.ts';
import { verifyAuditChain } from './store/audit.ts';
import { createAgreement, updateAgreement } from './store/agreements.ts';
import { createRecord, splitContent, updateRecord } from './store/records.ts';
import { HAS_NATS, NATS_SERVER, startNatsCluster, type NatsCluster } from './federation/local-cluster.ts';
import { TEST_PASSWORD, TEST_PASSWORD_POLICY, memoryStore } from './test/helpers.ts';
import { insertUser } from './store/users.ts';
import { readSetting, writeSetting } from './store/settings.ts';
import { APPLIED_SEQ_SETTING } from './federation/inbound.ts';
import { createRequest, getRequest, transitionRequest } from './store/requests.ts';
import { addRequestAttachment } from './store/request-attachments.ts';
import { wantedPerson } from './test/fixtures/records.ts';

const officer = (participant: string): Actor => ({
  kind: 'system',
  id: `test-${participant}`,
  name: 'test officer',
  participant,
  role: 'supervisor',
});
const KG_OFFICER: Actor = { kind: 'user', id: 'kg-officer', name: 'Асанов Б. К.', participant: 'KG-MVD', role: 'operator' };
const BKBOP_ADMIN: Actor = { kind: 'system', id: 'test-bkbop', name: 'BKBOP administrator', participant: 'BKBOP', role: 'administrator' };

/** Waits until `check` holds, up to `ms`; returns how long it took. */
async function until(check: () => Promise<boolean>, ms = 20_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

if (!HAS_NATS) console.warn(`[svod tests] ${NATS_SERVER} is not installed: federation tests over NATS are SKIPPED.`);

describe.skipIf(!HAS_NATS)('federation over NATS JetStream: national nodes and the central bank', () => {
  let cluster: NatsCluster;
  let dir: string;
  let central: Db;
  const nodes: Record<string, Db> = {};
  const running: FederationNode[] = [];
  const counts: Record<string, number> = {};

  const held = async (db: Db, id: string) =>
    (await db.selectFrom('records').select(['version', 'status']).where('id', '=', id).executeTakeFirst()) ?? null;
  const file = (state: string, owner: string, nationalRef: string) =>
    createRecord({ db: nodes[state]!, actor: officer(owner), purpose: 'test' }, wantedPerson({ nationalRef }));
  /** A Kazakh record filed on Kazakhstan's node, once the bank holds it. */
  const kazakhRecordAtBank = async (nationalRef: string) => {
    const record = await file('KZ', 'KZ-MVD', nationalRef);
    await until(async () => (await held(central, record.id)) !== null);
    return record;
  };
  const deadLetters = async (reason: string) =>
    (await central.selectFrom('federation_dead_letters').select('id').where('reason', '=', reason).execute()).length;

  beforeAll(async () => {
    cluster = await startNatsCluster(['KZ', 'KG']);
    dir = mkdtempSync(join(tmpdir(), 'svod-federation-'));
    central = await memoryStore();
    const bankKeyFile = join(dir, 'central.pem');
    loadSigningKey(bankKeyFile, { create: true });
    for (const state of ['KZ', 'KG']) {
      nodes[state] = await memoryStore();
      await trustBank({ db: nodes[state]!, actor: officer(`${state}-MVD`), purpose: 'test' }, readFileSync(`${bankKeyFile}.pub`, 'utf8'));
      const keyFile = join(dir, `${state}.pem`);
      loadSigningKey(keyFile, { create: true });
      await registerNode({ db: central, actor: BKBOP_ADMIN, purpose: 'test' }, state, readFileSync(`${keyFile}.pub`, 'utf8'));
      running.push(await startFederation(nodes[state]!, { role: 'national', state, nats: cluster.leafUrl(state), keyFile }, () => {}));
      await running.at(-1)!.ready;
    }
    running.push(await startFederation(central, { role: 'central', nats: cluster.hubUrl, keyFile: bankKeyFile }, () => {}));
    await running.at(-1)!.ready;
  }, 60_000);

  afterAll(async () => {
    console.log(`[federation] ${JSON.stringify(counts)}`);
    for (const node of running) await node.stop().catch(() => {});
    await cluster?.close();
    for (const db of [central, ...Object.values(nodes)]) await db?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a record written on a national node reaches the central bank, filed for checks; its changes follow in order', async () => {
    const record = await file('KZ', 'KZ-MVD', 'KZ-FED-1');
    counts.firstRecordMs = await until(async () => (await held(central, record.id)) !== null);
    const keys = await central.selectFrom('match_keys').select('key').where('record_id', '=', record.id).execute();
    expect(keys.length).toBeGreaterThan(0);
    const { content } = splitContent(wantedPerson({ nationalRef: 'KZ-FED-1', legalBasis: 'Постановление о розыске от 01.12.2026' }));
    await updateRecord({ db: nodes.KZ!, actor: officer('KZ-MVD'), purpose: 'test' }, record.id, { ...content, version: 1 });
    await until(async () => (await held(central, record.id))?.version === 2);
    const kg = await file('KG', 'KG-MVD', 'KG-FED-1');
    await until(async () => (await held(central, kg.id)) !== null);
    // The node keeps nothing queued once the bank has it.
    expect((await nodes.KZ!.selectFrom('federation_outbox').select('seq').execute()).length).toBe(0);
  });

  it('the same message delivered twice, or a version the bank holds sent again, is applied once', async () => {
    const record = await file('KZ', 'KZ-MVD', 'KZ-FED-DUP');
    await until(async () => (await held(central, record.id)) !== null);
    const row = await nodes.KZ!.selectFrom('records').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    const envelope = recordEnvelope(row, 'KZ', loadSigningKey(join(dir, 'KZ.pem')));
    const nc = await connect({ servers: cluster.leafUrl('KZ') });
    const js = jetstream(nc);
    const data = new TextEncoder().encode(JSON.stringify(envelope));
    const again = await js.publish(recordSubject('KZ', record.id), data, { msgID: envelope.id });
    expect(again.duplicate).toBe(true);
    await nc.close();
    // Delivered again after an acknowledgement was lost on the way back: the bank holds that version already.
    expect(await applyMessage(central, { subject: recordSubject('KZ', record.id), id: envelope.id, data, deliveries: 2 })).toBe('applied');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const versions = await central.selectFrom('record_versions').select('version').where('record_id', '=', record.id).execute();
    expect(versions).toHaveLength(1);
    const audits = await central
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'federation.apply')
      .where('resource_id', '=', record.id)
      .execute();
    expect(audits).toHaveLength(1);
    counts.duplicatesApplied = audits.length - 1;
  });

  it('a node never overwrites a later message on its subject: a change from behind (a store restored from backup) is set aside at the node; one ahead of what the stream holds goes', async () => {
    const kzKey = loadSigningKey(join(dir, 'KZ.pem'));
    const record = await file('KZ', 'KZ-MVD', 'KZ-FED-SEQ');
    await until(async () => (await held(central, record.id)) !== null);
    await until(async () => (await nodes.KZ!.selectFrom('federation_outbox').select('seq').execute()).length === 0);
    // Another writer of Kazakhstan's subjects (the node's store as it was before a restore, or a second node with its key) got version 5 out first.
    const row = await nodes.KZ!.selectFrom('records').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    const ahead = recordEnvelope({ ...row, version: 5 }, 'KZ', kzKey);
    const nc = await connect({ servers: cluster.leafUrl('KZ') });
    await jetstream(nc).publish(recordSubject('KZ', record.id), new TextEncoder().encode(JSON.stringify(ahead)), { msgID: ahead.id });
    await nc.close();
    await until(async () => (await held(central, record.id))?.version === 5);

    const { content } = splitContent(wantedPerson({ nationalRef: 'KZ-FED-SEQ', legalBasis: 'Постановление от 02.12.2026' }));
    await updateRecord({ db: nodes.KZ!, actor: officer('KZ-MVD'), purpose: 'test' }, record.id, { ...content, version: 1 });
    const conflicts = async () =>
      (await nodes.KZ!.selectFrom('federation_dead_letters').select('message_id').where('reason', '=', 'subject_conflict').execute()).map(
        (d) => d.message_id,
      );
    await until(async () => (await conflicts()).includes(changeId(record.id, 2)));
    expect((await held(central, record.id))?.version).toBe(5);

    // A node that has lost what it knew of its subjects (an upgrade) sends its changes as before.
    const other = await file('KZ', 'KZ-MVD', 'KZ-FED-SEQ-2');
    await until(async () => (await held(central, other.id)) !== null);
    await nodes.KZ!.deleteFrom('federation_subjects').execute();
    const { content: again } = splitContent(wantedPerson({ nationalRef: 'KZ-FED-SEQ-2', legalBasis: 'Постановление от 03.12.2026' }));
    await updateRecord({ db: nodes.KZ!, actor: officer('KZ-MVD'), purpose: 'test' }, other.id, { ...again, version: 1 });
    await until(async () => (await held(central, other.id))?.version === 2);
    counts.subjectConflicts = (await conflicts()).length;
  });

  it('a message unsigned, signed with another key, or about another state’s record is set aside as a dead letter and never filed', async () => {
    const nc = await connect({ servers: cluster.leafUrl('KZ') });
    const js = jetstream(nc);
    const forged = loadSigningKey(join(dir, 'forger.pem'), { create: true });
    const kzRow = await nodes.KZ!.selectFrom('records').selectAll().limit(1).executeTakeFirstOrThrow();
    const base = recordEnvelope(kzRow, 'KZ', forged);
    const send = (envelope: RecordEnvelope, id: string) =>
      js.publish(recordSubject('KZ', envelope.record.id), new TextEncoder().encode(JSON.stringify(envelope)), { msgID: id });

    const forgedRecord = { ...base.record, id: '0b6f8a52-5c3e-4a8e-9d1e-000000000001', nationalRef: 'KZ-FORGED', version: 1 };
    const forgedEnvelope = { ...base, id: changeId(forgedRecord.id, 1), record: forgedRecord };
    await send({ ...forgedEnvelope, signature: signText(forged, signedText(forgedEnvelope)) }, forgedEnvelope.id);
    await send({ ...forgedEnvelope, id: `${forgedEnvelope.id}:x`, signature: 'AAAA' }, `${forgedEnvelope.id}:x`);
    // Signed by Kazakhstan's own key, about a Kyrgyz agency's record: a node speaks for its own state alone.
    const kgRecord = { ...forgedRecord, id: '0b6f8a52-5c3e-4a8e-9d1e-000000000002', owner: 'KG-MVD', nationalRef: 'KG-IMPOSTOR' };
    const impostor = { ...base, id: changeId(kgRecord.id, 1), record: kgRecord };
    await send({ ...impostor, signature: signText(loadSigningKey(join(dir, 'KZ.pem')), signedText(impostor)) }, impostor.id);
    await js.publish('svod.kz.records.garbage', new TextEncoder().encode('{not json'), { msgID: 'garbage-1' });
    // A genuine message replayed under another id, to slip past the stream's memory of ids.
    const genuine = recordEnvelope(kzRow, 'KZ', loadSigningKey(join(dir, 'KZ.pem')));
    await send(genuine, `${genuine.id}:replayed`);
    await nc.close();

    await until(
      async () =>
        (await deadLetters('bad_signature')) >= 2 &&
        (await deadLetters('owner_of_another_state')) >= 1 &&
        (await deadLetters('unreadable')) >= 1 &&
        (await deadLetters('id_mismatch')) >= 1,
    );
    expect(await held(central, forgedRecord.id)).toBeNull();
    expect(await held(central, kgRecord.id)).toBeNull();
    counts.deadLetters = (await central.selectFrom('federation_dead_letters').select('id').execute()).length;
    expect((await central.selectFrom('audit_log').select('seq').where('action', '=', 'federation.reject').execute()).length).toBe(counts.deadLetters);
  });

  it("an officer's check at Kazakhstan's node is answered by the bank, across states; with the bank out of reach the node answers from its own records and says so", async () => {
    const kgWanted = await createRecord(
      { db: nodes.KG!, actor: officer('KG-MVD'), purpose: 'test' },
      wantedPerson({
        nationalRef: 'KG-FED-CHECK',
        person: {
          names: [{ kind: 'primary', script: 'Cyrl', lang: 'ky', surname: 'Токтогулов', given: 'Азамат', patronymic: 'Бакирович' }],
          sex: 'male',
          birthDate: '1991-07-15',
          citizenships: ['KG'],
          documents: [{ type: 'passport', number: 'AC1234567', issuingState: 'KG' }],
        },
      }),
    );
    await until(async () => (await held(central, kgWanted.id)) !== null);
    const kzNode = running.find((node) => node.state === 'KZ')!;
    const app = await buildApp({ db: nodes.KZ!, config: { passwordPolicy: TEST_PASSWORD_POLICY }, federation: kzNode });
    try {
      await insertUser(
        nodes.KZ!,
        { participant: 'KZ-MVD', username: 'kz.border', displayName: 'Сериков Д. А.', role: 'operator', password: TEST_PASSWORD },
        TEST_PASSWORD_POLICY,
      );
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kz.border', password: TEST_PASSWORD } });
      const headers = { authorization: `Bearer ${login.json().token}`, 'x-purpose': 'border_control' };
      const check = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/checks',
          headers,
          payload: {
            person: { surname: 'Токтогулов', given: 'Азамат', birthDate: '1991-07-15', document: { number: 'AC1234567', issuingState: 'KG' } },
            subjectHeld: true,
          },
        });
      const started = Date.now();
      const atBank = await check();
      counts.checkThroughBankMs = Date.now() - started;
      expect(atBank.statusCode, atBank.body).toBe(200);
      const answer = atBank.json();
      expect(answer).toMatchObject({ answeredBy: 'bank', outcome: 'hit' });
      expect(answer.candidates[0].record).toMatchObject({ id: kgWanted.id, owner: 'KG-MVD' });
      // The hit opened at the bank goes down to the owner, Kyrgyzstan's node, to answer there;
      // the answer comes back to the checking officer's node, as an event (the record stays at the bank).
      await until(async () => (await nodes.KG!.selectFrom('hits').select('id').where('id', '=', answer.hit.id).execute()).length === 1);
      await answerHit(
        { db: nodes.KG!, actor: officer('KG-MVD'), purpose: 'test' },
        answer.hit.id,
        { answer: 'confirm', outcome: 'detained' },
        DEFAULT_HIT_DEADLINES,
      );
      const toldAtKz = async () =>
        (await nodes.KZ!.selectFrom('events').select(['participant', 'payload']).where('type', '=', 'hit.answered').execute()).filter((e) =>
          JSON.stringify(e.payload).includes(answer.hit.id),
        );
      counts.answerToRequesterMs = await until(async () => (await toldAtKz()).length > 0);
      expect((await toldAtKz()).map((e) => e.participant)).toEqual(['KZ-MVD']);
      expect(await nodes.KZ!.selectFrom('hits').select('id').where('id', '=', answer.hit.id).execute()).toEqual([]);
      // The check is audited where the officer made it, and at the bank that answered it.
      const officerId = (await nodes.KZ!.selectFrom('users').select('id').where('username', '=', 'kz.border').executeTakeFirstOrThrow()).id;
      const audited = async (db: Db) =>
        (await db.selectFrom('audit_log').select('seq').where('action', '=', 'record.check').where('actor_id', '=', officerId).execute()).length;
      expect(await audited(nodes.KZ!)).toBe(1);
      expect(await audited(central)).toBe(1);

      // The node's own administrators watch its link with the bank; another state's do not.
      const adminOf = async (participant: string) => {
        const username = `${participant.toLowerCase()}.node-admin`;
        await insertUser(
          nodes.KZ!,
          { participant, username, displayName: username, role: 'administrator', password: TEST_PASSWORD },
          TEST_PASSWORD_POLICY,
        );
        const session = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
        return { authorization: `Bearer ${session.json().token}` };
      };
      const status = await app.inject({ method: 'GET', url: '/api/v1/federation/status', headers: await adminOf('KZ-GP') });
      expect(status.statusCode, status.body).toBe(200);
      expect(status.json()).toMatchObject({ role: 'national', state: 'KZ', bus: 'connected', undelivered: 0, bank: { keyTrusted: true } });
      expect(status.json().bank.lastReceivedAt).not.toBeNull();
      expect((await app.inject({ method: 'GET', url: '/api/v1/federation/status', headers: await adminOf('KG-MVD') })).statusCode).toBe(403);

      // A bad check is refused as the bank refuses it, with the field.
      const thin = await app.inject({ method: 'POST', url: '/api/v1/checks', headers, payload: { person: { given: 'Азамат' } } });
      expect(thin.statusCode).toBe(422);

      await cluster.stopLeaf('KZ');
      try {
        const alone = await check();
        expect(alone.statusCode).toBe(200);
        expect(alone.json()).toMatchObject({ answeredBy: 'node', outcome: 'no_hit' });
      } finally {
        await cluster.startLeaf('KZ');
      }
    } finally {
      await app.close();
    }
    await until(async () => kzNode.bus()?.connected() === true);
  });

  it("while a state's link is down its node keeps writing; everything arrives once when the link is back", async () => {
    const before = await file('KZ', 'KZ-MVD', 'KZ-BEFORE-OUTAGE');
    await until(async () => (await held(central, before.id)) !== null);
    await cluster.stopLeaf('KZ');
    const written: { id: string }[] = [];
    for (let i = 0; i < 20; i++) written.push(await file('KZ', 'KZ-MVD', `KZ-OUTAGE-${i}`));
    // Meanwhile the bank opens a hit on one of Kazakhstan's records: it waits in the bank's stream.
    const requester: Actor = { kind: 'user', id: 'uz-officer', name: 'Каримов Ш.', participant: 'UZ-MVD', role: 'operator' };
    const hit = await openHit(
      { db: central, actor: requester, purpose: 'test' },
      { recordId: before.id, owner: 'KZ-MVD', probability: 0.97 },
      { person: { surname: 'Рахмонов', given: 'Фаррух' } },
      DEFAULT_HIT_DEADLINES,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await nodes.KZ!.selectFrom('federation_outbox').select('seq').execute()).length).toBeGreaterThan(0);
    await cluster.startLeaf('KZ');
    counts.hitAfterOutageMs = await until(
      async () => (await nodes.KZ!.selectFrom('hits').select('id').where('id', '=', hit.id).execute()).length === 1,
      60_000,
    );
    counts.afterOutageMs = await until(async () => {
      const found = await central
        .selectFrom('records')
        .select('id')
        .where(
          'id',
          'in',
          written.map((r) => r.id),
        )
        .execute();
      return found.length === written.length;
    }, 60_000);
    counts.outageRecords = written.length;
  }, 90_000);

  it("a node's whole array sent again (as to a new bank) is applied once: nothing doubles, nothing is versioned anew", async () => {
    const before = (await central.selectFrom('record_versions').select('record_id').execute()).length;
    const queued = await queueWholeArray(nodes.KZ!, 'KZ');
    expect(queued).toBe((await nodes.KZ!.selectFrom('records').select('id').execute()).length);
    await until(async () => (await nodes.KZ!.selectFrom('federation_outbox').select('seq').execute()).length === 0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await central.selectFrom('record_versions').select('record_id').execute()).length).toBe(before);
    counts.resentWholeArray = queued;
  });

  it("the register flows down: an agreement the bank enters, changes or ends holds on every state's node, as the bank holds it", async () => {
    const bank = { db: central, actor: BKBOP_ADMIN, purpose: 'test' };
    const agreementAt = async (db: Db, id: string) =>
      (await db.selectFrom('agreements').select(['version', 'title']).where('id', '=', id).executeTakeFirst()) ?? null;
    // The register the bank held when the nodes joined is theirs before anything changes.
    const atBank = (await central.selectFrom('agreements').select('id').execute()).length;
    for (const db of [nodes.KZ!, nodes.KG!]) await until(async () => (await db.selectFrom('agreements').select('id').execute()).length === atBank);

    const entered = await createAgreement(bank, {
      title: 'Протокол об обмене сведениями о похищенном оружии',
      documentRef: 'ФЕД-2026/1',
      parties: ['KZ-MVD', 'KG-MVD'],
      categories: ['firearm'],
      requestTypes: ['firearm_information'],
      inForceFrom: '2026-12-01',
    });
    counts.registryDownMs = await until(
      async () => (await agreementAt(nodes.KZ!, entered.id)) !== null && (await agreementAt(nodes.KG!, entered.id)) !== null,
    );
    const { id: _id, version, updatedAt: _at, ...terms } = entered;
    await updateAgreement(bank, entered.id, { ...terms, coordinator: undefined, inForceTo: undefined, title: 'Протокол (ред. 2)', version });
    await until(async () => (await agreementAt(nodes.KZ!, entered.id))?.version === 2 && (await agreementAt(nodes.KG!, entered.id))?.version === 2);
    expect((await agreementAt(nodes.KG!, entered.id))?.title).toBe('Протокол (ред. 2)');
    // The bank's records of agreements are not queued again by the nodes: nothing echoes up.
    expect(await nodes.KZ!.selectFrom('federation_outbox').select('seq').where('kind', '<>', 'record').execute()).toEqual([]);
  });

  it("a hit the bank opens on a Kazakh record reaches Kazakhstan's node, is answered there, and the answer reaches the bank and its requester", async () => {
    const record = await kazakhRecordAtBank('KZ-FED-HIT');
    const opened = await openHit(
      { db: central, actor: KG_OFFICER, purpose: 'проверка на границе' },
      { recordId: record.id, owner: 'KZ-MVD', probability: 0.94 },
      { person: { surname: 'Иванов', given: 'Иван' }, subjectHeld: true },
      DEFAULT_HIT_DEADLINES,
    );
    const hitAt = async (db: Db) => (await db.selectFrom('hits').selectAll().where('id', '=', opened.id).executeTakeFirst()) ?? null;
    counts.hitDownMs = await until(async () => (await hitAt(nodes.KZ!)) !== null);
    const atNode = (await hitAt(nodes.KZ!))!;
    expect(atNode).toMatchObject({ origin: 'central', status: 'open', requester: 'KG-MVD', subject_held: true });
    expect(new Date(atNode.deadline_at).toISOString()).toBe(opened.deadline);
    const told = await nodes.KZ!.selectFrom('events').select('participant').where('type', '=', 'hit.created').execute();
    expect(told.map((e) => e.participant)).toContain('KZ-MVD');

    const answered = await answerHit(
      { db: nodes.KZ!, actor: officer('KZ-MVD'), purpose: 'ответ на совпадение' },
      opened.id,
      { answer: 'confirm', outcome: 'detained', note: 'Задержан, ждём этапирования' },
      DEFAULT_HIT_DEADLINES,
    );
    expect(answered.status).toBe('confirmed');
    counts.answerUpMs = await until(async () => (await hitAt(central))?.status === 'confirmed');
    expect(await hitAt(central)).toMatchObject({ outcome: 'detained', answer_note: 'Задержан, ждём этапирования' });
    const requesterTold = await central.selectFrom('events').select('participant').where('type', '=', 'hit.answered').execute();
    expect(requesterTold.map((e) => e.participant)).toContain('KG-MVD');
    // The hit is held on its owner's node alone; the requester's node (Kyrgyzstan's) is told the
    // answer as an event, and the answer coming back to Kazakhstan's node changes nothing there.
    expect(await hitAt(nodes.KG!)).toBeNull();
    await until(async () =>
      (await nodes.KG!.selectFrom('events').select('payload').where('type', '=', 'hit.answered').execute()).some((e) =>
        JSON.stringify(e.payload).includes(opened.id),
      ),
    );
    expect(await central.selectFrom('federation_outbox').select('seq').execute()).toEqual([]);
    expect(
      await nodes.KZ!.selectFrom('audit_log').select('seq').where('action', '=', 'hit.answer').where('resource_id', '=', opened.id).execute(),
    ).toHaveLength(1);
  });

  it('what comes down signed with another key, or about another state’s record, is set aside at the node and never filed', async () => {
    const nc = await connect({ servers: cluster.hubUrl });
    const js = jetstream(nc);
    const bankKey = loadSigningKey(join(dir, 'central.pem'));
    const forger = loadSigningKey(join(dir, 'forger.pem'), { create: true });
    const registry = { participants: [], agreements: [] };
    const wiped = registryEnvelope(registry, 'KZ', forger);
    await js.publish(bankSubject('KZ', 'registry', 'current'), new TextEncoder().encode(JSON.stringify(wiped)), { msgID: wiped.id });
    const kgRecord = await file('KG', 'KG-MVD', 'KG-FED-ASIDE');
    await until(async () => (await held(central, kgRecord.id)) !== null);
    const hit = await central
      .insertInto('hits')
      .values({
        id: '0b6f8a52-5c3e-4a8e-9d1e-0000000000a1',
        record_id: kgRecord.id,
        owner: 'KG-MVD',
        requester: 'UZ-MVD',
        requested_by: 'x',
        requested_by_name: 'x',
        probability: 0.9,
        subject_held: false,
        query: '{}',
        status: 'open',
        deadline_at: new Date(Date.now() + 3_600_000),
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Signed by the bank, but a Kyrgyz hit sent to Kazakhstan's subjects: a node files hits on its own state's records only.
    const { signature: _signature, ...unsigned } = hitEnvelope(hit, 'KZ', bankKey);
    const misrouted = { ...unsigned, id: `${unsigned.id}:kz` };
    await js.publish(
      bankSubject('KZ', 'hits', hit.id),
      new TextEncoder().encode(JSON.stringify({ ...misrouted, signature: signText(bankKey, signedText(misrouted)) })),
      {
        msgID: misrouted.id,
      },
    );
    await nc.close();
    const asideAt = async (reason: string) =>
      (await nodes.KZ!.selectFrom('federation_dead_letters').select('id').where('reason', '=', reason).execute()).length;
    await until(async () => (await asideAt('bad_signature')) >= 1 && (await asideAt('owner_of_another_state')) >= 1);
    expect((await nodes.KZ!.selectFrom('agreements').select('id').execute()).length).toBeGreaterThan(0);
    expect(await nodes.KZ!.selectFrom('hits').select('id').where('id', '=', hit.id).execute()).toEqual([]);
    // The Kyrgyz hit does reach Kyrgyzstan's node, sent by the bank's own outbox.
    await until(async () => (await nodes.KG!.selectFrom('hits').select('id').where('id', '=', hit.id).execute()).length === 1);
  });

  it("Kyrgyzstan shares its wanted persons as hit / no hit: the bank holds the reference data only, a check still hits, and the whole record reaches the requester alone once Kyrgyzstan's node confirms", async () => {
    const kg = { db: nodes.KG!, actor: officer('KG-MVD'), purpose: 'test' };
    const wanted = (nationalRef: string, surname: string, passport: string) =>
      createRecord(
        kg,
        wantedPerson({
          nationalRef,
          person: {
            names: [{ kind: 'primary', script: 'Cyrl', lang: 'ky', surname, given: 'Нурлан', patronymic: 'Маратович' }],
            sex: 'male',
            birthDate: '1985-02-03',
            citizenships: ['KG'],
            documents: [{ type: 'passport', number: passport, issuingState: 'KG' }],
            description: { heightCm: 181, build: 'slim' },
          },
        }),
      );
    const atBank = async (id: string) =>
      (await central.selectFrom('records').select(['version', 'disclosure', 'content']).where('id', '=', id).executeTakeFirst()) ?? null;
    const content = (row: { content: unknown } | null) =>
      (typeof row?.content === 'string' ? JSON.parse(row.content) : row?.content) as Record<string, { [k: string]: unknown } | undefined>;

    // A record shared whole before the choice is sent again as reference data, at the same version.
    const earlier = await wanted('KG-HNH-EARLIER', 'Жээнбеков', 'AN1111111');
    await until(async () => content(await atBank(earlier.id))?.wanted !== undefined);
    expect(await setDisclosure(kg, 'KG', 'wanted_person', 'hit')).toBeGreaterThan(0);
    await until(async () => (await atBank(earlier.id))?.disclosure === 'hit');
    expect((await atBank(earlier.id))?.version).toBe(1);
    expect(content(await atBank(earlier.id))?.wanted).toBeUndefined();

    const record = await wanted('KG-HNH-1', 'Садыров', 'AN7654321');
    await until(async () => (await atBank(record.id)) !== null);
    const reference = content(await atBank(record.id));
    expect(reference?.wanted).toBeUndefined();
    expect(reference?.person?.description).toBeUndefined();
    expect(reference?.person?.names).toBeDefined();

    const kzOfficer: Actor = { kind: 'user', id: 'kz-border-2', name: 'Нурланов Е.', participant: 'KZ-MVD', role: 'operator' };
    const asked = { db: central, actor: kzOfficer, purpose: 'border_control' };
    const result = await runCheck(
      asked,
      { person: { surname: 'Садыров', given: 'Нурлан', birthDate: '1985-02-03', document: { number: 'AN7654321', issuingState: 'KG' } } },
      FIELD_CHECK,
      DEFAULT_HIT_DEADLINES,
    );
    expect(result.outcome).toBe('hit');
    expect(result.candidates[0]!.record).toMatchObject({ id: record.id, disclosure: 'hit' });
    expect(result.candidates[0]!.record.wanted).toBeUndefined();
    const hitId = result.hit!.id;

    await until(async () => (await nodes.KG!.selectFrom('hits').select('id').where('id', '=', hitId).execute()).length === 1);
    await answerHit(kg, hitId, { answer: 'confirm', outcome: 'detained' }, DEFAULT_HIT_DEADLINES);
    counts.disclosedMs = await until(async () => (await getHit(asked, hitId)).record.wanted !== undefined);
    const disclosed = (await getHit(asked, hitId)).record;
    expect(disclosed.disclosure).toBeUndefined();
    expect(disclosed.wanted?.offence.article).toBe('ст. 162 ч. 2 УК РФ');
    // Anyone else reading the record at the bank still reads its reference data only.
    expect(content(await atBank(record.id))?.wanted).toBeUndefined();
  });

  it("BKBOP's administrator sees each node's lag, the undelivered and the dead letters; another agency's administrator is refused", async () => {
    const app = await buildApp({ db: central, config: { passwordPolicy: TEST_PASSWORD_POLICY }, federation: running.at(-1)! });
    try {
      const login = async (participant: string) => {
        const username = `${participant.toLowerCase()}.fed-admin`;
        await insertUser(
          central,
          { participant, username, displayName: username, role: 'administrator', password: TEST_PASSWORD },
          TEST_PASSWORD_POLICY,
        );
        const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
        return { authorization: `Bearer ${response.json().token}` };
      };
      const bkbop = await login('BKBOP');
      const status = (await app.inject({ method: 'GET', url: '/api/v1/federation/status', headers: bkbop })).json();
      expect(status).toMatchObject({ role: 'central', bus: 'connected', undelivered: 0 });
      expect(status.nodes.map((n: { state: string }) => n.state)).toEqual(['KG', 'KZ']);
      const kz = status.nodes.find((n: { state: string }) => n.state === 'KZ');
      expect(kz.applied).toBeGreaterThan(0);
      expect(kz.lagSeconds).toBeLessThan(30);
      counts.kzLagSeconds = kz.lagSeconds;
      const dead = (await app.inject({ method: 'GET', url: '/api/v1/federation/dead-letters', headers: bkbop })).json();
      expect(dead.items.map((d: { reason: string }) => d.reason)).toEqual(
        expect.arrayContaining(['bad_signature', 'owner_of_another_state', 'unreadable', 'id_mismatch']),
      );
      const health = (await app.inject({ method: 'GET', url: '/api/v1/health' })).json();
      expect(health.federation).toEqual({ role: 'central', bus: 'connected' });
      const other = await login('KZ-MVD');
      expect((await app.inject({ method: 'GET', url: '/api/v1/federation/status', headers: other })).statusCode).toBe(403);
      const registering = await app.inject({
        method: 'PUT',
        url: '/api/v1/federation/nodes',
        headers: other,
        payload: { state: 'UZ', publicKey: 'x' },
      });
      expect(registering.statusCode).toBe(403);
      const badKey = await app.inject({
        method: 'PUT',
        url: '/api/v1/federation/nodes',
        headers: bkbop,
        payload: { state: 'UZ', publicKey: 'not a key' },
      });
      expect(badKey.statusCode).toBe(400);
      expect(badKey.json().errors).toContainEqual(expect.objectContaining({ path: '/publicKey', code: 'bad_format' }));
    } finally {
      await app.close();
    }
  });

  it('a leaf server killed with -9 mid-stream loses nothing: every record is at the bank exactly once, and the chains verify', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      // Killed a third of the way through, while the sender is publishing what was just written.
      if (i === 30) await cluster.stopLeaf('KG', 'SIGKILL');
      ids.push((await file('KG', 'KG-MVD', `KG-KILL-${i}`)).id);
    }
    expect((await nodes.KG!.selectFrom('federation_outbox').select('seq').execute()).length).toBeGreaterThan(0);
    await cluster.startLeaf('KG');
    counts.afterKillMs = await until(async () => {
      const found = await central.selectFrom('records').select('id').where('id', 'in', ids).execute();
      return found.length === ids.length;
    }, 60_000);
    const atCentral = await central.selectFrom('records').select(['owner', 'national_ref']).execute();
    const kg = atCentral.filter((r) => r.owner === 'KG-MVD');
    expect(new Set(kg.map((r) => r.national_ref)).size).toBe(kg.length);
    const atNode = await nodes.KG!.selectFrom('records').select('id').execute();
    expect(kg.length).toBe(atNode.length);
    // Nothing of one state on the other's node: records travel to the bank, not sideways.
    expect(await nodes.KZ!.selectFrom('records').select('id').where('owner', '=', 'KG-MVD').execute()).toEqual([]);
    for (const db of [central, nodes.KZ!, nodes.KG!]) expect((await verifyAuditChain(db)).ok).toBe(true);
    counts.centralRecords = atCentral.length;
    counts.kgRecords = kg.length;
  }, 90_000);

  describe('requests between states go through the bank', () => {
    const person = (id: string, participant: string): Actor => ({
      kind: 'user',
      id,
      name: `${participant} officer`,
      participant,
      role: 'supervisor',
    });
    const kzChief = person('kz-chief', 'KZ-MVD');
    const kgChief = person('kg-chief', 'KG-MVD');
    const at = (db: Db, actor: Actor) => ({ db, actor, purpose: 'test' });
    const historyOf = async (db: Db, id: string) =>
      (await db.selectFrom('request_history').select('action').where('request_id', '=', id).orderBy('seq').execute()).map((h) => h.action);
    const stateOf = async (db: Db, id: string) => (await db.selectFrom('requests').select('state').where('id', '=', id).executeTakeFirst())?.state;
    /** A request from Kazakhstan's ministry to Kyrgyzstan's, sent on Kazakhstan's node and taken into work on Kyrgyzstan's. */
    const sendToKyrgyzstan = async (subject: string, file?: Uint8Array) => {
      const draft = await createRequest(at(nodes.KZ!, kzChief), {
        type: 'person_information',
        recipient: 'KG-MVD',
        legalBasis: { agreement: 'Конвенция о правовой помощи (Минск, 1993)' },
        priority: 'urgent',
        subject,
        body: 'Прошу сообщить сведения о лице.',
        form: { subject: { surname: 'Ахметов', givenName: 'Болат' } },
      });
      if (file)
        await addRequestAttachment(at(nodes.KZ!, kzChief), draft.id, { filename: 'ориентировка.pdf', contentType: 'application/pdf', data: file });
      await transitionRequest(at(nodes.KZ!, kzChief), draft.id, { action: 'sign' });
      await transitionRequest(at(nodes.KZ!, kzChief), draft.id, { action: 'send' });
      return draft.id;
    };
    const takeIntoWork = async (id: string) => {
      await transitionRequest(at(nodes.KG!, kgChief), id, { action: 'assign', assignee: kgChief.id });
      await transitionRequest(at(nodes.KG!, kgChief), id, { action: 'start' });
    };

    beforeAll(async () => {
      await insertUser(
        nodes.KG!,
        { participant: 'KG-MVD', username: 'kg.chief', displayName: 'Асанов Б.', role: 'supervisor', password: TEST_PASSWORD },
        TEST_PASSWORD_POLICY,
      ).then((user) => Object.assign(kgChief, { id: user.id }));
    });

    it("a request sent on Kazakhstan's node reaches Kyrgyzstan's with its file, in parts; the answer given there reaches the sender's node; the bank and both nodes hold one history", async () => {
      // 600 KiB: three parts on the bus.
      const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600 * 1024, 7)]);
      const sentAt = Date.now();
      const id = await sendToKyrgyzstan('Сведения о лице (через банк)', file);
      await until(async () => (await stateOf(central, id)) === 'received');
      counts.requestAtBankMs = Date.now() - sentAt;
      await until(async () => (await stateOf(nodes.KG!, id)) === 'received');
      counts.requestToRecipientMs = Date.now() - sentAt;
      await until(async () => (await nodes.KG!.selectFrom('request_attachments').select('id').where('request_id', '=', id).execute()).length === 1);
      counts.fileToRecipientMs = Date.now() - sentAt;
      const arrived = await getRequest(at(nodes.KG!, kgChief), id);
      expect(arrived.registrationNumber).toMatch(/^KZ-MVD\//);
      expect(arrived.attachments[0]).toMatchObject({ size: file.length, addedBy: 'KZ-MVD' });
      const stored = await nodes.KG!.selectFrom('request_attachments').select('data').where('request_id', '=', id).executeTakeFirstOrThrow();
      expect(Buffer.from(stored.data).equals(file)).toBe(true);
      expect(await nodes.KG!.selectFrom('federation_file_parts').select('part').execute()).toEqual([]);

      await takeIntoWork(id);
      const answeredAt = Date.now();
      await transitionRequest(at(nodes.KG!, kgChief), id, { action: 'answer', text: 'Лицо проживает в г. Бишкек.' });
      await until(async () => (await stateOf(nodes.KZ!, id)) === 'answered');
      counts.answerToSenderMs = Date.now() - answeredAt;
      const expected = ['create', 'sign', 'send', 'acknowledge', 'assign', 'start', 'answer'];
      await until(async () => (await historyOf(central, id)).length === expected.length);
      for (const db of [central, nodes.KZ!, nodes.KG!]) expect(await historyOf(db, id)).toEqual(expected);
      expect((await getRequest(at(nodes.KZ!, kzChief), id)).history.at(-1)).toMatchObject({ action: 'answer', text: 'Лицо проживает в г. Бишкек.' });
      // The sender's officers heard of the answer on their own node.
      const told = await nodes.KZ!.selectFrom('events').select('payload').where('type', '=', 'request.changed').execute();
      expect(told.some((e) => JSON.stringify(e.payload).includes(id))).toBe(true);
    }, 60_000);

    it("a step in the other side's name, signed by Kazakhstan's node (an answer Kyrgyzstan never gave), is set aside at the bank and never filed", async () => {
      const id = await sendToKyrgyzstan('Сведения о лице (подлог)');
      await until(async () => (await stateOf(central, id)) === 'received');
      const held = await federatedRequest(central, await central.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      const forged = {
        ...held,
        state: 'answered' as const,
        version: held.version + 1,
        history: [
          ...held.history,
          {
            at: new Date().toISOString(),
            action: 'answer' as const,
            actor: { ...kgChief },
            from: 'received' as const,
            to: 'answered' as const,
            text: 'Подлог',
          },
        ],
      };
      const envelope = requestEnvelope(forged, 'KZ', loadSigningKey(join(dir, 'KZ.pem')));
      const verdict = await applyMessage(central, {
        subject: requestSubject('KZ', id),
        id: envelope.id,
        data: new TextEncoder().encode(JSON.stringify(envelope)),
        deliveries: 1,
      });
      expect(verdict).toBe('dead');
      expect(await deadLetters('step_of_another_state')).toBe(1);
      expect(await stateOf(central, id)).toBe('received');
    }, 60_000);

    it("a request sent before Kazakhstan's node federated reaches the bank and Kyrgyzstan's node once the node's requests are queued (svod federation backfill); those the bank holds change nothing", async () => {
      await stopBeingFederated(nodes.KZ!);
      let id: string;
      try {
        id = await sendToKyrgyzstan('Сведения о лице (до федерации)');
      } finally {
        await becomeFederated(nodes.KZ!, 'national');
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await stateOf(central, id)).toBeUndefined();
      const before = await deadLetters('request_crossed');
      const queued = await queueSentRequests(nodes.KZ!, 'KZ');
      expect(queued).toBeGreaterThanOrEqual(2);
      await until(async () => (await stateOf(nodes.KG!, id)) === 'received');
      expect(await historyOf(central, id)).toEqual(['create', 'sign', 'send', 'acknowledge']);
      expect(await deadLetters('request_crossed')).toBe(before);
    }, 60_000);

    it("a withdrawal crossing an answer (Kyrgyzstan's link down) ends the same on every node: the bank keeps the step that reached it first, Kyrgyzstan's node takes it, and the crossed answer is kept for the administrators", async () => {
      const sentAt = Date.now();
      const id = await sendToKyrgyzstan('Сведения о лице (отзыв)');
      await until(async () => (await stateOf(nodes.KG!, id)) === 'received');
      counts.requestWithoutFileToRecipientMs = Date.now() - sentAt;
      await takeIntoWork(id);
      await until(async () => (await stateOf(nodes.KZ!, id)) === 'in_work');
      await cluster.stopLeaf('KG');
      try {
        await transitionRequest(at(nodes.KG!, kgChief), id, { action: 'answer', text: 'Ответ, разминувшийся с отзывом.' });
        await transitionRequest(at(nodes.KZ!, kzChief), id, { action: 'withdraw' });
        await until(async () => (await stateOf(central, id)) === 'withdrawn');
      } finally {
        await cluster.startLeaf('KG');
      }
      const started = Date.now();
      await until(async () => (await stateOf(nodes.KG!, id)) === 'withdrawn', 60_000);
      counts.crossedSettledMs = Date.now() - started;
      await until(async () => (await deadLetters('request_crossed')) === 1, 30_000);
      expect(await stateOf(nodes.KZ!, id)).toBe('withdrawn');
      expect((await historyOf(central, id)).at(-1)).toBe('withdraw');
      // Kyrgyzstan's node keeps its answer on the timeline, followed by the withdrawal it lost to.
      expect((await historyOf(nodes.KG!, id)).slice(-2)).toEqual(['answer', 'withdraw']);
    }, 90_000);
  });

  it("a node restored from a backup taken before a hit came gets the hit again: its consumer starts again from where the store's data ends", async () => {
    const kz = running.findIndex((node) => node.state === 'KZ');
    // The backup: how far the node's store had applied what came down (the register at least).
    await until(async () => (await readSetting(nodes.KZ!, APPLIED_SEQ_SETTING)) !== undefined);
    const backedUp = (await readSetting(nodes.KZ!, APPLIED_SEQ_SETTING))!;
    const record = await kazakhRecordAtBank('KZ-BEFORE-RESTORE');
    const hit = await openHit(
      { db: central, actor: KG_OFFICER, purpose: 'test' },
      { recordId: record.id, owner: 'KZ-MVD', probability: 0.96 },
      { person: { surname: 'Рахмонов', given: 'Фаррух' } },
      DEFAULT_HIT_DEADLINES,
    );
    const hitHeld = async () => (await nodes.KZ!.selectFrom('hits').select('id').where('id', '=', hit.id).execute()).length === 1;
    await until(hitHeld);
    await running[kz]!.stop();
    // The restore: the store as the backup held it, without the hit and at the position of then.
    await nodes.KZ!.deleteFrom('hits').where('id', '=', hit.id).execute();
    await writeSetting(nodes.KZ!, APPLIED_SEQ_SETTING, backedUp);
    const started = Date.now();
    running[kz] = await startFederation(
      nodes.KZ!,
      { role: 'national', state: 'KZ', nats: cluster.leafUrl('KZ'), keyFile: join(dir, 'KZ.pem') },
      () => {},
    );
    await running[kz]!.ready;
    await until(hitHeld, 30_000);
    counts.hitAfterRestoreMs = Date.now() - started;
  }, 60_000);

  it("a bank rebuilt on an empty store catches up from the streams: it holds every state's record and request the running bank holds, each once", async () => {
    const rebuilt = await memoryStore();
    for (const state of ['KZ', 'KG'])
      await registerNode({ db: rebuilt, actor: BKBOP_ADMIN, purpose: 'test' }, state, readFileSync(join(dir, `${state}.pem.pub`), 'utf8'));
    const started = Date.now();
    running.push(await startFederation(rebuilt, { role: 'central', nats: cluster.hubUrl, keyFile: join(dir, 'central.pem') }, () => {}));
    await running.at(-1)!.ready;
    const versions = async (db: Db) =>
      (await db.selectFrom('records').select(['id', 'version']).where('owner', 'in', ['KZ-MVD', 'KG-MVD']).orderBy('id').execute()).map(
        (r) => `${r.id}:${r.version}`,
      );
    const expected = await versions(central);
    await until(async () => (await versions(rebuilt)).length === expected.length, 60_000);
    await until(async () => (await versions(rebuilt)).join() === expected.join());
    // The requests too, each with its whole history and its file.
    const requests = async (db: Db) =>
      (
        await db
          .selectFrom('requests')
          .select([
            'id',
            'state',
            (eb) => eb.selectFrom('request_history').select(eb.fn.countAll().as('n')).whereRef('request_id', '=', 'requests.id').as('steps'),
          ])
          .orderBy('id')
          .execute()
      ).map((r) => `${r.id}:${r.state}:${r.steps}`);
    await until(async () => (await requests(rebuilt)).join() === (await requests(central)).join());
    expect((await rebuilt.selectFrom('request_attachments').select('sha256').execute()).length).toBe(
      (await central.selectFrom('request_attachments').select('sha256').execute()).length,
    );
    counts.rebuiltRequests = (await requests(rebuilt)).length;
    counts.rebuiltRecords = expected.length;
    counts.rebuildMs = Date.now() - started;
    expect((await verifyAuditChain(rebuilt)).ok).toBe(true);
  }, 90_000);
});
