import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetterView, FederationStatusView } from '@svod/core';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { useFormat } from '../../format/use-format.ts';

/** How often the panel reads the status again while it is open: lag is a figure that moves. */
const REFRESH_MS = 10_000;

/**
 * The federation as BKBOP's administrator watches it: this server's role and bus, each state
 * node's lag and last contact, what waits to be sent or applied, and the messages set aside; at a
 * national node, as its administrators watch its link with the bank.
 */
export function FederationPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { data, error, reload } = useReloadable(
    useCallback(
      async (signal: AbortSignal) => {
        const [status, dead] = await Promise.all([
          api.call<FederationStatusView>('GET', '/federation/status', { signal }),
          api.call<{ items: DeadLetterView[] }>('GET', '/federation/dead-letters', { signal, query: { limit: '50' } }),
        ]);
        return { status, deadLetters: dead.items };
      },
      [api],
    ),
  );
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const when = (at: string | null) =>
    at ? <time dateTime={at}>{format.timestamp(at)}</time> : <span className="muted">{t('admin.federation.never')}</span>;

  return (
    <div className="admin-panel">
      {error !== null && <ErrorMessage error={error} />}
      {data && (
        <>
          <dl className="fields">
            <div className="fields__row">
              <dt className="fields__label">{t('admin.federation.role')}</dt>
              <dd className="fields__value">
                {t(`admin.federation.roles.${data.status.role}`)}
                {data.status.state && ` (${data.status.state})`}
              </dd>
            </div>
            <div className="fields__row">
              <dt className="fields__label">{t('admin.federation.bus')}</dt>
              <dd className="fields__value">
                <span className={`badge ${data.status.bus === 'disconnected' ? 'badge--danger' : 'badge--status-active'}`}>
                  {t(`admin.federation.buses.${data.status.bus}`)}
                </span>
              </dd>
            </div>
            {data.status.outbox && (
              <div className="fields__row">
                <dt className="fields__label">{t('admin.federation.outbox')}</dt>
                <dd className="fields__value">
                  {t('admin.federation.pending', { count: data.status.outbox.pending })} · {t('admin.federation.lastSent')}{' '}
                  {when(data.status.outbox.lastSentAt)}
                </dd>
              </div>
            )}
            {data.status.bank && (
              <div className="fields__row">
                <dt className="fields__label">{t('admin.federation.bank')}</dt>
                <dd className="fields__value">
                  {data.status.bank.keyTrusted ? (
                    <>
                      {t('admin.federation.lastReceived')} {when(data.status.bank.lastReceivedAt)}
                    </>
                  ) : (
                    <span className="badge badge--danger">{t('admin.federation.bankKeyMissing')}</span>
                  )}
                </dd>
              </div>
            )}
            {data.status.undelivered !== null && (
              <div className="fields__row">
                <dt className="fields__label">{t('admin.federation.undelivered')}</dt>
                <dd className="fields__value">{format.number(data.status.undelivered)}</dd>
              </div>
            )}
          </dl>
          <h3>{t('admin.federation.nodes')}</h3>
          {data.status.nodes.length === 0 ? (
            <p className="muted" role="status">
              {t('admin.federation.noNodes')}
            </p>
          ) : (
            <table className="table table--compact" aria-label={t('admin.federation.nodes')}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.federation.state')}</th>
                  <th scope="col">{t('admin.federation.registeredAt')}</th>
                  <th scope="col">{t('admin.federation.lastApplied')}</th>
                  <th scope="col">{t('admin.federation.applied')}</th>
                  <th scope="col">{t('admin.federation.lag')}</th>
                </tr>
              </thead>
              <tbody>
                {data.status.nodes.map((node) => (
                  <tr key={node.state}>
                    <th scope="row">{node.state}</th>
                    <td>{when(node.registeredAt)}</td>
                    <td>{when(node.lastAppliedAt)}</td>
                    <td>{format.number(node.applied)}</td>
                    <td>
                      {node.lagSeconds === null ? (
                        <span className="muted">—</span>
                      ) : (
                        t('admin.federation.seconds', { value: format.number(node.lagSeconds) })
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('admin.federation.deadLetters', { count: data.status.deadLetters })}</h3>
          {data.deadLetters.length > 0 && (
            <table className="table table--compact" aria-label={t('admin.federation.deadLettersTable')}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.federation.receivedAt')}</th>
                  <th scope="col">{t('admin.federation.state')}</th>
                  <th scope="col">{t('admin.federation.reason')}</th>
                  <th scope="col">{t('admin.federation.subject')}</th>
                </tr>
              </thead>
              <tbody>
                {data.deadLetters.map((letter) => (
                  <tr key={letter.id}>
                    <td>{when(letter.receivedAt)}</td>
                    <td>{letter.state ?? '—'}</td>
                    <td>
                      {t(`admin.federation.reasons.${letter.reason.startsWith('failed') ? 'failed' : letter.reason}`, {
                        defaultValue: letter.reason,
                      })}
                    </td>
                    <td className="mono">{letter.subject}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
