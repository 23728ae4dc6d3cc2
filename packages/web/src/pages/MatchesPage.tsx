import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.ts';
import { useReloadable } from '../api/use-reloadable.ts';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { MatchCard } from '../components/MatchCard/MatchCard.tsx';
import type { MatchStatus } from '../domain.ts';
import { navigate, useLocation } from '../router/history.ts';
import { matchesPath } from '../router/routes.ts';

const MATCH_STATUSES: readonly MatchStatus[] = ['pending', 'confirmed', 'rejected'];

const statusOf = (search: string): MatchStatus => {
  const status = new URLSearchParams(search).get('status');
  return MATCH_STATUSES.includes(status as MatchStatus) ? (status as MatchStatus) : 'pending';
};

/** The review queue: pairs of records that may be one subject, waiting for a supervisor, newest first. */
export function MatchesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const location = useLocation();
  const status = statusOf(location.search);
  const statusId = useId();
  const { data, error, reload } = useReloadable(useCallback((signal: AbortSignal) => api.listMatches({ status, limit: 50 }, signal), [api, status]));

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
          <select
            id={statusId}
            value={status}
            onChange={(e) => navigate(matchesPath(e.target.value === 'pending' ? '' : `?status=${e.target.value}`))}
          >
            {MATCH_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`matches.statuses.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
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
