import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../domain.ts';
import { summarizeRecord } from '../../format/summary.ts';
import { languageOf } from '../../i18n/index.ts';
import { Link } from '../../router/Link.tsx';
import { recordPath } from '../../router/routes.ts';

/** The record's subject in a list: a link to the record, with the supporting line under it. */
export function RecordSummaryCell({ record }: { record: RecordView }) {
  const { t, i18n } = useTranslation();
  const summary = summarizeRecord(record, t, languageOf(i18n));
  return (
    <div className="summary">
      <Link to={recordPath(record.id)} className={`summary__primary${summary.identifier ? ' mono' : ''}`}>
        {summary.primary}
      </Link>
      {summary.secondary && <span className="summary__secondary">{summary.secondary}</span>}
    </div>
  );
}
