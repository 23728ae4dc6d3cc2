import type { Language } from '@svod/core';
import { NetworkError, ProblemError, type WordedIssue } from '../errors.ts';

export const NDJSON = 'application/x-ndjson';

/** Where and as whom the CLI talks to a server. */
export interface RemoteTarget {
  /** The server's address without the API prefix, e.g. http://127.0.0.1:8080 */
  server: URL;
  /** An API key (`svod_…`), or a session token of a person (an administrator, for the audit). */
  credential: string;
  purpose: string;
  lang: Language;
}

export interface RequestOptions {
  query?: Record<string, string | undefined>;
  body?: string | Blob;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string>;
}

/** Who the credential stands for, as `GET /auth/me` answers. */
export interface RemoteActor {
  kind: string;
  id: string;
  name: string;
  participant: string;
  role: string;
}

/** The bank's HTTP API as the CLI uses it: credentials, purpose and language on every request; problems become errors. */
export class ApiClient {
  constructor(readonly target: RemoteTarget) {}

  /** The address for messages: what the operator typed, without a trailing slash. */
  get where(): string {
    return this.target.server.href.replace(/\/$/, '');
  }

  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const url = new URL(`${this.where}/api/v1${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    const { credential } = this.target;
    const headers: Record<string, string> = {
      accept: options.accept ?? 'application/json',
      'accept-language': this.target.lang,
      'x-purpose': this.target.purpose,
      // The server takes `svod_…` as an API key and anything else as a person's session token.
      ...(credential.startsWith('svod_') ? { 'x-api-key': credential } : { authorization: `Bearer ${credential}` }),
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
      ...options.headers,
    };
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: options.body });
    } catch (error) {
      throw new NetworkError(this.where, networkReason(error));
    }
    if (!response.ok) throw await problemOf(this.where, response);
    return response;
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    return (await response.json()) as T;
  }

  me(): Promise<RemoteActor> {
    return this.json<RemoteActor>('GET', '/auth/me');
  }
}

/** fetch says only "fetch failed"; the socket's code (ECONNREFUSED, ENOTFOUND, …) is in its cause. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  if (cause instanceof Error && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** An RFC 9457 problem from the body when there is one; otherwise only the status is known. */
async function problemOf(where: string, response: Response): Promise<ProblemError> {
  let title: string | undefined;
  let issues: WordedIssue[] = [];
  try {
    const body = (await response.json()) as { title?: unknown; errors?: unknown };
    if (typeof body.title === 'string') title = body.title;
    if (Array.isArray(body.errors)) {
      issues = body.errors.flatMap((e: { path?: unknown; message?: unknown }) =>
        typeof e?.message === 'string' ? [{ path: typeof e.path === 'string' ? e.path : '', message: e.message }] : [],
      );
    }
  } catch {
    // Not JSON (a proxy's error page, say): the status alone is reported.
  }
  return new ProblemError(where, response.status, title, issues);
}
