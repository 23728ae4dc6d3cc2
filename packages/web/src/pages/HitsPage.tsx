import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.ts';
import { useReloadable } from '../api/use-reloadable.ts';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { HitCard } from '../components/HitCard/HitCard.tsx';
import { useBankEvents } from '../events/events.tsx';
import { navigate, useLocation } from '../router/history.ts';
import { hitsPath } from '../router/routes.ts';

/** Hits on the agency's records, to answer against the clock, and the answers to its own officers' checks. */
export function HitsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const box = new URLSearchParams(useLocation().search).get('box') === 'outbox' ? 'outbox' : 'inbox';
  const { data, error, reload } = useReloadable(useCallback((signal: AbortSignal) => api.listHits(box, signal), [api, box]));
  useBankEvents(reload);
  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 className="page__title">{t('hits.title')}</h1>
          <p className="page__subtitle">{t(`hits.subtitles.${box}`)}</p>
        </div>
      </div>
      <div className="segmented" role="tablist" aria-label={t('hits.title')}>
        {(['inbox', 'outbox'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={box === value}
            className={`button ${box === value ? 'button--primary' : 'button--secondary'}`}
            onClick={() => navigate(hitsPath(value))}
          >
            {t(`hits.boxes.${value}`)}
          </button>
        ))}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {data?.items.length === 0 && (
        <p className="card table__empty" role="status">
          {t(`hits.empty.${box}`)}
        </p>
      )}
      <div className="match-list">
        {data?.items.map((hit) => (
          <HitCard key={hit.id} hit={hit} onAnswered={reload} />
        ))}
      </div>
    </main>
  );
}
