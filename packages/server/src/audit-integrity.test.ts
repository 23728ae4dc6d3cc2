import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey, loadVerifyingKey } from './security/signing-key.ts';
import { sha256 } from './security/tokens.ts';
import { canonicalJson } from './util/canonical-json.ts';
import { appendAudit, verifyAuditChain } from './store/audit.ts';
import { verifyAuditTrail, writeCheckpoint, type CheckpointPlace } from './store/audit-checkpoints.ts';
import { wantedPerson } from './test/fixtures/records.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';

const LONE_SURROGATE = 'ab\ud800cd';
const CUT_EMOJI = `${'a'.repeat(99)}😀`;

/** Someone with the database owner's rights, working around the append-only trigger. */
async function behindTheTrigger(t: TestApp, statement: ReturnType<typeof sql>) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.db);
  await statement.execute(t.db);
  await sql`ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_update`.execute(t.db);
}

describe.each(DIALECTS)('an audit trail no input can break, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('a login with text no database can store is refused as bad input and the chain still verifies', async () => {
    for (const username of [LONE_SURROGATE, 'a\u0000b']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'whatever' } });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().errors).toContainEqual(expect.objectContaining({ path: '/username', code: 'bad_characters' }));
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('a username cut inside an emoji is recorded without breaking the chain', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: CUT_EMOJI, password: 'whatever' } });
    expect(response.statusCode).toBe(401);
    const result = await verifyAuditChain(t.db);
    expect(result.ok, result.problem?.message).toBe(true);
  });

  it('an entry carrying lone surrogates and NUL anywhere is stored as it was hashed', async () => {
    const actor = { kind: 'anonymous' as const, id: LONE_SURROGATE, participant: null };
    await appendAudit(t.db, { actor, action: 'login', outcome: 'failure', purpose: 'a\u0000b', detail: { [LONE_SURROGATE]: ['\udfff', 'x\u0000'] } });
    // On its own (one statement on a server) and inside a transaction (the locked way).
    await t.db
      .transaction()
      .execute((tx) => appendAudit(tx, { actor, action: 'login', outcome: 'failure', purpose: 'tx', detail: { name: LONE_SURROGATE } }));
    const result = await verifyAuditChain(t.db);
    expect(result.ok, result.problem?.message).toBe(true);
  });

  it('a bad query value is refused with the field named instead of failing in the database', async () => {
    const headers = await t.as('RU-MVD', 'administrator');
    for (const url of ['/api/v1/records?nationalRef=%00', '/api/v1/audit?action=%00', '/api/v1/audit?before=99999999999999999999']) {
      const response = await t.app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json().errors[0].path).toMatch(/^\/query\//);
    }
  });

  it('entries keep their time at the precision that is hashed', async () => {
    await appendAudit(t.db, { actor: { kind: 'anonymous', id: 'clock', participant: null }, action: 'login', outcome: 'failure', purpose: 'p' });
    const { seq } = await t.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await behindTheTrigger(t, sql`UPDATE audit_log SET at = at + interval '400 microseconds' WHERE seq = ${seq}`);
    const result = await verifyAuditChain(t.db);
    expect(result.ok, 'a sub-millisecond edit cannot even be stored').toBe(true);
  });

  it('skipping ordinary triggers as a replica does not open the trail to deletion', async () => {
    const attempt = t.db.connection().execute(async (conn) => {
      await sql`SET session_replication_role = replica`.execute(conn);
      try {
        await sql`DELETE FROM audit_log WHERE seq = 1`.execute(conn);
      } finally {
        await sql`SET session_replication_role = origin`.execute(conn);
      }
    });
    await expect(attempt).rejects.toThrow(/append-only/);
  });
});

describe.each(DIALECTS)('signed checkpoints of the audit chain, on %s', (dialect) => {
  let t: TestApp;
  let dir: string;
  let place: CheckpointPlace;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    dir = mkdtempSync(join(tmpdir(), 'svod-checkpoints-'));
    place = { dir: join(dir, 'checkpoints'), key: loadSigningKey(join(dir, 'keys', 'audit.pem'), { create: true }) };
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const someEntries = async (n: number) => {
    const headers = await t.as('BY-MVD', 'operator');
    for (let i = 0; i < n; i++) await t.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: wantedPerson() });
  };
  const verify = () => verifyAuditTrail(t.db, { dir: place.dir, key: loadVerifyingKey(join(dir, 'keys', 'audit.pem')) });

  it('an intact chain reaches the newest checkpoint, and grows past it', async () => {
    await someEntries(3);
    const checkpoint = await writeCheckpoint(t.db, place);
    await someEntries(2);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checkpoint: { seq: checkpoint.seq } });
    expect(result.entries).toBeGreaterThan(checkpoint.seq);
  });

  it('the key is kept readable by its owner only, and only its public half is needed to verify', async () => {
    const { statSync } = await import('node:fs');
    expect(statSync(join(dir, 'keys', 'audit.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'keys', 'audit.pem.pub'), 'utf8')).toMatch(/BEGIN PUBLIC KEY/);
  });

  it('deleting the newest entries is found, though the chain that is left is whole', async () => {
    const checkpoint = await writeCheckpoint(t.db, place);
    await behindTheTrigger(t, sql`DELETE FROM audit_log WHERE seq > ${checkpoint.seq - 2}`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: checkpoint.seq - 1 } });
  });

  it('an edited entry with the chain recomputed after it is found', async () => {
    const fresh = await createTestApp(dialect);
    try {
      await fresh.app.inject({ method: 'POST', url: '/api/v1/records', headers: await fresh.as('KZ-MVD', 'operator'), payload: wantedPerson() });
      const checkpoint = await writeCheckpoint(fresh.db, place);
      // Edit the first entry and recompute every hash after it, as a forger with the code would.
      const rows = await fresh.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(fresh.db);
      let prev = '0'.repeat(64);
      for (const row of rows) {
        const { seq, hash: _hash, prev_hash: _prev, ...content } = row;
        if (Number(seq) === 1) content.purpose = 'innocent';
        const at = new Date(content.at).toISOString();
        const detail = typeof content.detail === 'string' ? JSON.parse(content.detail) : content.detail;
        const hash = sha256(`${Number(seq)}|${prev}|${canonicalJson({ ...content, at, detail })}`);
        await sql`UPDATE audit_log SET purpose = ${content.purpose}, prev_hash = ${prev}, hash = ${hash} WHERE seq = ${seq}`.execute(fresh.db);
        prev = hash;
      }
      await sql`ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_update`.execute(fresh.db);
      expect((await verifyAuditChain(fresh.db)).ok, 'the forged chain is whole in itself').toBe(true);
      const result = await verifyAuditTrail(fresh.db, place);
      expect(result).toMatchObject({ ok: false, problem: { kind: 'rewritten', seq: checkpoint.seq } });
    } finally {
      await fresh.close();
    }
  });

  it('a checkpoint written without the key is refused as forged', async () => {
    const fresh = await createTestApp(dialect);
    try {
      const checkpoint = await writeCheckpoint(fresh.db, place);
      const file = join(place.dir, 'audit-checkpoints.jsonl');
      writeFileSync(file, `${readFileSync(file, 'utf8')}${JSON.stringify({ ...checkpoint, seq: 1 })}\n`);
      expect(await verifyAuditTrail(fresh.db, place)).toMatchObject({ ok: false, problem: { kind: 'checkpoint' } });
    } finally {
      await fresh.close();
    }
  });
});
