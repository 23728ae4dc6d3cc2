import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DEFAULT_PARTICIPANTS, type Actor, type MatchProfile, type Role } from '@svod/core';
import { ensureParticipants, migrateToLatest, openDatabase, SYSTEM_ACTOR, type Db } from '@svod/server';
import type { CliConfig } from '../config.ts';
import type { Translate } from '../i18n.ts';
import { startProgress } from '../progress.ts';
import { profileLines, type RecordLabel } from '../profiling/pool.ts';

/** Opens and migrates the configured storage, with the member states' agencies in it; the caller destroys it. */
export async function openStorage(config: CliConfig, { longRunning = false } = {}): Promise<Db> {
  const db = await openDatabase({ ...config.storage, longRunning });
  await migrateToLatest(db);
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  return db;
}

export async function withStorage<T>(config: CliConfig, run: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStorage(config);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/**
 * In-process the CLI acts as the bank's operator console: as the named participant, or — for
 * loading several states' arrays at once — as the bank itself, taking each line's `owner`.
 */
export function cliActor(participant: string | undefined, role: Role = 'supervisor'): Actor {
  return participant ? { kind: 'system', id: 'svod-cli', name: 'svod cli', participant, role } : SYSTEM_ACTOR;
}

/**
 * Lines of a file, or of standard input for `-`. The iterator is taken at once: readline starts
 * reading as soon as it is created, and lines it reads before anyone iterates are dropped — a
 * caller that awaited something first (opening a transaction) silently lost the file's first
 * 64 KiB.
 */
export function readLines(path: string): AsyncIterable<string> {
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  return { [Symbol.asyncIterator]: () => lines };
}

export function openOutput(path: string | undefined): NodeJS.WritableStream & { close?: WriteStream['close'] } {
  return path && path !== '-' ? createWriteStream(path, { encoding: 'utf8' }) : process.stdout;
}

/** Writes a line, waiting when the stream is full so memory stays flat on large outputs. */
export async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

export async function closeOutput(out: NodeJS.WritableStream): Promise<void> {
  if (out === process.stdout) return;
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/**
 * Reads a JSON Lines array of records and profiles each for matching, on every core, showing
 * progress; `inspect` sees each record's label and may refuse it (throw). Errors name the line.
 */
export async function readProfiles(
  t: Translate,
  file: string,
  inspect: (label: RecordLabel, lineNo: number) => void = () => {},
): Promise<(MatchProfile | undefined)[]> {
  const profiles: (MatchProfile | undefined)[] = [];
  const progress = startProgress(t, t('progress.profiling'));
  try {
    await profileLines(readLines(file), (batch) => {
      batch.labels.forEach((label, k) => {
        inspect(label, batch.firstLine + k);
      });
      for (const profile of batch.profiles) profiles.push(profile);
      progress.update(profiles.length);
    });
  } finally {
    progress.update(profiles.length);
    progress.stop();
  }
  return profiles;
}
