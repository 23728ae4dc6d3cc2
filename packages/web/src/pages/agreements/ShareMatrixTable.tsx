import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '@svod/core';
import { CATEGORY_VALUES, isCategory, type Category } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { participantsOf, shareMatrix } from './share.ts';

/**
 * Who shares a category with whom today, at a glance: a row and a column per participant, «✓»
 * where an agreement in force covers the pair (its title in the tooltip and in words for screen
 * readers), «—» where none does, «own» on the diagonal.
 */
export function ShareMatrixTable({ items, day }: { items: readonly AgreementView[]; day: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const ids = { title: useId(), category: useId(), caption: useId() };
  const [category, setCategory] = useState<Category>('wanted_person');
  const codes = useMemo(() => participantsOf(items, participants), [items, participants]);
  const shares = useMemo(() => shareMatrix(items, category, day), [items, category, day]);
  const name = (code: string) => participantName(participants, code, format.lang);
  const date = format.date(day);
  return (
    <section className="card section" aria-labelledby={ids.title}>
      <h2 className="section__title" id={ids.title}>
        {t('agreements.matrix.title')}
      </h2>
      <p className="muted">{t('agreements.matrix.intro', { date })}</p>
      <div className="form-field">
        <label htmlFor={ids.category}>{t('agreements.matrix.category')}</label>
        <select id={ids.category} value={category} onChange={(e) => isCategory(e.target.value) && setCategory(e.target.value)}>
          {CATEGORY_VALUES.map((value) => (
            <option key={value} value={value}>
              {t(`categories.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled from the keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <section className="table-scroll" aria-labelledby={ids.caption} tabIndex={0}>
        <table className="table table--compact">
          <caption id={ids.caption}>{t('agreements.matrix.caption', { category: t(`categories.${category}`), date })}</caption>
          <thead>
            <tr>
              <td>
                <span className="visually-hidden">{t('agreements.matrix.corner')}</span>
              </td>
              {codes.map((code) => (
                <th key={code} scope="col" className="mono">
                  <abbr title={name(code)}>{code}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {codes.map((row) => (
              <tr key={row}>
                <th scope="row" className="mono">
                  <abbr title={name(row)}>{row}</abbr>
                </th>
                {codes.map((column) => {
                  if (row === column) {
                    return (
                      <td key={column} className="muted" title={t('agreements.matrix.ownHint')}>
                        {t('agreements.matrix.own')}
                      </td>
                    );
                  }
                  const agreement = shares(row, column);
                  return agreement ? (
                    <td key={column} title={agreement.title}>
                      <span aria-hidden="true">✓</span>
                      <span className="visually-hidden">{t('agreements.matrix.shares', { row, column, title: agreement.title })}</span>
                    </td>
                  ) : (
                    <td key={column}>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{t('agreements.matrix.notShares', { row, column })}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
