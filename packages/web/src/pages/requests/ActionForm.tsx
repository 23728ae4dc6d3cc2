import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestTransition, RequestView } from '../../domain.ts';
import { setAt, type Draft } from '../../forms/draft.ts';
import { errorsByPath, FormContext, SelectField, TextField, type FormState } from '../../forms/fields.tsx';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { DESTRUCTIVE, type FormAction } from './actions.ts';
import type { Assignee } from './requests-api.ts';

export type ActionInput = Pick<RequestTransition, 'text' | 'assignee' | 'forwardTo'>;

interface ActionFormProps {
  action: FormAction;
  view: RequestView;
  assignees: readonly Assignee[];
  busy: boolean;
  /** The bank's refusal of the last attempt; its field messages are shown at the inputs. */
  failure: unknown;
  onSubmit: (input: ActionInput) => void;
  onCancel: () => void;
}

/** Other agencies of the recipient's own state: the only ones a request may be forwarded to. */
function useForwardTargets(view: RequestView) {
  const format = useFormat();
  const { participants } = useSession();
  const state = participants.find((p) => p.code === view.recipient)?.state ?? null;
  return participants
    .filter((p) => state !== null && p.state === state && p.code !== view.recipient && p.code !== view.sender)
    .map((p) => ({ value: p.code, label: `${participantName(participants, p.code, format.lang)} (${p.code})` }));
}

/** The one input an action needs, as a path of the transition's body, and whether it must be given. */
function inputOf(action: FormAction): { path: '/text' | '/assignee' | '/forwardTo'; required: boolean } {
  if (action === 'assign') return { path: '/assignee', required: true };
  if (action === 'forward') return { path: '/forwardTo', required: true };
  return { path: '/text', required: action !== 'withdraw' };
}

/** The inputs one action needs (a text, an assignee, a forward target) and its confirmation. */
export function ActionForm({ action, view, assignees, busy, failure, onSubmit, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const forwardTargets = useForwardTargets(view);
  const [draft, setDraft] = useState<Draft>({});
  const [missing, setMissing] = useState(false);
  const input = inputOf(action);
  const errors = useMemo(
    () => (missing ? new Map([[input.path, [t('requests.form.issues.required')]]]) : errorsByPath(failure)),
    [missing, failure, input.path, t],
  );
  const form: FormState = { draft, set: (path, value) => setDraft((d) => setAt(d, path, value)), errors, generation: 0 };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = draft[input.path.slice(1)];
    const value = typeof raw === 'string' ? raw.trim() : '';
    setMissing(input.required && value === '');
    if (input.required && value === '') return;
    onSubmit(value === '' ? {} : { [input.path.slice(1)]: value });
  };

  return (
    <FormContext.Provider value={form}>
      <form className="card form-section" onSubmit={submit} aria-labelledby={titleId} noValidate>
        <h2 id={titleId} className="section__title">
          {t(`requests.actions.${action}`)}
        </h2>
        <div className="form-grid">
          {action === 'assign' && (
            <SelectField
              path="/assignee"
              label={t('requests.fields.assignee')}
              options={assignees.map((a) => ({ value: a.id, label: a.name }))}
              required
            />
          )}
          {action === 'forward' && <SelectField path="/forwardTo" label={t('requests.fields.forwardTo')} options={forwardTargets} required />}
          {action !== 'assign' && action !== 'forward' && (
            <div className="form-grid__wide">
              <TextField path="/text" label={t(`requests.actionForm.text.${action}`)} required={input.required} multiline maxLength={20_000} />
            </div>
          )}
        </div>
        {action === 'assign' && assignees.length === 0 && <p className="muted">{t('requests.actionForm.noAssignees')}</p>}
        {action === 'forward' && forwardTargets.length === 0 && <p className="muted">{t('requests.actionForm.noForwardTargets')}</p>}
        <div className="form-actions">
          <button type="submit" className={`button ${DESTRUCTIVE.has(action) ? 'button--danger' : 'button--primary'}`} disabled={busy}>
            {busy ? t('requests.actionForm.sending') : t(`requests.actionForm.confirm.${action}`)}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
            {t('requests.actionForm.cancel')}
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}
