import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { reconcilePath } from '../../router/routes.ts';

/** The agency's reconciliations, newest first, each opening where it stands. */
export function RecentReconciliations() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const load = useCallback((signal: AbortSignal) => api.reconciliations(signal), [api]);
  const { data, error } = useReloadable(load);

  return (
    <section className="card reconcile-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {t('reconcile.recent.title')}
      </h2>
      {error !== null && <ErrorMessage error={error} />}
      {data === null && error === null && <p className="muted">{t('common.loading')}</p>}
      {data?.items.length === 0 && <p className="muted">{t('reconcile.recent.empty')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('reconcile.recent.file')}</th>
                <th scope="col">{t('reconcile.recent.category')}</th>
                <th scope="col">{t('reconcile.recent.createdAt')}</th>
                <th scope="col">{t('reconcile.recent.status')}</th>
                <th scope="col" className="table__right">
                  {t('reconcile.recent.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={reconcilePath(item.id)}>{item.fileName}</Link>
                  </td>
                  <td>{t(`categories.${item.category}`)}</td>
                  <td>{format.timestamp(item.createdAt)}</td>
                  <td>{t(`reconcile.statuses.${item.status}`)}</td>
                  <td className="table__right">{format.number(item.summary?.rows ?? item.rowsRead)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
