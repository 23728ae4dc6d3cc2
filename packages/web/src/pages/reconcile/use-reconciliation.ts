import { useEffect, useState } from 'react';
import { isAbort } from '../../api/client.ts';
import type { ReconciliationView } from '../../domain.ts';
import { useApi } from '../../api/context.ts';

/** How often a running comparison is asked how far it has come. */
const POLL_MS = 1_000;

/**
 * A reconciliation as the server has it: read when opened (unless the upload has just given it),
 * then every second while the comparison reads the file. `update` takes the answer of a run or
 * an apply; a failed read while polling is shown and tried again, a long run outlasting a blip.
 */
export function useReconciliation(id: string, uploaded?: ReconciliationView) {
  const api = useApi();
  const [view, setView] = useState<ReconciliationView | null>(uploaded ?? null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger to read again after a failure
  useEffect(() => {
    if (view && view.status !== 'reading') return;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        api
          .getReconciliation(id, controller.signal)
          .then((next) => {
            setView(next);
            setError(null);
          })
          .catch((failure: unknown) => {
            if (isAbort(failure)) return;
            setError(failure);
            if (view) setAttempt((n) => n + 1);
          });
      },
      view ? POLL_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, id, view, attempt]);

  return { view, error, update: setView, retry: () => setAttempt((n) => n + 1) };
}
