import type {
  Actor,
  ApiKeyView,
  ApplicableGroup,
  ArrayField,
  Attachment,
  AuditEntryView,
  Category,
  CheckInput,
  CheckOutcome,
  HitOutcome,
  HitView,
  MatchKind,
  MatchStatus,
  MatchView,
  ParticipantInfo,
  ReconciliationGroup,
  ReconciliationItem,
  ReconciliationView,
  RecordHistory,
  RecordStatus,
  RecordView,
  UserView,
  WebhookView,
} from '../domain.ts';
import type { RecordFilters, RecordListState } from '../records/filters.ts';

export const API_BASE = '/api/v1';
/** Items of a report group read at a time. */
export const RECONCILIATION_PAGE = 50;

/** One field-level problem, as in the `errors` member of a problem document. */
export interface ProblemIssue {
  /** JSON Pointer to the field, e.g. `/reason`. */
  path: string;
  code: string;
  /** Already in the language the request asked for. */
  message: string;
}

/** An RFC 9457 problem document as the bank sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  instance?: string;
  params?: Record<string, string | number>;
  errors?: ProblemIssue[];
}

/** Status 0: the request never got an HTTP answer (network down, server gone). */
export const NETWORK_ERROR = 'network_error';
/** The server answered with an error that is not a problem document (e.g. a proxy's 502 page). */
export const UNEXPECTED_RESPONSE = 'unexpected_response';

/** A failed API call: the server's problem document, or a transport failure in the same shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly type: string;
  readonly title: string;
  readonly errors: ProblemIssue[];
  readonly params: Record<string, string | number>;

  constructor(problem: Problem, options: { cause?: unknown } = {}) {
    super(problem.title, { cause: options.cause });
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.type = problem.type;
    this.title = problem.title;
    this.errors = problem.errors ?? [];
    this.params = problem.params ?? {};
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Whether a thrown value is the abort of a request the page no longer needs. */
export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.code === 'string' && typeof v.status === 'number';
}

/** Turns an error response into an ApiError, whatever the body is. */
export async function problemFrom(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) {
        return new ApiError({
          type: typeof body.type === 'string' ? body.type : 'about:blank',
          title: body.title,
          status: body.status,
          code: body.code,
          ...(typeof body.instance === 'string' ? { instance: body.instance } : {}),
          ...(body.params && typeof body.params === 'object' ? { params: body.params } : {}),
          errors: Array.isArray(body.errors)
            ? body.errors.filter(
                (e): e is ProblemIssue => typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.message === 'string',
              )
            : [],
        });
      }
    } catch (cause) {
      return new ApiError({ type: 'about:blank', title: response.statusText, status: response.status, code: UNEXPECTED_RESPONSE }, { cause });
    }
  }
  return new ApiError({ type: 'about:blank', title: response.statusText, status: response.status, code: UNEXPECTED_RESPONSE });
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  actor: Actor;
}

export interface RecordQuery extends RecordListState {
  limit?: number;
  cursor?: string;
}

export interface MatchQuery {
  status?: MatchStatus;
  kind?: MatchKind;
  record?: string;
  limit?: number;
  cursor?: string;
}

export interface CrossmatchProgress {
  waiting: number;
  backlog: number;
  oldestQueuedAt: string | null;
}

export interface MatchPage {
  items: MatchView[];
  nextCursor?: string;
}

export interface RecordOverview {
  counts: { category: Category; owner: string; status: RecordStatus; count: number }[];
  reviewDue: number;
  countedAt: string;
}

export interface RecordPage {
  items: RecordView[];
  nextCursor?: string;
  /** On the first page: how many match, exact up to 10,000. */
  total?: { count: number; exact: boolean };
}

/** One field's part in a candidate's score: its level of agreement and weight in bits. */
export interface CheckContribution {
  field: string;
  level: string;
  /** log2(m/u): positive for evidence of a match, negative against. */
  weight: number;
}

export interface CheckCandidate {
  probability: number;
  /** The match weight in bits: the prior plus every field's contribution. */
  weight: number;
  explanation: CheckContribution[];
  record: RecordView;
}

export interface CheckResult {
  outcome: CheckOutcome;
  modelVersion: string;
  candidates: CheckCandidate[];
  /** The hit sent to the owner of the best candidate, when it is another agency's record in force. */
  hit?: { id: string; deadline: string };
}

/** A record of the other side for a missing or unidentified person, with the evidence field by field. */
export interface NamelessCandidate {
  record: RecordView;
  evidence: {
    bits: number;
    fields: { field: string; level: string; bits: number; detail?: string }[];
    biometrics: { both: string[]; missingOnly: string[]; unidentifiedOnly: string[] };
  };
}

export type HitAnswerKind = 'confirm' | 'deny' | 'more_time';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problem?: { seq: number; kind: string; message: string };
  checkpoint: { seq: number; at: string } | null;
}

/** Which field each column of an array feeds: `null` for a column left unused. */
export type ReconciliationMapping = Record<string, ArrayField | null>;

/** The answer to an upload, with the file's headers. */
export interface UploadedReconciliation extends ReconciliationView {
  headers: string[];
}

/** The media type an array is sent as, by its name: the server tells the format from the bytes as well. */
export function arrayMediaType(fileName: string): string {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    csv: 'text/csv',
    tsv: 'text/csv',
    txt: 'text/csv',
    jsonl: 'application/x-ndjson',
    ndjson: 'application/x-ndjson',
    json: 'application/x-ndjson',
    xml: 'application/xml',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  return types[extension] ?? 'application/octet-stream';
}

export interface ApiClientOptions {
  /** The UI language, sent as Accept-Language so that problem titles come back in it. */
  language: () => string;
  baseUrl?: string;
  fetch?: typeof fetch;
}

interface RequestOptions {
  body?: unknown;
  /** A file sent as it is, with its own content type (attachments), instead of a JSON body. */
  file?: Blob;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Report a 401 to the unauthenticated listeners (not for login, me, logout). */
  authenticated?: boolean;
  /** The answer is a file (a spreadsheet), not JSON. */
  download?: boolean;
  /** The change's `Idempotency-Key`: a retry with it is answered as the first attempt was. */
  idempotencyKey?: string;
}

/** What a page's own module of calls may ask of `ApiClient.call`. */
export type ApiCallOptions = Omit<RequestOptions, 'authenticated'>;

/**
 * Typed access to the bank's API from the browser: same origin, the session travels in
 * the httpOnly cookie the login sets, errors arrive as {@link ApiError}.
 */
export class ApiClient {
  readonly #options: ApiClientOptions;
  readonly #base: string;
  readonly #unauthenticated = new Set<(error: ApiError) => void>();

  constructor(options: ApiClientOptions) {
    this.#options = options;
    this.#base = options.baseUrl ?? API_BASE;
  }

  /** Hears about every 401 of an authenticated call: the session expired or was ended elsewhere. */
  onUnauthenticated(listener: (error: ApiError) => void): () => void {
    this.#unauthenticated.add(listener);
    return () => this.#unauthenticated.delete(listener);
  }

  login(username: string, password: string): Promise<LoginResult> {
    return this.#request('POST', '/auth/login', { body: { username, password }, authenticated: false });
  }

  /** The logged-in actor, or `null` when there is no valid session. */
  async me(signal?: AbortSignal): Promise<Actor | null> {
    try {
      return await this.#request<Actor>('GET', '/auth/me', { authenticated: false, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  }

  logout(): Promise<void> {
    return this.#request('POST', '/auth/logout', { authenticated: false });
  }

  participants(signal?: AbortSignal): Promise<ParticipantInfo[]> {
    return this.#request('GET', '/participants', { ...(signal ? { signal } : {}) });
  }

  listRecords(query: RecordQuery, signal?: AbortSignal): Promise<RecordPage> {
    return this.#request('GET', '/records', { query: { ...query }, ...(signal ? { signal } : {}) });
  }

  /** Counts of what the user may see by category, owner and status, and the agency's records due for review. */
  overview(signal?: AbortSignal): Promise<RecordOverview> {
    return this.#request('GET', '/records/overview', { ...(signal ? { signal } : {}) });
  }

  getRecord(id: string, signal?: AbortSignal): Promise<RecordView> {
    return this.#request('GET', `/records/${encodeURIComponent(id)}`, { ...(signal ? { signal } : {}) });
  }

  /** Creates a record owned by the user's agency; 400/422 name each field the bank refuses. */
  createRecord(input: Record<string, unknown>): Promise<RecordView> {
    return this.#request('POST', '/records', { body: input });
  }

  /** Replaces a record's content; 409 (`version_conflict`) when `version` is no longer the current one. */
  updateRecord(id: string, update: Record<string, unknown> & { version: number }): Promise<RecordView> {
    return this.#request('PUT', `/records/${encodeURIComponent(id)}`, { body: update });
  }

  /** Every version of a record, newest first (audited on the server as a reading of its history). */
  recordHistory(id: string, signal?: AbortSignal): Promise<RecordHistory> {
    return this.#request('GET', `/records/${encodeURIComponent(id)}/history`, { ...(signal ? { signal } : {}) });
  }

  /** Cancels a record; 409 (`version_conflict`) when `version` is no longer the current one. */
  cancelRecord(id: string, version: number, reason: string): Promise<RecordView> {
    return this.#request('POST', `/records/${encodeURIComponent(id)}/cancel`, { body: { version, reason } });
  }

  /** Marks a record located or expired, or active again; 409 when `version` is stale or the move is not allowed. */
  /** For a missing person the unidentified most likely to be them, and the other way round. */
  namelessCandidates(id: string, signal?: AbortSignal): Promise<{ items: NamelessCandidate[] }> {
    return this.#request('GET', `/records/${encodeURIComponent(id)}/nameless`, { ...(signal ? { signal } : {}) });
  }

  /** The other records of the same subject: joined to this one by confirmed pairs, those the caller may see. */
  recordCluster(id: string, signal?: AbortSignal): Promise<{ items: RecordView[] }> {
    return this.#request('GET', `/records/${encodeURIComponent(id)}/cluster`, { ...(signal ? { signal } : {}) });
  }

  /** How many of the agency's records (and of the bank) still wait to be cross-matched. */
  crossmatchProgress(signal?: AbortSignal): Promise<CrossmatchProgress> {
    return this.#request('GET', '/crossmatch', { ...(signal ? { signal } : {}) });
  }

  /** A ranked search's records as a spreadsheet, in the order the search shows them (roles that may export). */
  exportSearch(input: CheckInput, format: 'csv' | 'xlsx'): Promise<Blob> {
    return this.#request('POST', '/records/search/export', { body: input, query: { format }, download: true });
  }

  /** Hits on the agency's records (`inbox`) or from its checks (`outbox`), newest first. */
  listHits(box: 'inbox' | 'outbox', signal?: AbortSignal, record?: string): Promise<{ items: HitView[] }> {
    return this.#request('GET', '/hits', { query: { box, limit: 100, record }, ...(signal ? { signal } : {}) });
  }

  getHit(id: string, signal?: AbortSignal): Promise<HitView> {
    return this.#request('GET', `/hits/${encodeURIComponent(id)}`, { ...(signal ? { signal } : {}) });
  }

  /** The owner's answer; 409 `hit_answered` when someone answered first. */
  answerHit(id: string, answer: HitAnswerKind, outcome?: HitOutcome, note?: string): Promise<HitView> {
    return this.#request('POST', `/hits/${encodeURIComponent(id)}/answer`, {
      body: { answer, ...(outcome ? { outcome } : {}), ...(note ? { note } : {}) },
    });
  }

  /** Where the browser listens for the agency's events (server-sent; the cookie authenticates it). */
  eventsUrl(): string {
    return `${this.#base}/events`;
  }

  /** Pairs of records that may be one subject, newest first: both records visible to the caller. */
  listMatches(query: MatchQuery, signal?: AbortSignal): Promise<MatchPage> {
    return this.#request('GET', '/matches', { query: { ...query }, ...(signal ? { signal } : {}) });
  }

  /** A supervisor's decision on a pair; 409 `match_decided` when someone decided first. */
  decideMatch(id: string, decision: 'confirm' | 'reject', reason?: string): Promise<MatchView> {
    return this.#request('POST', `/matches/${encodeURIComponent(id)}/decision`, { body: { decision, ...(reason ? { reason } : {}) } });
  }

  changeStatus(id: string, version: number, status: 'active' | 'located' | 'expired', note: string): Promise<RecordView> {
    return this.#request('POST', `/records/${encodeURIComponent(id)}/status`, { body: { version, status, note } });
  }

  /** Records of any status found by name or identifier, ranked as checks rank them; 422 when there is too little to search on. */
  search(input: CheckInput, signal?: AbortSignal): Promise<CheckResult> {
    return this.#request('POST', '/records/search', { body: input, ...(signal ? { signal } : {}) });
  }

  /** A field officer's check; 422 (`check_insufficient`) when there is too little to match on. */
  check(input: CheckInput, signal?: AbortSignal): Promise<CheckResult> {
    return this.#request('POST', '/checks', { body: input, ...(signal ? { signal } : {}) });
  }

  /** Adds a photo or document to a record; 413 over the size limit, 415 for another type. */
  uploadAttachment(recordId: string, file: File): Promise<Attachment> {
    return this.#request('POST', `/records/${encodeURIComponent(recordId)}/attachments`, { query: { filename: file.name }, file });
  }

  users(signal?: AbortSignal): Promise<UserView[]> {
    return this.#request('GET', '/users', { ...(signal ? { signal } : {}) });
  }

  /** Creates a user of the administrator's agency; 400 names each field refused, 409 a username taken. */
  createUser(input: { username: string; displayName: string; role: string; password: string }): Promise<UserView> {
    return this.#request('POST', '/users', { body: input });
  }

  apiKeys(signal?: AbortSignal): Promise<ApiKeyView[]> {
    return this.#request('GET', '/api-keys', { ...(signal ? { signal } : {}) });
  }

  /** Issues a key for a national system: the key itself is in this answer only. */
  createApiKey(input: { name: string; role: string; expiresInDays?: number }): Promise<ApiKeyView & { key: string }> {
    return this.#request('POST', '/api-keys', { body: input });
  }

  webhooks(signal?: AbortSignal): Promise<WebhookView[]> {
    return this.#request('GET', '/webhooks', { ...(signal ? { signal } : {}) });
  }

  /** The signing secret is in this answer only. */
  createWebhook(url: string): Promise<WebhookView & { secret: string }> {
    return this.#request('POST', '/webhooks', { body: { url } });
  }

  revokeWebhook(id: string): Promise<void> {
    return this.#request('DELETE', `/webhooks/${encodeURIComponent(id)}`);
  }

  revokeApiKey(id: string): Promise<void> {
    return this.#request('DELETE', `/api-keys/${encodeURIComponent(id)}`);
  }

  /** Audit entries, newest first; `before` pages back by sequence number. */
  audit(query: { action?: string; resourceId?: string; before?: number; limit?: number }, signal?: AbortSignal): Promise<AuditEntryView[]> {
    return this.#request('GET', '/audit', { query, ...(signal ? { signal } : {}) });
  }

  verifyAudit(): Promise<AuditVerification> {
    return this.#request('GET', '/audit/verify');
  }

  /**
   * Sends a national array as it is, telling `onProgress` the share sent (0..1). Over
   * XMLHttpRequest, as fetch reports no upload progress; 201 with the file's headers and the
   * mapping offered, or with `status: 'failed'` and where the file cannot be read.
   */
  uploadArray(category: Category, file: File, onProgress?: (sent: number) => void, signal?: AbortSignal): Promise<UploadedReconciliation> {
    const url = `${this.#base}/reconciliations${queryString({ category, fileName: file.name })}`;
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('accept', 'application/json, application/problem+json');
      xhr.setRequestHeader('accept-language', this.#options.language());
      xhr.setRequestHeader('content-type', arrayMediaType(file.name));
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        const contentType = xhr.getResponseHeader('content-type') ?? '';
        const response = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: { 'content-type': contentType } });
        this.#answer<UploadedReconciliation>(response, {}).then(resolve, reject);
      };
      xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: NETWORK_ERROR, status: 0, code: NETWORK_ERROR }));
      xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(file);
    });
  }

  /** The agency's reconciliations, newest first. */
  reconciliations(signal?: AbortSignal): Promise<{ items: ReconciliationView[] }> {
    return this.#request('GET', '/reconciliations', { query: { limit: 20 }, ...(signal ? { signal } : {}) });
  }

  getReconciliation(id: string, signal?: AbortSignal): Promise<ReconciliationView> {
    return this.#request('GET', `/reconciliations/${encodeURIComponent(id)}`, { ...(signal ? { signal } : {}) });
  }

  /** Starts the comparison in the background (202) with the mapping checked; the server keeps it for the next array. */
  runReconciliation(id: string, mapping: ReconciliationMapping): Promise<ReconciliationView> {
    return this.#request('POST', `/reconciliations/${encodeURIComponent(id)}/run`, { body: { mapping } });
  }

  /** A page of one group of the report, after the item numbered `after`. */
  reconciliationItems(id: string, group: ReconciliationGroup, after: number, signal?: AbortSignal): Promise<{ items: ReconciliationItem[] }> {
    return this.#request('GET', `/reconciliations/${encodeURIComponent(id)}/items`, {
      query: { group, limit: RECONCILIATION_PAGE, after },
      ...(signal ? { signal } : {}),
    });
  }

  /** The whole report as an HTML file in the interface language, or one group as a table. */
  reconciliationReport(id: string, format: 'html' | 'csv' | 'xlsx', group?: ReconciliationGroup): Promise<Blob> {
    return this.#request('GET', `/reconciliations/${encodeURIComponent(id)}/report`, { query: { format, group }, download: true });
  }

  /** What applying would write, as JSON Lines for the national system to load itself. */
  reconciliationDelta(id: string): Promise<Blob> {
    return this.#request('GET', `/reconciliations/${encodeURIComponent(id)}/delta`, { download: true });
  }

  /** Writes the chosen groups to the bank, once; 409 when a record changed since the comparison (run it again). */
  applyReconciliation(id: string, groups: readonly ApplicableGroup[]): Promise<ReconciliationView> {
    return this.#request('POST', `/reconciliations/${encodeURIComponent(id)}/apply`, { body: { groups } });
  }

  /** Where the browser downloads the visible records matching the list's filters as a table (the cookie authenticates it). */
  /** A download of every record the filters select, as the list shows them (the bank checks the right to export). */
  exportUrl(format: 'csv' | 'xlsx', filters: RecordFilters): string {
    return `${this.#base}/records/export${queryString({ ...filters, format })}`;
  }

  /** Where the browser can load an attachment itself (e.g. `<img src>`); the cookie authenticates it. */
  attachmentUrl(recordId: string, attachmentId: string): string {
    return `${this.#base}/records/${encodeURIComponent(recordId)}/attachments/${encodeURIComponent(attachmentId)}`;
  }

  /**
   * Any route of the API, for a page's own module of calls (the interstate requests'): the same
   * headers, errors and handling of an ended session as every call here.
   */
  call<T>(method: string, path: string, options: ApiCallOptions = {}): Promise<T> {
    return this.#request<T>(method, path, options);
  }

  async #request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      'accept-language': this.#options.language(),
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.file !== undefined) headers['content-type'] = options.file.type;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const fetchImpl = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await fetchImpl(this.#base + path + queryString(options.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.file !== undefined ? { body: options.file } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw new ApiError({ type: 'about:blank', title: NETWORK_ERROR, status: 0, code: NETWORK_ERROR }, { cause });
    }
    return this.#answer<T>(response, options);
  }

  async #answer<T>(response: Response, options: Pick<RequestOptions, 'authenticated' | 'download'>): Promise<T> {
    if (!response.ok) {
      const error = await problemFrom(response);
      if (error.status === 401 && options.authenticated !== false) for (const listener of this.#unauthenticated) listener(error);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    if (options.download) return (await response.blob()) as T;
    return (await response.json()) as T;
  }
}

/** `?a=1&b=2` from the defined, non-empty values; `''` when there are none. */
export function queryString(query: Record<string, string | number | undefined> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
