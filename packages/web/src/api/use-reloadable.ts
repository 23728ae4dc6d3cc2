import { useCallback, useEffect, useState } from 'react';
import { isAbort } from './client.ts';

/**
 * Data a panel reads when it opens and again after each change it makes (`reload`): the request
 * of a panel that closes is aborted, and its answer ignored. `load` must keep its identity
 * between renders (wrap it in useCallback), or it would be read on every render.
 */
export function useReloadable<T>(load: (signal: AbortSignal) => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` is `reload`'s trigger to read again
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((loaded) => {
        setData(loaded);
        setError(null);
      })
      .catch((failure: unknown) => !isAbort(failure) && setError(failure));
    return () => controller.abort();
  }, [load, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { data, error, reload };
}
