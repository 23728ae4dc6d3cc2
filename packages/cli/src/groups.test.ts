import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS } from '@svod/core';
import { buildApp, ensureAgreements, ensureParticipants, insertUser, migrateToLatest, openDatabase } from '@svod/server';
import { runCli } from './test/run-cli.ts';

const PASSWORD = `groups-${process.pid}-${Date.now()}`;
const CHEAP_HASHING = { N: 1024, r: 8, p: 1, keyLength: 32 };
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('svod groups', () => {
  let dir: string;
  let groupId: string;
  const tokens = new Map<string, string>();
  let server: string;
  let stop: () => Promise<void>;

  const env = (token?: string) => ({
    PATH: process.env.PATH,
    SVOD_LANG: 'en',
    DATABASE_URL: '',
    SVOD_DATA_DIR: join(dir, 'store'),
    SVOD_AUDIT_KEY_FILE: join(dir, 'no-key.pem'),
    SVOD_API_KEY: token,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'svod-groups-'));
    const db = await openDatabase({ dataDir: join(dir, 'store') });
    await migrateToLatest(db);
    await ensureParticipants(db, DEFAULT_PARTICIPANTS);
    await ensureAgreements(db, DEMO_AGREEMENTS);
    const app = await buildApp({ db, config: { passwordPolicy: CHEAP_HASHING } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    stop = async () => {
      await app.close();
      await db.destroy();
    };
    for (const [participant, role] of [
      ['KZ-MVD', 'supervisor'],
      ['KZ-MVD', 'operator'],
    ] as const) {
      const username = `${participant.toLowerCase()}.${role}`;
      await insertUser(db, { participant, username, displayName: username, role, password: PASSWORD }, CHEAP_HASHING);
      const login = await fetch(`${server}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      tokens.set(username, ((await login.json()) as { token: string }).token);
    }
    const formed = await fetch(`${server}/api/v1/groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get('kz-mvd.supervisor')}` },
      body: JSON.stringify({
        kind: 'operational',
        title: 'СОГ по розыску угнанных автомобилей',
        purpose: 'Найти канал перегона',
        legalBasis: 'Соглашение 2015',
        participants: ['KZ-MVD', 'KG-MVD'],
        startsOn: day(0),
        endsOn: day(60),
      }),
    });
    expect(formed.status).toBe(201);
    groupId = ((await formed.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a member reads their groups, a workspace and its timeline through the server; a colleague who is not a member is told there is no such group', async () => {
    const listed = await runCli(env(tokens.get('kz-mvd.supervisor')), ['groups', 'list', '--server', server]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout.trim())).toMatchObject({ id: groupId, kind: 'operational', status: 'active', memberCount: 1 });
    const shown = await runCli(env(tokens.get('kz-mvd.supervisor')), ['groups', 'show', groupId, '--server', server]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ title: 'СОГ по розыску угнанных автомобилей', allowedActions: ['write', 'manage'] });
    const timeline = await runCli(env(tokens.get('kz-mvd.supervisor')), ['groups', 'timeline', groupId, '--server', server]);
    expect(
      timeline.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).action),
    ).toEqual(['created']);

    const colleague = await runCli(env(tokens.get('kz-mvd.operator')), ['groups', 'show', groupId, '--server', server]);
    expect(colleague.code).not.toBe(0);
    expect(colleague.stderr).toMatch(/not found/i);
    const withoutServer = await runCli(env(), ['groups', 'show', groupId]);
    expect(withoutServer.code).not.toBe(0);
    expect(withoutServer.stderr).toContain("a member's session");
  });

  it("in-process the installation's operator lists every group's terms, never their content; an unknown status is refused", async () => {
    await stop();
    stop = async () => {};
    const listed = await runCli(env(), ['groups', 'list']);
    expect(listed.code, listed.stderr).toBe(0);
    const group = JSON.parse(listed.stdout.trim());
    expect(group).toMatchObject({ id: groupId, memberCount: 1, linkedRecords: 0 });
    expect(group).not.toHaveProperty('purpose');
    const bad = await runCli(env(), ['groups', 'list', '--status', 'paused']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Unknown group status "paused"');
  });
});
