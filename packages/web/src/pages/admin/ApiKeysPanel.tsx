import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyView } from '../../domain.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useFormat } from '../../format/use-format.ts';

const KEY_ROLES = ['operator', 'supervisor', 'analyst'] as const;

/** Keys of the agency's national systems: issued with a role and an expiry, shown once, revoked at once. */
export function ApiKeysPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const { data: keys, error: loadError, reload } = useReloadable(useCallback((signal: AbortSignal) => api.apiKeys(signal), [api]));
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof KEY_ROLES)[number]>('operator');
  const [days, setDays] = useState('365');
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);

  const issue = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.createApiKey({ name: name.trim(), role, expiresInDays: Number(days) });
      setIssued({ name: created.name, key: created.key });
      setName('');
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const revoke = async (key: ApiKeyView) => {
    if (!window.confirm(t('admin.keys.confirmRevoke', { name: key.name }))) return;
    try {
      await api.revokeApiKey(key.id);
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="admin-panel">
      {loadError !== null && <ErrorMessage error={loadError} />}
      {error !== null && <ErrorMessage error={error} />}
      {issued && (
        <div className="alert alert--warning" role="status">
          <p className="alert__title">{t('admin.keys.issued', { name: issued.name })}</p>
          <p className="mono admin-key">{issued.key}</p>
        </div>
      )}
      {keys && (
        <table className="table table--compact" aria-label={t('admin.keys.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.keys.name')}</th>
              <th scope="col">{t('admin.keys.prefix')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.keys.expires')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td className="mono">{key.prefix}…</td>
                <td>{t(`roles.${key.role}`)}</td>
                <td>{key.expiresAt ? format.timestamp(key.expiresAt) : '—'}</td>
                <td>{key.revokedAt ? t('admin.keys.revokedAt', { at: format.timestamp(key.revokedAt) }) : t('admin.users.enabled')}</td>
                <td>
                  {!key.revokedAt && (
                    <button type="button" className="button button--link" onClick={() => void revoke(key)}>
                      {t('admin.keys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="card form-section" onSubmit={issue}>
        <h3 className="section__subtitle">{t('admin.keys.add')}</h3>
        <div className="form-grid">
          <div className="form-field">
            <label htmlFor={`${id}-name`}>{t('admin.keys.name')}</label>
            <input id={`${id}-name`} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-role`}>{t('admin.users.role')}</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as (typeof KEY_ROLES)[number])}>
              {KEY_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-days`}>{t('admin.keys.days')}</label>
            <input id={`${id}-days`} inputMode="numeric" required maxLength={3} value={days} onChange={(e) => setDays(e.target.value)} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={name.trim() === ''}>
            {t('admin.keys.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
