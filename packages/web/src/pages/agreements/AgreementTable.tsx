import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '@svod/core';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { inForceOn } from '@svod/core';

/**
 * The agreements, one row each: what they cover, between whom, and whether they are in force today;
 * with `onEdit` (the register's keeper), a button to change each.
 */
export function AgreementTable({
  items,
  day,
  labelledBy,
  onEdit,
}: {
  items: readonly AgreementView[];
  day: string;
  labelledBy: string;
  onEdit?: (agreement: AgreementView) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const captionId = useId();
  const words = (values: readonly string[]) => (values.length === 0 ? t('agreements.nothing') : values.join(', '));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled from the keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="table" aria-labelledby={labelledBy}>
        <caption className="visually-hidden" id={captionId}>
          {t('agreements.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('agreements.columns.title')}</th>
            <th scope="col">{t('agreements.columns.documentRef')}</th>
            <th scope="col">{t('agreements.columns.parties')}</th>
            <th scope="col">{t('agreements.columns.categories')}</th>
            <th scope="col">{t('agreements.columns.requestTypes')}</th>
            <th scope="col">{t('agreements.columns.period')}</th>
            <th scope="col">{t('agreements.columns.status')}</th>
            {onEdit && (
              <th scope="col">
                <span className="visually-hidden">{t('agreements.columns.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((agreement) => {
            const active = inForceOn(agreement, day);
            return (
              <tr key={agreement.id}>
                <th scope="row">{agreement.title}</th>
                <td className="mono">{agreement.documentRef}</td>
                <td>
                  {agreement.parties.map((code, index) => (
                    <Fragment key={code}>
                      {index > 0 && ', '}
                      <span className="mono" title={participantName(participants, code, format.lang)}>
                        {code}
                      </span>
                      {code === agreement.coordinator && (
                        <>
                          {' '}
                          <span className="badge badge--status-located" title={t('agreements.coordinatorNote')}>
                            {t('agreements.coordinator')}
                          </span>
                        </>
                      )}
                    </Fragment>
                  ))}
                </td>
                <td>{words(agreement.categories.map((category) => t(`categories.${category}`)))}</td>
                <td>{words(agreement.requestTypes.map((type) => t(`requests.types.${type}`)))}</td>
                <td>
                  {t('agreements.from', { date: format.date(agreement.inForceFrom) })}{' '}
                  {agreement.inForceTo === null ? t('agreements.indefinitely') : t('agreements.to', { date: format.date(agreement.inForceTo) })}
                </td>
                <td>
                  <span className={`badge ${active ? 'badge--status-active' : 'badge--status-cancelled'}`}>
                    {active ? t('agreements.inForce') : t('agreements.notInForce')}
                  </span>
                </td>
                {onEdit && (
                  <td>
                    <button type="button" className="button button--link" onClick={() => onEdit(agreement)}>
                      {t('agreements.edit')}
                      <span className="visually-hidden"> «{agreement.title}»</span>
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
