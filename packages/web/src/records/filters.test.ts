import { describe, expect, it } from 'vitest';
import { filtersFromSearch, searchFromFilters } from './filters.ts';

describe('record filters in the URL', () => {
  it('keeps known values and drops the rest', () => {
    expect(filtersFromSearch('?category=vehicle&status=active&owner=KZ-GP&nationalRef=%20KZ-1%20')).toEqual({
      category: 'vehicle',
      status: 'active',
      owner: 'KZ-GP',
      nationalRef: 'KZ-1',
    });
    expect(filtersFromSearch('?category=dragon&status=gone&owner=<script>&nationalRef=')).toEqual({});
  });

  it('writes filters back in a stable order', () => {
    expect(searchFromFilters({ owner: 'BKBOP', category: 'firearm' })).toBe('?category=firearm&owner=BKBOP');
    expect(searchFromFilters({})).toBe('');
    expect(filtersFromSearch(searchFromFilters({ status: 'located', nationalRef: 'RU/77 №5' }))).toEqual({
      status: 'located',
      nationalRef: 'RU/77 №5',
    });
  });
});

describe('record filters for birth and entry dates and the order', () => {
  it('carries date spans and a chosen order, and drops malformed dates and unknown orders', () => {
    const state = filtersFromSearch('?bornFrom=1984-07&bornTo=1990&createdFrom=2026-01-01&createdTo=2026-12-31&sort=changed');
    expect(state).toEqual({ bornFrom: '1984-07', bornTo: '1990', createdFrom: '2026-01-01', createdTo: '2026-12-31', sort: 'changed' });
    expect(filtersFromSearch(searchFromFilters(state))).toEqual(state);
    expect(filtersFromSearch('?bornFrom=15.07.1984&createdTo=2026-1-1&sort=random')).toEqual({});
  });

  it('leaves the default order out of the URL', () => {
    expect(searchFromFilters({ category: 'vehicle', sort: 'newest' })).toBe('?category=vehicle');
  });
});
