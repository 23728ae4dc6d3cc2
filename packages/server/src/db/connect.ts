import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type KyselyConfig } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database, Db } from './database.ts';
import { migrationProvider } from './migrations/index.ts';
import { preparingPool } from './prepared-pool.ts';
import { lockStore, type StoreLock } from './store-lock.ts';

export interface StorageConfig {
  /** A PostgreSQL server; when absent the embedded PGlite store in `dataDir` is used. */
  databaseUrl?: string;
  /** Folder of the embedded store; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** A process that serves for long (`svod serve`, the bench): the embedded engine is compiled fully at open. */
  longRunning?: boolean;
}

/**
 * Databases reached through a single connection (embedded PGlite): statements on them never
 * interleave, so writers that would need a lock on a server can do without.
 */
const SINGLE_WRITER = new WeakSet<Db>();
export const isSingleWriter = (db: Db): boolean => SINGLE_WRITER.has(db);

/**
 * An embedded store held by this process for as long as it is open. The engine is closed here
 * too: Kysely's driver closes it only if a query was ever run, and an engine still starting in the
 * background after the lock is released would be a second writer.
 */
class HeldStore extends Kysely<Database> {
  constructor(
    config: KyselyConfig,
    private readonly engine: PGlite,
    private readonly lock: StoreLock,
  ) {
    super(config);
  }

  override async destroy(): Promise<void> {
    try {
      await super.destroy();
      if (!this.engine.closed) await this.engine.close();
    } finally {
      await this.lock.release();
    }
  }
}

/**
 * Opens the bank's storage: a PostgreSQL server when a URL is given, embedded PGlite otherwise.
 * An embedded store on disk is held by one process at a time (a second opener gets
 * `StoreInUseError` naming the holder) and kept readable by the bank's account only.
 */
export async function openDatabase(config: StorageConfig): Promise<Db> {
  if (config.databaseUrl) {
    // No JIT: compiling a plan takes about 100 ms before it runs, more than the bank's queries
    // (short lookups, aggregates of some 100,000 rows) gain from it. Measured on the statistics of
    // 100,000 requests by month: 236 ms with it, 86 ms without.
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10, options: '-c jit=off' });
    // An idle connection the server ends (restart, administrator, a dropped test database) is
    // discarded by the pool and the next query opens a new one; without a listener pg would
    // raise it as an uncaught error and bring the process down.
    pool.on('error', () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  }
  if (config.longRunning) compileEngineFully();
  if (config.dataDir.startsWith('memory://')) {
    const db = new Kysely<Database>({ dialect: new PGliteDialect(new PGlite(config.dataDir)) });
    SINGLE_WRITER.add(db);
    return db;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const lock = await lockStore(config.dataDir);
  try {
    ownerOnly(config.dataDir);
    const engine = new PGlite(config.dataDir);
    // A folder the engine cannot open is refused here, at open, rather than at the first query.
    await engine.waitReady;
    const db = new HeldStore({ dialect: new PGliteDialect(engine) }, engine, lock);
    SINGLE_WRITER.add(db);
    return db;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Records of wanted and missing persons are for the bank's account alone: the folder is made
 * 0700 and what PGlite already wrote 0600 (files it makes later sit inside the closed folder).
 */
function ownerOnly(dir: string) {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) chmodSync(path, 0o700);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

/**
 * V8 first runs WebAssembly on quickly compiled baseline code and optimises functions as they
 * get hot; for PGlite that means the first few thousand statements after start-up run up to
 * several times slower (identifier-check p95 at 1M records: about 6 ms instead of 3.5–4.5). A server runs
 * for days, so it pays the full compilation once at start (about 2 s) instead; one-off commands
 * and tests keep the lazy default. The flag only affects modules compiled after it is set, and
 * PGlite compiles its module when first opened.
 */
function compileEngineFully() {
  setFlagsFromString('--no-liftoff');
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
