import { AppError, ERROR_TITLES, issueMessage, type ErrorCode, type FieldIssue, type Language } from '@svod/core';
import { StoreInUseError } from '@svod/server';
import type { MessageKey, Params, Translate } from './i18n.ts';

/** A failure the CLI itself names: a catalogue key, so the operator reads it in their language. */
export class CliError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(key, options);
    this.name = 'CliError';
  }
}

/** One field's complaint, already worded (by the core or by the server in the language asked for). */
export interface WordedIssue {
  path: string;
  message: string;
}

/** An RFC 9457 problem answered by a server, kept as it came. */
export class ProblemError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly title: string | undefined,
    readonly issues: WordedIssue[],
  ) {
    super(title ?? `HTTP ${status}`);
    this.name = 'ProblemError';
  }
}

/** The server could not be reached at all (refused, unknown host, reset, timeout). */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'NetworkError';
  }
}

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_TITLES, code);

/** An error code's title in the operator's language; a code this release does not know is shown as it is. */
export const errorTitle = (code: string, lang: Language): string => (isErrorCode(code) ? ERROR_TITLES[code][lang] : code);

export const wordIssues = (issues: readonly FieldIssue[], lang: Language): WordedIssue[] =>
  issues.map((issue) => ({ path: issue.path, message: issueMessage(issue.code, lang, issue.params) }));

export const formatIssues = (issues: readonly WordedIssue[]): string[] => issues.map((issue) => `  ${issue.path || '/'}: ${issue.message}`);

/** Node's file errors carry the path and a code; their messages are English only. */
function fileError(error: Error, t: Translate): string | undefined {
  const { code, path } = error as NodeJS.ErrnoException;
  if (path === undefined) return undefined;
  if (code === 'ENOENT') return t('file.notFound', { path });
  if (code === 'EACCES' || code === 'EPERM') return t('file.denied', { path });
  if (code === 'EISDIR') return t('file.isDirectory', { path });
  return undefined;
}

/** The socket codes an operator meets most, worded; any other code is shown as it is. */
const NETWORK_REASONS: Record<string, MessageKey> = {
  ECONNREFUSED: 'net.refused',
  ENOTFOUND: 'net.notFound',
  EAI_AGAIN: 'net.notFound',
  ECONNRESET: 'net.reset',
  UND_ERR_SOCKET: 'net.reset',
  ETIMEDOUT: 'net.timeout',
  UND_ERR_CONNECT_TIMEOUT: 'net.timeout',
  UND_ERR_HEADERS_TIMEOUT: 'net.timeout',
  UND_ERR_BODY_TIMEOUT: 'net.timeout',
};

/** A message for a failed command, in the operator's language, never a stack. */
export function describeError(error: unknown, t: Translate, lang: Language): string {
  if (error instanceof CliError) {
    const own = t(error.key, error.params);
    return error.cause === undefined ? own : `${own}\n${describeError(error.cause, t, lang)}`;
  }
  if (error instanceof AppError) return [ERROR_TITLES[error.code][lang], ...formatIssues(wordIssues(error.issues, lang))].join('\n');
  if (error instanceof StoreInUseError) {
    const holder = error.holder
      ? t('store.heldBy', { pid: error.holder.pid, command: error.holder.command, since: error.holder.since })
      : t('store.heldByOther');
    return t('store.inUse', { dir: error.dataDir, holder });
  }
  if (error instanceof NetworkError) {
    const known = NETWORK_REASONS[error.reason];
    return t('remote.unreachable', { url: error.url, reason: known ? `${t(known)} (${error.reason})` : error.reason });
  }
  if (error instanceof ProblemError) {
    if (error.status === 401) return t('remote.unauthorized', { url: error.url });
    const title = error.title ?? t('remote.httpStatus', { status: error.status });
    const head = error.status === 403 ? t('remote.forbidden', { title }) : title;
    return [head, ...formatIssues(error.issues)].join('\n');
  }
  if (error instanceof Error) return fileError(error, t) ?? error.message;
  return String(error);
}
