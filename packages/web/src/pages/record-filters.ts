import { isCategory, isStatus, type Category, type RecordStatus } from '../domain.ts';

export interface RecordFilters {
  category?: Category;
  status?: RecordStatus;
  owner?: string;
  nationalRef?: string;
  /** Only active records whose review date has passed. */
  reviewDue?: 'true';
}

export const FILTER_KEYS = ['category', 'status', 'owner', 'nationalRef', 'reviewDue'] as const;

/** The filters a records URL carries; unknown values are ignored rather than sent to the server. */
export function filtersFromSearch(search: string): RecordFilters {
  const params = new URLSearchParams(search);
  const category = params.get('category');
  const status = params.get('status');
  const owner = params.get('owner');
  const nationalRef = params.get('nationalRef')?.trim();
  return {
    ...(isCategory(category) ? { category } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(owner && /^(BKBOP|[A-Z]{2}-[A-Z][A-Z0-9]{1,15})$/.test(owner) ? { owner } : {}),
    ...(nationalRef ? { nationalRef: nationalRef.slice(0, 64) } : {}),
    ...(params.get('reviewDue') === 'true' ? { reviewDue: 'true' as const } : {}),
  };
}

export function searchFromFilters(filters: RecordFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
