export { buildApp, API_PREFIX, DEFAULT_APP_CONFIG, type AppDeps } from './app.ts';
export type { AppConfig } from './routes/deps.ts';
export { openDatabase, migrateToLatest, type StorageConfig } from './db/connect.ts';
export { StoreInUseError, type StoreHolder } from './db/store-lock.ts';
export type { Db } from './db/database.ts';
export { verifyAuditChain, appendAudit } from './store/audit.ts';
export { writeCheckpoint, scheduleCheckpoints, verifyAuditTrail, type CheckpointPlace } from './store/audit-checkpoints.ts';
export { loadSigningKey, loadVerifyingKey, type SigningKey } from './security/signing-key.ts';
export { importRecords, type ImportReport } from './store/import-records.ts';
export { exportRecords } from './store/export-records.ts';
export { ensureParticipants, listParticipants } from './store/participants.ts';
export { ensureAgreements } from './store/agreements.ts';
export { STATISTICS_REFRESH_MS, cooperationStatistics, refreshStatistics, scheduleStatisticsRefresh } from './store/statistics.ts';
export { generateActivity, type ActivityOptions, type ActivityReport } from './seed/activity.ts';
export { insertUser } from './store/users.ts';
export { OWASP_SCRYPT, type PasswordPolicy } from './security/passwords.ts';
export { createAjv, compileAsserter } from './validation/ajv.ts';
export { createRecordValidators } from './validation/records.ts';
export type { StoreContext } from './store/context.ts';
export { seedDemo, isStoreEmpty, SYSTEM_ACTOR, type DemoSeedResult } from './seed/demo.ts';
export { prepareChecks, runCheck, RECORD_SEARCH, type CheckResult } from './store/checks.ts';
export { refileMatchKeysIfStale, storedMatchKeysVersion } from './store/match-keys.ts';
export { activateModels, activeModels } from './store/models.ts';
export { crossmatchQueued, crossmatchBacklog, enqueueWholeBank, scheduleNightlyCrossmatch, startCrossmatching } from './store/crossmatch.ts';
export { listMatches, getMatch, decideMatch } from './store/matches.ts';
export { listHits, processHitDeadlines, DEFAULT_HIT_DEADLINES, type HitDeadlines } from './store/hits.ts';
export { watchDeadlines } from './store/deadline-watch.ts';
export { processRequestDeadlines } from './store/request-deadlines.ts';
export { startWebhookDelivery, deliverDue, sealStoredSecrets } from './store/webhooks.ts';
export { loadSecretKey } from './security/secret-box.ts';
export { crossmatchWholeBank } from './store/crossmatch-bank.ts';
export {
  allReportItems,
  applyReconciliation,
  deltaLines,
  getReconciliation,
  reconcileFile,
  resumeReconciliations,
} from './store/reconciliations.ts';
export { allItems as allReconciliationItems } from './store/reconciliation-items.ts';
export { reportHtml, reportRow, REPORT_COLUMNS } from './reconcile/report.ts';
export { getRequest, listRequests, type RequestFilter } from './store/requests.ts';
export { groupTerms } from './store/groups.ts';
export { requestPdf } from './requests/pdf.ts';
export { startFederation, federationProblem, type FederationConfig, type FederationNode } from './federation/node.ts';
export { registerNode, trustBank } from './federation/nodes.ts';
export { federationStatus } from './federation/status.ts';
export { queueSentRequests, queueWholeArray } from './federation/outbox.ts';
export { setDisclosure } from './federation/disclosure.ts';
export { HAS_NATS, startNatsCluster, type NatsCluster } from './federation/local-cluster.ts';
export { MemoryBus, type FederationBus } from './federation/bus.ts';
