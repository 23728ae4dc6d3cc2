import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppError, DEFAULT_PARTICIPANTS, ERROR_TITLES, issueMessage, type FieldIssue, type MatchProfile } from '@svod/core';
import { ensureParticipants, migrateToLatest, openDatabase, type Db } from '@svod/server';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { profileLines, type RecordLabel } from '../profiling/pool.ts';

/** Opens and migrates the configured storage, with the member states' agencies in it; the caller destroys it. */
export async function openStorage(config: CliConfig, { longRunning = false } = {}): Promise<Db> {
  const db = openDatabase({ ...config.storage, longRunning });
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

export function formatIssues(issues: FieldIssue[], lang: 'ru' | 'en'): string[] {
  return issues.map((issue) => `  ${issue.path || '/'}: ${issueMessage(issue.code, lang, issue.params)}`);
}

/** A message for a failed command, in the operator's language. */
export function describeError(error: unknown, lang: 'ru' | 'en'): string {
  if (error instanceof AppError) return [ERROR_TITLES[error.code][lang], ...formatIssues(error.issues, lang)].join('\n');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads a JSON Lines array of records and profiles each for matching, on every core, showing
 * progress; `inspect` sees each record's label and may refuse it (throw). Errors name the line.
 */
export async function readProfiles(
  file: string,
  inspect: (label: RecordLabel, lineNo: number) => void = () => {},
): Promise<(MatchProfile | undefined)[]> {
  const profiles: (MatchProfile | undefined)[] = [];
  const progress = startProgress('Reading and profiling');
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
