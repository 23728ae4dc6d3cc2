import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COORDINATING_BODY } from '@svod/core';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useFormat } from '../../format/use-format.ts';
import { navigate } from '../../router/history.ts';
import { statisticsPath } from '../../router/routes.ts';
import { useSession } from '../../session.ts';
import { AnswerTimes } from './AnswerTimes.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { keyFigures, periodOf, type Period } from './figures.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { PeriodForm } from './PeriodForm.tsx';
import { StatisticsCharts } from './StatisticsCharts.tsx';
import { loadStatistics } from './statistics-api.ts';

/**
 * The statistics of cooperation over a period kept in the address (`?from=…&to=…`, so that a
 * view can be shared and reloaded): key figures, four charts each with its table, answer times,
 * and every table as a file. BKBOP sees every agency; others what their agency is a party to.
 */
export function StatisticsPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { actor } = useSession();
  const period = useMemo(() => periodOf(search), [search]);
  const { data, error, reload } = useReloadable(
    useCallback(async (signal: AbortSignal) => ({ period, stats: await loadStatistics(api, period, signal) }), [api, period]),
  );
  // The figures of an earlier period are not shown under a newer one while it loads.
  const stats = data?.period === period ? data.stats : null;
  const figures = useMemo(() => (stats ? keyFigures(stats) : null), [stats]);

  const show = (next: Period) => {
    if (next.from === period.from && next.to === period.to) reload();
    else navigate(statisticsPath(next));
  };

  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 className="page__title">{t('statistics.title')}</h1>
          <p className="page__subtitle">{t(actor.participant === COORDINATING_BODY ? 'statistics.subtitle.all' : 'statistics.subtitle.own')}</p>
        </div>
      </div>
      <PeriodForm key={`${period.from}/${period.to}`} period={period} onShow={show} />
      <p className="muted" role="status">
        {stats !== null
          ? t('statistics.period.shown', { from: format.date(period.from), to: format.date(period.to) })
          : error === null && t('common.loading')}
        {stats?.countedAt && ` ${t('statistics.period.counted', { at: format.timestamp(stats.countedAt) })}`}
      </p>
      {error !== null && <ErrorMessage error={error} />}
      {stats && figures && (
        <>
          <KeyFigures figures={figures} />
          <StatisticsCharts stats={stats} />
          <AnswerTimes rows={stats.answerTimes} />
          <ExportLinks period={period} />
        </>
      )}
    </main>
  );
}
