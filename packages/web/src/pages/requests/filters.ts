import { isPriority, isRequestState, isRequestType } from '../../domain.ts';
import type { RequestListQuery } from './requests-api.ts';

/**
 * The box and filters of the request list as the URL keeps them (`?box=outbox&state=sent`),
 * so that a filtered list can be reloaded and shared. Unknown values are dropped.
 *
 * @example queryFromSearch('?box=outbox&overdue=true') // { box: 'outbox', overdue: true }
 */
export function queryFromSearch(search: string): RequestListQuery {
  const params = new URLSearchParams(search);
  const state = params.get('state');
  const type = params.get('type');
  const priority = params.get('priority');
  return {
    box: params.get('box') === 'outbox' ? 'outbox' : 'inbox',
    ...(isRequestState(state) ? { state } : {}),
    ...(isRequestType(type) ? { type } : {}),
    ...(isPriority(priority) ? { priority } : {}),
    ...(params.get('overdue') === 'true' ? { overdue: true as const } : {}),
  };
}

/** The query part of the list's address; the inbox, the default, is left out. */
export function searchFromQuery(query: RequestListQuery): string {
  const params = new URLSearchParams();
  if (query.box === 'outbox') params.set('box', 'outbox');
  if (query.state) params.set('state', query.state);
  if (query.type) params.set('type', query.type);
  if (query.priority) params.set('priority', query.priority);
  if (query.overdue) params.set('overdue', 'true');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether anything narrows the box. */
export const isFiltered = (query: RequestListQuery): boolean => Boolean(query.state || query.type || query.priority || query.overdue);
