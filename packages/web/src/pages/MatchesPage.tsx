import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.ts';
import { useReloadable } from '../api/use-reloadable.ts';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { MatchCard } from '../components/MatchCard/MatchCard.tsx';
import { CrossmatchProgress } from '../components/CrossmatchProgress/CrossmatchProgress.tsx';
import type { MatchKind, MatchStatus } from '../domain.ts';
import { navigate, useLocation } from '../router/history.ts';
import { matchesPath } from '../router/routes.ts';

const MATCH_STATUSES: readonly MatchStatus[] = ['pending', 'confirmed', 'rejected'];

const MATCH_KINDS: readonly MatchKind[] = ['same_subject', 'nameless'];

const statusOf = (search: string): MatchStatus => {
  const status = new URLSearchParams(search).get('status');
  return MATCH_STATUSES.includes(status as MatchStatus) ? (status as MatchStatus) : 'pending';
};
const kindOf = (search: string): MatchKind | undefined => {
  const kind = new URLSearchParams(search).get('kind');
  return MATCH_KINDS.includes(kind as MatchKind) ? (kind as MatchKind) : undefined;
};
/** The queue's address for a status and kind, the defaults left out. */
const queuePath = (status: MatchStatus, kind: MatchKind | undefined) => {
  const search = new URLSearchParams();
  if (status !== 'pending') search.set('status', status);
  if (kind) search.set('kind', kind);
  const text = search.toString();
  return matchesPath(text ? `?${text}` : '');
};

/** The review queue: pairs of records that may be one subject, waiting for a supervisor, newest first. */
export function MatchesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const location = useLocation();
  const status = statusOf(location.search);
  const kind = kindOf(location.search);
  const statusId = useId();
  const kindId = useId();
  const { data, error, reload } = useReloadable(
    useCallback((signal: AbortSignal) => api.listMatches({ status, ...(kind ? { kind } : {}), limit: 50 }, signal), [api, status, kind]),
  );

  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 className="page__title">{t('matches.title')}</h1>
          <p className="page__subtitle">{t('matches.subtitle')}</p>
        </div>
      </div>
      <div className="card filters">
        <div className="form-field">
          <label htmlFor={statusId}>{t('matches.status')}</label>
          <select id={statusId} value={status} onChange={(e) => navigate(queuePath(e.target.value as MatchStatus, kind))}>
            {MATCH_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`matches.statuses.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={kindId}>{t('matches.kind')}</label>
          <select id={kindId} value={kind ?? ''} onChange={(e) => navigate(queuePath(status, kindOf(`?kind=${e.target.value}`)))}>
            <option value="">{t('matches.anyKind')}</option>
            {MATCH_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`matches.kinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CrossmatchProgress />
      {error !== null && <ErrorMessage error={error} />}
      {data === null && error === null && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {data?.items.length === 0 && (
        <p className="card table__empty" role="status">
          {t(`matches.empty.${status}`)}
        </p>
      )}
      <div className="match-list">
        {data?.items.map((match) => (
          <MatchCard key={match.id} match={match} onDecided={reload} />
        ))}
      </div>
    </main>
  );
}
