import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '@svod/core';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { AgreementTable } from './AgreementTable.tsx';
import { ShareMatrixTable } from './ShareMatrixTable.tsx';
import { today } from './share.ts';

/** The register of agreements on information interaction, read-only: the agency's own (all of them, for BKBOP) and who shares what today. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const registerId = useId();
  const day = useMemo(today, []);
  const { data, error } = useReloadable(
    useCallback((signal: AbortSignal) => api.call<{ items: AgreementView[] }>('GET', '/agreements', { signal }), [api]),
  );
  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 className="page__title">{t('agreements.title')}</h1>
          <p className="page__subtitle">{t('agreements.subtitle')}</p>
        </div>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {data === null && error === null && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {data?.items.length === 0 && (
        <p className="card table__empty" role="status">
          {t('agreements.empty')}
        </p>
      )}
      {data && data.items.length > 0 && (
        <>
          <section className="card section" aria-labelledby={registerId}>
            <h2 className="section__title" id={registerId}>
              {t('agreements.registerTitle')}
            </h2>
            <AgreementTable items={data.items} day={day} labelledBy={registerId} />
          </section>
          <ShareMatrixTable items={data.items} day={day} />
        </>
      )}
    </main>
  );
}
