import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODELS } from '@svod/core';
import { activateModels } from './store/models.ts';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('checks on %s', (dialect) => {
  let t: TestApp;
  let wantedId: string;
  let hiddenId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const ru = await t.as('RU-MVD', 'operator');
    wantedId = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload: wantedPerson() })).json().id;
    await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload: stolenVehicle() });
    const hidden = wantedPerson({ distribution: { kind: 'participants', participants: ['BY-MVD'] } });
    hidden.person!.names = [{ kind: 'primary', script: 'Cyrl', surname: 'Каримов', given: 'Бахтиёр', patronymic: 'Алишерович' }];
    hiddenId = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload: hidden })).json().id;
  });
  afterAll(async () => t?.close());

  const check = async (body: unknown, participant = 'KZ-MVD', lang = 'en') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/checks',
      headers: { ...(await t.as(participant, 'operator')), 'accept-language': lang },
      payload: body as object,
    });

  it('a Kazakh officer checking a Latin passport spelling finds the Russian wanted record, with the action and why', async () => {
    const response = await check({ person: { surname: 'RAKHMONOV', given: 'FARRUKH', birthDate: '1989-04-17' } });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.outcome).toBe('hit');
    expect(result.candidates[0].record).toMatchObject({ id: wantedId, owner: 'RU-MVD', actionOnHit: 'arrest' });
    expect(result.candidates[0].explanation).toContainEqual(
      expect.objectContaining({ field: 'surname', level: expect.stringMatching(/exact|translit|phonetic/) }),
    );
    expect(result.modelVersion).toMatch(/^person-/);
  });

  it('a passport number alone is enough, typed with spaces', async () => {
    const result = (await check({ person: { document: { number: '400 123 456', issuingState: 'TJ' } } })).json();
    expect(result.candidates[0]?.record.id).toBe(wantedId);
  });

  it('a plate typed in Latin look-alikes finds the car filed in Cyrillic', async () => {
    const result = (await check({ vehicle: { plate: { number: 'A123BC 77', state: 'RU' } } })).json();
    expect(result.outcome).not.toBe('no_hit');
    expect(result.candidates[0].record.category).toBe('vehicle');
  });

  it('someone else entirely is no hit', async () => {
    const result = (await check({ person: { surname: 'Petrosyan', given: 'Armen', birthDate: '1970-01-01' } })).json();
    expect(result).toMatchObject({ outcome: 'no_hit', candidates: [] });
  });

  it('records the caller may not see are never returned', async () => {
    const kz = (await check({ person: { surname: 'Karimov', given: 'Bakhtiyor', patronymic: 'Alisherovich', birthDate: '1989-04' } })).json();
    expect(kz.candidates.map((c: { record: { id: string } }) => c.record.id)).not.toContain(hiddenId);
    const by = (
      await check({ person: { surname: 'Karimov', given: 'Bakhtiyor', patronymic: 'Alisherovich', birthDate: '1989-04' } }, 'BY-MVD')
    ).json();
    expect(by.candidates.map((c: { record: { id: string } }) => c.record.id)).toContain(hiddenId);
  });

  it('a check with too little to match on gets 422 saying what is missing', async () => {
    const response = await check({ person: { given: 'Farrukh' } });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ path: '/person', code: 'check_too_little' });
    expect(response.json().errors[0].message).toContain('surname');
    const two = await check({ person: { surname: 'A', given: 'B' }, vehicle: { vin: 'XTA210990Y2765432' } });
    expect(two.json().errors[0].code).toBe('check_subject');
  });

  it('absurd input is refused quickly, not run', async () => {
    const long = await check({ person: { surname: 'Я'.repeat(10_000), given: 'Иван' } });
    expect(long.statusCode).toBe(400);
    const control = await check({ person: { surname: 'Ива\u0007нов', given: 'Иван' } });
    expect(control.statusCode).toBe(400);
  });

  it('a record changed or cancelled after a check is judged on what it is now, not on what an earlier check saw', async () => {
    const ru = await t.as('RU-MVD', 'operator');
    const payload = wantedPerson({ nationalRef: 'RU-CHANGE-1' });
    payload.person!.names = [{ kind: 'primary', script: 'Latn', surname: 'Tokhtarov', given: 'Ilyas' }];
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload })).json();
    const ids = async (surname: string) =>
      (await check({ person: { surname, given: 'Ilyas', birthDate: payload.person!.birthDate } }))
        .json()
        .candidates.map((c: { record: { id: string } }) => c.record.id);
    expect(await ids('Tokhtarov')).toContain(created.id);
    const { id, version, category: _c, nationalRef: _n, owner: _o, status: _s, createdAt: _a, updatedAt: _u, attachments: _t, ...content } = created;
    content.person.names = [{ kind: 'primary', script: 'Latn', surname: 'Zhaksybekov', given: 'Ilyas' }];
    const edited = await t.app.inject({ method: 'PUT', url: `/api/v1/records/${id}`, headers: ru, payload: { ...content, version } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await ids('Tokhtarov')).not.toContain(id);
    expect(await ids('Zhaksybekov')).toContain(id);
    await t.app.inject({ method: 'POST', url: `/api/v1/records/${id}/cancel`, headers: ru, payload: { version: version + 1, reason: 'задержан' } });
    expect(await ids('Zhaksybekov')).not.toContain(id);
  });

  it('a check compares a record as it was last edited, also where the edit changed no match key', async () => {
    const ru = await t.as('RU-MVD', 'operator');
    const payload = wantedPerson({ nationalRef: 'RU-CHANGE-2' });
    payload.person!.names = [{ kind: 'primary', script: 'Latn', surname: 'Beisenov', given: 'Arman' }];
    payload.person!.sex = 'male';
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: ru, payload })).json();
    const sexLevel = async () => {
      const result = (await check({ person: { surname: 'Beisenov', given: 'Arman', sex: 'female', birthDate: payload.person!.birthDate } })).json();
      const candidate = result.candidates.find((c: { record: { id: string } }) => c.record.id === created.id);
      return candidate.explanation.find((e: { field: string }) => e.field === 'sex').level;
    };
    expect(await sexLevel()).toBe('different');
    const { id, version, category: _c, nationalRef: _n, owner: _o, status: _s, createdAt: _a, updatedAt: _u, attachments: _t, ...content } = created;
    content.person.sex = 'female';
    const edited = await t.app.inject({ method: 'PUT', url: `/api/v1/records/${id}`, headers: ru, payload: { ...content, version } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await sexLevel()).toBe('same');
  });

  it('every check is audited with what was asked and how many answered', async () => {
    await check({ person: { surname: 'RAKHMONOV', given: 'FARRUKH' } }, 'AM-POLICE');
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'record.check')
      .where('actor_participant', '=', 'AM-POLICE')
      .executeTakeFirstOrThrow();
    expect(entry.result_count).toBeGreaterThanOrEqual(1);
    const detail = typeof entry.detail === 'string' ? JSON.parse(entry.detail) : entry.detail;
    expect(detail.query.person.surname).toBe('RAKHMONOV');
  });

  it("the bank's own activated models score its checks, and a model that does not fit the matcher is refused whole", async () => {
    const actor = { kind: 'system' as const, id: 'test', name: 'test', participant: 'BKBOP', role: 'supervisor' as const };
    const ctx = { db: t.db, actor, purpose: 'test' };
    const own = { ...DEFAULT_MODELS.person, version: 'person-bank-test' };
    const misfit = { ...DEFAULT_MODELS.vehicle, version: 'vehicle-old', fields: DEFAULT_MODELS.vehicle.fields.slice(1) };
    await expect(activateModels(ctx, [own, misfit])).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await t.db.selectFrom('match_models').select('version').execute()).toEqual([]);

    await activateModels(ctx, [own]);
    const result = (await check({ person: { surname: 'RAKHMONOV', given: 'FARRUKH', birthDate: '1989-04-17' } })).json();
    expect(result.modelVersion).toBe('person-bank-test');
    expect(result.candidates[0].record.id).toBe(wantedId);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'model.activate').execute();
    expect(audit).toHaveLength(1);
  });
});
