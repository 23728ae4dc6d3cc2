import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../api/client.ts';
import type { GroupPage } from './groups-api.ts';

export interface PagedList<T> {
  items: T[];
  /** The cursor to the older items; `null` when everything is shown. */
  next: string | null;
  loading: boolean;
  loadingOlder: boolean;
  error: unknown;
}

/**
 * A long list of the group read newest first a page at a time: `refresh` reads the newest page
 * again and puts what is new in front of what is shown (the older pages stay), `loadOlder`
 * appends the next older page. `load` must keep its identity between renders.
 */
export function usePaged<T>(load: (cursor: string | null, signal: AbortSignal) => Promise<GroupPage<T>>, keyOf: (item: T) => string) {
  const [list, setList] = useState<PagedList<T>>({ items: [], next: null, loading: true, loadingOlder: false, error: null });
  const [refreshes, setRefreshes] = useState(0);
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;
  const older = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshes` is refresh's trigger to read again
  useEffect(() => {
    const controller = new AbortController();
    load(null, controller.signal).then(
      (page) =>
        setList((prev) => {
          const key = keyRef.current;
          const fresh = new Set(page.items.map(key));
          const overlaps = prev.items.some((item) => fresh.has(key(item)));
          // More is new than a page holds (or nothing was shown): start again from the newest page.
          if (!overlaps) return { items: page.items, next: page.next, loading: false, loadingOlder: false, error: null };
          const kept = prev.items.filter((item) => !fresh.has(key(item)));
          return { ...prev, items: [...page.items, ...kept], next: kept.length > 0 ? prev.next : page.next, loading: false, error: null };
        }),
      (error: unknown) => {
        if (!isAbort(error)) setList((prev) => ({ ...prev, loading: false, error }));
      },
    );
    return () => controller.abort();
  }, [load, refreshes]);

  useEffect(() => () => older.current?.abort(), []);

  const refresh = useCallback(() => setRefreshes((n) => n + 1), []);

  const loadOlder = useCallback(async () => {
    const cursor = list.next;
    if (cursor === null || list.loadingOlder) return;
    const controller = new AbortController();
    older.current = controller;
    setList((prev) => ({ ...prev, loadingOlder: true, error: null }));
    try {
      const page = await load(cursor, controller.signal);
      setList((prev) => {
        const shown = new Set(prev.items.map(keyRef.current));
        return {
          ...prev,
          items: [...prev.items, ...page.items.filter((item) => !shown.has(keyRef.current(item)))],
          next: page.next,
          loadingOlder: false,
        };
      });
    } catch (error) {
      if (!isAbort(error)) setList((prev) => ({ ...prev, loadingOlder: false, error }));
    }
  }, [load, list.next, list.loadingOlder]);

  return { list, refresh, loadOlder };
}
