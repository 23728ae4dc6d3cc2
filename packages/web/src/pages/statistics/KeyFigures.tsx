import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.ts';
import { OUTCOMES, type KeyFigures as Figures } from './figures.ts';

function Figure({ label, value, children }: { label: string; value: string; children?: ReactNode }) {
  return (
    <div className="card stat-figure">
      <dt className="stat-figure__label">{label}</dt>
      <dd className="stat-figure__value">{value}</dd>
      {children && <dd className="stat-figure__note">{children}</dd>}
    </div>
  );
}

/** The period in a row of numbers, each with its name: what a chart shows at a glance, said outright. */
export function KeyFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const hours = (value: number | null) => (value === null ? t('common.empty') : t('statistics.figures.hours', { value: format.number(value) }));
  return (
    <section aria-labelledby={id} className="stat-figures-section">
      <h2 className="visually-hidden" id={id}>
        {t('statistics.figures.title')}
      </h2>
      <dl className="stat-figures">
        <Figure label={t('statistics.figures.active')} value={format.number(figures.active)} />
        <Figure label={t('statistics.figures.added')} value={format.number(figures.added)} />
        <Figure label={t('statistics.figures.checks')} value={format.number(figures.checks)} />
        <Figure label={t('statistics.figures.hits')} value={format.number(figures.hits)}>
          {t('statistics.figures.confirmed', { value: format.number(figures.confirmedHits) })}
        </Figure>
        <Figure label={t('statistics.figures.sent')} value={format.number(figures.sent)} />
        <Figure label={t('statistics.figures.answered')} value={format.number(figures.answered)} />
        <Figure label={t('statistics.figures.overdue')} value={format.number(figures.overdue)} />
        <Figure label={t('statistics.figures.median')} value={hours(figures.medianHours)} />
        <Figure label={t('statistics.figures.p90')} value={hours(figures.p90Hours)} />
        <Figure label={t('statistics.figures.outcomes')} value={format.number(figures.outcomesTotal)}>
          {OUTCOMES.map((outcome) =>
            t('statistics.figures.outcomeCount', { outcome: t(`statistics.outcomes.${outcome}`), value: format.number(figures.outcomes[outcome]) }),
          ).join(', ')}
        </Figure>
      </dl>
    </section>
  );
}
