import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, type Role } from '@svod/core';
import { buildApp } from '../app.ts';
import type { AppConfig } from '../routes/deps.ts';
import type { PasswordPolicy } from '../security/passwords.ts';
import { migrateToLatest, openDatabase } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { ensureAgreements } from '../store/agreements.ts';
import { ensureParticipants } from '../store/participants.ts';
import { insertUser } from '../store/users.ts';

export type Dialect = 'pglite' | 'postgres';

/**
 * Storage tests run on embedded PGlite always, and on the PostgreSQL server too when
 * DATABASE_URL is set (CI sets it). Without it the server runs are skipped, and said so.
 */
export const DIALECTS: Dialect[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
if (!process.env.DATABASE_URL) {
  console.warn('[svod tests] DATABASE_URL is not set: PostgreSQL server runs are SKIPPED; only PGlite is tested.');
}

export interface TestDb {
  db: Db;
  close: () => Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDb(dialect: Dialect): Promise<TestDb> {
  if (dialect === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(db);
    return { db, close: () => db.destroy() };
  }
  const serverUrl = process.env.DATABASE_URL!;
  const name = `svod_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  await migrateToLatest(db);
  return {
    db,
    close: async () => {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface TestApp extends TestDb {
  app: FastifyInstance;
  /** A bearer token for a user of `participant` with `role`, created on first use. */
  tokenFor: (participant: string, role: Role) => Promise<string>;
  /** Headers that authenticate as that user. */
  as: (participant: string, role: Role) => Promise<Record<string, string>>;
}

export const TEST_PASSWORD = `t-${randomBytes(12).toString('hex')}`;

/**
 * Tests hash at a token cost (1 MiB, about a millisecond): the production policy spends 0.6 s
 * and 128 MiB on each, and the suite logs in hundreds of times. Tests of the policy itself pass
 * their own.
 */
export const TEST_PASSWORD_POLICY: PasswordPolicy = { N: 1024, r: 8, p: 1, keyLength: 32 };

/** The default participants and the demo's agreements: requests between the states' ministries are covered, as in the demo. */
export async function enterDemoRegister(db: Db): Promise<void> {
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  await ensureAgreements(db, DEMO_AGREEMENTS);
}

/** A fresh in-memory store with the demo register: a node or a bank of the federation tests. */
export async function memoryStore(): Promise<Db> {
  const db = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(db);
  await enterDemoRegister(db);
  return db;
}

export async function createTestApp(dialect: Dialect, config: Partial<AppConfig> = {}): Promise<TestApp> {
  const testDb = await createTestDb(dialect);
  await enterDemoRegister(testDb.db);
  const appConfig: Partial<AppConfig> = { passwordPolicy: TEST_PASSWORD_POLICY, ...config };
  const app = await buildApp({ db: testDb.db, config: appConfig });
  const tokens = new Map<string, string>();
  const tokenFor = async (participant: string, role: Role) => {
    const username = `${participant.toLowerCase()}.${role}`;
    const cached = tokens.get(username);
    if (cached) return cached;
    await insertUser(testDb.db, { participant, username, displayName: username, role, password: TEST_PASSWORD }, appConfig.passwordPolicy!);
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
    if (response.statusCode !== 200) throw new Error(`login failed for ${username}: ${response.body}`);
    const token = (response.json() as { token: string }).token;
    tokens.set(username, token);
    return token;
  };
  return {
    ...testDb,
    app,
    tokenFor,
    as: async (participant, role) => ({ authorization: `Bearer ${await tokenFor(participant, role)}` }),
    close: async () => {
      await app.close();
      await testDb.close();
    },
  };
}
