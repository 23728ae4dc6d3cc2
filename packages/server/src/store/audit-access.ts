import { listAudit, type AuditQuery } from './audit.ts';
import { verifyAuditTrail, type CheckpointPlace } from './audit-checkpoints.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';

/** Audit entries an administrator may read: their participant's, or everyone's for BKBOP, the coordinator. */
export async function readAudit(ctx: StoreContext, query: Omit<AuditQuery, 'participant'>) {
  return withFailureAudit(ctx, { action: 'audit.read' }, async () => {
    requirePermission(ctx, 'audit.read');
    const participant = ctx.actor.participant === 'BKBOP' ? undefined : ctx.actor.participant;
    const entries = await listAudit(ctx.db, { ...query, participant });
    await auditSuccess(ctx.db, ctx, { action: 'audit.read', resultCount: entries.length });
    return entries;
  });
}

export async function verifyAudit(ctx: StoreContext, checkpoints: CheckpointPlace | undefined) {
  return withFailureAudit(ctx, { action: 'audit.verify' }, async () => {
    requirePermission(ctx, 'audit.read');
    const result = await verifyAuditTrail(ctx.db, checkpoints);
    await auditSuccess(ctx.db, ctx, { action: 'audit.verify', detail: { ok: result.ok } });
    return result;
  });
}
