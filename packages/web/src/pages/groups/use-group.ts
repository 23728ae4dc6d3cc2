import { useCallback, useEffect, useState } from 'react';
import { ApiError, isAbort } from '../../api/client.ts';
import type { GroupView } from '../../domain.ts';
import type { GroupsApi } from './groups-api.ts';

export type GroupLoad = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; view: GroupView };

/**
 * One group as the bank shows it to the user now; `reload` reads it again (after an event or a
 * refusal), `show` puts in place the view a change answered with. A reload keeps the group on
 * screen until the new answer is there, unless the group is gone for the user (removed from it).
 */
export function useGroup(groups: GroupsApi, id: string) {
  const [load, setLoad] = useState<GroupLoad>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` is reload's trigger to read again
  useEffect(() => {
    const controller = new AbortController();
    groups.get(id, controller.signal).then(
      (view) => setLoad({ status: 'ready', view }),
      (error: unknown) => {
        if (isAbort(error)) return;
        const gone = error instanceof ApiError && error.status === 404;
        setLoad((prev) => (prev.status === 'ready' && !gone ? prev : { status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [groups, id, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const show = useCallback((view: GroupView) => setLoad({ status: 'ready', view }), []);
  return { load, reload, show };
}
