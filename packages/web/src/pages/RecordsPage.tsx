import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { RecordSearch } from '../components/RecordSearch/RecordSearch.tsx';
import { RecordSummaryCell } from '../components/RecordSummaryCell/RecordSummaryCell.tsx';
import { StatusBadge } from '../components/StatusBadge/StatusBadge.tsx';
import { CATEGORY_VALUES, STATUS_VALUES, type Language, type RecordView } from '../domain.ts';
import { dateText } from '../forms/draft.ts';
import { useFormat } from '../format/use-format.ts';
import { navigate, useLocation } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { newRecordPath, recordPath, recordsPath } from '../router/routes.ts';
import { mayExport, mayWrite, participantName, reviewOverdue, useSession } from '../session.ts';
import {
  FILTER_KEYS,
  RECORD_SORTS,
  filtersFromSearch,
  filtersOnly,
  searchFromFilters,
  typedFilterDate,
  type RecordListState,
  type RecordSort,
} from '../records/filters.ts';

const PAGE_SIZE = 50;

interface ListState {
  items: RecordView[];
  nextCursor?: string | undefined;
  /** How many match in all, from the first page. */
  total?: { count: number; exact: boolean } | undefined;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
}

/** What the user types into the filters before searching; dates as typed, until they are read. */
interface TypedFilters {
  nationalRef: string;
  bornFrom: string;
  bornTo: string;
  createdFrom: string;
  createdTo: string;
}

const DATE_FILTERS = ['bornFrom', 'bornTo', 'createdFrom', 'createdTo'] as const;
type DateFilter = (typeof DATE_FILTERS)[number];

const typedFrom = (filters: RecordListState, lang: Language): TypedFilters => ({
  nationalRef: filters.nationalRef ?? '',
  bornFrom: dateText(filters.bornFrom, lang),
  bornTo: dateText(filters.bornTo, lang),
  createdFrom: dateText(filters.createdFrom, lang),
  createdTo: dateText(filters.createdTo, lang),
});

/** Records the agency may see, filtered, in the chosen order, paged with the server's cursor. */
export function RecordsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { actor, participants } = useSession();
  const location = useLocation();
  const filters = useMemo(() => filtersFromSearch(location.search), [location.search]);
  const [list, setList] = useState<ListState>({ items: [], loading: true, loadingMore: false, error: null });
  const [typed, setTyped] = useState<TypedFilters>(() => typedFrom(filters, format.lang));
  const [dateErrors, setDateErrors] = useState<Partial<Record<DateFilter, true>>>({});
  const generation = useRef(0);
  const titleId = useId();
  const ids = {
    category: useId(),
    status: useId(),
    owner: useId(),
    nationalRef: useId(),
    bornFrom: useId(),
    bornTo: useId(),
    createdFrom: useId(),
    createdTo: useId(),
    sort: useId(),
  };

  useEffect(() => {
    setTyped(typedFrom(filters, format.lang));
    setDateErrors({});
  }, [filters, format.lang]);

  useEffect(() => {
    const controller = new AbortController();
    const current = ++generation.current;
    setList((prev) => ({ ...prev, loading: true, loadingMore: false, error: null }));
    api
      .listRecords({ ...filters, limit: PAGE_SIZE }, controller.signal)
      .then((page) => {
        if (current !== generation.current) return;
        setList({ items: page.items, nextCursor: page.nextCursor, total: page.total, loading: false, loadingMore: false, error: null });
      })
      .catch((error: unknown) => {
        if (isAbort(error) || current !== generation.current) return;
        setList({ items: [], loading: false, loadingMore: false, error });
      });
    return () => controller.abort();
  }, [api, filters]);

  const loadMore = async () => {
    if (!list.nextCursor) return;
    const current = generation.current;
    setList((prev) => ({ ...prev, loadingMore: true, error: null }));
    try {
      const page = await api.listRecords({ ...filters, limit: PAGE_SIZE, cursor: list.nextCursor });
      if (current !== generation.current) return;
      setList((prev) => ({ ...prev, items: [...prev.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false }));
    } catch (error) {
      if (current !== generation.current) return;
      setList((prev) => ({ ...prev, loadingMore: false, error }));
    }
  };

  const applyFilters = (next: RecordListState) => navigate(recordsPath(searchFromFilters(next)), { replace: true });
  const setFilter = (key: 'category' | 'status' | 'owner' | 'sort', value: string) => {
    const next: RecordListState = { ...filters };
    if (value) (next as Record<string, string>)[key] = value;
    else delete next[key];
    applyFilters(next);
  };
  const submitTyped = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const dates: Partial<Record<DateFilter, string>> = {};
    const errors: Partial<Record<DateFilter, true>> = {};
    for (const key of DATE_FILTERS) {
      if (!typed[key].trim()) continue;
      const iso = typedFilterDate(typed[key], key.startsWith('born'));
      if (iso) dates[key] = iso;
      else errors[key] = true;
    }
    setDateErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const { nationalRef: _r, bornFrom: _f, bornTo: _t, createdFrom: _cf, createdTo: _ct, ...rest } = filters;
    applyFilters({ ...rest, ...(typed.nationalRef.trim() ? { nationalRef: typed.nationalRef.trim() } : {}), ...dates });
  };
  const type = (key: keyof TypedFilters) => (event: { target: { value: string } }) => setTyped((prev) => ({ ...prev, [key]: event.target.value }));
  const hasFilters = FILTER_KEYS.some((key) => filters[key]) || filters.sort !== undefined;
  const sort: RecordSort = filters.sort ?? 'newest';

  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
    navigate(recordPath(id));
  };

  return (
    <main className="page" id="main">
      <div className="page__heading">
        <div>
          <h1 id={titleId} className="page__title">
            {t('records.title')}
          </h1>
          <p className="page__subtitle">{t('records.subtitle')}</p>
        </div>
        {mayWrite(actor) && (
          <Link to={newRecordPath(filters.category)} className="button button--primary">
            {t('form.newRecord')}
          </Link>
        )}
      </div>

      <RecordSearch />

      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the agencies run */}
      <form className="card filters" onSubmit={submitTyped} role="search" aria-label={t('records.filters.label')} noValidate>
        <div className="form-field">
          <label htmlFor={ids.category}>{t('records.filters.category')}</label>
          <select id={ids.category} value={filters.category ?? ''} onChange={(e) => setFilter('category', e.target.value)}>
            <option value="">{t('records.filters.anyCategory')}</option>
            {CATEGORY_VALUES.map((category) => (
              <option key={category} value={category}>
                {t(`categories.${category}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={ids.status}>{t('records.filters.status')}</label>
          <select id={ids.status} value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('records.filters.anyStatus')}</option>
            {STATUS_VALUES.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={ids.owner}>{t('records.filters.owner')}</label>
          <select id={ids.owner} value={filters.owner ?? ''} onChange={(e) => setFilter('owner', e.target.value)}>
            <option value="">{t('records.filters.anyOwner')}</option>
            {participants.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} — {participantName(participants, p.code, format.lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={ids.sort}>{t('records.filters.sort')}</label>
          <select id={ids.sort} value={sort} onChange={(e) => setFilter('sort', e.target.value === 'newest' ? '' : e.target.value)}>
            {RECORD_SORTS.map((value) => (
              <option key={value} value={value}>
                {t(`records.sorts.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={ids.nationalRef}>{t('records.filters.nationalRef')}</label>
          <input id={ids.nationalRef} type="search" maxLength={64} spellCheck={false} value={typed.nationalRef} onChange={type('nationalRef')} />
        </div>
        {DATE_FILTERS.map((key) => (
          <div key={key} className="form-field">
            <label htmlFor={ids[key]}>{t(`records.filters.${key}`)}</label>
            <input
              id={ids[key]}
              inputMode="numeric"
              maxLength={10}
              autoComplete="off"
              placeholder={t(key.startsWith('born') ? 'records.filters.partialDatePlaceholder' : 'records.filters.datePlaceholder')}
              value={typed[key]}
              onChange={type(key)}
              aria-invalid={dateErrors[key] ? true : undefined}
              aria-describedby={dateErrors[key] ? `${ids[key]}-error` : undefined}
            />
            {dateErrors[key] && (
              <span id={`${ids[key]}-error`} className="form-field__error">
                {t(key.startsWith('born') ? 'records.filters.badPartialDate' : 'records.filters.badDate')}
              </span>
            )}
          </div>
        ))}
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {t('records.filters.search')}
          </button>
          <button type="button" className="button button--link" onClick={() => applyFilters({})} disabled={!hasFilters}>
            {t('records.filters.reset')}
          </button>
          {mayExport(actor) &&
            (['csv', 'xlsx'] as const).map((format) => (
              <a key={format} className="button button--secondary" href={api.exportUrl(format, filtersOnly(filters))} download>
                {t(`records.export.${format}`)}
              </a>
            ))}
        </div>
      </form>

      {list.error !== null && <ErrorMessage error={list.error} />}

      <div className="card table-card">
        <table className="table table--cards" aria-labelledby={titleId} aria-busy={list.loading}>
          <caption className="visually-hidden">{t(`records.captions.${sort}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.columns.category')}</th>
              <th scope="col">{t('records.columns.subject')}</th>
              <th scope="col">{t('records.columns.nationalRef')}</th>
              <th scope="col">{t('records.columns.owner')}</th>
              <th scope="col">{t('records.columns.status')}</th>
              <th scope="col" className="table__right">
                {t('records.columns.updated')}
              </th>
            </tr>
          </thead>
          <tbody className={list.loading && list.items.length > 0 ? 'is-stale' : undefined}>
            {list.items.map((record) => (
              <tr key={record.id} className="table__row-link" onClick={(event) => openRow(event, record.id)}>
                <td className="table__category" data-label={t('records.columns.category')}>
                  {t(`categories.${record.category}`)}
                </td>
                <td data-label={t('records.columns.subject')}>
                  <RecordSummaryCell record={record} />
                </td>
                <td className="mono" data-label={t('records.columns.nationalRef')}>
                  {record.nationalRef}
                </td>
                <td data-label={t('records.columns.owner')}>
                  <span className="owner">
                    <span className="owner__code">{record.owner}</span>
                    <span className="owner__name">{participantName(participants, record.owner, format.lang)}</span>
                  </span>
                </td>
                <td data-label={t('records.columns.status')}>
                  <StatusBadge status={record.status} />
                  {reviewOverdue(record) && <span className="badge badge--warning">{t('records.reviewOverdue')}</span>}
                </td>
                <td className="table__right table__date" data-label={t('records.columns.updated')}>
                  <time dateTime={record.updatedAt}>{format.timestamp(record.updatedAt)}</time>
                </td>
              </tr>
            ))}
            {list.items.length === 0 && (
              <tr>
                <td colSpan={6} className="table__empty" role="status">
                  {list.loading ? t('common.loading') : list.error === null ? t('records.empty') : ''}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <div className="table-card__footer">
          <span className="muted" role="status">
            {list.items.length > 0 &&
              (list.total === undefined
                ? t('records.shown', { count: list.items.length })
                : t(list.total.exact ? 'records.shownOf' : 'records.shownOfMore', {
                    count: list.items.length,
                    total: format.number(list.total.count),
                  }))}
          </span>
          {list.nextCursor && (
            <button type="button" className="button button--secondary" onClick={() => void loadMore()} disabled={list.loadingMore || list.loading}>
              {list.loadingMore ? t('records.loadingMore') : t('records.loadMore')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}
