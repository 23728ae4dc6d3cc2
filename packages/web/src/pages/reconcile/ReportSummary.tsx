import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../domain.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { RECONCILIATION_GROUPS } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { reportFileBase, useDownload } from './use-download.ts';

type Summary = NonNullable<ReconciliationView['summary']>;

/**
 * The count of each group as a table whose rows carry bars: the chart and its numbers in one, so
 * that nothing is only a picture (and no charting library is loaded for eight numbers).
 */
export function ReportSummary({ view, summary }: { view: ReconciliationView; summary: Summary }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const { download, error, busy } = useDownload();
  const largest = Math.max(1, ...RECONCILIATION_GROUPS.map((group) => summary[group]));
  const base = reportFileBase(view);

  return (
    <section className="card reconcile-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {t('reconcile.report.title')}
      </h2>
      <p>{t('reconcile.report.rows', { rows: format.number(summary.rows) })}</p>
      <table className="table table--compact reconcile-summary">
        <caption className="visually-hidden">{t('reconcile.report.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reconcile.report.group')}</th>
            <th scope="col" className="table__right">
              {t('reconcile.report.count')}
            </th>
            <th scope="col" className="reconcile-summary__bar-cell">
              <span className="visually-hidden">{t('reconcile.report.bar')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {RECONCILIATION_GROUPS.map((group) => (
            <tr key={group}>
              <th scope="row">{t(`reconcile.report.groups.${group}`)}</th>
              <td className="table__right">{format.number(summary[group])}</td>
              <td className="reconcile-summary__bar-cell">
                <span
                  aria-hidden="true"
                  className={`reconcile-bar reconcile-bar--${group}`}
                  style={{ width: `${(summary[group] / largest) * 100}%` }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="reconcile-downloads">
        <h3 className="section__subtitle">{t('reconcile.report.downloads')}</h3>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void download(() => api.reconciliationReport(view.id, 'html'), `${base}.html`)}
        >
          {t('reconcile.report.html')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void download(() => api.reconciliationDelta(view.id), `delta-${view.participant}-${view.id.slice(0, 8)}.jsonl`)}
        >
          {t('reconcile.report.delta')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
