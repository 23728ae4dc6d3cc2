import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import type { RequestAction, RequestView } from '../../domain.ts';
import { navigate } from '../../router/history.ts';
import { editRequestPath } from '../../router/routes.ts';
import { ActionForm, type ActionInput } from './ActionForm.tsx';
import { ACTION_ORDER, DESTRUCTIVE, type FormAction, isFormAction } from './actions.ts';
import { useIdempotencyKey } from './idempotency.ts';
import type { Assignee } from './requests-api.ts';
import { useRequestsApi } from './requests-api.ts';

interface RequestActionsProps {
  view: RequestView;
  assignees: readonly Assignee[];
  /** The request as the action left it. */
  onChanged: (view: RequestView) => void;
  /** Read the request again: it changed meanwhile and the action no longer applies. */
  onStale: () => void;
}

/**
 * The buttons of the actions the bank says the user may take now, and the form of the one
 * chosen. A step someone else took first (409) is said plainly and the request read again.
 */
export function RequestActions({ view, assignees, onChanged, onStale }: RequestActionsProps) {
  const { t } = useTranslation();
  const requests = useRequestsApi();
  const keyFor = useIdempotencyKey();
  const [open, setOpen] = useState<FormAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<RequestAction | null>(null);
  const actions = ACTION_ORDER.filter((action) => view.allowedActions.includes(action));

  const perform = async (action: RequestAction, input: ActionInput = {}) => {
    const transition = { action, ...input };
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      onChanged(await requests.transition(view.id, transition, keyFor({ id: view.id, version: view.version, transition })));
      setOpen(null);
      setDone(action);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.status === 409) {
        setOpen(null);
        onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  const choose = (action: RequestAction) => {
    setFailure(null);
    setDone(null);
    if (action === 'edit') navigate(editRequestPath(view.id));
    else if (isFormAction(action)) setOpen(action);
    else void perform(action);
  };

  const fieldErrors = failure instanceof ApiError && failure.errors.length > 0 && open !== null;
  if (actions.length === 0 && failure === null && done === null) return null;
  return (
    <section className="request-actions" aria-label={t('requests.page.actions')}>
      {done && (
        <div className="alert alert--success" role="status">
          <p className="alert__title">{t('requests.page.done', { action: t(`requests.history.actions.${done}`) })}</p>
        </div>
      )}
      {failure !== null && !fieldErrors && <ErrorMessage error={failure} />}
      {open ? (
        <ActionForm
          key={open}
          action={open}
          view={view}
          assignees={assignees}
          busy={busy}
          failure={failure}
          onSubmit={(input) => void perform(open, input)}
          onCancel={() => {
            setOpen(null);
            setFailure(null);
          }}
        />
      ) : (
        actions.length > 0 && (
          <div className="form-actions">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={`button ${DESTRUCTIVE.has(action) ? 'button--danger-outline' : 'button--primary'}`}
                disabled={busy}
                onClick={() => choose(action)}
              >
                {t(`requests.actions.${action}`)}
              </button>
            ))}
          </div>
        )
      )}
    </section>
  );
}
