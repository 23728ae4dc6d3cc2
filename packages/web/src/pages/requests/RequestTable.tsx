import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { requestPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';
import { DueDate } from './DueDate.tsx';
import type { Assignee, RequestBox } from './requests-api.ts';
import { StateBadge, UrgentBadge } from './StateBadge.tsx';

/** An overdue row stands out at a glance, besides the word «overdue» in its due date. */
interface RequestTableProps {
  items: readonly RequestSummary[];
  box: RequestBox;
  labelledBy: string;
  loading: boolean;
  assignees: readonly Assignee[];
  emptyText: string;
}

/** A box of requests, one row each, newest first; a row opens the request. */
export function RequestTable({ items, box, labelledBy, loading, assignees, emptyText }: RequestTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const name = (code: string) => participantName(participants, code, format.lang);
  const assigneeName = (id: string | null) => (id === null ? null : (assignees.find((a) => a.id === id)?.name ?? t('requests.assignedElsewhere')));
  const open = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
    navigate(requestPath(id));
  };
  return (
    <div className="table-scroll">
      <table className="table" aria-labelledby={labelledBy} aria-busy={loading}>
        <caption className="visually-hidden">{t(`requests.captions.${box}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('requests.columns.number')}</th>
            <th scope="col">{t('requests.columns.type')}</th>
            <th scope="col">{t('requests.columns.parties')}</th>
            <th scope="col">{t('requests.columns.subject')}</th>
            <th scope="col">{t('requests.columns.state')}</th>
            <th scope="col">{t('requests.columns.deadline')}</th>
            <th scope="col">{t('requests.columns.assignee')}</th>
          </tr>
        </thead>
        <tbody className={loading && items.length > 0 ? 'is-stale' : undefined}>
          {items.map((request) => (
            <tr
              key={request.id}
              className={request.overdue ? 'table__row-link request-row--overdue' : 'table__row-link'}
              onClick={(event) => open(event, request.id)}
            >
              <td className="mono request-number">
                <Link to={requestPath(request.id)}>{request.registrationNumber ?? t('requests.draftNumber')}</Link>
              </td>
              <td className="table__category">{t(`requests.types.${request.type}`)}</td>
              <td>
                <span title={`${request.sender} → ${request.recipient}`}>
                  {name(request.sender)} → {name(request.recipient)}
                </span>
              </td>
              <td>
                <span className="flags">
                  {request.priority === 'urgent' && <UrgentBadge />}
                  <span>{request.subject}</span>
                </span>
              </td>
              <td>
                <StateBadge state={request.state} />
              </td>
              <td className="table__date">
                <DueDate deadline={request.deadline} overdue={request.overdue} />
              </td>
              <td>{assigneeName(request.assignee) ?? <span className="muted">{t('common.empty')}</span>}</td>
            </tr>
          ))}
          {items.length === 0 && !loading && (
            <tr>
              <td colSpan={7} className="table__empty" role="status">
                {emptyText}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
