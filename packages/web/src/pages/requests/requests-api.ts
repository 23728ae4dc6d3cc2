import { useMemo } from 'react';
import type { RequestPage as RequestPageData } from '@svod/core';
import { API_BASE, queryString, type ApiCallOptions, type ApiClient } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import type {
  Language,
  Priority,
  RequestAttachmentView,
  RequestCreate,
  RequestState,
  RequestTransition,
  RequestType,
  RequestView,
} from '../../domain.ts';

export type RequestBox = 'inbox' | 'outbox';

/** What the inbox or outbox is narrowed to; absent keys are not filtered on. */
export interface RequestListQuery {
  box: RequestBox;
  state?: RequestState;
  type?: RequestType;
  priority?: Priority;
  overdue?: true;
}

/** An operator or supervisor of the caller's agency, who may be given a request to work on. */
export interface Assignee {
  id: string;
  name: string;
  role: string;
}

/** Requests listed a page at a time. */
export const REQUEST_PAGE_SIZE = 50;

/**
 * Typed access to the interstate requests of the API, in the shape of the console's ApiClient
 * (same origin, the session cookie, errors as {@link ApiError}), with what only requests need:
 * an `Idempotency-Key` on every change, so that a retry after a lost answer changes nothing twice.
 */
export class RequestsApi {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** One page of the inbox (sent to the agency, never drafts) or the outbox (its own, drafts too), newest first. */
  list(query: RequestListQuery, cursor: string | undefined, signal?: AbortSignal): Promise<RequestPageData> {
    return this.#call('GET', '/requests', {
      query: { ...query, overdue: query.overdue ? 'true' : undefined, limit: REQUEST_PAGE_SIZE, cursor },
      signal,
    });
  }

  /** A request with its history (oldest first), files, and the actions the caller may take now. */
  get(id: string, signal?: AbortSignal): Promise<RequestView> {
    return this.#call('GET', `/requests/${encodeURIComponent(id)}`, { signal });
  }

  /** A new draft of the caller's agency; 422 names each field refused by its JSON Pointer. */
  create(content: RequestCreate, idempotencyKey: string): Promise<RequestView> {
    return this.#call('POST', '/requests', { body: content, idempotencyKey });
  }

  /** One step of the request's life; 409 `transition_not_allowed` when it has moved on meanwhile. */
  transition(id: string, transition: RequestTransition, idempotencyKey: string): Promise<RequestView> {
    return this.#call('POST', `/requests/${encodeURIComponent(id)}/transitions`, { body: transition, idempotencyKey });
  }

  /** The agency's operators and supervisors, for the assignment select. */
  async assignees(signal?: AbortSignal): Promise<Assignee[]> {
    return (await this.#call<{ items: Assignee[] }>('GET', '/requests/assignees', { signal })).items;
  }

  /** A file sent with the request or its answer; 413 over the size limit, 415 for another type. */
  upload(id: string, file: File, contentType: string): Promise<RequestAttachmentView> {
    return this.#call('POST', `/requests/${encodeURIComponent(id)}/attachments`, {
      query: { filename: file.name },
      file: new Blob([file], { type: contentType }),
    });
  }

  /** Where the browser downloads a file of the request (the cookie authenticates it). */
  attachmentUrl(id: string, attachmentId: string): string {
    return `${API_BASE}/requests/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`;
  }

  /** Where the browser downloads the request as the official document, in either language. */
  pdfUrl(id: string, lang: Language): string {
    return `${API_BASE}/requests/${encodeURIComponent(id)}/pdf${queryString({ lang })}`;
  }

  #call<T>(method: string, path: string, options: ApiCallOptions): Promise<T> {
    return this.#api.call<T>(method, path, options);
  }
}

/** The requests API bound to the console's client. */
export function useRequestsApi(): RequestsApi {
  const api = useApi();
  return useMemo(() => new RequestsApi(api), [api]);
}
