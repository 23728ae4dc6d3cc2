import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../api/client.ts';
import type { RequestSummary } from '../../domain.ts';
import type { RequestListQuery, RequestsApi } from './requests-api.ts';

export interface RequestList {
  items: RequestSummary[];
  /** The cursor of the page after the last one shown; null on the last page. */
  next: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
}

/**
 * A box of requests read a page at a time with the server's cursor. A new query (or `reload`,
 * e.g. on an event) reads the first page again; an answer to a query no longer shown is dropped.
 */
export function useRequestList(requests: RequestsApi, query: RequestListQuery) {
  const [list, setList] = useState<RequestList>({ items: [], next: null, loading: true, loadingMore: false, error: null });
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query's content, `reloads` is reload's trigger
  useEffect(() => {
    const controller = new AbortController();
    const current = ++generation.current;
    setList((prev) => ({ ...prev, loading: true, loadingMore: false, error: null }));
    requests
      .list(JSON.parse(key) as RequestListQuery, undefined, controller.signal)
      .then((page) => {
        if (current === generation.current) setList({ items: page.items, next: page.next, loading: false, loadingMore: false, error: null });
      })
      .catch((error: unknown) => {
        if (!isAbort(error) && current === generation.current) setList({ items: [], next: null, loading: false, loadingMore: false, error });
      });
    return () => controller.abort();
  }, [requests, key, reloads]);

  const loadMore = async () => {
    if (!list.next) return;
    const current = generation.current;
    setList((prev) => ({ ...prev, loadingMore: true, error: null }));
    try {
      const page = await requests.list(query, list.next);
      if (current !== generation.current) return;
      // A request that moved to the top meanwhile may come again on a later page: shown once.
      setList((prev) => {
        const shown = new Set(prev.items.map((item) => item.id));
        return { ...prev, items: [...prev.items, ...page.items.filter((item) => !shown.has(item.id))], next: page.next, loadingMore: false };
      });
    } catch (error) {
      if (current === generation.current) setList((prev) => ({ ...prev, loadingMore: false, error }));
    }
  };

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { list, loadMore, reload };
}
