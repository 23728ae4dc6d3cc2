import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { GroupStatusBadge } from './GroupStatusBadge.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * What the group is at a glance: its kind, title, stage, term, lead and participating agencies,
 * what it is set up for and on what basis; with `actions`, the leaders' buttons.
 */
export function GroupHeader({ view, actions }: { view: GroupView; actions?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const agency = (code: string) => participantName(participants, code, format.lang);
  return (
    <div className="card record-hero">
      <div className="record-hero__body">
        <p className="record-hero__eyebrow">{t(`groups.kinds.${view.kind}`)}</p>
        <h1 tabIndex={-1} className="record-hero__title">
          {view.title}
        </h1>
        <div className="record-hero__badges">
          <GroupStatusBadge status={view.status} />
        </div>
        <dl className="record-hero__facts">
          <Fact label={t('groups.fields.period')}>{t('groups.period', { from: format.date(view.startsOn), to: format.date(view.endsOn) })}</Fact>
          {view.endedAt && (
            <Fact label={t('groups.fields.endedAt')}>
              <time dateTime={view.endedAt}>{format.timestamp(view.endedAt)}</time>
            </Fact>
          )}
          {view.endReason && <Fact label={t('groups.fields.endReason')}>{view.endReason}</Fact>}
          <Fact label={t('groups.fields.lead')}>
            {agency(view.lead)} <span className="muted">({view.lead})</span>
          </Fact>
          <Fact label={t('groups.fields.participants')}>
            {view.participants.map((code, index) => (
              <span key={code}>
                {index > 0 && ', '}
                <span title={agency(code)}>{code}</span>
              </span>
            ))}
          </Fact>
          <Fact label={t('groups.fields.members')}>{format.number(view.memberCount)}</Fact>
        </dl>
        <dl className="fields">
          <div className="fields__row">
            <dt className="fields__label">{t('groups.fields.purpose')}</dt>
            <dd className="fields__value prewrap">{view.purpose}</dd>
          </div>
          <div className="fields__row">
            <dt className="fields__label">{t('groups.fields.legalBasis')}</dt>
            <dd className="fields__value">{view.legalBasis}</dd>
          </div>
        </dl>
      </div>
      {actions && <div className="record-hero__actions">{actions}</div>}
    </div>
  );
}
