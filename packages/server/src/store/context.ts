import { AppError, can, type Actor, type Permission } from '@svod/core';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/database.ts';
import { appendAudit, type AuditAction, type AuditEvent } from './audit.ts';

/** Everything a store call needs to act on someone's behalf: the database, who acts, and why. */
export interface StoreContext {
  db: Db;
  actor: Actor;
  /** Purpose code given by the caller (X-Purpose), recorded with every audit entry. */
  purpose: string;
}

export function requirePermission(ctx: StoreContext, permission: Permission): void {
  if (!can(ctx.actor, permission)) throw new AppError('forbidden', { params: { permission } });
}

export interface AuditTarget {
  action: AuditAction;
  resourceType?: string;
  resourceId?: string;
}

/**
 * Runs a store operation and, when it fails, records the failure in the audit trail before
 * rethrowing. Successful operations write their own entry, inside their own transaction.
 */
export async function withFailureAudit<T>(ctx: StoreContext, target: AuditTarget, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await appendAudit(ctx.db, {
      actor: ctx.actor,
      ...target,
      outcome: 'failure',
      purpose: ctx.purpose,
      detail: { error: error instanceof AppError ? error.code : 'internal' },
    });
    throw error;
  }
}

/** Records a successful operation of the context's actor, with the purpose they declared. */
export function auditSuccess(db: Db | Tx, ctx: StoreContext, entry: AuditTarget & Pick<AuditEvent, 'resultCount' | 'detail'>): Promise<number> {
  return appendAudit(db, { actor: ctx.actor, outcome: 'success', purpose: ctx.purpose, ...entry });
}

/**
 * The bank's clock acting for a participant when it reminds and escalates (hits, requests): so
 * the audit trail says, with `purpose` naming what is due (`hit.deadline`, `request.deadline`).
 */
export const deadlineContext = (db: Db, participant: string, purpose: string): StoreContext => ({
  db,
  actor: { kind: 'system', id: 'svod-deadlines', name: 'svod deadlines', participant, role: 'supervisor' },
  purpose,
});
