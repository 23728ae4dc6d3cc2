import { useTranslation } from 'react-i18next';

export interface TableData {
  head: readonly string[];
  /** Each row's first cell names it (a month, a state): it is the row's header. */
  rows: readonly { key: string; cells: readonly string[] }[];
}

/** A chart's numbers as a table, folded away under the chart for those who read rather than look. */
export function ChartTable({ label, data }: { label: string; data: TableData }) {
  const { t } = useTranslation();
  return (
    <details className="stat-chart__table">
      <summary>{t('statistics.asTable')}</summary>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled from the keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <section className="table-scroll" aria-label={label} tabIndex={0}>
        <table className="table table--compact stat-table" aria-label={label}>
          <thead>
            <tr>
              {data.head.map((cell, i) => (
                <th key={cell} scope="col" className={i > 0 ? 'table__right' : undefined}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map(({ key, cells: [first, ...rest] }) => (
              <tr key={key}>
                <th scope="row">{first}</th>
                {rest.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a cell is its column
                  <td key={i} className="table__right">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}
