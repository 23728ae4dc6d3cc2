import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, REQUEST_STATES, REQUEST_TYPES } from '../../domain.ts';
import { isFiltered } from './filters.ts';
import type { RequestListQuery } from './requests-api.ts';

/** States a request can be in when it reaches the recipient: the inbox never holds drafts. */
const INBOX_STATES = REQUEST_STATES.filter((state) => state !== 'draft' && state !== 'signed');

/** The selects that narrow a box; each change applies at once, keeping the box. */
export function RequestFilters({ query, onChange }: { query: RequestListQuery; onChange: (next: RequestListQuery) => void }) {
  const { t } = useTranslation();
  const ids = { state: useId(), type: useId(), priority: useId(), overdue: useId() };
  const set = (key: 'state' | 'type' | 'priority', value: string) => {
    const next: RequestListQuery = { ...query };
    if (value) Object.assign(next, { [key]: value });
    else delete next[key];
    onChange(next);
  };
  const states = query.box === 'inbox' ? INBOX_STATES : REQUEST_STATES;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the agencies run
    <div className="card filters" role="search" aria-label={t('requests.filters.label')}>
      <div className="form-field">
        <label htmlFor={ids.state}>{t('requests.filters.state')}</label>
        <select id={ids.state} value={query.state ?? ''} onChange={(e) => set('state', e.target.value)}>
          <option value="">{t('requests.filters.any')}</option>
          {states.map((state) => (
            <option key={state} value={state}>
              {t(`requests.states.${state}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={ids.type}>{t('requests.filters.type')}</label>
        <select id={ids.type} value={query.type ?? ''} onChange={(e) => set('type', e.target.value)}>
          <option value="">{t('requests.filters.any')}</option>
          {REQUEST_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`requests.types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={ids.priority}>{t('requests.filters.priority')}</label>
        <select id={ids.priority} value={query.priority ?? ''} onChange={(e) => set('priority', e.target.value)}>
          <option value="">{t('requests.filters.any')}</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`requests.priorities.${priority}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <label className="form-check" htmlFor={ids.overdue}>
          <input
            id={ids.overdue}
            type="checkbox"
            checked={query.overdue === true}
            onChange={(e) => {
              const { overdue: _overdue, ...rest } = query;
              onChange(e.target.checked ? { ...rest, overdue: true } : rest);
            }}
          />
          {t('requests.filters.overdue')}
        </label>
        <button type="button" className="button button--link" onClick={() => onChange({ box: query.box })} disabled={!isFiltered(query)}>
          {t('requests.filters.reset')}
        </button>
      </div>
    </div>
  );
}
