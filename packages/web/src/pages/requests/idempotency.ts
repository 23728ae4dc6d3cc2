import { useCallback, useRef } from 'react';

/**
 * A random UUID (version 4). From `getRandomValues`, which browsers offer on plain HTTP too,
 * where `crypto.randomUUID` is missing.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The `Idempotency-Key` for sending `body`: the same key while the same thing is sent again (a
 * retry after a lost answer must not act twice), a fresh one once anything in it changed (the
 * bank refuses a key reused with another body). A step names the request's version in `body`,
 * so the same step taken again later, on the request as it then is, is a new change.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ json: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const json = JSON.stringify(body);
    if (last.current?.json !== json) last.current = { json, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
}
