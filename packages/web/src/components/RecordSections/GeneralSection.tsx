import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { Field, Fields, Section } from '../Section/Section.tsx';

/** What every record carries: who owns it, why it exists, what to do on a hit, who sees it. */
export function GeneralSection({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const owner = `${participantName(participants, record.owner, format.lang)} (${record.owner})`;
  const shared =
    record.distribution.kind === 'all'
      ? t('distribution.all')
      : `${t('distribution.participants')}: ${(record.distribution.participants ?? [])
          .map((code) => participantName(participants, code, format.lang))
          .join(', ')}`;
  return (
    <Section title={t('record.sections.general')}>
      <Fields>
        <Field label={t('record.fields.category')}>{t(`categories.${record.category}`)}</Field>
        <Field label={t('record.fields.owner')}>{owner}</Field>
        <Field label={t('record.fields.nationalRef')} identifier>
          {record.nationalRef}
        </Field>
        <Field label={t('record.fields.legalBasis')}>{record.legalBasis}</Field>
        <Field label={t('record.fields.actionOnHit')}>{t(`actions.${record.actionOnHit}`)}</Field>
        <Field label={t('record.fields.reviewBy')}>{record.reviewBy && format.date(record.reviewBy)}</Field>
        <Field label={t('record.fields.distribution')}>{shared}</Field>
        <Field label={t('record.fields.remarks')}>{record.remarks && <span className="prewrap">{record.remarks}</span>}</Field>
        <Field label={t('record.fields.createdAt')}>{format.timestamp(record.createdAt)}</Field>
        <Field label={t('record.fields.updatedAt')}>{format.timestamp(record.updatedAt)}</Field>
        <Field label={t('record.fields.version')}>{String(record.version)}</Field>
        <Field label={t('record.fields.id')} identifier>
          {record.id}
        </Field>
      </Fields>
    </Section>
  );
}
