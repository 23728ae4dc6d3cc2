import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../api/client.ts';
import { useLatestRequest } from '../../api/use-latest-request.ts';
import { useApi } from '../../api/context.ts';
import type { CheckInput } from '../../domain.ts';
import { typedDate } from '../../forms/draft.ts';
import { useFormat } from '../../format/use-format.ts';
import { mayExport, participantName, useSession } from '../../session.ts';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';
import { RecordSummaryCell } from '../RecordSummaryCell/RecordSummaryCell.tsx';
import { StatusBadge } from '../StatusBadge/StatusBadge.tsx';

const KINDS = ['name', 'document', 'vin', 'plate', 'serial'] as const;
type SearchKind = (typeof KINDS)[number];

/** The request for what was typed: a whole name goes in one field, which the bank splits as it reads it. */
function searchInput(kind: SearchKind, text: string, birth: string, country: string): CheckInput {
  const value = text.trim();
  const state = country.trim().toUpperCase();
  switch (kind) {
    case 'name':
      return { person: { surname: value, ...(birth.trim() ? { birthDate: typedDate(birth, true) } : {}) }, limit: 50 };
    case 'document':
      return { person: { document: { number: value, issuingState: state } }, limit: 50 };
    case 'vin':
      return { vehicle: { vin: value }, limit: 50 };
    case 'plate':
      return { vehicle: { plate: { number: value, state } }, limit: 50 };
    case 'serial':
      return { firearm: { serial: value }, limit: 50 };
  }
}

/**
 * Finding records by a name in any script or by an identifier, ranked by the same matching as a
 * field check but over records of every status; each result says how likely it is the one.
 */
export function RecordSearch() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { actor, participants } = useSession();
  const [kind, setKind] = useState<SearchKind>('name');
  const [text, setText] = useState('');
  const [birth, setBirth] = useState('');
  const [country, setCountry] = useState('');
  const { state, run, reset } = useLatestRequest<CheckResult>();
  const [searched, setSearched] = useState<CheckInput | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const id = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = searchInput(kind, text, birth, country);
    setSearched(input);
    setExportError(null);
    void run((signal) => api.search(input, signal));
  };

  /** The same search as a spreadsheet, saved by the browser under the bank's file name. */
  const download = async (fileFormat: 'csv' | 'xlsx') => {
    if (!searched) return;
    setExportError(null);
    try {
      const blob = await api.exportSearch(searched, fileFormat);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `svod-search-${new Date().toISOString().slice(0, 10)}.${fileFormat}`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (failure) {
      setExportError(failure);
    }
  };

  const needsCountry = kind === 'document' || kind === 'plate';
  return (
    <section className="card record-search" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {t('search.title')}
      </h2>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the agencies run */}
      <form className="record-search__form" onSubmit={submit} role="search" aria-label={t('search.title')}>
        <div className="form-field">
          <label htmlFor={`${id}-kind`}>{t('search.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SearchKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`search.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field record-search__text">
          <label htmlFor={`${id}-text`}>{t(`search.labels.${kind}`)}</label>
          <input id={`${id}-text`} type="search" required maxLength={100} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {kind === 'name' && (
          <div className="form-field">
            <label htmlFor={`${id}-birth`}>{t('record.fields.birthDate')}</label>
            <input id={`${id}-birth`} type="text" inputMode="numeric" maxLength={10} value={birth} onChange={(e) => setBirth(e.target.value)} />
          </div>
        )}
        {needsCountry && (
          <div className="form-field">
            <label htmlFor={`${id}-country`}>{t('search.country')}</label>
            <input
              id={`${id}-country`}
              type="text"
              required
              maxLength={2}
              className="mono"
              value={country}
              onChange={(e) => setCountry(e.target.value)}
            />
          </div>
        )}
        <div className="record-search__actions">
          <button type="submit" className="button button--primary" disabled={state.status === 'running'}>
            {state.status === 'running' ? t('search.searching') : t('search.submit')}
          </button>
          {state.status !== 'idle' && (
            <button type="button" className="button button--link" onClick={reset}>
              {t('search.clear')}
            </button>
          )}
        </div>
      </form>
      {state.status === 'failed' && <ErrorMessage error={state.error} />}
      {state.status === 'done' && (
        <>
          <div className="record-search__summary">
            <p role="status" className="muted">
              {t('search.found', { count: state.result.candidates.length })}
            </p>
            {mayExport(actor) &&
              state.result.candidates.length > 0 &&
              (['csv', 'xlsx'] as const).map((fileFormat) => (
                <button key={fileFormat} type="button" className="button button--secondary" onClick={() => void download(fileFormat)}>
                  {t(`records.export.${fileFormat}`)}
                </button>
              ))}
          </div>
          {exportError !== null && <ErrorMessage error={exportError} />}
          {state.result.candidates.length > 0 && (
            <table className="table table--compact" aria-label={t('search.results')}>
              <thead>
                <tr>
                  <th scope="col">{t('search.likelihood')}</th>
                  <th scope="col">{t('records.columns.category')}</th>
                  <th scope="col">{t('records.columns.subject')}</th>
                  <th scope="col">{t('records.columns.nationalRef')}</th>
                  <th scope="col">{t('records.columns.owner')}</th>
                  <th scope="col">{t('records.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {state.result.candidates.map(({ record, probability }) => (
                  <tr key={record.id}>
                    <td className="mono">{t('check.probability', { value: format.percent(probability) })}</td>
                    <td>{t(`categories.${record.category}`)}</td>
                    <td>
                      <RecordSummaryCell record={record} />
                    </td>
                    <td className="mono">{record.nationalRef}</td>
                    <td>{participantName(participants, record.owner, format.lang)}</td>
                    <td>
                      <StatusBadge status={record.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
