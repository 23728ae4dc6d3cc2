import { useTranslation } from 'react-i18next';
import type { GroupStatus } from '../../domain.ts';

/** The badge colour of each stage of a group's term: not yet begun, at work, read-only. */
const TONES: Record<GroupStatus, string> = {
  planned: 'badge--status-located',
  active: 'badge--status-active',
  ended: 'badge--status-cancelled',
};

export function GroupStatusBadge({ status }: { status: GroupStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONES[status]}`}>{t(`groups.statuses.${status}`)}</span>;
}
