import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBankEvents, type BankEvent } from '../../events/events.tsx';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { hitsPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';

/** The message an event is for this agency, or none: the owner is told of hits, the requester of answers. */
function messageKey(event: BankEvent, participant: string): string | undefined {
  const owns = event.owner === participant;
  if (event.type === 'hit.created' && owns) return 'hits.alerts.created';
  if (event.type === 'hit.reminder' && owns) return 'hits.alerts.reminder';
  if (event.type === 'hit.escalated') return owns ? 'hits.alerts.escalated' : 'hits.alerts.escalatedOther';
  if (event.type === 'hit.answered' && event.requester === participant && event.answer !== undefined) return `hits.alerts.answered.${event.answer}`;
  return undefined;
}

/**
 * Banners at the top of every page for what the agency must act on now — a hit on its record,
 * a deadline near or passed, an answer to its officer's check — until someone dismisses them.
 */
export function HitAlerts() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor, participants } = useSession();
  const [alerts, setAlerts] = useState<{ event: BankEvent; key: string }[]>([]);
  useBankEvents((event) => {
    const key = messageKey(event, actor.participant);
    if (key) setAlerts((shown) => [...shown.filter((a) => a.event.hit !== event.hit), { event, key }]);
  });
  if (alerts.length === 0) return null;
  return (
    <div className="hit-alerts">
      {alerts.map(({ event, key }) => (
        <div key={event.hit} className="alert alert--error hit-alert" role="alert">
          <p className="alert__title">
            {t(key as 'hits.alerts.created', {
              owner: participantName(participants, event.owner, format.lang),
              requester: participantName(participants, event.requester, format.lang),
              deadline: format.timestamp(event.deadline),
            })}
          </p>
          <div className="hit-alert__actions">
            <Link to={hitsPath(event.owner === actor.participant ? 'inbox' : 'outbox')} className="button button--primary">
              {t('hits.alerts.open')}
            </Link>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setAlerts((shown) => shown.filter((a) => a.event.hit !== event.hit))}
            >
              {t('hits.alerts.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
