import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { useBankEvents } from '../../events/events.tsx';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';
import { HitCard } from '../HitCard/HitCard.tsx';

/** The hits other agencies' checks made on the agency's own record, answered here as in the inbox. */
export function RecordHits({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, reload } = useReloadable(useCallback((signal: AbortSignal) => api.listHits('inbox', signal, recordId), [api, recordId]));
  useBankEvents((event) => event.record === recordId && reload());
  if (error === null && (data === null || data.items.length === 0)) return null;
  return (
    <section className="record-matches" aria-label={t('hits.onRecord')}>
      <h2 className="section__title">{t('hits.onRecord')}</h2>
      {error !== null && <ErrorMessage error={error} />}
      {data?.items.map((hit) => (
        <HitCard key={hit.id} hit={hit} onAnswered={reload} />
      ))}
    </section>
  );
}
