import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';
import { MatchCard } from '../MatchCard/MatchCard.tsx';

/** The pairs this record is part of, decided or not: a confirmed pair is the same subject on both records' pages. */
export function RecordMatches({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, reload } = useReloadable(
    useCallback((signal: AbortSignal) => api.listMatches({ record: recordId, limit: 50 }, signal), [api, recordId]),
  );
  return (
    <section className="record-matches" aria-label={t('matches.onRecord')}>
      <h2 className="section__title">{t('matches.onRecord')}</h2>
      {error !== null && <ErrorMessage error={error} />}
      {data?.items.length === 0 && <p className="muted">{t('matches.noneOnRecord')}</p>}
      {data?.items.map((match) => (
        <MatchCard key={match.id} match={match} onDecided={reload} />
      ))}
    </section>
  );
}
