import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadedReconciliation } from '../../api/client.ts';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { reconcilePath } from '../../router/routes.ts';
import { mayImport, useSession } from '../../session.ts';
import { RecentReconciliations } from './RecentReconciliations.tsx';
import { ReconciliationScreen } from './ReconciliationScreen.tsx';
import { UploadForm } from './UploadForm.tsx';

/**
 * Reconciling a national array with the bank: upload, check the column mapping, watch the
 * comparison run, read the report, apply the chosen groups. Each reconciliation has its own
 * address, so a reload (or a colleague given the link) returns to it.
 */
export function ReconcilePage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { actor } = useSession();
  // Only the upload's answer names every header of the file: kept here across the move to the reconciliation's address.
  const [uploaded, setUploaded] = useState<UploadedReconciliation | null>(null);

  if (!mayImport(actor)) {
    return (
      <main className="page" id="main">
        <div className="alert alert--info" role="alert">
          <p className="alert__title">{t('reconcile.forbidden')}</p>
        </div>
      </main>
    );
  }

  const openUploaded = (answer: UploadedReconciliation) => {
    setUploaded(answer);
    navigate(reconcilePath(answer.id));
  };

  return (
    <main className="page" id="main">
      {id && (
        <Link to={reconcilePath()} className="back-link">
          {t('reconcile.back')}
        </Link>
      )}
      <div className="page__heading">
        <div>
          <h1 className="page__title">{t('reconcile.title')}</h1>
          <p className="page__subtitle">{t('reconcile.subtitle')}</p>
        </div>
      </div>
      {id ? (
        <ReconciliationScreen key={id} id={id} uploaded={uploaded?.id === id ? uploaded : undefined} />
      ) : (
        <div className="reconcile">
          <UploadForm onUploaded={openUploaded} />
          <RecentReconciliations />
        </div>
      )}
    </main>
  );
}
