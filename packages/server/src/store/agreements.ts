import { randomUUID } from 'node:crypto';
import {
  COORDINATING_BODY,
  AppError,
  agreementForRequest,
  agreementIssues,
  agreementsOverlap,
  type AgreementInput,
  type AgreementUpdate,
  type AgreementView,
  type Category,
  type FieldIssue,
  type RequestType,
} from '@svod/core';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import { UUID } from '../validation/ajv.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';
import { jsonColumn as json } from '../db/columns.ts';

const AGREEMENT = 'agreement';

/** The whole register as the database holds it now, read past the cache `registerOf` keeps. */
export async function readRegister(db: Db | Tx): Promise<AgreementView[]> {
  const found = await db
    .selectFrom('agreements')
    .select([
      'id',
      'title',
      'document_ref',
      'parties',
      'coordinator',
      'categories',
      'request_types',
      'version',
      'updated_at',
      // Dates as the calendar day they are, not as a midnight in this server's time zone.
      sql<string>`in_force_from::text`.as('from'),
      sql<string | null>`in_force_to::text`.as('to'),
    ])
    .orderBy('in_force_from')
    .orderBy('id')
    .execute();
  return found.map(
    (row): AgreementView => ({
      id: row.id,
      title: row.title,
      documentRef: row.document_ref,
      parties: json<string[]>(row.parties),
      coordinator: row.coordinator,
      categories: json<Category[]>(row.categories),
      requestTypes: json<RequestType[]>(row.request_types),
      inForceFrom: row.from,
      inForceTo: row.to,
      version: row.version,
      updatedAt: new Date(row.updated_at).toISOString(),
    }),
  );
}

/**
 * How long a process acts on the register as it last read it. A change made through this process
 * holds from the next call; one made by another process (another server on the same database)
 * holds within this bound. Reading the register is one small query, but checks run a thousand
 * times a second.
 */
export const REGISTER_MAX_AGE_MS = 1000;
const registers = new WeakMap<Db | Tx, { readAt: number; agreements: Promise<AgreementView[]> }>();

/** The whole register, as the store's access decisions read it. */
export function registerOf(db: Db | Tx): Promise<AgreementView[]> {
  const held = registers.get(db);
  if (held && Date.now() - held.readAt < REGISTER_MAX_AGE_MS) return held.agreements;
  const agreements = readRegister(db);
  registers.set(db, { readAt: Date.now(), agreements });
  agreements.catch(() => registers.delete(db));
  return agreements;
}

/** The agreements the caller's participant is a party to; BKBOP, which keeps the register, sees all of them. */
export async function listAgreements(ctx: StoreContext): Promise<AgreementView[]> {
  return withFailureAudit(ctx, { action: 'agreement.list', resourceType: AGREEMENT }, async () => {
    requirePermission(ctx, 'record.read');
    const all = await readRegister(ctx.db);
    const seen = ctx.actor.participant === COORDINATING_BODY ? all : all.filter((a) => a.parties.includes(ctx.actor.participant));
    await auditSuccess(ctx.db, ctx, { action: 'agreement.list', resourceType: AGREEMENT, resultCount: seen.length });
    return seen;
  });
}

/** What a new or changed agreement must be besides its schema: known parties, a sound period, no twin. */
async function agreementProblems(db: Db | Tx, agreement: AgreementInput, except?: string): Promise<FieldIssue[]> {
  const issues = agreementIssues(agreement);
  const known = new Set(
    (
      await db
        .selectFrom('participants')
        .select('code')
        .where('code', 'in', [...agreement.parties, ...(agreement.coordinator ? [agreement.coordinator] : [])])
        .execute()
    ).map((p) => p.code),
  );
  agreement.parties.forEach((code, i) => {
    if (!known.has(code)) issues.push({ path: `/parties/${i}`, code: 'unknown_participant', params: { value: code } });
  });
  const twin = (await readRegister(db)).find((other) => other.id !== except && agreementsOverlap(agreement, other));
  if (twin) issues.push({ path: '/parties', code: 'overlapping_agreement', params: { agreement: twin.id, value: twin.title } });
  return issues;
}

/** Which agreements exist is the states' decision; BKBOP's administrator enters them, as it keeps the participants' register. */
function requireRegistrar(ctx: StoreContext): void {
  requirePermission(ctx, 'agreement.manage');
  if (ctx.actor.participant !== COORDINATING_BODY) throw new AppError('forbidden', { params: { permission: 'agreement.manage' } });
}

const columns = (agreement: AgreementInput | AgreementView) => ({
  title: agreement.title,
  document_ref: agreement.documentRef,
  parties: JSON.stringify(agreement.parties),
  coordinator: agreement.coordinator ?? null,
  categories: JSON.stringify(agreement.categories),
  request_types: JSON.stringify(agreement.requestTypes),
  in_force_from: agreement.inForceFrom,
  in_force_to: agreement.inForceTo ?? null,
});

/** Enters an agreement in the register; in force from its first day, for every store decision after the commit. */
export async function createAgreement(ctx: StoreContext, agreement: AgreementInput): Promise<AgreementView> {
  return withFailureAudit(ctx, { action: 'agreement.create', resourceType: AGREEMENT }, async () => {
    requireRegistrar(ctx);
    const created = await ctx.db.transaction().execute(async (tx) => {
      // One writer of the register at a time: two overlapping agreements entered at once would each miss the other.
      await sql`LOCK TABLE agreements IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
      const issues = await agreementProblems(tx, agreement);
      if (issues.length > 0) throw new AppError('validation_failed', { issues });
      const id = randomUUID();
      const now = new Date();
      await tx
        .insertInto('agreements')
        .values({ id, ...columns(agreement), version: 1, created_by: ctx.actor.id, created_at: now, updated_at: now })
        .execute();
      await auditSuccess(tx, ctx, { action: 'agreement.create', resourceType: AGREEMENT, resourceId: id, detail: { ...agreement } });
      return (await readRegister(tx)).find((a) => a.id === id)!;
    });
    registers.delete(ctx.db);
    return created;
  });
}

/** Changes an agreement (the whole of it, at the version read); the audit entry keeps what it was. */
export async function updateAgreement(ctx: StoreContext, id: string, update: AgreementUpdate): Promise<AgreementView> {
  return withFailureAudit(ctx, { action: 'agreement.update', resourceType: AGREEMENT, resourceId: id }, async () => {
    requireRegistrar(ctx);
    if (!UUID.test(id)) throw new AppError('not_found', { params: { id } });
    const { version, ...agreement } = update;
    const updated = await ctx.db.transaction().execute(async (tx) => {
      await sql`LOCK TABLE agreements IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
      const before = (await readRegister(tx)).find((a) => a.id === id);
      if (!before) throw new AppError('not_found', { params: { id } });
      if (before.version !== version) throw new AppError('version_conflict', { params: { expected: version, actual: before.version } });
      const issues = await agreementProblems(tx, agreement, id);
      if (issues.length > 0) throw new AppError('validation_failed', { issues });
      await tx
        .updateTable('agreements')
        .set({ ...columns(agreement), version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await auditSuccess(tx, ctx, { action: 'agreement.update', resourceType: AGREEMENT, resourceId: id, detail: { before, after: agreement } });
      return (await readRegister(tx)).find((a) => a.id === id)!;
    });
    registers.delete(ctx.db);
    return updated;
  });
}

/**
 * Refuses a request no agreement in force covers: the sender and recipient are not both parties
 * to one that covers its type today. Read from the register as `registerOf` holds it, so a
 * change to an agreement holds from the next request on.
 */
export async function assertRequestCovered(db: Db | Tx, sender: string, recipient: string, type: RequestType, at: Date): Promise<void> {
  const day = at.toISOString().slice(0, 10);
  const covering = agreementForRequest(await registerOf(db), sender, recipient, type, day);
  if (!covering) throw new AppError('no_agreement', { params: { sender, recipient, type, day } });
}

/** Enters the given agreements where the register is empty: the demo's, at first start. */
export async function ensureAgreements(db: Db, agreements: readonly AgreementInput[]): Promise<number> {
  const held = await db
    .selectFrom('agreements')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(held.n) > 0 || agreements.length === 0) return 0;
  const now = new Date();
  await db
    .insertInto('agreements')
    .values(agreements.map((a) => ({ id: randomUUID(), ...columns(a), version: 1, created_by: 'svod-demo', created_at: now, updated_at: now })))
    .execute();
  registers.delete(db);
  return agreements.length;
}

/**
 * Makes this store's register the central bank's (a national node's): each agreement as the bank
 * holds it, a newer version replacing an older, and those the bank no longer holds gone. Returns
 * how many changed. The caller's process sees it at once once `forgetRegister` is called after commit.
 */
export async function replaceRegister(tx: Tx, agreements: readonly AgreementView[], by: string): Promise<number> {
  let changed = 0;
  for (const a of agreements) {
    const { numInsertedOrUpdatedRows } = await tx
      .insertInto('agreements')
      .values({ id: a.id, ...columns(a), version: a.version, created_by: by, created_at: new Date(a.updatedAt), updated_at: new Date(a.updatedAt) })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({ ...columns(a), version: eb.ref('excluded.version'), updated_at: eb.ref('excluded.updated_at') }))
          .where('agreements.version', '<', a.version),
      )
      .executeTakeFirst();
    changed += Number(numInsertedOrUpdatedRows ?? 0);
  }
  const ids = agreements.map((a) => a.id);
  const gone = await tx
    .deleteFrom('agreements')
    .$if(ids.length > 0, (q) => q.where('id', 'not in', ids))
    .executeTakeFirst();
  return changed + Number(gone.numDeletedRows ?? 0);
}

/** Drops what this process holds of the register, so that the next decision reads it again. */
export const forgetRegister = (db: Db): void => {
  registers.delete(db);
};
