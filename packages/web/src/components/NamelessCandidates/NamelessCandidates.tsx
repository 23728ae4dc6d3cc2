import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NamelessCandidate } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { recordPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';
import { isNamelessField } from '../../domain.ts';
import { BiometricNote } from '../BiometricNote/BiometricNote.tsx';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';
import { RecordSummaryCell } from '../RecordSummaryCell/RecordSummaryCell.tsx';

function CandidateCard({ candidate }: { candidate: NamelessCandidate }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const { record, evidence } = candidate;
  const name = (field: string) => (isNamelessField(field) ? t(`nameless.fields.${field}`) : field);
  const agree = evidence.fields.filter((f) => f.bits >= 1).map((f) => name(f.field));
  const differ = evidence.fields.filter((f) => f.bits <= -1).map((f) => name(f.field));
  return (
    <article className="card hit-card">
      <p className="muted">
        {t(`categories.${record.category}`)} · {participantName(participants, record.owner, format.lang)}
      </p>
      <RecordSummaryCell record={record} />
      <p>
        {agree.length > 0 && t('check.reason.agree', { fields: agree.join(', ') })}{' '}
        {differ.length > 0 && t('check.reason.differ', { fields: differ.join(', ') })}
      </p>
      <BiometricNote biometrics={evidence.biometrics} />
      <details className="check-candidate__details">
        <summary>{t('check.details')}</summary>
        <table className="table table--compact">
          <caption className="visually-hidden">{t('check.explanation.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('check.explanation.field')}</th>
              <th scope="col">{t('check.explanation.level')}</th>
              <th scope="col">{t('nameless.compared')}</th>
              <th scope="col" className="table__right">
                {t('check.explanation.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {evidence.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{name(f.field)}</th>
                <td>{f.level}</td>
                <td>{f.detail ?? ''}</td>
                <td className="table__right">{t('check.weight', { value: format.number(Math.round(f.bits * 10) / 10) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <Link to={recordPath(record.id)}>{t('matches.openRecord')}</Link>
    </article>
  );
}

/**
 * For a missing person the unidentified bodies and living persons most likely to be them, and
 * the other way round: best first, why, and which biometric comparison to order.
 */
export function NamelessCandidates({ recordId, missing }: { recordId: string; missing: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error } = useReloadable(useCallback((signal: AbortSignal) => api.namelessCandidates(recordId, signal), [api, recordId]));
  const title = t(missing ? 'nameless.titleMissing' : 'nameless.titleUnidentified');
  return (
    <section className="record-matches" aria-label={title}>
      <h2 className="section__title">{title}</h2>
      {error !== null && <ErrorMessage error={error} />}
      {data?.items.length === 0 && <p className="muted">{t('nameless.none')}</p>}
      {data?.items.map((candidate) => (
        <CandidateCard key={candidate.record.id} candidate={candidate} />
      ))}
    </section>
  );
}
