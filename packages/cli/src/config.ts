import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEDERATION_ROLES, type FederationRole, type Language } from '@svod/core';
import type { AppConfig, FederationConfig, StorageConfig } from '@svod/server';
import { DEFAULT_APP_CONFIG } from '@svod/server';
import { CliError } from './errors.ts';
import type { Translate } from './i18n.ts';

export interface CliConfig {
  storage: StorageConfig;
  app: AppConfig;
  /** The hour (UTC, 0–23) at which the server queues the full cross-match each night; unset: never. */
  crossmatchHour: number | undefined;
  host: string;
  port: number;
  logLevel: string;
  /**
   * Load demo data when the store is empty at start-up: by default only into the embedded store,
   * since an empty PostgreSQL server store is a deployment being set up, not a trial.
   */
  demo: boolean;
  lang: Language;
  /** The key webhooks' signing secrets are sealed with, apart from the data (SVOD_SECRETS_KEY_FILE). */
  secretsKeyFile: string;
  audit: {
    /** The key that signs the audit chain's checkpoints, apart from the data (its public half in `<file>.pub`). */
    keyFile: string;
    /** Folder of the signed checkpoints. */
    checkpointDir: string;
    /** How often `svod serve` signs the chain's head when it has grown. */
    checkpointMinutes: number;
  };
  /** This server's part in the federation (SVOD_FEDERATION_ROLE, SVOD_STATE, SVOD_NATS_URL, SVOD_NODE_KEY_FILE; `svod serve --role --state --nats`). */
  federation: FederationConfig;
  /** A running server to act through instead of opening the store (SVOD_SERVER). */
  server?: string;
  /** The credential for that server (SVOD_API_KEY); taken from the environment, never from the command line. */
  apiKey?: string;
}

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new CliError('config.positiveInt', { name, raw });
  return value;
}

/** An hour of the day, 0–23 (UTC); undefined when unset. */
function hourOfDay(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 23) throw new CliError('config.hourOfDay', { name, raw });
  return value;
}

function flag(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new CliError('config.flag', { name, raw });
}

/** A comma-separated list of origins (`https://host[:port]`), each checked and written as browsers send it. */
function origins(name: string, env: NodeJS.ProcessEnv): string[] {
  const raw = env[name] ?? '';
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const origin = URL.canParse(item) ? new URL(item).origin : 'null';
      if (origin === 'null' || origin !== item.replace(/\/$/, '').toLowerCase()) throw new CliError('config.origins', { name, raw: item });
      return origin;
    });
}

function federationRole(env: NodeJS.ProcessEnv): FederationRole {
  const raw = env.SVOD_FEDERATION_ROLE || 'single';
  if (!FEDERATION_ROLES.includes(raw as FederationRole)) throw new CliError('config.role', { raw, allowed: FEDERATION_ROLES.join(', ') });
  return raw as FederationRole;
}

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Reads the environment once at start-up; nothing else in the program looks at process.env. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    storage: {
      databaseUrl,
      dataDir: resolve(env.SVOD_DATA_DIR ?? 'data'),
    },
    app: {
      ...DEFAULT_APP_CONFIG,
      sessionTtlMinutes: integer('SVOD_SESSION_TTL_MINUTES', DEFAULT_APP_CONFIG.sessionTtlMinutes, env),
      secureCookies: env.SVOD_SECURE_COOKIES === 'true',
      allowedOrigins: origins('SVOD_ALLOWED_ORIGINS', env),
      webRoot: env.SVOD_WEB_ROOT ? resolve(env.SVOD_WEB_ROOT) : WEB_DIST,
      webhookLoopback: env.SVOD_WEBHOOK_ALLOW_LOOPBACK === 'true',
      uploadDir: resolve(env.SVOD_UPLOAD_DIR ?? join(env.SVOD_DATA_DIR ?? 'data', 'uploads')),
      hitDeadlines: {
        heldMinutes: integer('SVOD_HIT_HELD_MINUTES', DEFAULT_APP_CONFIG.hitDeadlines.heldMinutes, env),
        routineMinutes: integer('SVOD_HIT_ROUTINE_MINUTES', DEFAULT_APP_CONFIG.hitDeadlines.routineMinutes, env),
      },
    },
    crossmatchHour: hourOfDay('SVOD_CROSSMATCH_HOUR', env),
    host: env.HOST ?? '127.0.0.1',
    port: integer('PORT', 8080, env),
    logLevel: env.LOG_LEVEL ?? 'info',
    demo: flag('SVOD_DEMO', databaseUrl === undefined, env),
    federation: {
      role: federationRole(env),
      state: env.SVOD_STATE || undefined,
      nats: env.SVOD_NATS_URL || undefined,
      keyFile: resolve(env.SVOD_NODE_KEY_FILE ?? 'secrets/federation-node-key.pem'),
    },
    lang: languageOf(env),
    server: env.SVOD_SERVER || undefined,
    apiKey: env.SVOD_API_KEY || undefined,
    secretsKeyFile: resolve(env.SVOD_SECRETS_KEY_FILE ?? 'secrets/secrets-key'),
    audit: {
      keyFile: resolve(env.SVOD_AUDIT_KEY_FILE ?? 'secrets/audit-signing-key.pem'),
      checkpointDir: resolve(env.SVOD_AUDIT_CHECKPOINT_DIR ?? 'audit-checkpoints'),
      checkpointMinutes: integer('SVOD_AUDIT_CHECKPOINT_MINUTES', 10, env),
    },
  };
}

/** Russian, the bank's working language, unless SVOD_LANG (or else LANG) asks for English. */
export const languageOf = (env: NodeJS.ProcessEnv): Language => ((env.SVOD_LANG || env.LANG || '').toLowerCase().startsWith('en') ? 'en' : 'ru');

/** Where the storage lives, for messages (never the URL's password). */
export function describeStorage(storage: StorageConfig, t: Translate): string {
  if (!storage.databaseUrl) return t('storage.pglite', { dir: storage.dataDir });
  const url = new URL(storage.databaseUrl);
  return t('storage.postgres', { where: `${url.host}${url.pathname}` });
}
