import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_APP_CONFIG, buildApp, insertUser, type Db } from '@svod/server';

/**
 * The bank's API in-process (inject: session, validation, serialisation, no socket), signed in
 * as a BKBOP analyst made for the run, who may check and read every shared record.
 */
export async function appAsAnalyst(db: Db): Promise<{ app: FastifyInstance; headers: Record<string, string> }> {
  const password = randomBytes(12).toString('hex');
  const username = `bench.analyst.${randomBytes(4).toString('hex')}`;
  await insertUser(db, { participant: 'BKBOP', username, displayName: 'bench', role: 'analyst', password }, DEFAULT_APP_CONFIG.passwordPolicy);
  const app = await buildApp({ db });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  return { app, headers: { authorization: `Bearer ${login.json().token}` } };
}
