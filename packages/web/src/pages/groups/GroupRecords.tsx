import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { Field, Fields, Section } from '../../components/Section/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge.tsx';
import type { ConsentState, GroupRecordView, GroupView, RecordView } from '../../domain.ts';
import { setAt, type Draft } from '../../forms/draft.ts';
import { FormContext, TextField, type FormState } from '../../forms/fields.tsx';
import { summarizeRecord } from '../../format/summary.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { useGroupsApi } from './groups-api.ts';
import { allows, mayConsent } from './permissions.ts';
import { useChange } from './use-change.ts';

const CONSENT_TONES: Record<ConsentState, string> = {
  pending: 'badge--warning',
  granted: 'badge--status-active',
  refused: 'badge--danger',
};

/**
 * What the record says, shown in the workspace itself: a member may not be able to open the
 * record's own page (it need not be distributed to their agency), so the essentials are here.
 */
function RecordContent({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = summarizeRecord(record, t, format.lang);
  const birth = record.person?.birthDate;
  return (
    <Fields>
      <Field label={t('groups.records.subject')} identifier={summary.identifier}>
        {summary.primary}
      </Field>
      <Field label={t('groups.records.details')}>{summary.secondary}</Field>
      <Field label={t('groups.records.birthDate')}>{birth ? format.date(birth) : undefined}</Field>
      <Field label={t('groups.records.nationalRef')} identifier>
        {record.nationalRef}
      </Field>
      <Field label={t('groups.records.status')}>
        <StatusBadge status={record.status} />
      </Field>
    </Fields>
  );
}

/** One linked record: whose, what kind, who linked it, whether its owner lets the group see it, and then what it says. */
function LinkedRecord({
  view,
  link,
  onChanged,
  onStale,
}: {
  view: GroupView;
  link: GroupRecordView;
  onChanged: (view: GroupView) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useGroupsApi();
  const { actor, participants } = useSession();
  const headingId = useId();
  const change = useChange(onStale);
  const agency = (code: string) => participantName(participants, code, format.lang);
  const decides = allows(view, 'write') && mayConsent(actor, link.owner);
  const decide = (decision: 'granted' | 'refused') => change.run(async () => onChanged(await groups.decideConsent(view.id, link.recordId, decision)));
  return (
    <li className="history__version">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="section__subtitle">
          {t(`categories.${link.category}`)} · {agency(link.owner)}
        </h3>
        <p className="flags">
          <span className={`badge ${CONSENT_TONES[link.consent]}`}>{t(`groups.records.consent.${link.consent}`)}</span>
        </p>
        <p className="muted">
          {t('groups.records.linkedBy', { name: link.linkedBy, agency: agency(link.linkedByParticipant) })} ·{' '}
          <time dateTime={link.linkedAt}>{format.timestamp(link.linkedAt)}</time>
        </p>
        {link.consentBy && link.consentAt && link.consent !== 'pending' && (
          <p className="muted">
            {t(`groups.records.decidedBy.${link.consent}`, { name: link.consentBy })} ·{' '}
            <time dateTime={link.consentAt}>{format.timestamp(link.consentAt)}</time>
          </p>
        )}
        {link.note && <p className="prewrap">{link.note}</p>}
        {link.record ? (
          <RecordContent record={link.record} />
        ) : (
          <p className="muted">
            {link.consent === 'granted'
              ? t(view.status === 'planned' ? 'groups.records.hiddenPlanned' : 'groups.records.hiddenEnded')
              : link.consent === 'pending'
                ? t('groups.records.hiddenPending')
                : t('groups.records.hiddenRefused')}
          </p>
        )}
        {change.failure !== null && <ErrorMessage error={change.failure} />}
        {decides && link.consent !== 'granted' && (
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => void decide('granted')} disabled={change.busy}>
              {t('groups.records.grant')}
            </button>
            {link.consent === 'pending' && (
              <button type="button" className="button button--danger-outline" onClick={() => void decide('refused')} disabled={change.busy}>
                {t('groups.records.refuse')}
              </button>
            )}
          </div>
        )}
        {decides && link.consent === 'granted' && (
          <div className="form-actions">
            <button type="button" className="button button--danger-outline" onClick={() => void decide('refused')} disabled={change.busy}>
              {t('groups.records.withdraw')}
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

/** Linking a record the member may read, with a note on why it matters to the group. */
function LinkRecordForm({ view, onChanged, onStale }: { view: GroupView; onChanged: (view: GroupView) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const groups = useGroupsApi();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>({});
  const change = useChange(onStale);
  const form: FormState = { draft, set: (path, value) => setDraft((d) => setAt(d, path, value)), errors: change.errors, generation: 0 };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const recordId = String(draft.recordId ?? '').trim();
    const note = String(draft.note ?? '').trim();
    const done = await change.run(async () => onChanged(await groups.linkRecord(view.id, recordId, note || undefined)));
    if (done) setDraft({});
  };

  return (
    <FormContext.Provider value={form}>
      <form className="record-form" onSubmit={(event) => void submit(event)} aria-labelledby={titleId} noValidate>
        <h3 id={titleId} className="section__subtitle">
          {t('groups.records.link')}
        </h3>
        {change.failure !== null && <ErrorMessage error={change.failure} />}
        <div className="form-grid">
          <TextField path="/recordId" label={t('groups.records.recordId')} hint={t('groups.records.recordIdHint')} required mono maxLength={36} />
          <TextField path="/note" label={t('groups.records.note')} maxLength={500} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={change.busy}>
            {change.busy ? t('groups.sending') : t('groups.records.linkSubmit')}
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}

/** The records linked to the group, each shown to the members once its owner consents and while the group works. */
export function GroupRecords({ view, onChanged, onStale }: { view: GroupView; onChanged: (view: GroupView) => void; onStale: () => void }) {
  const { t } = useTranslation();
  return (
    <Section title={t('groups.records.title')} wide>
      {view.records.length === 0 ? (
        <p className="muted">{t('groups.records.empty')}</p>
      ) : (
        <ul className="history" aria-label={t('groups.records.title')}>
          {view.records.map((link) => (
            <LinkedRecord key={link.recordId} view={view} link={link} onChanged={onChanged} onStale={onStale} />
          ))}
        </ul>
      )}
      {allows(view, 'write') && <LinkRecordForm view={view} onChanged={onChanged} onStale={onStale} />}
    </Section>
  );
}
