import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, COORDINATING_BODY, type AgreementView } from '@svod/core';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import type { Actor } from '../../domain.ts';
import { useSession } from '../../session.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { AgreementTable } from './AgreementTable.tsx';
import { ShareMatrixTable } from './ShareMatrixTable.tsx';
import { today } from './share.ts';

/** The register is kept by BKBOP's administrator alone (the server refuses anyone else): only they are offered its forms. */
const keepsRegister = (actor: Actor): boolean => actor.participant === COORDINATING_BODY && can(actor, 'agreement.manage');

/**
 * The register of agreements on information interaction: the agency's own (all of them, for
 * BKBOP) and who shares what today; BKBOP's administrator enters and changes them here.
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { actor } = useSession();
  const registerId = useId();
  const day = useMemo(today, []);
  const { data, error, reload } = useReloadable(
    useCallback((signal: AbortSignal) => api.call<{ items: AgreementView[] }>('GET', '/agreements', { signal }), [api]),
  );
  const [editing, setEditing] = useState<AgreementView | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const open = (target: AgreementView | 'new') => {
    setSaved(null);
    setEditing(target);
  };
  const onEdit = keepsRegister(actor) ? open : undefined;
  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 className="page__title">{t('agreements.title')}</h1>
          <p className="page__subtitle">{t('agreements.subtitle')}</p>
        </div>
        {onEdit && (
          <button type="button" className="button button--primary" onClick={() => onEdit('new')}>
            {t('agreements.new')}
          </button>
        )}
      </div>
      {saved !== null && (
        <div className="alert alert--success" role="status">
          <p className="alert__title">{saved}</p>
        </div>
      )}
      {editing !== null && (
        <AgreementForm
          // A form per agreement: opening another starts from that one's fields.
          key={editing === 'new' ? 'new' : editing.id}
          agreement={editing === 'new' ? undefined : editing}
          onSaved={(agreement) => {
            setSaved(t(editing === 'new' ? 'agreements.form.created' : 'agreements.form.saved', { title: agreement.title }));
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
          onReload={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
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
            <AgreementTable items={data.items} day={day} labelledBy={registerId} onEdit={onEdit} />
          </section>
          <ShareMatrixTable items={data.items} day={day} />
        </>
      )}
    </main>
  );
}
