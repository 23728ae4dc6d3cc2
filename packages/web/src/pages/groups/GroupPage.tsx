import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import type { GroupMessageView, GroupTimelineEntry, GroupView } from '../../domain.ts';
import { useGroupEvents } from '../../events/events.tsx';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { groupsPath } from '../../router/routes.ts';
import { EndGroupForm } from './EndGroupForm.tsx';
import { GroupDocuments } from './GroupDocuments.tsx';
import { GroupForm } from './GroupForm.tsx';
import { GroupHeader } from './GroupHeader.tsx';
import { GroupMembers } from './GroupMembers.tsx';
import { GroupMessages } from './GroupMessages.tsx';
import { GroupRecords } from './GroupRecords.tsx';
import { GroupTasks } from './GroupTasks.tsx';
import { GroupTimeline } from './GroupTimeline.tsx';
import { useGroupsApi } from './groups-api.ts';
import { allows } from './permissions.ts';
import { useGroup } from './use-group.ts';
import { usePaged } from './use-paged.ts';

const messageKey = (message: GroupMessageView) => message.id;
const entryKey = (entry: GroupTimelineEntry) => String(entry.seq);

/** Said plainly once the group has ended: everything stays readable, nothing can be changed. */
function EndedNotice({ view }: { view: GroupView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="alert alert--info" role="status">
      <p className="alert__title">
        {view.endedAt
          ? t('groups.page.endedEarly', { date: format.timestamp(view.endedAt) })
          : t('groups.page.endedByTerm', { date: format.date(view.endsOn) })}
      </p>
      <p>{t('groups.page.readOnly')}</p>
    </div>
  );
}

/**
 * One joint group's workspace: its terms, members, linked records, documents, tasks, thread and
 * timeline. It is read again whenever an event says the group changed; once the group has ended
 * it is shown read-only.
 */
export function GroupPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const groups = useGroupsApi();
  const { load, reload, show } = useGroup(groups, id);
  const messages = usePaged(
    useCallback((cursor: string | null, signal: AbortSignal) => groups.messages(id, cursor, signal), [groups, id]),
    messageKey,
  );
  const timeline = usePaged(
    useCallback((cursor: string | null, signal: AbortSignal) => groups.timeline(id, cursor, signal), [groups, id]),
    entryKey,
  );
  const [panel, setPanel] = useState<'edit' | 'end' | null>(null);
  const refreshMessages = messages.refresh;
  const refreshTimeline = timeline.refresh;

  useGroupEvents((event) => {
    if (event.group !== id) return;
    if (event.action === 'message_posted') refreshMessages();
    else reload();
    refreshTimeline();
  });

  /** A change made here: the group as the bank answered, and the timeline with its new step. */
  const changed = useCallback(
    (view: GroupView) => {
      show(view);
      refreshTimeline();
    },
    [show, refreshTimeline],
  );
  /** The group moved on meanwhile (ended, changed by someone else): read it again. */
  const stale = useCallback(() => {
    reload();
    refreshTimeline();
  }, [reload, refreshTimeline]);

  const back = (
    <Link to={groupsPath()} className="back-link">
      <span aria-hidden="true">←</span> {t('groups.page.back')}
    </Link>
  );

  if (load.status === 'loading') {
    return (
      <main className="page" id="main">
        {back}
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      </main>
    );
  }
  if (load.status === 'error') {
    return (
      <main className="page" id="main">
        {back}
        {load.error instanceof ApiError && load.error.status === 404 ? (
          <div className="alert alert--info" role="alert">
            <p className="alert__title">{t('groups.page.notFound')}</p>
          </div>
        ) : (
          <ErrorMessage error={load.error}>
            <button type="button" className="button button--secondary" onClick={reload}>
              {t('common.retry')}
            </button>
          </ErrorMessage>
        )}
      </main>
    );
  }

  const { view } = load;
  const manages = allows(view, 'manage');
  const writes = allows(view, 'write');
  const leaderActions = manages ? (
    <>
      <button type="button" className="button button--secondary" onClick={() => setPanel('edit')} disabled={panel === 'edit'}>
        {t('groups.page.editTerms')}
      </button>
      <button type="button" className="button button--danger-outline" onClick={() => setPanel('end')} disabled={panel === 'end'}>
        {t('groups.page.end')}
      </button>
    </>
  ) : undefined;

  return (
    <main className="page" id="main">
      {back}
      <GroupHeader view={view} actions={leaderActions} />
      {view.status === 'ended' && <EndedNotice view={view} />}
      {view.status === 'planned' && (
        <div className="alert alert--info" role="status">
          <p className="alert__title">{t('groups.page.planned')}</p>
        </div>
      )}
      {manages && panel === 'edit' && (
        <GroupForm
          group={view}
          onSaved={(saved) => {
            setPanel(null);
            changed(saved);
          }}
          onCancel={() => setPanel(null)}
          onReload={() => {
            setPanel(null);
            stale();
          }}
        />
      )}
      {manages && panel === 'end' && (
        <EndGroupForm
          view={view}
          onEnded={(ended) => {
            setPanel(null);
            changed(ended);
          }}
          onCancel={() => setPanel(null)}
          onStale={stale}
        />
      )}
      <div className="sections">
        <GroupRecords view={view} onChanged={changed} onStale={stale} />
        <GroupTasks view={view} onChanged={changed} onStale={stale} />
        <GroupMessages
          groupId={view.id}
          list={messages.list}
          writes={writes}
          onLoadOlder={() => void messages.loadOlder()}
          onPosted={() => {
            refreshMessages();
            refreshTimeline();
          }}
          onStale={stale}
        />
        <GroupMembers view={view} onChanged={changed} onStale={stale} />
        <GroupDocuments
          view={view}
          onUploaded={() => {
            reload();
            refreshTimeline();
          }}
          onStale={stale}
        />
        <GroupTimeline view={view} list={timeline.list} onLoadOlder={() => void timeline.loadOlder()} />
      </div>
    </main>
  );
}
