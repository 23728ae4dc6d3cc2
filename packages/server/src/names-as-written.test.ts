/**
 * Names as clerks type them: kept as written, read as meant, flagged for the owner — and found
 * by a check whether or not either side knows the birth date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordInput } from '@svod/core';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { wantedPerson } from './test/fixtures/records.ts';

function named(surname: string, given: string, birthDate?: string): RecordInput {
  const record = wantedPerson();
  record.person = {
    ...record.person!,
    names: [{ kind: 'primary', script: 'Cyrl', lang: 'ru', surname, given }],
    documents: [],
    birthDate,
  };
  if (!birthDate) delete record.person.birthDate;
  return record;
}

describe.each(DIALECTS)('names as written on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const create = async (record: RecordInput) =>
    t.app.inject({ method: 'POST', url: '/api/v1/records', headers: await t.as('RU-MVD', 'operator'), payload: record });
  const check = async (person: object) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/checks', headers: await t.as('KZ-MVD', 'operator'), payload: { person } })).json();

  it('a name typed on the wrong keyboard layout is stored as written, flagged, and found by its real spelling', async () => {
    const response = await create(named(';erjdcrbq', 'Utjhubq', '1971-02-03'));
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json();
    expect(view.person.names[0].surname).toBe(';erjdcrbq');
    expect(view.dataQuality).toEqual([{ path: '/person/names/0', code: 'name_keyboard_layout' }]);
    const result = await check({ surname: 'Zhukovskiy', given: 'Georgiy', birthDate: '1971-02-03' });
    expect(result.candidates.map((c: { record: { id: string } }) => c.record.id)).toContain(view.id);
  });

  it('a Latin look-alike letter inside a Cyrillic name does not hide the record', async () => {
    const id = (await create(named('Кузнецов', 'Cергей', '1980-05-06'))).json().id; // Latin C
    const result = await check({ surname: 'Kuznetsov', given: 'Sergey', birthDate: '1980-05-06' });
    expect(result.outcome).not.toBe('no_hit');
    expect(result.candidates[0].record.id).toBe(id);
    expect(result.candidates[0].record.dataQuality[0].code).toBe('name_mixed_script');
  });

  it('a record whose birth date is unknown is found by a check that gives one', async () => {
    const id = (await create(named('Бондаренко', 'Тарас'))).json().id;
    const result = await check({ surname: 'Bondarenko', given: 'Taras', birthDate: '1975-09-10' });
    expect(result.candidates.map((c: { record: { id: string } }) => c.record.id)).toContain(id);
  });

  it('a check with no birth date still finds the name in any year', async () => {
    const id = (await create(named('Остапчук', 'Мирон', '1966-01-01'))).json().id;
    const result = await check({ surname: 'Ostapchuk', given: 'Myron' });
    expect(result.candidates.map((c: { record: { id: string } }) => c.record.id)).toContain(id);
  });

  it('a name of keys alone, with no letter, is refused with the field named', async () => {
    const response = await create(named(';;;', 'Иван'));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/person/names/0/surname');
  });
});
