import { useEffect, useState } from 'react';
import type { Assignee, RequestsApi } from './requests-api.ts';

/**
 * The agency's officers who may be given a request, read once when `wanted`. Without them (a
 * refusal, the network) the pages still work: assignees are then shown without their names.
 */
export function useAssignees(requests: RequestsApi, wanted: boolean): readonly Assignee[] {
  const [assignees, setAssignees] = useState<readonly Assignee[]>([]);
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    requests.assignees(controller.signal).then(setAssignees, () => undefined);
    return () => controller.abort();
  }, [requests, wanted]);
  return assignees;
}
