import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CooperationStatistics } from '@svod/core';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';

/** How long each recipient took to answer the requests answered in the period. */
export function AnswerTimes({ rows }: { rows: CooperationStatistics['answerTimes'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const id = useId();
  const byRecipient = rows.flatMap((row) => (row.recipient === null ? [] : [{ ...row, recipient: row.recipient }]));
  const hours = (value: number | null) => (value === null ? t('common.empty') : format.number(value));
  return (
    <section className="card section" aria-labelledby={id}>
      <h2 className="section__title" id={id}>
        {t('statistics.answerTimes.title')}
      </h2>
      {byRecipient.length === 0 ? (
        <p className="muted">{t('statistics.answerTimes.empty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled from the keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
        <section className="table-scroll" aria-labelledby={id} tabIndex={0}>
          <table className="table table--compact stat-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('statistics.answerTimes.recipient')}</th>
                <th scope="col" className="table__right">
                  {t('statistics.answerTimes.answered')}
                </th>
                <th scope="col" className="table__right">
                  {t('statistics.answerTimes.median')}
                </th>
                <th scope="col" className="table__right">
                  {t('statistics.answerTimes.p90')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byRecipient.map((row) => (
                <tr key={row.recipient}>
                  <th scope="row">
                    {participantName(participants, row.recipient, format.lang)} <span className="mono muted">{row.recipient}</span>
                  </th>
                  <td className="table__right">{format.number(row.answered)}</td>
                  <td className="table__right">{hours(row.medianHours)}</td>
                  <td className="table__right">{hours(row.p90Hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
