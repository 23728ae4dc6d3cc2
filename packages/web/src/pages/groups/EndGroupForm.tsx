import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import type { GroupView } from '../../domain.ts';
import { setAt, type Draft } from '../../forms/draft.ts';
import { FormContext, TextField, type FormState } from '../../forms/fields.tsx';
import { useGroupsApi } from './groups-api.ts';
import { useChange } from './use-change.ts';

/** A leader ends the group before its term, saying why: from then on its workspace is read-only. */
export function EndGroupForm({
  view,
  onEnded,
  onCancel,
  onStale,
}: {
  view: GroupView;
  onEnded: (view: GroupView) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const groups = useGroupsApi();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>({});
  const [missing, setMissing] = useState(false);
  const change = useChange(onStale);
  const errors = useMemo(() => (missing ? new Map([['/reason', [t('groups.end.reasonRequired')]]]) : change.errors), [missing, change.errors, t]);
  const form: FormState = { draft, set: (path, value) => setDraft((d) => setAt(d, path, value)), errors, generation: 0 };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(draft.reason ?? '').trim();
    setMissing(reason === '');
    if (reason === '') return;
    await change.run(async () => onEnded(await groups.end(view.id, reason)));
  };

  return (
    <FormContext.Provider value={form}>
      <form className="card form-section" onSubmit={(event) => void submit(event)} aria-labelledby={titleId} noValidate>
        <h2 id={titleId} className="section__title">
          {t('groups.end.title')}
        </h2>
        <p>{t('groups.end.warning')}</p>
        {change.failure !== null && <ErrorMessage error={change.failure} />}
        <div className="form-grid">
          <div className="form-grid__wide">
            <TextField path="/reason" label={t('groups.end.reason')} required maxLength={500} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={change.busy}>
            {change.busy ? t('groups.sending') : t('groups.end.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={change.busy}>
            {t('groups.cancel')}
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}
