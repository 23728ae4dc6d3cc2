import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { wantedPerson } from './test/fixtures/records.ts';
import { verifyAuditChain } from './store/audit.ts';

describe.each(DIALECTS)('audit trail on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const entries = () => t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('records who read, searched and wrote what, why, and how many results', async () => {
    const headers = { ...(await t.as('KZ-MVD', 'operator')), 'x-purpose': 'border.check' };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: wantedPerson() });
    const id = created.json().id;
    await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers });
    await t.app.inject({ method: 'GET', url: '/api/v1/records?limit=3', headers });
    const log = await entries();
    const mine = log.filter((e) => e.actor_participant === 'KZ-MVD' && e.purpose === 'border.check');
    expect(mine.map((e) => e.action)).toEqual(['record.create', 'record.read', 'record.search']);
    expect(mine[1]).toMatchObject({ resource_id: id, outcome: 'success', result_count: 1 });
    expect(mine[2]!.result_count).toBeGreaterThanOrEqual(1);
  });

  it('records failed logins and refused requests', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'guess' } });
    const headers = await t.as('AM-POLICE', 'analyst');
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers, payload: wantedPerson() });
    expect(refused.statusCode).toBe(403);
    const log = await entries();
    expect(log).toContainEqual(expect.objectContaining({ action: 'login', outcome: 'failure', actor_id: 'nobody' }));
    expect(log).toContainEqual(expect.objectContaining({ action: 'record.create', outcome: 'failure', actor_participant: 'AM-POLICE' }));
    const operator = await t.as('AM-POLICE', 'operator');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/records/export', headers: operator })).statusCode).toBe(403);
    expect(await entries()).toContainEqual(expect.objectContaining({ action: 'record.export', outcome: 'failure', actor_participant: 'AM-POLICE' }));
  });

  it('refuses an unknown purpose code format', async () => {
    const headers = { ...(await t.as('KZ-MVD', 'operator')), 'x-purpose': 'DROP TABLE' };
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/records', headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/headers/x-purpose');
  });

  it('many requests at once still leave one unbroken chain', async () => {
    const headers = await t.as('KZ-MVD', 'analyst');
    const responses = await Promise.all(Array.from({ length: 40 }, () => t.app.inject({ method: 'GET', url: '/api/v1/records?limit=1', headers })));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    const result = await verifyAuditChain(t.db);
    expect(result.ok, result.problem?.message).toBe(true);
  });

  it('writes and checks at once leave one unbroken chain', async () => {
    // Writes append inside their transaction, checks on their own: the two ways must not collide.
    const operator = await t.as('KZ-MVD', 'operator');
    const analyst = await t.as('KZ-MVD', 'analyst');
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: wantedPerson() })
          : t.app.inject({
              method: 'POST',
              url: '/api/v1/checks',
              headers: analyst,
              payload: { vehicle: { plate: { number: `A${100 + i}BC 77`, state: 'RU' } } },
            }),
      ),
    );
    expect(responses.filter((r) => r.statusCode !== 200 && r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const result = await verifyAuditChain(t.db);
    expect(result.ok, result.problem?.message).toBe(true);
  });

  it('the application cannot update or delete an entry', async () => {
    await expect(sql`UPDATE audit_log SET purpose = 'x' WHERE seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('verify finds an entry edited behind the trigger, naming it', async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const target = (await entries())[2]!;
    // A database administrator with rights to disable the trigger, covering their tracks.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.db);
    await sql`UPDATE audit_log SET result_count = 0, purpose = 'routine' WHERE seq = ${Number(target.seq)}`.execute(t.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.db);
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ seq: Number(target.seq), kind: 'altered' });

    const api = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: await t.as('RU-MVD', 'administrator') });
    expect(api.json()).toMatchObject({ ok: false, problem: { seq: Number(target.seq) } });
  });

  it('verify finds a deleted entry', async () => {
    const fresh = await createTestApp(dialect);
    try {
      await fresh.app.inject({ method: 'POST', url: '/api/v1/records', headers: await fresh.as('BY-MVD', 'operator'), payload: wantedPerson() });
      const seqs = (await fresh.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
      expect(seqs.length).toBeGreaterThanOrEqual(2);
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(fresh.db);
      await sql`DELETE FROM audit_log WHERE seq = ${seqs[0]}`.execute(fresh.db);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(fresh.db);
      const result = await verifyAuditChain(fresh.db);
      expect(result).toMatchObject({ ok: false, problem: { seq: seqs[0], kind: 'missing' } });
    } finally {
      await fresh.close();
    }
  });

  it('an administrator reads the audit of their own participant only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=500', headers: await t.as('KZ-MVD', 'administrator') });
    expect(response.statusCode).toBe(200);
    const participants = new Set(response.json().map((e: { actor: { participant: string } }) => e.actor.participant));
    expect([...participants]).toEqual(['KZ-MVD']);
    expect(response.json()[0]).toEqual(
      expect.objectContaining({
        seq: expect.any(Number),
        action: expect.any(String),
        purpose: expect.any(String),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    );
    expect(response.json().find((e: { action: string }) => e.action === 'record.create')?.detail).toHaveProperty('category');
  });
});
