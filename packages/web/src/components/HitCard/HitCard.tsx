import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HitAnswerKind } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import type { HitOutcome, HitView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { recordPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';
import { Countdown } from '../Countdown/Countdown.tsx';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';
import { RecordSummaryCell } from '../RecordSummaryCell/RecordSummaryCell.tsx';

const OUTCOMES: readonly HitOutcome[] = ['detained', 'located', 'identified', 'recovered'];

/** The owner's answer: confirmed with what it came to, denied, or more time asked. */
function AnswerForm({ hit, onAnswered }: { hit: HitView; onAnswered: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [outcome, setOutcome] = useState<HitOutcome>('detained');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = { outcome: useId(), note: useId() };
  const send = async (answer: HitAnswerKind) => {
    setBusy(true);
    setError(null);
    try {
      await api.answerHit(hit.id, answer, answer === 'confirm' ? outcome : undefined, note.trim() || undefined);
      onAnswered();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="hit-card__answer">
      <div className="form-field">
        <label htmlFor={ids.outcome}>{t('hits.outcome')}</label>
        <select id={ids.outcome} value={outcome} onChange={(e) => setOutcome(e.target.value as HitOutcome)}>
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {t(`hits.outcomes.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field hit-card__note">
        <label htmlFor={ids.note}>{t('hits.note')}</label>
        <input id={ids.note} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void send('confirm')}>
        {t('hits.answers.confirm')}
      </button>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void send('deny')}>
        {t('hits.answers.deny')}
      </button>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void send('more_time')}>
        {t('hits.answers.more_time')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}

/** A hit: the record, who checked, the deadline ticking, and the owner's answer form while it may answer. */
export function HitCard({ hit, onAnswered }: { hit: HitView; onAnswered: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const titleId = useId();
  return (
    <article className={`card hit-card hit-card--${hit.status}`} aria-labelledby={titleId}>
      <div className="match-card__head">
        <h2 id={titleId} className="section__title">
          {t(`hits.statuses.${hit.status}`)}
        </h2>
        {hit.status === 'open' && <Countdown deadline={hit.deadline} />}
        {hit.subjectHeld && <span className="badge badge--warning">{t('hits.subjectHeld')}</span>}
        {hit.escalatedAt && hit.status === 'open' && <span className="badge badge--danger">{t('hits.escalated')}</span>}
        <span className="check-candidate__probability-value">{t('check.probability', { value: format.percent(hit.probability) })}</span>
      </div>
      <RecordSummaryCell record={hit.record} />
      <p>
        {t('hits.between', {
          requester: participantName(participants, hit.requester, format.lang),
          officer: hit.requestedBy,
          owner: participantName(participants, hit.owner, format.lang),
          at: format.timestamp(hit.createdAt),
        })}
      </p>
      {hit.status !== 'open' && (
        <p className="strong">
          {hit.status === 'confirmed' && hit.outcome ? t(`hits.outcomes.${hit.outcome}`) : t(`hits.statuses.${hit.status}`)}
          {hit.answerNote && ` — ${hit.answerNote}`}
        </p>
      )}
      <Link to={recordPath(hit.record.id)}>{t('matches.openRecord')}</Link>
      {hit.mayAnswer && <AnswerForm hit={hit} onAnswered={onAnswered} />}
    </article>
  );
}
