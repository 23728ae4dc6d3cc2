import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorsByPath } from '../../forms/fields.tsx';

/**
 * One kind of change a member makes in the workspace: whether it is being sent, and the bank's
 * refusal of the last attempt (its field messages by path, for the form's inputs). A refusal
 * because the group moved on meanwhile (it ended, someone saved first: 409) also calls
 * `onConflict`, so that the page reads the group again and shows it as it now is.
 */
export function useChange(onConflict: () => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = useMemo(() => errorsByPath(failure), [failure]);

  const run = useCallback(
    async (change: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setFailure(null);
      try {
        await change();
        return true;
      } catch (error) {
        setFailure(error);
        if (error instanceof ApiError && error.status === 409) onConflict();
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onConflict],
  );

  const clear = useCallback(() => setFailure(null), []);
  return { busy, failure, errors, run, clear };
}
