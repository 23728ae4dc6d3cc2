import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../../api/client.ts';
import type { RequestView } from '../../domain.ts';
import type { RequestsApi } from './requests-api.ts';

export type RequestLoad = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; view: RequestView };

/**
 * One request as the bank shows it to the caller now; `reload` reads it again (after an event
 * or a refusal), `show` puts in place the view an action answered with. A reload keeps the
 * request on screen until the new answer is there.
 */
export function useRequest(requests: RequestsApi, id: string) {
  const [load, setLoad] = useState<RequestLoad>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` is reload's trigger to read again
  useEffect(() => {
    const controller = new AbortController();
    requests.get(id, controller.signal).then(
      (view) => setLoad({ status: 'ready', view }),
      (error: unknown) => {
        if (!isAbort(error)) setLoad((prev) => (prev.status === 'ready' ? prev : { status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [requests, id, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const show = useCallback((view: RequestView) => setLoad({ status: 'ready', view }), []);
  return { load, reload, show };
}
