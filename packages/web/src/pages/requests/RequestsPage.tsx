import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useRequestEvents } from '../../events/events.tsx';
import { navigate, useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { newRequestPath, requestsPath } from '../../router/routes.ts';
import { useSession } from '../../session.ts';
import { isFiltered, queryFromSearch, searchFromQuery } from './filters.ts';
import { mayDraftRequests } from './permissions.ts';
import { RequestFilters } from './RequestFilters.tsx';
import { RequestTable } from './RequestTable.tsx';
import { type RequestBox, type RequestListQuery, useRequestsApi } from './requests-api.ts';
import { useAssignees } from './use-assignees.ts';
import { useRequestList } from './use-request-list.ts';

const BOXES: readonly RequestBox[] = ['inbox', 'outbox'];

/**
 * The agency's interstate requests: those sent to it (the inbox, to answer by their due dates)
 * and its own (the outbox, drafts included), filtered, paged, and refreshed as events arrive.
 */
export function RequestsPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const requests = useRequestsApi();
  const location = useLocation();
  const query = useMemo(() => queryFromSearch(location.search), [location.search]);
  const { list, loadMore, reload } = useRequestList(requests, query);
  const assignees = useAssignees(requests, mayDraftRequests(actor));
  const titleId = useId();
  useRequestEvents(reload);

  const show = (next: RequestListQuery) => navigate(requestsPath(searchFromQuery(next)), { replace: true });
  const emptyText = isFiltered(query) ? t('requests.empty.filtered') : t(`requests.empty.${query.box}`);

  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 id={titleId} className="page__title">
            {t('requests.title')}
          </h1>
          <p className="page__subtitle">{t(`requests.subtitles.${query.box}`)}</p>
        </div>
        {mayDraftRequests(actor) && (
          <Link to={newRequestPath()} className="button button--primary">
            {t('requests.new')}
          </Link>
        )}
      </div>
      <div className="segmented" role="tablist" aria-label={t('requests.title')}>
        {BOXES.map((box) => (
          <button
            key={box}
            type="button"
            role="tab"
            aria-selected={query.box === box}
            className={`button ${query.box === box ? 'button--primary' : 'button--secondary'}`}
            onClick={() => navigate(requestsPath(searchFromQuery({ box })))}
          >
            {t(`requests.boxes.${box}`)}
          </button>
        ))}
      </div>
      <RequestFilters query={query} onChange={show} />
      {list.error !== null && <ErrorMessage error={list.error} />}
      <div className="card table-card">
        <RequestTable items={list.items} box={query.box} labelledBy={titleId} loading={list.loading} assignees={assignees} emptyText={emptyText} />
        <div className="table-card__footer">
          <span className="muted" role="status">
            {list.loading ? t('common.loading') : t('requests.shown', { count: list.items.length })}
          </span>
          {list.next && (
            <button type="button" className="button button--secondary" onClick={() => void loadMore()} disabled={list.loadingMore || list.loading}>
              {list.loadingMore ? t('common.loading') : t('requests.loadMore')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}
