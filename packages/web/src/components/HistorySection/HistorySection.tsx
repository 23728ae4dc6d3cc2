import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordDifferences } from '@svod/core';
import { isAbort } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import type { RecordDifference, RecordHistory } from '../../domain.ts';
import { useFieldPathLabel } from '../../format/field-path.ts';
import { useFormat } from '../../format/use-format.ts';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';
import { Section } from '../Section/Section.tsx';
import { StatusBadge } from '../StatusBadge/StatusBadge.tsx';

type LoadState = { status: 'closed' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; history: RecordHistory };

/**
 * Every version of the record with who wrote it and when, and what changed from the version
 * before. Read only when asked for: each reading of a history is audited.
 */
export function HistorySection({ recordId, version }: { recordId: string; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [state, setState] = useState<LoadState>({ status: 'closed' });
  const open = state.status !== 'closed';

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version of the record (e.g. just cancelled) is read again
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .recordHistory(recordId, controller.signal)
      .then((history) => setState({ status: 'ready', history }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [api, recordId, version, open]);

  return (
    <Section title={t('history.title')} wide>
      {!open && (
        <button type="button" className="button button--secondary" onClick={() => setState({ status: 'loading' })}>
          {t('history.show')}
        </button>
      )}
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ready' && (
        <ol className="history" aria-label={t('history.title')}>
          {state.history.items.map((item, i) => {
            const previous = state.history.items[i + 1];
            const changes = previous ? recordDifferences(previous.content, item.content) : [];
            return (
              <li key={item.version} className="history__version">
                <p className="history__heading">
                  <strong>{t('history.version', { version: item.version })}</strong> <StatusBadge status={item.status} />{' '}
                  <time dateTime={item.changedAt}>{format.timestamp(item.changedAt)}</time>
                  {' · '}
                  {item.changedBy.name ?? item.changedBy.participant}
                </p>
                {!previous && <p className="muted">{t('history.created')}</p>}
                {previous && item.status !== previous.status && (
                  <p>
                    {t('history.statusChanged', { from: t(`statuses.${previous.status}`), to: t(`statuses.${item.status}`) })}
                    {item.cancelReason && ` — ${item.cancelReason}`}
                  </p>
                )}
                {previous && changes.length === 0 && item.status === previous.status && <p className="muted">{t('history.noChanges')}</p>}
                {changes.length > 0 && <Changes changes={changes} />}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

function Changes({ changes }: { changes: RecordDifference[] }) {
  const { t } = useTranslation();
  const label = useFieldPathLabel();
  const value = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <table className="table table--compact history__changes">
      <thead>
        <tr>
          <th scope="col">{t('history.field')}</th>
          <th scope="col">{t('history.before')}</th>
          <th scope="col">{t('history.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path}>
            <td>{label(change.path)}</td>
            <td className="history__before">{value(change.before)}</td>
            <td className="history__after">{value(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
