import type { Actor, Role } from '@svod/core';
import type { Db } from '../db/database.ts';
import type { StoreContext } from '../store/context.ts';
import { createTask, linkRecord, postMessage } from '../store/group-workspace.ts';
import { addMember, createGroup } from '../store/groups.ts';

const LEAD = 'KZ-MVD';
const PARTNER = 'KG-MVD';

/** A demo account acting as itself, as it would signed in. */
async function personOf(db: Db, participant: string, role: Role): Promise<StoreContext> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', `${participant.toLowerCase()}.${role}`)
    .executeTakeFirstOrThrow();
  const actor: Actor = { kind: 'user', id: user.id, name: user.display_name, participant, role };
  return { db, actor, purpose: 'demo.seed' };
}

/** A wanted person of the agency's own array, to link to the group. */
const wantedOf = (db: Db, owner: string) =>
  db
    .selectFrom('records')
    .select('id')
    .where('owner', '=', owner)
    .where('category', '=', 'wanted_person')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();

/**
 * One joint investigative group of Kazakhstan and Kyrgyzstan in the demo, so that the console's
 * groups page shows a working one: members of both ministries, a record of each shared, a
 * message and a task. Entered through the store as the demo's own people would.
 */
export async function seedDemoGroup(db: Db): Promise<string | undefined> {
  const leader = await personOf(db, LEAD, 'supervisor');
  const partner = await personOf(db, PARTNER, 'operator');
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const group = await createGroup(leader, {
    kind: 'investigative',
    title: 'ССГ по делу о незаконном обороте оружия через границу Казахстана и Кыргызстана',
    purpose: 'Установить канал поставки оружия, его организаторов и места хранения; задержать разыскиваемых участников.',
    legalBasis:
      'Соглашение о порядке создания и деятельности совместных следственно-оперативных групп на территориях государств — участников СНГ (Душанбе, 16.10.2015)',
    participants: [LEAD, PARTNER],
    startsOn: day(-30),
    endsOn: day(150),
  });
  await addMember(leader, group.id, { username: `${LEAD.toLowerCase()}.operator` });
  await addMember(leader, group.id, { username: `${PARTNER.toLowerCase()}.supervisor`, leader: true });
  await addMember(leader, group.id, { username: `${PARTNER.toLowerCase()}.operator` });
  for (const [ctx, owner] of [
    [await personOf(db, LEAD, 'operator'), LEAD],
    [partner, PARTNER],
  ] as const) {
    const record = await wantedOf(db, owner);
    if (record) await linkRecord(ctx, group.id, { recordId: record.id, note: 'Предполагаемый участник канала' });
  }
  await postMessage(partner, group.id, { body: 'Получены сведения о партии оружия на посту Достук; прошу проверить владельцев транспорта.' });
  await createTask(leader, group.id, { title: 'Проверить владельцев транспорта на посту Достук', assignee: partner.actor.id, dueOn: day(7) });
  return group.id;
}
