import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import type { ReconciliationView } from '../../domain.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { APPLICABLE_GROUPS, type ApplicableGroup } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';

type Summary = NonNullable<ReconciliationView['summary']>;

/** What a plain «apply» writes: the rows the bank lacks and the corrections. Conflicts and removals need a decision. */
const CHOSEN_FIRST: readonly ApplicableGroup[] = ['new', 'changed'];

/**
 * Writing the chosen groups to the bank, once, after a confirmation; then what was written. A
 * record changed in the bank since the comparison refuses the whole (409): the problem says so,
 * and the comparison can be made again.
 */
export function ApplyPanel({
  view,
  summary,
  onChange,
}: {
  view: ReconciliationView;
  summary: Summary;
  onChange: (view: ReconciliationView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card reconcile-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {t('reconcile.apply.title')}
      </h2>
      {view.status === 'applied' ? <AppliedCounts view={view} /> : <ApplyForm view={view} summary={summary} onChange={onChange} />}
    </section>
  );
}

function ApplyForm({ view, summary, onChange }: { view: ReconciliationView; summary: Summary; onChange: (view: ReconciliationView) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [groups, setGroups] = useState<ReadonlySet<ApplicableGroup>>(() => new Set(CHOSEN_FIRST.filter((g) => summary[g] > 0)));
  const [confirming, setConfirming] = useState(false);
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const chosen = APPLICABLE_GROUPS.filter((g) => groups.has(g));

  const toggle = (group: ApplicableGroup, on: boolean) => {
    const next = new Set(groups);
    if (on) next.add(group);
    else next.delete(group);
    setGroups(next);
    setConfirming(false);
  };

  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setConfirming(true);
    // The question takes the focus, so that it is read out before the button that answers it.
    requestAnimationFrame(() => question.current?.focus());
  };

  // A record changed in the bank since the comparison (409): the comparison is made again with the same mapping.
  const compareAgain = async () => {
    setError(null);
    try {
      onChange(await api.runReconciliation(view.id, view.mapping ?? {}));
    } catch (failure) {
      setError(failure);
    }
  };

  const apply = async () => {
    setApplying(true);
    setError(null);
    try {
      onChange(await api.applyReconciliation(view.id, chosen));
    } catch (failure) {
      setError(failure);
      setConfirming(false);
    } finally {
      setApplying(false);
    }
  };

  const hints: Partial<Record<ApplicableGroup, string>> = { conflicts: t('reconcile.apply.conflictsHint'), stale: t('reconcile.apply.staleHint') };
  return (
    <form onSubmit={ask}>
      <p className="muted">{t('reconcile.apply.intro')}</p>
      <fieldset className="form-choice reconcile-apply">
        <legend>{t('reconcile.apply.groups')}</legend>
        {APPLICABLE_GROUPS.map((group) => (
          <div key={group} className="form-check">
            <input
              id={`${id}-${group}`}
              type="checkbox"
              checked={groups.has(group)}
              disabled={summary[group] === 0 || applying}
              aria-describedby={hints[group] ? `${id}-${group}-hint` : undefined}
              onChange={(e) => toggle(group, e.target.checked)}
            />
            <label htmlFor={`${id}-${group}`}>
              {t(`reconcile.apply.choices.${group}`, { n: summary[group] })}
              {hints[group] && (
                <span id={`${id}-${group}-hint`} className="form-field__hint">
                  {hints[group]}
                </span>
              )}
            </label>
          </div>
        ))}
      </fieldset>
      {!confirming && (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={chosen.length === 0}>
            {t('reconcile.apply.submit')}
          </button>
          {chosen.length === 0 && <span className="muted">{t('reconcile.apply.pickOne')}</span>}
        </div>
      )}
      {confirming && (
        <div className="alert alert--warning reconcile-confirm">
          <p ref={question} tabIndex={-1} className="alert__title">
            {t('reconcile.apply.confirmText', { groups: chosen.map((g) => `${t(`reconcile.report.groups.${g}`)} (${summary[g]})`).join(', ') })}
          </p>
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={applying} onClick={() => void apply()}>
              {applying ? t('reconcile.apply.applying') : t('reconcile.apply.confirm')}
            </button>
            <button type="button" className="button button--secondary" disabled={applying} onClick={() => setConfirming(false)}>
              {t('reconcile.apply.back')}
            </button>
          </div>
        </div>
      )}
      {error !== null && (
        <ErrorMessage error={error}>
          {isApiError(error) && error.status === 409 && (
            <button type="button" className="button button--secondary" onClick={() => void compareAgain()}>
              {t('reconcile.apply.compareAgain')}
            </button>
          )}
        </ErrorMessage>
      )}
    </form>
  );
}

/** What applying wrote, as the server counted it. */
function AppliedCounts({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const applied = view.applied ?? { created: 0, updated: 0, expired: 0, skipped: 0 };
  return (
    <div className="alert alert--success" role="status">
      <p className="alert__title">{t('reconcile.apply.done', { at: view.appliedAt ? format.timestamp(view.appliedAt) : '' })}</p>
      <dl className="reconcile-applied">
        {(['created', 'updated', 'expired', 'skipped'] as const).map((count) => (
          <div key={count}>
            <dt>{t(`reconcile.apply.counts.${count}`)}</dt>
            <dd>{format.number(applied[count])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
