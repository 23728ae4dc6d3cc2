import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookView } from '../../domain.ts';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useFormat } from '../../format/use-format.ts';

/** The agency's national systems told of its events: where, with the secret shown once, and how deliveries stand. */
export function WebhooksPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const { data: hooks, error: loadError, reload } = useReloadable(useCallback((signal: AbortSignal) => api.webhooks(signal), [api]));
  const [error, setError] = useState<unknown>(null);
  const [url, setUrl] = useState('');
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const hook = await api.createWebhook(url.trim());
      setCreated({ url: hook.url, secret: hook.secret });
      setUrl('');
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const revoke = async (hook: WebhookView) => {
    if (!window.confirm(t('admin.webhooks.confirmRevoke', { url: hook.url }))) return;
    try {
      await api.revokeWebhook(hook.id);
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="admin-panel">
      {loadError !== null && <ErrorMessage error={loadError} />}
      {error !== null && <ErrorMessage error={error} />}
      {created && (
        <div className="alert alert--warning" role="status">
          <p className="alert__title">{t('admin.webhooks.created', { url: created.url })}</p>
          <p className="mono admin-key">{created.secret}</p>
        </div>
      )}
      {hooks && (
        <table className="table table--compact" aria-label={t('admin.webhooks.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.webhooks.url')}</th>
              <th scope="col">{t('admin.webhooks.deliveries')}</th>
              <th scope="col">{t('admin.webhooks.lastError')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {hooks.map((hook) => (
              <tr key={hook.id}>
                <td className="mono">{hook.url}</td>
                <td>{t('admin.webhooks.counts', hook.deliveries)}</td>
                <td>{hook.lastError ?? '—'}</td>
                <td>{hook.revokedAt ? t('admin.keys.revokedAt', { at: format.timestamp(hook.revokedAt) }) : t('admin.users.enabled')}</td>
                <td>
                  {!hook.revokedAt && (
                    <button type="button" className="button button--link" onClick={() => void revoke(hook)}>
                      {t('admin.keys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="card form-section" onSubmit={add}>
        <h3 className="section__subtitle">{t('admin.webhooks.add')}</h3>
        <div className="form-field">
          <label htmlFor={`${id}-url`}>{t('admin.webhooks.url')}</label>
          <input id={`${id}-url`} type="url" required maxLength={500} value={url} onChange={(e) => setUrl(e.target.value)} />
          <span className="form-field__hint">{t('admin.webhooks.hint')}</span>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={url.trim() === ''}>
            {t('admin.webhooks.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
