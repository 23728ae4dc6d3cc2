import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_COLUMNS, recordTableRow, type RecordColumn } from '@svod/core';
import { useApi } from '../../api/context.ts';
import { isSex, type MatchView, type RecordView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { recordPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';
import { BiometricNote } from '../BiometricNote/BiometricNote.tsx';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';
import { ExplanationTable, Reason } from '../Explanation/Explanation.tsx';
import { RecordSummaryCell } from '../RecordSummaryCell/RecordSummaryCell.tsx';
import { StatusBadge } from '../StatusBadge/StatusBadge.tsx';

/** The envelope of a record, shown above the comparison rather than in it. */
const ENVELOPE = ['id', 'category', 'nationalRef', 'owner', 'status', 'legalBasis', 'actionOnHit', 'reviewBy', 'updatedAt'] as const;
type ComparedField = Exclude<RecordColumn, (typeof ENVELOPE)[number]>;
const isCompared = (column: RecordColumn): column is ComparedField => !(ENVELOPE as readonly string[]).includes(column);

/** The fields a supervisor compares, side by side (the export's columns about the subject); a row shows when either record has the field. */
export const COMPARED_FIELDS: readonly ComparedField[] = RECORD_COLUMNS.filter(isCompared);

/** Text compared without case and spacing: `Rakhmonov` and `RAKHMONOV` do not differ for a reader. */
const comparable = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

function RecordHead({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  return (
    <div className="match-card__record">
      <p className="muted">{t(`categories.${record.category}`)}</p>
      <RecordSummaryCell record={record} />
      <p>
        {participantName(participants, record.owner, format.lang)} <span className="muted">({record.owner})</span>
      </p>
      <p>
        <StatusBadge status={record.status} /> <span className="mono">{record.nationalRef}</span>
      </p>
      <Link to={recordPath(record.id)}>{t('matches.openRecord')}</Link>
    </div>
  );
}

/**
 * A pair of records the bank found may be one subject: both side by side with what differs
 * marked, why the bank thinks so, and — for a supervisor of either owner — the decision.
 */
export function MatchCard({ match, onDecided }: { match: MatchView; onDecided: (decided: MatchView) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const [a, b] = match.records;
  const rows = [recordTableRow(a), recordTableRow(b)] as const;
  const compared = COMPARED_FIELDS.filter((field) => rows[0][field] || rows[1][field]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reasonId = useId();
  /** A value as the console shows it elsewhere: sex in words, dates in the user's locale. */
  const shown = (field: (typeof COMPARED_FIELDS)[number], value: string) => {
    if (!value) return '—';
    if (field === 'sex' && isSex(value)) return t(`sexes.${value}`);
    if (field === 'birthDate' || field === 'eventDate') return format.date(value);
    return value;
  };
  const titleId = useId();

  const decide = async (decision: 'confirm' | 'reject', event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDecided(await api.decideMatch(match.id, decision, reason.trim() || undefined));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="card match-card" aria-labelledby={titleId}>
      <div className="match-card__head">
        <h2 id={titleId} className="section__title">
          {t(`matches.kinds.${match.kind}`)}
        </h2>
        <span className="check-candidate__probability-value">{t('check.probability', { value: format.percent(match.probability) })}</span>
        <span className={`badge badge--match-${match.status}`}>{t(`matches.statuses.${match.status}`)}</span>
        <span className="muted">{t('matches.foundAt', { at: format.timestamp(match.foundAt) })}</span>
      </div>
      <div className="match-card__records">
        <RecordHead record={a} />
        <RecordHead record={b} />
      </div>
      {compared.length > 0 && (
        <table className="table table--compact match-card__compare">
          <caption className="visually-hidden">{t('matches.compareCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matches.field')}</th>
              <th scope="col">{a.owner}</th>
              <th scope="col">{b.owner}</th>
            </tr>
          </thead>
          <tbody>
            {compared.map((field) => {
              const differs = comparable(rows[0][field]) !== comparable(rows[1][field]);
              return (
                <tr key={field} className={differs ? 'match-card__differs' : undefined}>
                  <th scope="row">
                    {t(`matches.fields.${field}`)}
                    {differs && <span className="visually-hidden"> — {t('matches.differs')}</span>}
                  </th>
                  <td>{shown(field, rows[0][field])}</td>
                  <td>{shown(field, rows[1][field])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Reason explanation={match.explanation} />
      {match.biometrics && <BiometricNote biometrics={match.biometrics} />}
      <details className="check-candidate__details">
        <summary>{t('check.details')}</summary>
        <ExplanationTable explanation={match.explanation} />
        <p className="check-outcome__model">{t('check.model', { version: match.modelVersion })}</p>
      </details>
      {match.status !== 'pending' && (
        <p className="match-card__decision">
          {t(`matches.decided.${match.status}`, { at: match.decidedAt ? format.timestamp(match.decidedAt) : '' })}
          {match.reason && ` — ${match.reason}`}
        </p>
      )}
      {match.mayDecide && (
        <form className="match-card__decide" onSubmit={(event) => void decide('reject', event)}>
          <div className="form-field">
            <label htmlFor={reasonId}>{t('matches.reason')}</label>
            <input id={reasonId} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void decide('confirm')}>
            {t('matches.confirm')}
          </button>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('matches.reject')}
          </button>
        </form>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </article>
  );
}
