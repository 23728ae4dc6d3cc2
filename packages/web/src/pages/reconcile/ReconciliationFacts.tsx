import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../domain.ts';
import { Field, Fields } from '../../components/Section/Section.tsx';
import { useFormat } from '../../format/use-format.ts';

/** The file as the bank read it — its format and encoding told from the bytes — and where the reconciliation stands. */
export function ReconciliationFacts({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="card reconcile-card">
      <Fields>
        <Field label={t('reconcile.facts.file')}>{view.fileName}</Field>
        <Field label={t('reconcile.facts.category')}>{t(`categories.${view.category}`)}</Field>
        <Field label={t('reconcile.facts.format')}>{view.format?.toUpperCase()}</Field>
        <Field label={t('reconcile.facts.encoding')}>{view.encoding}</Field>
        <Field label={t('reconcile.facts.size')}>{format.number(view.fileBytes)}</Field>
        <Field label={t('reconcile.facts.createdAt')}>{format.timestamp(view.createdAt)}</Field>
        <Field label={t('reconcile.facts.status')}>
          <span role="status">{t(`reconcile.statuses.${view.status}`)}</span>
        </Field>
      </Fields>
    </div>
  );
}
