import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameStemKeys, profileOf, type RecordInput } from '@svod/core';
import { importRecords } from './store/import-records.ts';
import { refileMatchKeysIfStale } from './store/match-keys.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { wantedPerson } from './test/fixtures/records.ts';
import { createAjv } from './validation/ajv.ts';
import { createRecordValidators } from './validation/records.ts';

const GIVEN = ['Сергей', 'Андрей', 'Алексей', 'Дмитрий', 'Михаил', 'Николай', 'Олег', 'Павел', 'Роман', 'Юрий'];

const named = (surname: string, given: string, birthDate: string): RecordInput => {
  const record = wantedPerson();
  record.person!.names = [{ kind: 'primary', script: 'Cyrl', lang: 'ru', surname, given }];
  record.person!.birthDate = birthDate;
  record.person!.documents = [];
  return record;
};

/** The key a surname is counted under, as the matcher stems it. */
const surnameKey = (surname: string) => nameStemKeys(profileOf(named(surname, 'Олег', '1970')))!.find((k) => k.startsWith('surname:'))!;

describe.each(DIALECTS)('name rarity in checks on %s', (dialect) => {
  let t: TestApp;
  const stemCount = async (key: string) =>
    (await t.db.selectFrom('name_stem_counts').select('records').where('key', '=', key).executeTakeFirst())?.records ?? 0;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // The commonest surname of the bank, sixty times over, and one rare one.
    const records = [
      ...Array.from({ length: 60 }, (_, i) => named('Иванов', GIVEN[i % GIVEN.length]!, `${1960 + Math.floor(i / 2)}-0${1 + (i % 9)}-1${i % 10}`)),
      named('Кайгородцев', 'Сергей', '1990-05-05'),
    ];
    const report = await importRecords(
      { db: t.db, actor: { kind: 'system', id: 'test', name: 'test', participant: 'RU-MVD', role: 'supervisor' }, purpose: 'test' },
      records.map((r) => JSON.stringify(r)),
      createRecordValidators(createAjv()),
      { atomic: true },
    );
    expect(report.created).toBe(records.length);
  });
  afterAll(async () => t?.close());

  const surnameWeight = async (surname: string, birthDate: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checks',
      headers: await t.as('KZ-MVD', 'operator'),
      payload: { person: { surname, given: 'Сергей', birthDate } },
    });
    const best = response.json().candidates[0];
    const field = (name: string) => best.explanation.find((e: { field: string }) => e.field === name);
    return { surname: field('surname'), given: field('given'), probability: best.probability as number };
  };

  it('a check on a rare surname weighs the surname more than one on the commonest surname of the bank, and says so', async () => {
    const common = await surnameWeight('Иванов', '1960-01-10');
    const rare = await surnameWeight('Кайгородцев', '1990-05-05');
    expect(common.surname.level).toBe('exact');
    expect(rare.surname.level).toBe('exact');
    expect(rare.given).toEqual(common.given);
    expect(rare.surname.weight).toBeGreaterThan(common.surname.weight + 1);
    expect(rare.probability).toBeGreaterThan(common.probability);
  });

  it('counts follow a record through an edit and a re-filing of every key', async () => {
    const ru = await t.as('RU-MVD', 'operator');
    const before = await stemCount(surnameKey('Иванов'));
    expect(before).toBe(60);
    const created = (
      await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload: named('Иванов', 'Олег', '1971-02-03') })
    ).json();
    expect(await stemCount(surnameKey('Иванов'))).toBe(61);
    const { id, version, category: _c, nationalRef: _n, owner: _o, status: _s, createdAt: _a, updatedAt: _u, attachments: _t, ...content } = created;
    content.person.names = [{ kind: 'primary', script: 'Cyrl', lang: 'ru', surname: 'Петров', given: 'Олег' }];
    const edited = await t.app.inject({ method: 'PUT', url: `/api/v1/records/${id}`, headers: ru, payload: { ...content, version } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await stemCount(surnameKey('Иванов'))).toBe(60);
    expect(await stemCount(surnameKey('Петров'))).toBe(1);

    await t.db.updateTable('settings').set({ value: 'stale' }).where('name', '=', 'match_keys_version').execute();
    await refileMatchKeysIfStale(t.db);
    expect(await stemCount(surnameKey('Иванов'))).toBe(60);
    expect(await stemCount(surnameKey('Петров'))).toBe(1);
  });
});
