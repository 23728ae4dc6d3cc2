import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.ts';

/** When the answer is due, in the viewer's language and time zone; past it, «overdue» in words. */
export function DueDate({ deadline, overdue }: { deadline: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (deadline === null) return <span className="muted">{t('common.empty')}</span>;
  return (
    <span className="flags">
      <time dateTime={deadline}>{format.timestamp(deadline)}</time>
      {overdue && <span className="badge badge--danger">{t('requests.overdue')}</span>}
    </span>
  );
}
