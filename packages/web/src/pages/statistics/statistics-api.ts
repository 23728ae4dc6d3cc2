import type { CooperationStatistics, StatisticsTable } from '@svod/core';
import { API_BASE, queryString, type ApiClient } from '../../api/client.ts';
import type { Period } from './figures.ts';

export type ExportFormat = 'csv' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/** The figures of the period that the caller's agency is a party to (BKBOP: of every agency). */
export const loadStatistics = (api: ApiClient, period: Period, signal: AbortSignal): Promise<CooperationStatistics> =>
  api.call('GET', '/statistics', { query: { from: period.from, to: period.to }, signal });

/** Where the browser downloads one table of the period (the session cookie authenticates it). */
export const exportUrl = (period: Period, table: StatisticsTable, format: ExportFormat): string =>
  `${API_BASE}/statistics/export${queryString({ from: period.from, to: period.to, table, format })}`;
