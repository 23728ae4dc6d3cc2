/** The console's pages, addressed by path so that links can be shared and reloaded. */
export type Route =
  | { page: 'home' }
  | { page: 'records' }
  | { page: 'record'; id: string }
  | { page: 'new-record' }
  | { page: 'edit-record'; id: string }
  | { page: 'check' }
  | { page: 'admin' }
  | { page: 'matches' }
  | { page: 'hits' }
  | { page: 'reconcile'; id?: string }
  | { page: 'requests' }
  | { page: 'new-request' }
  | { page: 'request'; id: string }
  | { page: 'edit-request'; id: string }
  | { page: 'agreements' }
  | { page: 'statistics' }
  | { page: 'groups' }
  | { page: 'group'; id: string }
  | { page: 'not-found' };

export const homePath = (): string => '/';
export const recordsPath = (search = ''): string => `/records${search}`;
export const recordPath = (id: string): string => `/records/${encodeURIComponent(id)}`;
export const checkPath = (): string => '/check';
export const adminPath = (): string => '/admin';
export const matchesPath = (search = ''): string => `/matches${search}`;
export const hitsPath = (box: 'inbox' | 'outbox' = 'inbox'): string => (box === 'inbox' ? '/hits' : '/hits?box=outbox');
export const newRecordPath = (category?: string): string => `/records/new${category ? `?category=${encodeURIComponent(category)}` : ''}`;
/** The reconciliations of national arrays, or one of them (so that a reload returns to it). */
export const reconcilePath = (id?: string): string => (id ? `/reconcile/${encodeURIComponent(id)}` : '/reconcile');
export const editRecordPath = (id: string): string => `/records/${encodeURIComponent(id)}/edit`;
/** The inbox and outbox of interstate requests; `search` carries the box and the filters. */
export const requestsPath = (search = ''): string => `/requests${search}`;
/** A new request, prefilled from `prefill` (e.g. `{ type: 'hit_answer', hitId, recipient }`). */
export const newRequestPath = (prefill: Record<string, string> = {}): string => {
  const search = new URLSearchParams(prefill).toString();
  return `/requests/new${search ? `?${search}` : ''}`;
};
export const requestPath = (id: string): string => `/requests/${encodeURIComponent(id)}`;
export const editRequestPath = (id: string): string => `/requests/${encodeURIComponent(id)}/edit`;
/** The register of agreements on information interaction and who shares what under them. */
export const agreementsPath = (): string => '/agreements';
/** The statistics of cooperation, over the given days (inclusive) or the default period. */
export const statisticsPath = (period?: { from: string; to: string }): string =>
  period ? `/statistics?${new URLSearchParams({ from: period.from, to: period.to }).toString()}` : '/statistics';

/** The joint investigative (and investigative-operational) groups the user is a member of. */
export const groupsPath = (): string => '/groups';
/** One group's workspace. */
export const groupPath = (id: string): string => `/groups/${encodeURIComponent(id)}`;

/**
 * Which page a path shows.
 *
 * @example matchRoute('/records/5b1c…') // { page: 'record', id: '5b1c…' }
 */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { page: 'home' };
  if (path === '/records') return { page: 'records' };
  if (path === checkPath()) return { page: 'check' };
  if (path === adminPath()) return { page: 'admin' };
  if (path === matchesPath()) return { page: 'matches' };
  if (path === '/hits') return { page: 'hits' };
  if (path === '/records/new') return { page: 'new-record' };
  if (path === reconcilePath()) return { page: 'reconcile' };
  const reconciliation = /^\/reconcile\/([^/]+)$/.exec(path);
  if (reconciliation?.[1]) {
    try {
      return { page: 'reconcile', id: decodeURIComponent(reconciliation[1]) };
    } catch {
      return { page: 'not-found' };
    }
  }
  if (path === agreementsPath()) return { page: 'agreements' };
  if (path === statisticsPath()) return { page: 'statistics' };
  if (path === groupsPath()) return { page: 'groups' };
  const group = /^\/groups\/([^/]+)$/.exec(path);
  if (group?.[1]) {
    try {
      return { page: 'group', id: decodeURIComponent(group[1]) };
    } catch {
      return { page: 'not-found' };
    }
  }
  if (path === requestsPath()) return { page: 'requests' };
  if (path === '/requests/new') return { page: 'new-request' };
  const request = /^\/requests\/([^/]+)(\/edit)?$/.exec(path);
  if (request?.[1]) {
    try {
      const id = decodeURIComponent(request[1]);
      return request[2] ? { page: 'edit-request', id } : { page: 'request', id };
    } catch {
      return { page: 'not-found' };
    }
  }
  const match = /^\/records\/([^/]+)(\/edit)?$/.exec(path);
  if (match?.[1]) {
    try {
      const id = decodeURIComponent(match[1]);
      return match[2] ? { page: 'edit-record', id } : { page: 'record', id };
    } catch {
      return { page: 'not-found' };
    }
  }
  return { page: 'not-found' };
}
