import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbort } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { StatusDialog, type Transition } from '../components/StatusDialog/StatusDialog.tsx';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { HistorySection } from '../components/HistorySection/HistorySection.tsx';
import { NamelessCandidates } from '../components/NamelessCandidates/NamelessCandidates.tsx';
import { RecordHits } from '../components/RecordHits/RecordHits.tsx';
import { RecordMatches } from '../components/RecordMatches/RecordMatches.tsx';
import { AttachmentsSection, isImage } from '../components/RecordSections/AttachmentsSection.tsx';
import {
  FirearmSection,
  MissingSection,
  UnidentifiedCorpseSection,
  UnidentifiedPersonSection,
  VehicleSection,
  WantedSection,
} from '../components/RecordSections/CategorySections.tsx';
import { GeneralSection } from '../components/RecordSections/GeneralSection.tsx';
import { LinksSection } from '../components/RecordSections/LinksSection.tsx';
import { PersonSection } from '../components/RecordSections/PersonSection.tsx';
import { StatusBadge } from '../components/StatusBadge/StatusBadge.tsx';
import type { RecordView } from '../domain.ts';
import { summarizeRecord } from '../format/summary.ts';
import { useFormat } from '../format/use-format.ts';
import { Link } from '../router/Link.tsx';
import { editRecordPath, recordsPath } from '../router/routes.ts';
import { mayCancel, participantName, reviewOverdue, useSession } from '../session.ts';

/** Records ranked by description against the other side: missing persons and the unidentified. */
const NAMELESS_SIDES: readonly string[] = ['missing_person', 'unidentified_corpse', 'unidentified_person'];

type LoadState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; record: RecordView };

/** One record with every section it carries, and its cancellation for the owner. */
export function RecordPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { actor, participants } = useSession();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [transition, setTransition] = useState<Transition | null>(null);
  /** The change just made, for its confirmation. */
  const [changed, setChanged] = useState<Transition | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` is the reload button's trigger to read again
  useEffect(() => {
    const controller = new AbortController();
    setState((prev) => (prev.status === 'ready' && prev.record.id === id ? prev : { status: 'loading' }));
    api
      .getRecord(id, controller.signal)
      .then((record) => setState({ status: 'ready', record }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [api, id, reloads]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the notice belongs to one record; another id clears it
  useEffect(() => setChanged(null), [id]);

  const reload = useCallback(() => {
    setTransition(null);
    setChanged(null);
    setReloads((n) => n + 1);
  }, []);

  const back = (
    <Link to={recordsPath()} className="back-link">
      <span aria-hidden="true">←</span> {t('record.back')}
    </Link>
  );

  if (state.status === 'loading') {
    return (
      <main className="page" id="main">
        {back}
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      </main>
    );
  }
  if (state.status === 'error') {
    const missing = state.error instanceof ApiError && state.error.status === 404;
    return (
      <main className="page" id="main">
        {back}
        {missing ? (
          <div className="alert alert--info" role="alert">
            <p className="alert__title">{t('record.notFound')}</p>
          </div>
        ) : (
          <ErrorMessage error={state.error}>
            <button type="button" className="button button--secondary" onClick={reload}>
              {t('common.retry')}
            </button>
          </ErrorMessage>
        )}
      </main>
    );
  }

  const { record } = state;
  const summary = summarizeRecord(record, t, format.lang);
  const portrait = record.attachments.find(isImage);
  const danger = record.wanted?.danger;

  return (
    <main className="page" id="main">
      {back}

      <div className="card record-hero">
        {portrait && (
          <img className="record-hero__photo" src={api.attachmentUrl(record.id, portrait.id)} alt={t('record.photo', { name: portrait.filename })} />
        )}
        <div className="record-hero__body">
          <p className="record-hero__eyebrow">{t(`categories.${record.category}`)}</p>
          <h1 ref={heading} tabIndex={-1} className={`record-hero__title${summary.identifier ? ' mono' : ''}`}>
            {summary.primary}
          </h1>
          {summary.secondary && <p className="record-hero__secondary">{summary.secondary}</p>}
          <div className="record-hero__badges">
            <StatusBadge status={record.status} />
            {(['armed', 'violent', 'escapeRisk'] as const)
              .filter((flag) => danger?.[flag])
              .map((flag) => (
                <span key={flag} className="badge badge--danger">
                  {t(`record.fields.${flag}`)}
                </span>
              ))}
          </div>
          <dl className="record-hero__facts">
            <div>
              <dt>{t('record.fields.owner')}</dt>
              <dd>
                {participantName(participants, record.owner, format.lang)} <span className="muted">({record.owner})</span>
              </dd>
            </div>
            <div>
              <dt>{t('record.fields.nationalRef')}</dt>
              <dd className="mono">{record.nationalRef}</dd>
            </div>
            <div>
              <dt>{t('record.fields.actionOnHit')}</dt>
              <dd>{t(`actions.${record.actionOnHit}`)}</dd>
            </div>
            <div>
              <dt>{t('record.fields.updatedAt')}</dt>
              <dd>
                <time dateTime={record.updatedAt}>{format.timestamp(record.updatedAt)}</time>
              </dd>
            </div>
          </dl>
        </div>
        <div className="record-hero__actions">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('record.print')}
          </button>
        </div>
        {mayCancel(actor, record) && (
          <div className="record-hero__actions">
            <Link to={editRecordPath(record.id)} className="button button--secondary">
              {t('form.edit')}
            </Link>
            {(record.status === 'active' ? (['located', 'expired'] as const) : (['reactivate'] as const)).map((move) => (
              <button key={move} type="button" className="button button--secondary" onClick={() => setTransition(move)}>
                {t(`${move}.open`)}
              </button>
            ))}
            <button type="button" className="button button--danger-outline" onClick={() => setTransition('cancel')}>
              {t('cancel.open')}
            </button>
          </div>
        )}
      </div>

      {changed && (
        <div className="alert alert--success" role="status">
          <p className="alert__title">{t(`${changed}.done`)}</p>
        </div>
      )}
      {record.status === 'cancelled' && record.cancelReason && (
        <div className="alert alert--muted">
          <p className="alert__title">
            {t('record.fields.cancelReason')}: <span className="alert__value">{record.cancelReason}</span>
          </p>
        </div>
      )}
      {record.status !== 'cancelled' && record.statusNote && (
        <div className="alert alert--muted">
          <p className="alert__title">
            {t('record.fields.statusNote')}: <span className="alert__value">{record.statusNote}</span>
          </p>
        </div>
      )}
      {record.disclosure === 'hit' && (
        <div className="alert alert--info" role="note">
          <p className="alert__title">{t('record.referenceOnly')}</p>
        </div>
      )}
      {reviewOverdue(record) && (
        <div className="alert alert--warning" role="note">
          <p className="alert__title">{t('record.reviewOverdue', { date: format.date(record.reviewBy!) })}</p>
        </div>
      )}

      {record.dataQuality && record.dataQuality.length > 0 && (
        <div className="alert alert--muted" role="note">
          <p className="alert__title">{t('dataQuality.title')}</p>
          <ul>
            {record.dataQuality.map((note) => (
              <li key={`${note.path}:${note.code}`}>{t(`dataQuality.${note.code}`)}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="sections">
        {record.wanted && <WantedSection wanted={record.wanted} />}
        {record.missing && <MissingSection missing={record.missing} />}
        {record.unidentifiedCorpse && <UnidentifiedCorpseSection corpse={record.unidentifiedCorpse} />}
        {record.unidentifiedPerson && <UnidentifiedPersonSection found={record.unidentifiedPerson} />}
        {record.vehicle && <VehicleSection vehicle={record.vehicle} />}
        {record.firearm && <FirearmSection firearm={record.firearm} />}
        <GeneralSection record={record} />
        {record.person && <PersonSection person={record.person} />}
        <AttachmentsSection recordId={record.id} attachments={record.attachments} onUploaded={mayCancel(actor, record) ? reload : undefined} />
        {record.links && record.links.length > 0 && <LinksSection links={record.links} />}
        {NAMELESS_SIDES.includes(record.category) && <NamelessCandidates recordId={record.id} missing={record.category === 'missing_person'} />}
        {record.owner === actor.participant && <RecordHits recordId={record.id} />}
        <RecordMatches recordId={record.id} />
        <HistorySection recordId={record.id} version={record.version} />
      </div>

      <StatusDialog
        record={record}
        transition={transition}
        onClose={() => setTransition(null)}
        onReload={reload}
        onChanged={(updated) => {
          setState({ status: 'ready', record: updated });
          setChanged(transition);
          setTransition(null);
          heading.current?.focus();
        }}
      />
    </main>
  );
}
