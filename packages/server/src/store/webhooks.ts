import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, type WebhookDeliveryView, type WebhookView } from '@svod/core';
import type { Db } from '../db/database.ts';
import { namesInternalHost, resolvesInternally } from '../util/webhook-target.ts';
import { isSealed, openSecret, processSecretKey, sealSecret } from '../security/secret-box.ts';
import { UUID } from '../validation/ajv.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { isoOrNull as iso, jsonColumn } from '../db/columns.ts';

const WEBHOOK = 'webhook';

/** Registers a national system's endpoint for the participant's events; the signing secret is shown only here. */
export async function createWebhook(ctx: StoreContext, url: string, options: WebhookOptions = {}): Promise<WebhookView & { secret: string }> {
  return withFailureAudit(ctx, { action: 'webhook.create', resourceType: WEBHOOK }, async () => {
    requirePermission(ctx, 'apikey.manage');
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.username || parsed.password) {
      throw new AppError('validation_failed', {
        issues: [{ path: '/url', code: 'bad_format', params: { format: 'http(s) URL without credentials' } }],
      });
    }
    if (!options.allowLoopback && namesInternalHost(parsed.hostname)) {
      throw new AppError('validation_failed', {
        issues: [{ path: '/url', code: 'not_allowed_value', params: { allowed: 'an address other than the server itself or a link-local one' } }],
      });
    }
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const now = new Date();
    await ctx.db
      .insertInto('webhooks')
      .values({
        id,
        participant: ctx.actor.participant,
        url: parsed.href,
        secret: sealSecret(options.secretKey ?? processSecretKey(), secret),
        created_by: ctx.actor.id,
        created_at: now,
        revoked_at: null,
      })
      .execute();
    await auditSuccess(ctx.db, ctx, { action: 'webhook.create', resourceType: WEBHOOK, resourceId: id, detail: { url: parsed.href } });
    return {
      id,
      url: parsed.href,
      createdAt: now.toISOString(),
      revokedAt: null,
      deliveries: { pending: 0, delivered: 0, failed: 0 },
      lastError: null,
      secret,
    };
  });
}

/** The participant's webhooks with how their deliveries stand. */
export async function listWebhooks(ctx: StoreContext): Promise<WebhookView[]> {
  return withFailureAudit(ctx, { action: 'webhook.list', resourceType: WEBHOOK }, async () => {
    requirePermission(ctx, 'apikey.manage');
    const hooks = await ctx.db
      .selectFrom('webhooks')
      .select(['id', 'url', 'created_at', 'revoked_at'])
      .where('participant', '=', ctx.actor.participant)
      .orderBy('created_at', 'desc')
      .execute();
    const counts =
      hooks.length === 0
        ? []
        : await ctx.db
            .selectFrom('webhook_deliveries')
            .select((eb) => ['webhook_id', 'status', eb.fn.countAll<string>().as('n')])
            .where(
              'webhook_id',
              'in',
              hooks.map((h) => h.id),
            )
            .groupBy(['webhook_id', 'status'])
            .execute();
    const errors =
      hooks.length === 0
        ? []
        : await ctx.db
            .selectFrom('webhook_deliveries')
            .select(['webhook_id', 'last_error'])
            .distinctOn('webhook_id')
            .where(
              'webhook_id',
              'in',
              hooks.map((h) => h.id),
            )
            .where('last_error', 'is not', null)
            .orderBy('webhook_id')
            .orderBy('id', 'desc')
            .execute();
    await auditSuccess(ctx.db, ctx, { action: 'webhook.list', resourceType: WEBHOOK, resultCount: hooks.length });
    return hooks.map((hook) => {
      const of = (status: string) => Number(counts.find((c) => c.webhook_id === hook.id && c.status === status)?.n ?? 0);
      return {
        id: hook.id,
        url: hook.url,
        createdAt: iso(hook.created_at)!,
        revokedAt: iso(hook.revoked_at),
        deliveries: { pending: of('pending'), delivered: of('delivered'), failed: of('failed') },
        lastError: errors.find((e) => e.webhook_id === hook.id)?.last_error ?? null,
      };
    });
  });
}

/** The newest deliveries of one of the participant's webhooks. */
export async function listDeliveries(ctx: StoreContext, id: string, limit: number): Promise<WebhookDeliveryView[]> {
  return withFailureAudit(ctx, { action: 'webhook.list', resourceType: WEBHOOK, resourceId: id }, async () => {
    requirePermission(ctx, 'apikey.manage');
    if (!UUID.test(id)) throw new AppError('not_found', { params: { id } });
    const hook = await ctx.db
      .selectFrom('webhooks')
      .select('id')
      .where('id', '=', id)
      .where('participant', '=', ctx.actor.participant)
      .executeTakeFirst();
    if (!hook) throw new AppError('not_found', { params: { id } });
    const rows = await ctx.db
      .selectFrom('webhook_deliveries')
      .innerJoin('events', 'events.id', 'webhook_deliveries.event_id')
      .select([
        'webhook_deliveries.id',
        'webhook_deliveries.event_id',
        'events.type',
        'webhook_deliveries.status',
        'webhook_deliveries.attempts',
        'webhook_deliveries.next_attempt_at',
        'webhook_deliveries.last_status',
        'webhook_deliveries.last_error',
        'webhook_deliveries.delivered_at',
      ])
      .where('webhook_deliveries.webhook_id', '=', id)
      .orderBy('webhook_deliveries.id', 'desc')
      .limit(limit)
      .execute();
    await auditSuccess(ctx.db, ctx, { action: 'webhook.list', resourceType: WEBHOOK, resourceId: id, resultCount: rows.length });
    return rows.map((r) => ({
      id: Number(r.id),
      event: { id: Number(r.event_id), type: r.type },
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: iso(r.next_attempt_at)!,
      lastStatus: r.last_status,
      lastError: r.last_error,
      deliveredAt: iso(r.delivered_at),
    }));
  });
}

export async function revokeWebhook(ctx: StoreContext, id: string): Promise<void> {
  return withFailureAudit(ctx, { action: 'webhook.revoke', resourceType: WEBHOOK, resourceId: id }, async () => {
    requirePermission(ctx, 'apikey.manage');
    if (!UUID.test(id)) throw new AppError('not_found', { params: { id } });
    const result = await ctx.db
      .updateTable('webhooks')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('participant', '=', ctx.actor.participant)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found', { params: { id } });
    await auditSuccess(ctx.db, ctx, { action: 'webhook.revoke', resourceType: WEBHOOK, resourceId: id });
  });
}

/** The signature a receiver checks: HMAC-SHA-256 over `<timestamp>.<body>` with the webhook's secret. */
export const webhookSignature = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** Attempts before a delivery is given up and shown as failed. */
export const MAX_ATTEMPTS = 10;
/** A delivery is claimed for this long: time enough for the request, after which another server may try. */
const LEASE_MS = 60_000;
/** The wait before the n-th retry: 10 s doubling, at most an hour. */
export const retryDelayMs = (attempts: number): number => Math.min(10_000 * 2 ** (attempts - 1), 3_600_000);
/** An endpoint gets this long to answer; a slow one only delays its own deliveries. */
const REQUEST_TIMEOUT_MS = 5_000;
/** Deliveries sent per round. */
const ROUND = 20;

/**
 * Sends the deliveries due at `now`: each claimed by moving its next attempt past the lease (so
 * another server leaves it), posted with its signature, then marked delivered, or rescheduled
 * with backoff, or — after MAX_ATTEMPTS — failed. Returns how many were attempted.
 */
/** Where webhooks may point: the server itself only when allowed (a development machine, tests). */
export interface WebhookOptions {
  /** Whether a webhook may point at the server's own machine (development, tests). */
  allowLoopback?: boolean;
  /** The key the signing secrets are sealed with (`loadSecretKey`); the process's own where none is given. */
  secretKey?: Buffer;
}

/** Seals the signing secrets stored in clear before secrets were sealed; returns how many. */
export async function sealStoredSecrets(db: Db, key: Buffer): Promise<number> {
  const plain = (await db.selectFrom('webhooks').select(['id', 'secret']).execute()).filter((row) => !isSealed(row.secret));
  for (const row of plain)
    await db
      .updateTable('webhooks')
      .set({ secret: sealSecret(key, row.secret) })
      .where('id', '=', row.id)
      .execute();
  return plain.length;
}

export async function deliverDue(db: Db, now = new Date(), targets: WebhookOptions = {}): Promise<number> {
  const due = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .innerJoin('events', 'events.id', 'webhook_deliveries.event_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.attempts',
      'webhook_deliveries.next_attempt_at',
      'webhooks.url',
      'webhooks.secret',
      'webhooks.revoked_at',
      'events.id as event_id',
      'events.type',
      'events.payload',
      'events.created_at',
    ])
    .where('webhook_deliveries.status', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', now)
    .orderBy('webhook_deliveries.next_attempt_at')
    .limit(ROUND)
    .execute();
  let attempted = 0;
  for (const delivery of due) {
    const claimed = await db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date(now.getTime() + LEASE_MS) })
      .where(sql<boolean>`id = ${Number(delivery.id)}`)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', delivery.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    attempted++;
    const id = sql<boolean>`id = ${Number(delivery.id)}`;
    if (delivery.revoked_at !== null) {
      await db.updateTable('webhook_deliveries').set({ status: 'failed', last_error: 'webhook revoked' }).where(id).execute();
      continue;
    }
    const body = JSON.stringify({
      id: Number(delivery.event_id),
      type: delivery.type,
      at: iso(delivery.created_at),
      data: jsonColumn(delivery.payload),
    });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const attempts = delivery.attempts + 1;
    let outcome: { ok: boolean; status: number | null; error: string | null };
    try {
      if (!targets.allowLoopback && (await resolvesInternally(new URL(delivery.url).hostname))) {
        throw new Error('refused: the address is the server itself or link-local');
      }
      // Sealed under another key (the key file lost or swapped): the delivery fails, saying so.
      const secret = openSecret(targets.secretKey ?? processSecretKey(), delivery.secret);
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-svod-event': delivery.type,
          'x-svod-delivery': String(delivery.id),
          'x-svod-timestamp': timestamp,
          'x-svod-signature': webhookSignature(secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.body?.cancel();
      outcome = { ok: response.ok, status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      outcome = {
        ok: false,
        status: null,
        error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
      };
    }
    await db
      .updateTable('webhook_deliveries')
      .set(
        outcome.ok
          ? { status: 'delivered', attempts, last_status: outcome.status, last_error: null, delivered_at: new Date() }
          : {
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              attempts,
              last_status: outcome.status,
              last_error: outcome.error?.slice(0, 500) ?? null,
              next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
            },
      )
      .where(id)
      .execute();
  }
  return attempted;
}

/** How often the delivery loop looks for due deliveries when it found none. */
const IDLE_MS = 1_000;

/** Sends webhook deliveries for as long as the server runs, apart from requests and checks. */
export function startWebhookDelivery(db: Db, onError: (error: unknown) => void, targets: WebhookOptions = {}): () => void {
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (!running) return;
    let attempted = 0;
    try {
      attempted = await deliverDue(db, new Date(), targets);
    } catch (error) {
      onError(error);
    }
    if (running) {
      timer = setTimeout(() => void tick(), attempted > 0 ? 0 : IDLE_MS);
      timer.unref();
    }
  };
  void tick();
  return () => {
    running = false;
    clearTimeout(timer);
  };
}
