import { useTranslation } from 'react-i18next';
import type { RecordStatus } from '../../domain.ts';

export function StatusBadge({ status }: { status: RecordStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--status-${status}`}>{t(`statuses.${status}`)}</span>;
}
