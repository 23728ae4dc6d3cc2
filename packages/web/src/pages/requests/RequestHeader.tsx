import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { DueDate } from './DueDate.tsx';
import { PrintLinks } from './PrintLinks.tsx';
import type { Assignee } from './requests-api.ts';
import { StateBadge, UrgentBadge } from './StateBadge.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What a request is at a glance: its number, kind, subject, state, the two agencies and its dates. */
export function RequestHeader({ view, assignees }: { view: RequestView; assignees: readonly Assignee[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const agency = (code: string) => (
    <>
      {participantName(participants, code, format.lang)} <span className="muted">({code})</span>
    </>
  );
  const moment = (value: string | null) => (value ? <time dateTime={value}>{format.timestamp(value)}</time> : null);
  const assignee = view.assignee === null ? null : (assignees.find((a) => a.id === view.assignee)?.name ?? t('requests.assignedElsewhere'));
  return (
    <div className="card record-hero">
      <div className="record-hero__body">
        <p className="record-hero__eyebrow">{t(`requests.types.${view.type}`)}</p>
        <h1 tabIndex={-1} className="record-hero__title">
          {view.registrationNumber ? t('requests.page.title', { number: view.registrationNumber }) : t('requests.page.draftTitle')}
        </h1>
        <p className="record-hero__secondary">{view.subject}</p>
        <div className="record-hero__badges">
          <StateBadge state={view.state} />
          {view.priority === 'urgent' && <UrgentBadge />}
          {view.overdue && <span className="badge badge--danger">{t('requests.overdue')}</span>}
        </div>
        <dl className="record-hero__facts">
          <Fact label={t('requests.fields.sender')}>{agency(view.sender)}</Fact>
          <Fact label={t('requests.fields.recipient')}>{agency(view.recipient)}</Fact>
          <Fact label={t('requests.fields.createdAt')}>{moment(view.createdAt)}</Fact>
          {view.sentAt && <Fact label={t('requests.fields.sentAt')}>{moment(view.sentAt)}</Fact>}
          {view.receivedAt && <Fact label={t('requests.fields.receivedAt')}>{moment(view.receivedAt)}</Fact>}
          {view.deadline && (
            <Fact label={t('requests.fields.deadline')}>
              <DueDate deadline={view.deadline} overdue={view.overdue} />
            </Fact>
          )}
          {view.answeredAt && <Fact label={t('requests.fields.answeredAt')}>{moment(view.answeredAt)}</Fact>}
          {assignee && <Fact label={t('requests.fields.assignee')}>{assignee}</Fact>}
        </dl>
      </div>
      <div className="record-hero__actions">
        <PrintLinks id={view.id} />
      </div>
    </div>
  );
}
