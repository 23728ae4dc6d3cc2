import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort } from '../../api/client.ts';
import type { ReconciliationItem, ReconciliationView } from '../../domain.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import type { ReconciliationGroup } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { ItemEntry } from './ItemEntry.tsx';
import { reportFileBase, useDownload } from './use-download.ts';

/** One group's entries, a page at a time («More» reads after the last one shown), and the whole group as a table. */
export function GroupItems({ view, group, total }: { view: ReconciliationView; group: ReconciliationGroup; total: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [items, setItems] = useState<ReconciliationItem[]>([]);
  /** The `after` of the page asked for: the seq of the last entry shown. */
  const [after, setAfter] = useState(0);
  const [loading, setLoading] = useState(total > 0);
  const [error, setError] = useState<unknown>(null);
  const files = useDownload();

  useEffect(() => {
    if (total === 0) return;
    const controller = new AbortController();
    setLoading(true);
    api
      .reconciliationItems(view.id, group, after, controller.signal)
      .then((page) => {
        setItems((shown) => [...shown, ...page.items]);
        setError(null);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (isAbort(failure)) return;
        setError(failure);
        setLoading(false);
      });
    return () => controller.abort();
  }, [api, view.id, group, after, total]);

  if (total === 0) return <p className="muted">{t('reconcile.report.none')}</p>;
  const last = items.at(-1);
  const base = `${reportFileBase(view)}-${group}`;
  return (
    <div className="reconcile-group">
      <div className="reconcile-group__bar">
        <p className="muted">{t('reconcile.report.shown', { shown: format.number(items.length), total: format.number(total) })}</p>
        {(['csv', 'xlsx'] as const).map((fileFormat) => (
          <button
            key={fileFormat}
            type="button"
            className="button button--secondary"
            disabled={files.busy}
            onClick={() => void files.download(() => api.reconciliationReport(view.id, fileFormat, group), `${base}.${fileFormat}`)}
          >
            {t(`reconcile.report.${fileFormat}`)}
          </button>
        ))}
      </div>
      {files.error !== null && <ErrorMessage error={files.error} />}
      <ol className="reconcile-items">
        {items.map((item) => (
          <li key={item.seq} className={`reconcile-item reconcile-item--${group}`}>
            <ItemEntry item={item} />
          </li>
        ))}
      </ol>
      {error !== null && <ErrorMessage error={error} />}
      {loading && (
        <p className="muted" role="status">
          {t('reconcile.report.loading')}
        </p>
      )}
      {!loading && last && items.length < total && (
        <button type="button" className="button button--secondary" onClick={() => setAfter(last.seq)}>
          {t('reconcile.report.more')}
        </button>
      )}
    </div>
  );
}
