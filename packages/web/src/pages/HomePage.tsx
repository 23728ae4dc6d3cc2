import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort, type RecordOverview } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { CrossmatchProgress } from '../components/CrossmatchProgress/CrossmatchProgress.tsx';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { RecordSummaryCell } from '../components/RecordSummaryCell/RecordSummaryCell.tsx';
import { StatusBadge } from '../components/StatusBadge/StatusBadge.tsx';
import { CATEGORY_VALUES, type RecordView } from '../domain.ts';
import { useFormat } from '../format/use-format.ts';
import { Link } from '../router/Link.tsx';
import { adminPath, checkPath, matchesPath, newRecordPath, recordsPath } from '../router/routes.ts';
import { mayAdminister, mayDecideMatches, mayWrite, useSession } from '../session.ts';
import { searchFromFilters } from '../records/filters.ts';

// The charting library is most of the console's weight: only the home page loads it, when shown.
const CountsChart = lazy(() => import('../components/CountsChart/CountsChart.tsx').then((m) => ({ default: m.CountsChart })));

/**
 * Where each role starts its shift: an operator or supervisor with the agency's records due for
 * review and its newest records, a supervisor first with the pairs awaiting a decision; an analyst with what every state holds, by category; an
 * administrator with the way to users, keys and the audit trail.
 */
export function HomePage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { actor } = useSession();
  const [overview, setOverview] = useState<RecordOverview | null>(null);
  const [recent, setRecent] = useState<RecordView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** Pending pairs this supervisor may decide, counted among the newest 200. */
  const [awaiting, setAwaiting] = useState<number | null>(null);
  const writes = mayWrite(actor);
  const decides = mayDecideMatches(actor);

  useEffect(() => {
    const controller = new AbortController();
    const failed = (failure: unknown) => !isAbort(failure) && setError(failure);
    api.overview(controller.signal).then(setOverview).catch(failed);
    if (writes)
      api
        .listRecords({ owner: actor.participant, limit: 10 }, controller.signal)
        .then((page) => setRecent(page.items))
        .catch(failed);
    if (decides)
      api
        .listMatches({ status: 'pending', limit: 200 }, controller.signal)
        .then((page) => setAwaiting(page.items.filter((m) => m.mayDecide).length))
        .catch(failed);
    return () => controller.abort();
  }, [api, actor.participant, writes, decides]);

  const own = overview?.counts.filter((c) => c.owner === actor.participant) ?? [];
  const owners = useMemo(() => [...new Set(overview?.counts.map((c) => c.owner) ?? [])], [overview]);
  const series = useMemo(
    () =>
      CATEGORY_VALUES.map((category) => ({
        name: t(`categories.${category}`),
        values: owners.map((owner) =>
          (overview?.counts ?? [])
            .filter((c) => c.owner === owner && c.category === category && c.status === 'active')
            .reduce((n, c) => n + c.count, 0),
        ),
      })),
    [owners, overview, t],
  );
  const total = (rows: RecordOverview['counts'], category: string) =>
    rows.filter((c) => c.category === category && c.status === 'active').reduce((n, c) => n + c.count, 0);

  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 className="page__title">{t('home.title', { name: actor.name })}</h1>
          <p className="page__subtitle">{t(`home.subtitle.${actor.role}`)}</p>
        </div>
        <div className="form-actions">
          {writes && (
            <Link to={newRecordPath()} className="button button--primary">
              {t('form.newRecord')}
            </Link>
          )}
          <Link to={checkPath()} className="button button--secondary">
            {t('header.check')}
          </Link>
        </div>
      </div>
      {error !== null && <ErrorMessage error={error} />}

      {mayAdminister(actor) && (
        <section className="card home-card">
          <h2 className="section__title">{t('admin.title')}</h2>
          <p>{t('home.admin')}</p>
          <Link to={adminPath()} className="button button--secondary">
            {t('home.toAdmin')}
          </Link>
        </section>
      )}

      {writes && <CrossmatchProgress />}

      {decides && awaiting !== null && (
        <section className="card home-card">
          <h2 className="section__title">{t('home.awaitingDecision')}</h2>
          <p className="home-card__figure">{awaiting >= 200 ? '200+' : format.number(awaiting)}</p>
          <Link to={matchesPath()}>{t('home.toMatches')}</Link>
        </section>
      )}

      {writes && overview && (
        <div className="home-grid">
          <section className="card home-card">
            <h2 className="section__title">{t('home.reviewDue')}</h2>
            <p className="home-card__figure">{format.number(overview.reviewDue)}</p>
            {overview.reviewDue > 0 && (
              <Link to={recordsPath(searchFromFilters({ owner: actor.participant, reviewDue: 'true' }))}>{t('home.showReviewDue')}</Link>
            )}
          </section>
          <section className="card home-card">
            <h2 className="section__title">{t('home.ownCounts')}</h2>
            <table className="table table--compact" aria-label={t('home.ownCounts')}>
              <tbody>
                {CATEGORY_VALUES.map((category) => (
                  <tr key={category}>
                    <th scope="row">{t(`categories.${category}`)}</th>
                    <td className="table__right">{format.number(total(own, category))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}

      {writes && recent && (
        <section className="card home-card">
          <h2 className="section__title">{t('home.recent')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('records.empty')}</p>
          ) : (
            <table className="table table--compact" aria-label={t('home.recent')}>
              <tbody>
                {recent.map((record) => (
                  <tr key={record.id}>
                    <td>{t(`categories.${record.category}`)}</td>
                    <td>
                      <RecordSummaryCell record={record} />
                    </td>
                    <td>
                      <StatusBadge status={record.status} />
                    </td>
                    <td className="table__right">{format.timestamp(record.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {overview && !mayAdminister(actor) && (
        <section className="card home-card">
          <h2 className="section__title">{t('home.acrossStates')}</h2>
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <CountsChart columns={owners} series={series} label={t('home.chartLabel')} />
          </Suspense>
          <table className="table table--compact" aria-label={t('home.acrossStates')}>
            <thead>
              <tr>
                <th scope="col">{t('records.columns.owner')}</th>
                {CATEGORY_VALUES.map((category) => (
                  <th key={category} scope="col" className="table__right">
                    {t(`categories.${category}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {owners.map((owner, i) => (
                <tr key={owner}>
                  <th scope="row" className="mono">
                    {owner}
                  </th>
                  {series.map((s) => (
                    <td key={s.name} className="table__right">
                      {format.number(s.values[i] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('home.countedAt', { at: format.timestamp(overview.countedAt) })}</p>
        </section>
      )}
    </main>
  );
}
