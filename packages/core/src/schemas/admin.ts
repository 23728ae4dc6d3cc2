import { Type, type Static } from 'typebox';
import { ROLES } from '../auth/permissions.ts';

/**
 * What the administration routes answer: an agency's users, its national systems' API keys and
 * its audit entries. Shared by the server, which answers with them, and the console, which shows them.
 */
/** A user as administrators see it; never a password hash. */
export const UserView = Type.Object({
  id: Type.String(),
  participant: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum(ROLES),
  disabled: Type.Boolean(),
});

/** An API key without its secret, which is shown once, when issued. */
export const ApiKeyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  role: Type.Enum(ROLES),
  participant: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

/** One entry of the audit hash chain. */
export const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ kind: Type.String(), id: Type.String(), participant: Type.Union([Type.String(), Type.Null()]) }),
  action: Type.String(),
  outcome: Type.String(),
  resourceType: Type.Union([Type.String(), Type.Null()]),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.String(),
  resultCount: Type.Union([Type.Integer(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
export type UserView = Static<typeof UserView>;
export type ApiKeyView = Static<typeof ApiKeyView>;
export type AuditEntryView = Static<typeof AuditEntryView>;

const When = Type.String({ format: 'date-time' });

/** A national system's endpoint for its participant's events, with how its deliveries stand; never its secret. */
export const WebhookView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  createdAt: When,
  revokedAt: Type.Union([When, Type.Null()]),
  deliveries: Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer() }),
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type WebhookView = Static<typeof WebhookView>;

/** One event's delivery to a webhook: delivered, waiting for a retry, or given up. */
export const WebhookDeliveryView = Type.Object({
  id: Type.Integer(),
  event: Type.Object({ id: Type.Integer(), type: Type.String() }),
  status: Type.Enum(['pending', 'delivered', 'failed'] as const),
  attempts: Type.Integer(),
  nextAttemptAt: When,
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.Union([When, Type.Null()]),
});
export type WebhookDeliveryView = Static<typeof WebhookDeliveryView>;
