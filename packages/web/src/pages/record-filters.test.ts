import { describe, expect, it } from 'vitest';
import { filtersFromSearch, searchFromFilters } from './record-filters.ts';

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
