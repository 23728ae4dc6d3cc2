import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useRequestEvents } from '../../events/events.tsx';
import { Link } from '../../router/Link.tsx';
import { requestsPath } from '../../router/routes.ts';
import { useSession } from '../../session.ts';
import { mayAttach, mayDraftRequests } from './permissions.ts';
import { RequestActions } from './RequestActions.tsx';
import { RequestAttachments } from './RequestAttachments.tsx';
import { RequestContent } from './RequestContent.tsx';
import { RequestHeader } from './RequestHeader.tsx';
import { RequestTimeline } from './RequestTimeline.tsx';
import { useRequestsApi } from './requests-api.ts';
import { useAssignees } from './use-assignees.ts';
import { useRequest } from './use-request.ts';

/**
 * One interstate request: what it asks, its files, its history as a timeline, and the actions
 * the user may take now. It is read again whenever an event says it moved.
 */
export function RequestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const requests = useRequestsApi();
  const { load, reload, show } = useRequest(requests, id);
  const worker = mayDraftRequests(actor);
  const assignees = useAssignees(requests, worker);
  useRequestEvents((event) => event.request === id && reload());

  const view = load.status === 'ready' ? load.view : null;
  const box = view && view.recipient === actor.participant ? '' : '?box=outbox';
  const back = (
    <Link to={requestsPath(box)} className="back-link">
      <span aria-hidden="true">←</span> {t('requests.page.back')}
    </Link>
  );

  if (load.status === 'loading') {
    return (
      <main className="page" id="main">
        {back}
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      </main>
    );
  }
  if (load.status === 'error') {
    return (
      <main className="page" id="main">
        {back}
        {load.error instanceof ApiError && load.error.status === 404 ? (
          <div className="alert alert--info" role="alert">
            <p className="alert__title">{t('requests.page.notFound')}</p>
          </div>
        ) : (
          <ErrorMessage error={load.error}>
            <button type="button" className="button button--secondary" onClick={reload}>
              {t('common.retry')}
            </button>
          </ErrorMessage>
        )}
      </main>
    );
  }

  const { view: request } = load;
  return (
    <main className="page" id="main">
      {back}
      <RequestHeader view={request} assignees={assignees} />
      <RequestActions view={request} assignees={assignees} onChanged={show} onStale={reload} />
      <div className="sections">
        <RequestContent view={request} />
        <RequestAttachments view={request} onUploaded={mayAttach(actor, request) ? reload : undefined} />
        <RequestTimeline history={request.history} assignees={assignees} />
      </div>
    </main>
  );
}
