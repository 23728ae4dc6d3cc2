import type { ParticipantInfo } from '@svod/core';
import type { Db, Tx } from '../db/database.ts';
import { auditSuccess, type StoreContext } from './context.ts';

export async function listParticipants(db: Db): Promise<ParticipantInfo[]> {
  const rows = await db.selectFrom('participants').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, state: r.state, nameRu: r.name_ru, nameEn: r.name_en }));
}

/** Adds participants that are not there yet; existing ones are left as they are. */
export async function ensureParticipants(db: Db, participants: readonly ParticipantInfo[]): Promise<void> {
  if (participants.length === 0) return;
  await db
    .insertInto('participants')
    .values(participants.map((p) => ({ code: p.code, state: p.state, name_ru: p.nameRu, name_en: p.nameEn })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** The participants, as an authenticated caller asks for them (audited like every read). */
export async function readParticipants(ctx: StoreContext): Promise<ParticipantInfo[]> {
  const participants = await listParticipants(ctx.db);
  await auditSuccess(ctx.db, ctx, { action: 'participant.list', resultCount: participants.length });
  return participants;
}

/**
 * Makes this store's participants the central bank's (a national node's): new ones added, names
 * and states as the bank holds them. None is removed: records, users and audit name them.
 */
export async function upsertParticipants(db: Db | Tx, participants: readonly ParticipantInfo[]): Promise<void> {
  if (participants.length === 0) return;
  await db
    .insertInto('participants')
    .values(participants.map((p) => ({ code: p.code, state: p.state, name_ru: p.nameRu, name_en: p.nameEn })))
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), name_ru: eb.ref('excluded.name_ru'), name_en: eb.ref('excluded.name_en') })),
    )
    .execute();
}

/** Each participant's member state (none for BKBOP): whose node speaks for which agency. */
export async function participantStates(db: Db | Tx): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('participants').select(['code', 'state']).execute();
  return new Map(rows.map((p) => [p.code, p.state?.trim() ?? null]));
}
