import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { Section } from '../../components/Section/Section.tsx';
import { isCategory, type GroupTimelineEntry, type GroupView } from '../../domain.ts';
import { type Formatters, useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import type { PagedList } from './use-paged.ts';

type Detail = GroupTimelineEntry['detail'];
const text = (detail: Detail, key: string): string => {
  const value = detail[key];
  return value === null || value === undefined ? '' : String(value);
};

interface SentenceContext {
  t: TFunction;
  format: Formatters;
  agency: (code: string) => string;
  view: GroupView;
  /** Members' names by user id, from the group and the additions on the timeline read so far. */
  names: ReadonlyMap<string, string>;
}

/** What one entry of the timeline says, as a sentence in the interface language. */
function sentence(entry: GroupTimelineEntry, { t, format, agency, view, names }: SentenceContext): string {
  const { detail } = entry;
  const date = (key: string) => (text(detail, key) ? format.date(text(detail, key)) : '');
  const category = (recordId: string) => {
    const found = view.records.find((link) => link.recordId === recordId)?.category ?? text(detail, 'category');
    return isCategory(found) ? t(`categories.${found}`) : t('common.empty');
  };
  switch (entry.action) {
    case 'created':
      return t('groups.timeline.actions.created', { title: text(detail, 'title') });
    case 'updated':
      return t('groups.timeline.actions.updated', {
        endsOn: date('endsOn'),
        participants: text(detail, 'participants'),
      });
    case 'ended':
      return t('groups.timeline.actions.ended', { reason: text(detail, 'reason') });
    case 'member_added':
      return t(detail.leader === true ? 'groups.timeline.actions.member_added_leader' : 'groups.timeline.actions.member_added', {
        name: text(detail, 'name'),
        agency: agency(text(detail, 'participant')),
      });
    case 'member_removed': {
      const name = text(detail, 'name') || names.get(text(detail, 'user'));
      if (!name) return t('groups.timeline.actions.member_removed_unnamed');
      return t(detail.left === true ? 'groups.timeline.actions.member_left' : 'groups.timeline.actions.member_removed', { name });
    }
    case 'record_linked':
      return t('groups.timeline.actions.record_linked', {
        category: category(text(detail, 'record')),
        owner: agency(text(detail, 'owner')),
        consent: t(detail.consent === 'granted' ? 'groups.timeline.sharedAtOnce' : 'groups.timeline.awaitsConsent'),
      });
    case 'record_consent':
      return t(detail.consent === 'granted' ? 'groups.timeline.actions.record_consent_granted' : 'groups.timeline.actions.record_consent_refused', {
        owner: agency(text(detail, 'owner')),
        category: category(text(detail, 'record')),
      });
    case 'message_posted':
      return t('groups.timeline.actions.message_posted');
    case 'document_added':
      return t('groups.timeline.actions.document_added', { filename: text(detail, 'filename') });
    case 'task_created': {
      const assignee = names.get(text(detail, 'assignee'));
      return [
        t('groups.timeline.actions.task_created', { title: text(detail, 'title') }),
        assignee ? t('groups.timeline.taskAssignee', { name: assignee }) : '',
        date('dueOn') ? t('groups.timeline.taskDue', { date: date('dueOn') }) : '',
      ].join('');
    }
    case 'task_updated': {
      const title = view.tasks.find((task) => task.id === text(detail, 'task'))?.title ?? t('common.empty');
      return t(detail.state === 'done' ? 'groups.timeline.actions.task_done' : 'groups.timeline.actions.task_reopened', { title });
    }
    default: {
      const unknown: never = entry.action;
      return String(unknown);
    }
  }
}

/** Everything done in the group, newest first, each step as a sentence with who did it and when. */
export function GroupTimeline({ view, list, onLoadOlder }: { view: GroupView; list: PagedList<GroupTimelineEntry>; onLoadOlder: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const agency = (code: string) => participantName(participants, code, format.lang);
  const names = new Map<string, string>();
  for (const entry of list.items) {
    if (entry.action === 'member_added' && typeof entry.detail.user === 'string') names.set(entry.detail.user, text(entry.detail, 'name'));
  }
  for (const member of view.members) names.set(member.userId, member.displayName);
  const context: SentenceContext = { t, format, agency, view, names };
  return (
    <Section title={t('groups.timeline.title')}>
      {list.error !== null && <ErrorMessage error={list.error} />}
      {list.loading && list.items.length === 0 ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <ol className="history" aria-label={t('groups.timeline.title')}>
          {list.items.map((entry) => (
            <li key={entry.seq} className="history__version">
              <p className="history__heading">
                <time dateTime={entry.at}>{format.timestamp(entry.at)}</time> · <span className="strong">{sentence(entry, context)}</span>
              </p>
              <p className="muted">
                {entry.actor} ({agency(entry.participant)})
              </p>
            </li>
          ))}
        </ol>
      )}
      {list.next !== null && (
        <button type="button" className="button button--secondary" onClick={onLoadOlder} disabled={list.loadingOlder}>
          {list.loadingOlder ? t('common.loading') : t('groups.timeline.older')}
        </button>
      )}
    </Section>
  );
}
