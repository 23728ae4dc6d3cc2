import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINAL_REQUEST_STATES } from '../../domain.ts';
import { type RequestEvent, useRequestEvents } from '../../events/events.tsx';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { requestPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';

type AlertKind = 'received' | 'reminder' | 'overdue' | 'answered' | 'clarification';

/**
 * What an event is for this agency, or nothing: the recipient hears of a new request and of its
 * deadline, the sender of an answer or a question; either side of a deadline passed.
 */
function kindOf(event: RequestEvent, participant: string): AlertKind | undefined {
  const recipient = event.recipient === participant;
  if (event.type === 'request.received') return recipient ? 'received' : undefined;
  if (event.type === 'request.reminder') return recipient ? 'reminder' : undefined;
  if (event.type === 'request.overdue') return 'overdue';
  if (event.sender !== participant) return undefined;
  if (FINAL_REQUEST_STATES.includes(event.state) && event.state !== 'withdrawn') return 'answered';
  return event.state === 'clarification_requested' ? 'clarification' : undefined;
}

/**
 * Notices at the top of every page for the requests the agency must act on or has an answer
 * to, each with a link to the request, until dismissed. A newer notice of a request replaces
 * the older one.
 */
export function RequestAlerts() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor, participants } = useSession();
  const [alerts, setAlerts] = useState<{ event: RequestEvent; kind: AlertKind }[]>([]);
  useRequestEvents((event) => {
    const kind = kindOf(event, actor.participant);
    if (kind) setAlerts((shown) => [...shown.filter((a) => a.event.request !== event.request), { event, kind }]);
  });
  if (alerts.length === 0) return null;
  const dismiss = (request: string) => setAlerts((shown) => shown.filter((a) => a.event.request !== request));
  return (
    <div className="hit-alerts">
      {alerts.map(({ event, kind }) => (
        <div
          key={event.request}
          className={`alert ${kind === 'overdue' || kind === 'reminder' ? 'alert--error' : 'alert--info'} hit-alert`}
          role={kind === 'overdue' ? 'alert' : 'status'}
        >
          <p className="alert__title">
            {t(`requests.alerts.${kind}`, {
              number: event.registrationNumber ?? t('requests.draftNumber'),
              sender: participantName(participants, event.sender, format.lang),
              recipient: participantName(participants, event.recipient, format.lang),
              deadline: event.deadline ? format.timestamp(event.deadline) : t('common.empty'),
              state: t(`requests.states.${event.state}`),
            })}
          </p>
          <div className="hit-alert__actions">
            <Link to={requestPath(event.request)} className="button button--primary" onClick={() => dismiss(event.request)}>
              {t('requests.alerts.open')}
            </Link>
            <button type="button" className="button button--secondary" onClick={() => dismiss(event.request)}>
              {t('requests.alerts.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
