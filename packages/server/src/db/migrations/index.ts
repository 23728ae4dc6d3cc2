import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-23T00-00-00_initial.ts';
import * as matchKeys from './2026-11-23T20-30-00_match-keys.ts';
import * as settings from './2026-11-24T00-00-00_settings.ts';
import * as recentByCategory from './2026-11-24T01-00-00_recent-by-category.ts';
import * as matchModels from './2026-11-24T02-00-00_match-models.ts';
import * as auditAnchoring from './2026-12-05T00-00-00_audit-anchoring.ts';
import * as loginThrottle from './2026-12-06T00-00-00_login-throttle.ts';
import * as nameStemCounts from './2026-12-06T01-00-00_name-stem-counts.ts';
import * as matchProfiles from './2026-12-06T02-00-00_match-profiles.ts';
import * as recordVersions from './2026-12-07T00-00-00_record-versions.ts';
import * as searchOrders from './2026-12-07T01-00-00_search-orders.ts';
import * as matches from './2026-12-07T02-00-00_matches.ts';
import * as hits from './2026-12-07T03-00-00_hits.ts';
import * as webhooks from './2026-12-07T04-00-00_webhooks.ts';
import * as namelessProfiles from './2026-12-07T05-00-00_nameless-profiles.ts';
import * as reconciliations from './2026-12-07T06-00-00_reconciliations.ts';
import * as requests from './2026-12-08T00-00-00_requests.ts';
import * as agreements from './2026-12-08T01-00-00_agreements.ts';
import * as statistics from './2026-12-08T02-00-00_statistics.ts';
import * as eventRetention from './2026-12-08T03-00-00_event-retention.ts';
import * as groups from './2026-12-09T00-00-00_groups.ts';
import * as federation from './2026-12-10T00-00-00_federation.ts';
import * as federationFlows from './2026-12-11T00-00-00_federation-flows.ts';
import * as federationRequests from './2026-12-12T00-00-00_federation-requests.ts';
import * as keyTablesUnchecked from './2026-12-12T01-00-00_key-tables-unchecked.ts';

/**
 * Migrations are listed here rather than read from disk so they run the same from source,
 * from tests and from a bundled build. Names sort in the order they apply.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23T00-00-00_initial': initial,
  '2026-11-23T20-30-00_match-keys': matchKeys,
  '2026-11-24T00-00-00_settings': settings,
  '2026-11-24T01-00-00_recent-by-category': recentByCategory,
  '2026-11-24T02-00-00_match-models': matchModels,
  '2026-12-05T00-00-00_audit-anchoring': auditAnchoring,
  '2026-12-06T00-00-00_login-throttle': loginThrottle,
  '2026-12-06T01-00-00_name-stem-counts': nameStemCounts,
  '2026-12-06T02-00-00_match-profiles': matchProfiles,
  '2026-12-07T00-00-00_record-versions': recordVersions,
  '2026-12-07T01-00-00_search-orders': searchOrders,
  '2026-12-07T02-00-00_matches': matches,
  '2026-12-07T03-00-00_hits': hits,
  '2026-12-07T04-00-00_webhooks': webhooks,
  '2026-12-07T05-00-00_nameless-profiles': namelessProfiles,
  '2026-12-07T06-00-00_reconciliations': reconciliations,
  '2026-12-08T00-00-00_requests': requests,
  '2026-12-08T01-00-00_agreements': agreements,
  '2026-12-08T02-00-00_statistics': statistics,
  '2026-12-08T03-00-00_event-retention': eventRetention,
  '2026-12-09T00-00-00_groups': groups,
  '2026-12-10T00-00-00_federation': federation,
  '2026-12-11T00-00-00_federation-flows': federationFlows,
  '2026-12-12T00-00-00_federation-requests': federationRequests,
  '2026-12-12T01-00-00_key-tables-unchecked': keyTablesUnchecked,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
