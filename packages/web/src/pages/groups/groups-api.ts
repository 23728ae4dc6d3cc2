import { useMemo } from 'react';
import { API_BASE, type ApiCallOptions, type ApiClient } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import type {
  GroupDocumentView,
  GroupInput,
  GroupMessageView,
  GroupSummary,
  GroupTaskView,
  GroupTimelineEntry,
  GroupUpdate,
  GroupView,
} from '../../domain.ts';

/** A page of a long list of the group, newest first; `next` reads the older ones. */
export interface GroupPage<T> {
  items: T[];
  next: string | null;
}

/** Messages and timeline entries read at a time. */
export const GROUP_PAGE_SIZE = 30;

export interface TaskInput {
  title: string;
  detail?: string;
  assignee?: string;
  dueOn?: string;
}

export interface TaskUpdate {
  state: GroupTaskView['state'];
  assignee: string | null;
  dueOn: string | null;
  version: number;
}

const path = (id: string, rest = '') => `/groups/${encodeURIComponent(id)}${rest}`;

/**
 * Typed access to the joint groups of the API, through the console's client (same origin, the
 * session cookie, errors as {@link ApiError}). A group is found by its members alone: anyone else
 * is answered 404.
 */
export class GroupsApi {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** The groups the user is a member of, newest first. */
  async list(signal?: AbortSignal): Promise<GroupSummary[]> {
    return (await this.#call<{ items: GroupSummary[] }>('GET', '/groups', { signal })).items;
  }

  /** Forms a group led by the user's agency (supervisors); 400 names each field refused. */
  create(input: GroupInput): Promise<GroupView> {
    return this.#call('POST', '/groups', { body: input });
  }

  get(id: string, signal?: AbortSignal): Promise<GroupView> {
    return this.#call('GET', path(id), { signal });
  }

  /** The whole of the terms again, at the version read (leaders); 409 `version_conflict` when stale. */
  update(id: string, update: GroupUpdate): Promise<GroupView> {
    return this.#call('PUT', path(id), { body: update });
  }

  /** Ends the group before its term (leaders): read-only from then on. */
  end(id: string, reason: string): Promise<GroupView> {
    return this.#call('POST', path(id, '/end'), { body: { reason } });
  }

  addMember(id: string, username: string, leader: boolean): Promise<GroupView> {
    return this.#call('POST', path(id, '/members'), { body: { username, ...(leader ? { leader: true } : {}) } });
  }

  /** Takes a member out; `null` when the user took themself out (they read the group no more). */
  async removeMember(id: string, userId: string): Promise<GroupView | null> {
    return (await this.#call<GroupView | undefined>('DELETE', path(id, `/members/${encodeURIComponent(userId)}`), {})) ?? null;
  }

  linkRecord(id: string, recordId: string, note: string | undefined): Promise<GroupView> {
    return this.#call('POST', path(id, '/records'), { body: { recordId, ...(note ? { note } : {}) } });
  }

  /** The owner's decision on showing its record to the group. */
  decideConsent(id: string, recordId: string, decision: 'granted' | 'refused'): Promise<GroupView> {
    return this.#call('POST', path(id, `/records/${encodeURIComponent(recordId)}/consent`), { body: { decision } });
  }

  messages(id: string, cursor: string | null, signal?: AbortSignal): Promise<GroupPage<GroupMessageView>> {
    return this.#call('GET', path(id, '/messages'), { query: { limit: GROUP_PAGE_SIZE, cursor: cursor ?? undefined }, signal });
  }

  /** `idempotencyKey`: the same for a retry of the same message, so that it is not posted twice. */
  postMessage(id: string, body: string, idempotencyKey: string): Promise<GroupMessageView> {
    return this.#call('POST', path(id, '/messages'), { body: { body }, idempotencyKey });
  }

  /** A document for the members; 413 over the size limit, 415 for another type. */
  upload(id: string, file: File, contentType: string, idempotencyKey: string): Promise<GroupDocumentView> {
    return this.#call('POST', path(id, '/documents'), {
      query: { filename: file.name },
      file: new Blob([file], { type: contentType }),
      idempotencyKey,
    });
  }

  /** Where the browser downloads a document of the group (the cookie authenticates it). */
  documentUrl(id: string, documentId: string): string {
    return `${API_BASE}${path(id, `/documents/${encodeURIComponent(documentId)}`)}`;
  }

  createTask(id: string, task: TaskInput, idempotencyKey: string): Promise<GroupView> {
    return this.#call('POST', path(id, '/tasks'), { body: task, idempotencyKey });
  }

  updateTask(id: string, taskId: string, update: TaskUpdate): Promise<GroupView> {
    return this.#call('PUT', path(id, `/tasks/${encodeURIComponent(taskId)}`), { body: update });
  }

  /** Everything done in the group, newest first; `cursor` is the `next` of the page read before. */
  timeline(id: string, cursor: string | null, signal?: AbortSignal): Promise<GroupPage<GroupTimelineEntry>> {
    return this.#call('GET', path(id, '/timeline'), { query: { limit: GROUP_PAGE_SIZE, cursor: cursor ?? undefined }, signal });
  }

  #call<T>(method: string, route: string, options: ApiCallOptions): Promise<T> {
    return this.#api.call<T>(method, route, options);
  }
}

/** The groups API bound to the console's client. */
export function useGroupsApi(): GroupsApi {
  const api = useApi();
  return useMemo(() => new GroupsApi(api), [api]);
}
