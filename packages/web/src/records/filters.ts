import { isCategory, isStatus, type Category, type RecordStatus } from '../domain.ts';
import { typedDate } from '../forms/draft.ts';

export interface RecordFilters {
  category?: Category;
  status?: RecordStatus;
  owner?: string;
  nationalRef?: string;
  /** Only active records whose review date has passed. */
  reviewDue?: 'true';
  /** Persons who may have been born in this span: partial ISO dates (`1984`, `1984-07`, `1984-07-15`). */
  bornFrom?: string;
  bornTo?: string;
  /** Entered in the bank in this span of days (`YYYY-MM-DD`). */
  createdFrom?: string;
  createdTo?: string;
}

export const RECORD_SORTS = ['newest', 'oldest', 'changed'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

/** What a records URL carries: the filters and the order. */
export interface RecordListState extends RecordFilters {
  sort?: RecordSort;
}

export const FILTER_KEYS = [
  'category',
  'status',
  'owner',
  'nationalRef',
  'reviewDue',
  'bornFrom',
  'bornTo',
  'createdFrom',
  'createdTo',
] as const satisfies readonly (keyof RecordFilters)[];

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isSort = (value: string | null): value is RecordSort => RECORD_SORTS.includes(value as RecordSort);

/** The filters a records URL carries; unknown values are ignored rather than sent to the server. */
export function filtersFromSearch(search: string): RecordListState {
  const params = new URLSearchParams(search);
  const category = params.get('category');
  const status = params.get('status');
  const owner = params.get('owner');
  const nationalRef = params.get('nationalRef')?.trim();
  const sort = params.get('sort');
  const matching = (key: keyof RecordFilters, pattern: RegExp) => {
    const value = params.get(key);
    return value && pattern.test(value) ? { [key]: value } : {};
  };
  return {
    ...(isCategory(category) ? { category } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(owner && /^(BKBOP|[A-Z]{2}-[A-Z][A-Z0-9]{1,15})$/.test(owner) ? { owner } : {}),
    ...(nationalRef ? { nationalRef: nationalRef.slice(0, 64) } : {}),
    ...(params.get('reviewDue') === 'true' ? { reviewDue: 'true' as const } : {}),
    ...matching('bornFrom', PARTIAL_DATE),
    ...matching('bornTo', PARTIAL_DATE),
    ...matching('createdFrom', DAY),
    ...matching('createdTo', DAY),
    ...(isSort(sort) && sort !== 'newest' ? { sort } : {}),
  };
}

export function searchFromFilters(state: RecordListState): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  if (state.sort && state.sort !== 'newest') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters alone, without the order: what an export or a count is about. */
export function filtersOnly(state: RecordListState): RecordFilters {
  const { sort: _sort, ...filters } = state;
  return filters;
}

/**
 * A date as typed in a filter (`15.07.1984`; for a birth date also `07.1984` or `1984`), in the
 * API's form; undefined when it cannot be read as one.
 */
export function typedFilterDate(text: string, partial: boolean): string | undefined {
  const iso = typedDate(text, partial);
  return (partial ? PARTIAL_DATE : DAY).test(iso) ? iso : undefined;
}
