import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section/Section.tsx';
import type { HistoryEntry } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import type { Assignee } from './requests-api.ts';

/** One step: when, what, who of which agency, from which state to which, and what they wrote. */
function TimelineEntry({ entry, assignees }: { entry: HistoryEntry; assignees: readonly Assignee[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const agency = (code: string) => participantName(participants, code, format.lang);
  // The other side's officers are not named to the sender: an id would tell it nothing.
  const assignee = entry.assignee && assignees.find((a) => a.id === entry.assignee)?.name;
  return (
    <li className="history__version">
      <p className="history__heading">
        <time dateTime={entry.at}>{format.timestamp(entry.at)}</time> ·{' '}
        <span className="strong">{t(`requests.history.actions.${entry.action}`)}</span>
      </p>
      <p>
        {entry.actor.name} <span className="muted">({agency(entry.actor.participant)})</span>
      </p>
      <p className="muted">
        {entry.from ? `${t(`requests.states.${entry.from}`)} → ` : ''}
        {t(`requests.states.${entry.to}`)}
      </p>
      {assignee && <p>{t('requests.history.assignedTo', { name: assignee })}</p>}
      {entry.forwardedFrom && entry.forwardedTo && (
        <p>{t('requests.history.forwarded', { from: agency(entry.forwardedFrom), to: agency(entry.forwardedTo) })}</p>
      )}
      {entry.text && <p className="prewrap">{entry.text}</p>}
    </li>
  );
}

/** The request's whole life, oldest step first, as the bank recorded it once and for all. */
export function RequestTimeline({ history, assignees }: { history: readonly HistoryEntry[]; assignees: readonly Assignee[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('requests.page.history')} wide>
      <ol className="history" aria-label={t('requests.page.history')}>
        {history.map((entry) => (
          <TimelineEntry key={`${entry.at}:${entry.action}`} entry={entry} assignees={assignees} />
        ))}
      </ol>
    </Section>
  );
}
