import { useTranslation } from 'react-i18next';
import type { UploadedReconciliation } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { ApplyPanel } from './ApplyPanel.tsx';
import { FailureNotice } from './FailureNotice.tsx';
import { MappingForm } from './MappingForm.tsx';
import { ReconciliationFacts } from './ReconciliationFacts.tsx';
import { ReportGroups } from './ReportGroups.tsx';
import { ReportSummary } from './ReportSummary.tsx';
import { RunProgress } from './RunProgress.tsx';
import { useReconciliation } from './use-reconciliation.ts';

/** One reconciliation at the stage it has reached: the mapping to check, the run, or the report and applying it. */
export function ReconciliationScreen({ id, uploaded }: { id: string; uploaded?: UploadedReconciliation | undefined }) {
  const { t } = useTranslation();
  const { view, error, update, retry } = useReconciliation(id, uploaded);

  if (!view) {
    if (error === null) {
      return (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      );
    }
    return (
      <ErrorMessage error={error}>
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('common.retry')}
        </button>
      </ErrorMessage>
    );
  }

  // A run refused for its mapping may be run again with another; a file that could not be read has none.
  const mappable = view.status === 'uploaded' || (view.status === 'failed' && view.mapping !== null);
  const summary = view.status === 'compared' || view.status === 'applied' ? view.summary : null;
  return (
    <div className="reconcile">
      <ReconciliationFacts view={view} />
      {error !== null && <ErrorMessage error={error} />}
      {view.status === 'failed' && view.error && <FailureNotice error={view.error} />}
      {mappable && (
        <MappingForm
          view={view}
          headers={uploaded?.headers ?? view.headers ?? Object.keys(view.mapping ?? {})}
          allHeaders={uploaded !== undefined}
          onStarted={update}
        />
      )}
      {view.status === 'reading' && <RunProgress rowsRead={view.rowsRead} stage={view.stage} />}
      {summary && (
        <>
          <ReportSummary view={view} summary={summary} />
          <ReportGroups view={view} summary={summary} />
          <ApplyPanel view={view} summary={summary} onChange={update} />
        </>
      )}
    </div>
  );
}
