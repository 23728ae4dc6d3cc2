import { useCallback, useMemo, useRef } from 'react';
import { newIdempotencyKey } from '../requests/idempotency.ts';

/**
 * The `Idempotency-Key` of an addition to the group (a message, a document, a task): the same key
 * while the same thing is sent again after a failure (a retry after a lost answer must not add it
 * twice), a fresh one once anything in it changed, or once it was added (the same words posted
 * again on purpose are a new message).
 */
export function useAdditionKey() {
  const last = useRef<{ json: string; key: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const json = JSON.stringify(body);
    if (last.current?.json !== json) last.current = { json, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
  const added = useCallback(() => {
    last.current = null;
  }, []);
  return useMemo(() => ({ keyFor, added }), [keyFor, added]);
}
