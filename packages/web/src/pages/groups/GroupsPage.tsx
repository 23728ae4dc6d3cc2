import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReloadable } from '../../api/use-reloadable.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useGroupEvents } from '../../events/events.tsx';
import { navigate } from '../../router/history.ts';
import { groupPath } from '../../router/routes.ts';
import { useSession } from '../../session.ts';
import { GroupForm } from './GroupForm.tsx';
import { useGroupsApi } from './groups-api.ts';
import { GroupTable } from './GroupTable.tsx';
import { mayFormGroups } from './permissions.ts';

/**
 * The joint investigative groups the user is a member of, refreshed as their members change
 * them; a supervisor forms a new one here, led by their agency, and is taken to its workspace.
 */
export function GroupsPage() {
  const { t } = useTranslation();
  const groups = useGroupsApi();
  const { actor } = useSession();
  const titleId = useId();
  const { data, error, reload } = useReloadable(useCallback((signal: AbortSignal) => groups.list(signal), [groups]));
  const [forming, setForming] = useState(false);
  useGroupEvents(reload);
  const mayForm = mayFormGroups(actor);
  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 id={titleId} className="page__title">
            {t('groups.title')}
          </h1>
          <p className="page__subtitle">{t('groups.subtitle')}</p>
        </div>
        {mayForm && !forming && (
          <button type="button" className="button button--primary" onClick={() => setForming(true)}>
            {t('groups.new')}
          </button>
        )}
      </div>
      {forming && <GroupForm onSaved={(group) => navigate(groupPath(group.id))} onCancel={() => setForming(false)} />}
      {error !== null && (
        <ErrorMessage error={error}>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('common.retry')}
          </button>
        </ErrorMessage>
      )}
      {data === null && error === null && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {data?.length === 0 && (
        <p className="card table__empty" role="status">
          {mayForm ? t('groups.emptySupervisor') : t('groups.empty')}
        </p>
      )}
      {data && data.length > 0 && (
        <div className="card table-card">
          <GroupTable items={data} labelledBy={titleId} />
        </div>
      )}
    </main>
  );
}
