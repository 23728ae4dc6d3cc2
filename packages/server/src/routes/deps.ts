import type { Db } from '../db/database.ts';
import type { FederationNode } from '../federation/node.ts';
import type { CheckpointPlace } from '../store/audit-checkpoints.ts';
import type { PasswordPolicy } from '../security/passwords.ts';
import type { HitDeadlines } from '../store/hits.ts';
import type { LoginThrottlePolicy } from '../store/login-throttle.ts';
import type { RecordValidators } from '../validation/records.ts';

export interface AppConfig {
  /** How long a login lasts. */
  sessionTtlMinutes: number;
  /** Send the session cookie only over HTTPS (on behind a TLS proxy in production). */
  secureCookies: boolean;
  /** How failed logins are counted and held, and how long a browser stays trusted after a login. */
  loginThrottle: LoginThrottlePolicy;
  /** Cost of new password hashes; a login whose stored hash costs less is hashed again with it. */
  passwordPolicy: PasswordPolicy;
  /** Largest JSON body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest bulk import accepted over HTTP, in bytes. */
  importLimitBytes: number;
  /**
   * Origins, besides the server's own (scheme and Host), whose pages may change data with the
   * session cookie: the public origin when a proxy in front changes scheme or host, e.g.
   * `https://svod.example.org`. Lower case, no trailing slash.
   */
  allowedOrigins: readonly string[];
  /** How long the owner of a record has to answer a hit on it. */
  hitDeadlines: HitDeadlines;
  /** Whether a webhook may point at the server's own machine (development, tests); never in production. */
  webhookLoopback: boolean;
  /** The key webhooks' signing secrets are sealed with (`loadSecretKey`); the process's own when absent. */
  secretKey?: Buffer;
  /** Where uploaded national arrays are kept until their reconciliation is applied. */
  uploadDir: string;
  /** Largest national array accepted for reconciliation, in bytes. */
  reconcileLimitBytes: number;
  /** Built web console to serve at `/`, when present. */
  webRoot?: string;
}

export interface RouteDeps {
  db: Db;
  /** Where the audit chain's signed checkpoints are kept, when they are. */
  auditCheckpoints?: CheckpointPlace;
  config: AppConfig;
  validators: RecordValidators;
  /** The security headers of a response to this URL, for routes that write the response themselves (event streams). */
  headersFor: (url: string) => Record<string, string>;
  /** This server's part in the federation, when it has one (a national node or the central bank). */
  federation?: FederationNode;
}
