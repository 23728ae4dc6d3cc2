import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.ts';

/** A comparison under way: the rows read so far under a bar without an end, as the file's length is not known until then. */
export function RunProgress({ rowsRead, stage }: { rowsRead: number; stage: 'reading' | 'comparing' | 'matching' | 'storing' | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  return (
    <section className="card reconcile-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {t('reconcile.progress.title')}
      </h2>
      <progress className="reconcile-progress" aria-label={t('reconcile.progress.label')} />
      <p role="status">
        {stage && `${t(`reconcile.progress.stages.${stage}`)}. `}
        {t('reconcile.progress.rows', { rows: format.number(rowsRead) })}
      </p>
      <p className="muted">{t('reconcile.progress.note')}</p>
    </section>
  );
}
