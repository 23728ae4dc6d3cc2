import type { Db } from '../db/database.ts';
import type { CheckpointPlace } from '../store/audit-checkpoints.ts';
import type { RecordValidators } from '../validation/records.ts';

export interface AppConfig {
  /** How long a login lasts. */
  sessionTtlMinutes: number;
  /** Send the session cookie only over HTTPS (on behind a TLS proxy in production). */
  secureCookies: boolean;
  /** Login attempts allowed per client address per minute, against password guessing. */
  loginAttemptsPerMinute: number;
  /** Largest JSON body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest bulk import accepted over HTTP, in bytes. */
  importLimitBytes: number;
  /** Built web console to serve at `/`, when present. */
  webRoot?: string;
}

export interface RouteDeps {
  db: Db;
  /** Where the audit chain's signed checkpoints are kept, when they are. */
  auditCheckpoints?: CheckpointPlace;
  config: AppConfig;
  validators: RecordValidators;
}
