import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../domain.ts';
import { isReconcileFailureCode } from '../../domain.ts';
import { Link } from '../../router/Link.tsx';
import { reconcilePath } from '../../router/routes.ts';

/** Why the file could not be read or compared, and where in it: enough for the sender to find the spot. */
export function FailureNotice({ error }: { error: NonNullable<ReconciliationView['error']> }) {
  const { t } = useTranslation();
  const { row, column } = error;
  const where =
    row !== undefined && column
      ? t('reconcile.failure.where', { row, column })
      : row !== undefined
        ? t('reconcile.failure.row', { row })
        : column
          ? t('reconcile.failure.column', { column })
          : '';
  const code = error.code;
  const known = isReconcileFailureCode(code);
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{t('reconcile.failure.title')}</p>
      <p>
        {isReconcileFailureCode(code) ? t(`reconcile.failure.codes.${code}`) : error.message} {where}
      </p>
      {/* The server's own words name the value at fault; they are in English. */}
      {known && <p className="reconcile-failure__details">{t('reconcile.failure.details', { message: error.message })}</p>}
      <Link to={reconcilePath()}>{t('reconcile.failure.again')}</Link>
    </div>
  );
}
