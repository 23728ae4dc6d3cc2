import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from './client.ts';

export type RequestState<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: T } | { status: 'failed'; error: unknown };

/**
 * A request the user may ask again before the last one answered (a check, a search): each new
 * one aborts the one before, only the latest answer is shown, and leaving the page aborts it.
 */
export function useLatestRequest<T>() {
  const [state, setState] = useState<RequestState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (request: (signal: AbortSignal) => Promise<T>) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'running' });
    try {
      const result = await request(current.signal);
      if (!current.signal.aborted) setState({ status: 'done', result });
    } catch (error) {
      if (!isAbort(error) && !current.signal.aborted) setState({ status: 'failed', error });
    }
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    setState({ status: 'idle' });
  }, []);

  return { state, run, reset };
}
