import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STATISTICS_TABLES } from '@svod/core';
import type { Period } from './figures.ts';
import { EXPORT_FORMATS, exportUrl } from './statistics-api.ts';

/** Every table of the period as a file, for a spreadsheet or a report of one's own. */
export function ExportLinks({ period }: { period: Period }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card section" aria-labelledby={id}>
      <h2 className="section__title" id={id}>
        {t('statistics.exports.title')}
      </h2>
      <p className="muted">{t('statistics.exports.intro')}</p>
      <table className="table table--compact stat-table" aria-labelledby={id}>
        <tbody>
          {STATISTICS_TABLES.map((table) => (
            <tr key={table}>
              <th scope="row">{t(`statistics.tables.${table}`)}</th>
              <td className="table__right">
                <span className="flags">
                  {EXPORT_FORMATS.map((format) => (
                    <a
                      key={format}
                      className="button button--secondary"
                      href={exportUrl(period, table, format)}
                      download
                      aria-label={t('statistics.exports.link', { table: t(`statistics.tables.${table}`), format: format.toUpperCase() })}
                    >
                      {format.toUpperCase()}
                    </a>
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
