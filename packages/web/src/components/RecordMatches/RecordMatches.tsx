import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { recordPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';
import { MatchCard } from '../MatchCard/MatchCard.tsx';
import { RecordSummaryCell } from '../RecordSummaryCell/RecordSummaryCell.tsx';

/**
 * The records confirmed to be this subject: each state's record of one person, vehicle or
 * firearm. Asked for again whenever the record's confirmed pairs change in number (a supervisor
 * confirms one on this page); a record with none is in no cluster and asks nothing.
 */
function Cluster({ recordId, confirmedPairs }: { recordId: string; confirmedPairs: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { participants } = useSession();
  const { data, error } = useReloadable(
    useCallback(
      (signal: AbortSignal) => (confirmedPairs > 0 ? api.recordCluster(recordId, signal) : Promise.resolve({ items: [] })),
      [api, recordId, confirmedPairs],
    ),
  );
  if (error !== null) return <ErrorMessage error={error} />;
  if (!data || data.items.length === 0) return null;
  return (
    <div className="record-cluster">
      <h3 className="section__title">{t('matches.cluster')}</h3>
      <p className="muted">{t('matches.clusterNote')}</p>
      <ul className="record-cluster__list">
        {data.items.map((record) => (
          <li key={record.id}>
            <Link to={recordPath(record.id)}>
              <RecordSummaryCell record={record} />
            </Link>{' '}
            <span className="muted">
              {t(`categories.${record.category}`)} · {participantName(participants, record.owner, format.lang)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The pairs this record is part of, decided or not, and the subject its confirmed pairs make. */
export function RecordMatches({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, reload } = useReloadable(
    useCallback((signal: AbortSignal) => api.listMatches({ record: recordId, limit: 50 }, signal), [api, recordId]),
  );
  const confirmed = data?.items.filter((m) => m.status === 'confirmed').length ?? 0;
  return (
    <section className="record-matches" aria-label={t('matches.onRecord')}>
      <h2 className="section__title">{t('matches.onRecord')}</h2>
      <Cluster recordId={recordId} confirmedPairs={confirmed} />
      {error !== null && <ErrorMessage error={error} />}
      {data?.items.length === 0 && <p className="muted">{t('matches.noneOnRecord')}</p>}
      {data?.items.map((match) => (
        <MatchCard key={match.id} match={match} onDecided={reload} />
      ))}
    </section>
  );
}
