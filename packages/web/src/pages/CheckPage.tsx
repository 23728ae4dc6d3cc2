import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckCandidate, CheckResult } from '../api/client.ts';
import { useLatestRequest } from '../api/use-latest-request.ts';
import { useApi } from '../api/context.ts';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { Countdown } from '../components/Countdown/Countdown.tsx';
import { ExplanationTable, Reason } from '../components/Explanation/Explanation.tsx';
import { useBankEvents } from '../events/events.tsx';
import { RecordSummaryCell } from '../components/RecordSummaryCell/RecordSummaryCell.tsx';
import { StatusBadge } from '../components/StatusBadge/StatusBadge.tsx';
import type { CheckInput, CheckOutcome, CheckSubject, HitView } from '../domain.ts';
import { useFormat } from '../format/use-format.ts';
import { Link } from '../router/Link.tsx';
import { recordPath } from '../router/routes.ts';
import { participantName, useSession } from '../session.ts';

const SUBJECTS: readonly CheckSubject[] = ['person', 'vehicle', 'firearm'];

/** What the officer typed, as typed: every input of every subject, so that switching keeps them. */
const EMPTY_FORM = {
  surname: '',
  given: '',
  patronymic: '',
  birthDate: '',
  documentNumber: '',
  issuingState: '',
  vin: '',
  plateNumber: '',
  plateState: '',
  serial: '',
};
type CheckForm = typeof EMPTY_FORM;
type FormKey = keyof CheckForm;

/** The request body for the chosen subject: trimmed, empty inputs left out (the server says what is missing). */
function checkInputOf(subject: CheckSubject, form: CheckForm): CheckInput {
  const value = (key: FormKey) => form[key].trim() || undefined;
  const state = (key: FormKey) => form[key].trim().toUpperCase();
  if (subject === 'person') {
    const number = value('documentNumber');
    return {
      person: {
        ...(value('surname') ? { surname: value('surname') } : {}),
        ...(value('given') ? { given: value('given') } : {}),
        ...(value('patronymic') ? { patronymic: value('patronymic') } : {}),
        ...(value('birthDate') ? { birthDate: value('birthDate') } : {}),
        ...(number ? { document: { number, issuingState: state('issuingState') } } : {}),
      },
    };
  }
  if (subject === 'vehicle') {
    const plate = value('plateNumber');
    return {
      vehicle: {
        ...(value('vin') ? { vin: value('vin') } : {}),
        ...(plate ? { plate: { number: plate, state: state('plateState') } } : {}),
      },
    };
  }
  return { firearm: { serial: form.serial.trim() } };
}

const OUTCOME_ALERT: Record<CheckOutcome, string> = {
  hit: 'alert--error',
  possible: 'alert--warning',
  no_hit: 'alert--success',
};

/**
 * A field officer's check: a person, vehicle or firearm against every record the agency may see,
 * with the outcome first and then each candidate with why it was found.
 */
export function CheckPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [subject, setSubject] = useState<CheckSubject>('person');
  const [form, setForm] = useState<CheckForm>(EMPTY_FORM);
  const [held, setHeld] = useState(false);
  const { state, run, reset } = useLatestRequest<CheckResult>();
  const titleId = useId();
  const idPrefix = useId();
  const idOf = (key: string) => `${idPrefix}-${key}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run((signal) => api.check({ ...checkInputOf(subject, form), ...(held ? { subjectHeld: true } : {}) }, signal));
  };

  const clear = () => {
    reset();
    setForm(EMPTY_FORM);
    setHeld(false);
  };

  const field = (key: FormKey, options: { hint?: string; required?: boolean; maxLength?: number; mono?: boolean; upper?: boolean } = {}) => (
    <div className="form-field">
      <label htmlFor={idOf(key)}>{t(`check.form.${key}`)}</label>
      <input
        id={idOf(key)}
        name={key}
        type="text"
        autoComplete="off"
        spellCheck={false}
        maxLength={options.maxLength ?? 100}
        required={options.required}
        className={options.mono ? 'mono' : undefined}
        style={options.upper ? { textTransform: 'uppercase' } : undefined}
        value={form[key]}
        aria-describedby={options.hint ? idOf(`${key}-hint`) : undefined}
        onChange={(e) => setForm((prev) => ({ ...prev, [key]: e.target.value }))}
      />
      {options.hint && (
        <span id={idOf(`${key}-hint`)} className="form-field__hint">
          {options.hint}
        </span>
      )}
    </div>
  );

  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 id={titleId} className="page__title">
            {t('check.title')}
          </h1>
          <p className="page__subtitle">{t('check.subtitle')}</p>
        </div>
      </div>

      <form className="card check-form" onSubmit={submit} aria-labelledby={titleId}>
        <fieldset className="check-form__subjects">
          <legend>{t('check.subject')}</legend>
          {SUBJECTS.map((s) => (
            <label key={s} className={`check-form__subject${subject === s ? ' is-selected' : ''}`}>
              <input type="radio" name="subject" value={s} checked={subject === s} onChange={() => setSubject(s)} />
              {t(`check.subjects.${s}`)}
            </label>
          ))}
        </fieldset>

        {subject === 'person' && (
          <>
            <div className="check-form__grid">
              {field('surname')}
              {field('given')}
              {field('patronymic')}
              {field('birthDate', { hint: t('check.form.birthDateHint'), maxLength: 10 })}
              {field('documentNumber', { maxLength: 32, mono: true })}
              {field('issuingState', { hint: t('check.form.stateHint'), maxLength: 2, upper: true, required: form.documentNumber.trim() !== '' })}
            </div>
            <p className="form-field__hint">{t('check.form.personHint')}</p>
          </>
        )}
        {subject === 'vehicle' && (
          <div className="check-form__grid">
            {field('vin', { maxLength: 20, mono: true, upper: true })}
            {field('plateNumber', { maxLength: 16, mono: true, upper: true })}
            {field('plateState', { hint: t('check.form.stateHint'), maxLength: 2, upper: true, required: form.plateNumber.trim() !== '' })}
          </div>
        )}
        {subject === 'firearm' && <div className="check-form__grid">{field('serial', { maxLength: 30, mono: true, required: true })}</div>}

        <label className="form-check">
          <input type="checkbox" checked={held} onChange={(e) => setHeld(e.target.checked)} />
          {t('check.form.subjectHeld')}
        </label>

        <div className="check-form__actions">
          <button type="submit" className="button button--primary" disabled={state.status === 'running'}>
            {state.status === 'running' ? t('check.form.submitting') : t('check.form.submit')}
          </button>
          <button type="button" className="button button--link" onClick={clear}>
            {t('check.form.clear')}
          </button>
        </div>
      </form>

      <div aria-live="polite" className="check-results" aria-busy={state.status === 'running'}>
        {state.status === 'failed' && <ErrorMessage error={state.error} />}
        {state.status === 'done' && <CheckResults result={state.result} />}
      </div>
    </main>
  );
}

function CheckResults({ result }: { result: CheckResult }) {
  const { t } = useTranslation();
  return (
    <>
      <div className={`alert ${OUTCOME_ALERT[result.outcome]} check-outcome check-outcome--${result.outcome}`} role="status">
        <p className="alert__title check-outcome__title">{t(`check.outcomes.${result.outcome}.title`)}</p>
        <p>{t(`check.outcomes.${result.outcome}.hint`)}</p>
      </div>
      {result.hit && result.candidates[0] && <HitFollowUp hit={result.hit} owner={result.candidates[0].record.owner} />}
      {result.candidates.length > 0 && (
        <section className="check-candidates" aria-label={t('check.candidates')}>
          {result.candidates.map((candidate) => (
            <CandidateCard key={candidate.record.id} candidate={candidate} modelVersion={result.modelVersion} />
          ))}
        </section>
      )}
    </>
  );
}

/** The hit this check opened: the owner's deadline ticking down, and the owner's answer as soon as it is given. */
function HitFollowUp({ hit, owner }: { hit: { id: string; deadline: string }; owner: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { participants } = useSession();
  const [answered, setAnswered] = useState<HitView | null>(null);
  const [deadline, setDeadline] = useState(hit.deadline);
  useBankEvents((event) => {
    if (event.hit !== hit.id || event.type !== 'hit.answered') return;
    setDeadline(event.deadline);
    if (event.status !== 'open') void api.getHit(hit.id).then(setAnswered, () => undefined);
  });
  return (
    <div className="card hit-follow-up" role="status" aria-live="polite">
      {answered ? (
        <p className="strong">
          {t('hits.answerArrived')}{' '}
          {answered.status === 'confirmed' && answered.outcome ? t(`hits.outcomes.${answered.outcome}`) : t(`hits.statuses.${answered.status}`)}
          {answered.answerNote && ` — ${answered.answerNote}`}
        </p>
      ) : (
        <p>
          {t('hits.sentToOwner', { owner: participantName(participants, owner, format.lang), deadline: format.timestamp(deadline) })}{' '}
          <Countdown deadline={deadline} />
        </p>
      )}
    </div>
  );
}

function CandidateCard({ candidate, modelVersion }: { candidate: CheckCandidate; modelVersion: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const { record } = candidate;
  return (
    <article className="card check-candidate">
      <div className="check-candidate__head">
        <div className="check-candidate__subject">
          <RecordSummaryCell record={record} />
        </div>
        <div className="check-candidate__probability">
          <span className="check-candidate__probability-label">{t('check.candidate.probability')}</span>
          <span className="check-candidate__probability-value">{t('check.probability', { value: format.percent(candidate.probability) })}</span>
        </div>
      </div>
      <dl className="record-hero__facts">
        <div>
          <dt>{t('check.candidate.category')}</dt>
          <dd>{t(`categories.${record.category}`)}</dd>
        </div>
        <div>
          <dt>{t('check.candidate.owner')}</dt>
          <dd>
            {participantName(participants, record.owner, format.lang)} <span className="muted">({record.owner})</span>
          </dd>
        </div>
        <div>
          <dt>{t('check.candidate.status')}</dt>
          <dd>
            <StatusBadge status={record.status} />
          </dd>
        </div>
        <div>
          <dt>{t('check.candidate.actionOnHit')}</dt>
          <dd className="strong">{t(`actions.${record.actionOnHit}`)}</dd>
        </div>
      </dl>
      {record.disclosure === 'hit' && (
        <p className="muted" role="note">
          {t('record.referenceOnly')}
        </p>
      )}
      <Reason explanation={candidate.explanation} />
      <details className="check-candidate__details">
        <summary>{t('check.details')}</summary>
        <ExplanationTable explanation={candidate.explanation} />
        <p className="check-outcome__model">{t('check.model', { version: modelVersion })}</p>
      </details>
      <div>
        <Link to={recordPath(record.id)}>{t('check.candidate.open')}</Link>
      </div>
    </article>
  );
}
