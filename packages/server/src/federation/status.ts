import type { DeadLetterView, FederationStatusView } from '@svod/core';
import { isoOrNull as iso } from '../db/columns.ts';
import { auditSuccess, withFailureAudit, type StoreContext } from '../store/context.ts';
import { bankKey, requireFederationAdmin } from './nodes.ts';
import { LAST_RECEIVED_SETTING } from './receiver.ts';
import { hitOnlyCategories } from './disclosure.ts';
import { LAST_SENT_SETTING } from './publisher.ts';
import { readSetting } from '../store/settings.ts';
import { busState, type FederationNode } from './node.ts';

/**
 * Where this server stands: its role and bus, what it still has to send, the central bank's nodes
 * and their lag, a national node's link with the bank. For BKBOP's administrators, and at a
 * national node for the administrators of its state's agencies.
 */
export async function federationStatus(ctx: StoreContext, node: FederationNode | undefined): Promise<FederationStatusView> {
  return withFailureAudit(ctx, { action: 'federation.status', resourceType: 'federation' }, async () => {
    await requireFederationAdmin(ctx, node?.state ?? null);
    const { db } = ctx;
    const role = node?.role ?? 'single';
    const outbox =
      role !== 'single'
        ? await db
            .selectFrom('federation_outbox')
            .select((eb) => [eb.fn.countAll<string>().as('pending'), eb.fn.min('queued_at').as('oldest')])
            .executeTakeFirstOrThrow()
        : null;
    const nodes = await db
      .selectFrom('federation_nodes')
      .leftJoin('federation_received', 'federation_received.state', 'federation_nodes.state')
      .select([
        'federation_nodes.state',
        'federation_nodes.registered_at',
        'federation_received.last_applied_at',
        'federation_received.last_sent_at',
        'federation_received.applied',
      ])
      .orderBy('federation_nodes.state')
      .execute();
    const dead = await db
      .selectFrom('federation_dead_letters')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const status: FederationStatusView = {
      role,
      state: node?.state ?? null,
      bus: busState(node),
      outbox: outbox
        ? {
            pending: Number(outbox.pending),
            oldestQueuedAt: iso(outbox.oldest as Date | null),
            lastSentAt: (await readSetting(db, LAST_SENT_SETTING)) ?? null,
          }
        : null,
      nodes: nodes.map((n) => ({
        state: n.state.trim(),
        registeredAt: iso(n.registered_at)!,
        lastAppliedAt: iso(n.last_applied_at),
        lastSentAt: iso(n.last_sent_at),
        applied: Number(n.applied ?? 0),
        lagSeconds:
          n.last_applied_at && n.last_sent_at
            ? Math.max(0, (new Date(n.last_applied_at).getTime() - new Date(n.last_sent_at).getTime()) / 1000)
            : null,
      })),
      undelivered: role !== 'single' ? ((await node?.bus()?.pending()) ?? null) : null,
      bank:
        role === 'national'
          ? { keyTrusted: (await bankKey(db)) !== undefined, lastReceivedAt: (await readSetting(db, LAST_RECEIVED_SETTING)) ?? null }
          : null,
      deadLetters: Number(dead.n),
      hitOnly: role === 'national' ? await hitOnlyCategories(db) : [],
    };
    await auditSuccess(db, ctx, { action: 'federation.status', resourceType: 'federation' });
    return status;
  });
}

/** The messages this node set aside, newest first, with why; their bytes stay in the store for investigation. */
export async function deadLetters(ctx: StoreContext, limit: number, node?: FederationNode): Promise<DeadLetterView[]> {
  return withFailureAudit(ctx, { action: 'federation.status', resourceType: 'federation' }, async () => {
    await requireFederationAdmin(ctx, node?.state ?? null);
    const rows = await ctx.db
      .selectFrom('federation_dead_letters')
      .select(['id', 'received_at', 'subject', 'message_id', 'state', 'reason', 'deliveries'])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    await auditSuccess(ctx.db, ctx, { action: 'federation.status', resourceType: 'federation', resultCount: rows.length });
    return rows.map((row) => ({
      id: Number(row.id),
      receivedAt: iso(row.received_at)!,
      subject: row.subject,
      messageId: row.message_id,
      state: row.state,
      reason: row.reason,
      deliveries: row.deliveries,
    }));
  });
}
