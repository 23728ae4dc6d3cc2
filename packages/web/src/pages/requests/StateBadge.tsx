import { useTranslation } from 'react-i18next';
import type { RequestState } from '../../domain.ts';

/** The badge colour of each state: waiting on the sender, moving, answered, closed without an answer. */
const TONES: Record<RequestState, string> = {
  draft: 'badge--status-cancelled',
  signed: 'badge--warning',
  sent: 'badge--status-located',
  received: 'badge--status-located',
  assigned: 'badge--status-located',
  in_work: 'badge--status-located',
  clarification_requested: 'badge--warning',
  answered: 'badge--status-active',
  partly_answered: 'badge--status-active',
  refused: 'badge--danger',
  withdrawn: 'badge--status-cancelled',
};

export function StateBadge({ state }: { state: RequestState }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONES[state]}`}>{t(`requests.states.${state}`)}</span>;
}

/** An urgent request says so in words, not by colour alone. */
export function UrgentBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--danger">{t('requests.priorities.urgent')}</span>;
}
