import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { groupPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';
import { GroupStatusBadge } from './GroupStatusBadge.tsx';

/** The user's groups, one row each, newest first; a row opens the group's workspace. */
export function GroupTable({ items, labelledBy }: { items: readonly GroupSummary[]; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const open = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
    navigate(groupPath(id));
  };
  return (
    <div className="table-scroll">
      <table className="table" aria-labelledby={labelledBy}>
        <caption className="visually-hidden">{t('groups.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('groups.columns.title')}</th>
            <th scope="col">{t('groups.columns.kind')}</th>
            <th scope="col">{t('groups.columns.lead')}</th>
            <th scope="col">{t('groups.columns.participants')}</th>
            <th scope="col">{t('groups.columns.period')}</th>
            <th scope="col">{t('groups.columns.status')}</th>
            <th scope="col">{t('groups.columns.members')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((group) => (
            <tr key={group.id} className="table__row-link" onClick={(event) => open(event, group.id)}>
              <td>
                <Link to={groupPath(group.id)} className="strong">
                  {group.title}
                </Link>
              </td>
              <td className="table__category">{t(`groups.kinds.${group.kind}`)}</td>
              <td>{participantName(participants, group.lead, format.lang)}</td>
              <td>
                {group.participants.map((code, index) => (
                  <span key={code}>
                    {index > 0 && ', '}
                    <span className="mono" title={participantName(participants, code, format.lang)}>
                      {code}
                    </span>
                  </span>
                ))}
              </td>
              <td className="table__date">{t('groups.period', { from: format.date(group.startsOn), to: format.date(group.endsOn) })}</td>
              <td>
                <GroupStatusBadge status={group.status} />
              </td>
              <td className="table__right">{format.number(group.memberCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
