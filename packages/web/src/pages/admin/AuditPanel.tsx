import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort, type AuditVerification } from '../../api/client.ts';
import type { AuditEntryView } from '../../domain.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useFormat } from '../../format/use-format.ts';

const PAGE = 100;

/** The audit trail of the agency (all of it, for BKBOP), newest first, and a check of the whole chain. */
export function AuditPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const [filters, setFilters] = useState({ action: '', resourceId: '' });
  const [applied, setApplied] = useState({ action: '', resourceId: '' });
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api
      .audit({ ...applied, limit: PAGE }, controller.signal)
      .then((page) => {
        setEntries(page);
        setMore(page.length === PAGE);
      })
      .catch((failure: unknown) => !isAbort(failure) && setError(failure));
    return () => controller.abort();
  }, [api, applied]);

  const older = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    try {
      const page = await api.audit({ ...applied, before: last.seq, limit: PAGE });
      setEntries((current) => [...current, ...page]);
      setMore(page.length === PAGE);
    } catch (failure) {
      setError(failure);
    }
  };

  const verify = async () => {
    setVerifying(true);
    setError(null);
    try {
      setVerification(await api.verifyAudit());
    } catch (failure) {
      setError(failure);
    } finally {
      setVerifying(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setApplied({ action: filters.action.trim(), resourceId: filters.resourceId.trim() });
  };

  return (
    <div className="admin-panel">
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => void verify()} disabled={verifying}>
          {verifying ? t('admin.audit.verifying') : t('admin.audit.verify')}
        </button>
      </div>
      {verification && (
        <div className={`alert ${verification.ok ? 'alert--success' : 'alert--error'}`} role="status">
          <p className="alert__title">
            {verification.ok
              ? t('admin.audit.intact', { entries: format.number(verification.entries) })
              : t('admin.audit.broken', { seq: verification.problem?.seq ?? '?', message: verification.problem?.message ?? '' })}
          </p>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the agencies run */}
      <form className="filters" role="search" aria-label={t('admin.audit.filters')} onSubmit={submit}>
        <div className="form-field">
          <label htmlFor={`${id}-action`}>{t('admin.audit.action')}</label>
          <input id={`${id}-action`} maxLength={40} value={filters.action} onChange={(e) => setFilters({ ...filters, action: e.target.value })} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-resource`}>{t('admin.audit.resource')}</label>
          <input
            id={`${id}-resource`}
            maxLength={100}
            className="mono"
            value={filters.resourceId}
            onChange={(e) => setFilters({ ...filters, resourceId: e.target.value })}
          />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {t('records.filters.search')}
          </button>
        </div>
      </form>
      <table className="table table--compact" aria-label={t('admin.audit.title')}>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">{t('admin.audit.at')}</th>
            <th scope="col">{t('admin.audit.actor')}</th>
            <th scope="col">{t('admin.audit.action')}</th>
            <th scope="col">{t('admin.audit.outcome')}</th>
            <th scope="col">{t('admin.audit.resource')}</th>
            <th scope="col">{t('admin.audit.count')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td className="mono">{entry.seq}</td>
              <td>{format.timestamp(entry.at)}</td>
              <td>
                {entry.actor.participant ?? '—'} <span className="muted mono">{entry.actor.kind}</span>
              </td>
              <td className="mono">{entry.action}</td>
              <td>{entry.outcome === 'success' ? t('admin.audit.success') : t('admin.audit.failure')}</td>
              <td className="mono">{entry.resourceId ?? '—'}</td>
              <td>{entry.resultCount ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && (
        <button type="button" className="button button--secondary" onClick={() => void older()}>
          {t('admin.audit.older')}
        </button>
      )}
    </div>
  );
}
