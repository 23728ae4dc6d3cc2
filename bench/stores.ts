import { sql } from 'kysely';
import { openDatabase, type Db } from '@svod/server';

/** The stores a bench measures: BENCH_STORES, else both where DATABASE_URL is set, else PGlite. */
export const benchStores = (): string[] => (process.env.BENCH_STORES ?? (process.env.DATABASE_URL ? 'pglite,postgres' : 'pglite')).split(',');

/** The value at the p-th percentile of values sorted ascending (nearest rank). */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * A fresh store for a bench: PGlite in memory, compiled as a server compiles it; or on the
 * PostgreSQL server of DATABASE_URL, the database `name` dropped and made anew.
 */
export async function openBenchStore(store: string, name: string): Promise<Db> {
  if (store === 'pglite') return openDatabase({ dataDir: 'memory://', longRunning: true });
  const admin = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: '' });
  await sql.raw(`DROP DATABASE IF EXISTS ${name}`).execute(admin);
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
  await admin.destroy();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString(), dataDir: '' });
}
