import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type TestApp } from './test/helpers.ts';
import type { RecordInput } from '@svod/core';
import { stolenVehicle, wantedPerson } from './test/fixtures/records.ts';

describe.each(DIALECTS)('records API on %s', (dialect) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    headers = await t.as('RU-MVD', 'operator');
  });
  afterAll(async () => t?.close());

  const create = (payload: unknown, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { ...headers, ...extra }, payload: payload as object });

  const countRecords = async () => {
    const { count } = await t.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  };

  it('a stale version gets 409 and leaves the record as the first writer left it', async () => {
    const created = (await create(wantedPerson())).json();
    const { id, version, category: _c, nationalRef: _n, owner: _o, status: _s, createdAt: _a, updatedAt: _u, attachments: _t, ...content } = created;
    const first = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${id}`,
      headers,
      payload: { ...content, version, remarks: 'первая правка' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(version + 1);
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${id}`,
      headers,
      payload: { ...content, version, remarks: 'вторая правка' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers });
    expect(read.json().remarks).toBe('первая правка');
  });

  it('the first page of a list says how many records match in all; later pages do not count again', async () => {
    const owner = await t.as('AM-POLICE', 'operator');
    for (let i = 0; i < 3; i++) {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: owner, payload: stolenVehicle() });
      expect(created.statusCode).toBe(201);
    }
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/records?owner=AM-POLICE&limit=2', headers });
    expect(first.json().items).toHaveLength(2);
    expect(first.json().total).toEqual({ count: 3, exact: true });
    const next = await t.app.inject({ method: 'GET', url: `/api/v1/records?owner=AM-POLICE&limit=2&cursor=${first.json().nextCursor}`, headers });
    expect(next.json().items).toHaveLength(1);
    expect(next.json().total).toBeUndefined();
  });

  it('31 February is refused with the field path and a message in the asked language', async () => {
    const record = wantedPerson();
    record.person!.birthDate = '1990-02-31';
    const before = await countRecords();
    const ru = await create(record, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(ru.statusCode).toBe(422);
    expect(ru.json().errors).toEqual([expect.objectContaining({ path: '/person/birthDate', code: 'date_impossible' })]);
    expect(ru.json().errors[0].message).toContain('такой даты не существует');
    const en = await create(record, { 'accept-language': 'en' });
    expect(en.json().errors[0].message).toContain('is not a real date');
    expect(en.json().title).toMatch(/inconsistent/);
    expect(await countRecords()).toBe(before);
  });

  it('a person born after they went missing is refused', async () => {
    const response = await create({
      ...wantedPerson({ category: 'missing_person', actionOnHit: 'locate_and_inform' }),
      wanted: undefined,
      person: { names: [{ kind: 'primary', script: 'Cyrl', surname: 'Ким', given: 'Алина' }], sex: 'female', birthDate: '2020-05-01' },
      missing: { lastSeenOn: '2019-01-10', lastSeenPlace: { country: 'KZ', locality: 'Шымкент' } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: '/person/birthDate', code: 'date_order' }));
  });

  it('a malformed VIN is refused, a VIN with a wrong North-American check digit too', async () => {
    const malformed = stolenVehicle();
    malformed.vehicle!.vin = 'XTA21099OY276543';
    const response = await create(malformed);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ path: '/vehicle/vin', code: 'vin_malformed' });
    const wrongCheck = stolenVehicle();
    wrongCheck.vehicle!.vin = '1HGCM82633A004353';
    const second = await create(wrongCheck);
    expect(second.json().errors[0]).toMatchObject({ path: '/vehicle/vin', code: 'vin_check_digit' });
  });

  it('unknown fields, wrong types and over-long strings are named with their paths', async () => {
    const record = wantedPerson() as unknown as Record<string, unknown>;
    const response = await create({ ...record, colour: 'red', legalBasis: 'x'.repeat(501), actionOnHit: 'shoot' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/colour', '/legalBasis', '/actionOnHit']));
  });

  it('markup in a name is refused; SQL-looking text in a name or in free text is stored and returned verbatim, harming nothing', async () => {
    const record = wantedPerson();
    record.person!.names![0]!.surname = '<script>alert(1)</script>';
    const refused = await create(record);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: '/person/names/0/surname', code: 'bad_characters' });

    // A name keeps the keys a wrong keyboard layout typed (`;` is ж), so this one is a name as
    // written: stored, returned as it was, and the table it names still there.
    const sqlName = wantedPerson();
    sqlName.person!.names![0]!.surname = "O'Brien'; DROP TABLE records; --";
    const storedName = await create(sqlName);
    expect(storedName.statusCode).toBe(201);
    expect(storedName.json().person.names[0].surname).toBe("O'Brien'; DROP TABLE records; --");

    const text = `<img src=x onerror=alert(1)> '); DELETE FROM records; --`;
    const stored = await create(wantedPerson({ remarks: text }));
    expect(stored.statusCode).toBe(201);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/records/${stored.json().id}`, headers });
    expect(read.json().remarks).toBe(text);
    expect(read.headers['content-type']).toContain('application/json');
    expect(await countRecords()).toBeGreaterThan(0);
  });

  it('control characters in text are refused', async () => {
    const response = await create(wantedPerson({ legalBasis: 'решение\u0000суда' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/legalBasis');
  });

  it('an oversized body gets 413 and malformed JSON gets 400, both as problems', async () => {
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...wantedPerson(), remarks: 'я'.repeat(1_200_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"category": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
  });

  it('the same national reference twice gets 409', async () => {
    const record = wantedPerson();
    expect((await create(record)).statusCode).toBe(201);
    const again = await create(record);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('duplicate_reference');
  });

  it('a record must carry the sections of its category and no others', async () => {
    const response = await create({ ...stolenVehicle(), person: wantedPerson().person });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: '/person', code: 'section_not_allowed' }));
    const missing = await create({ ...wantedPerson(), wanted: undefined });
    expect(missing.json().errors).toContainEqual(expect.objectContaining({ path: '/wanted', code: 'section_required' }));
  });

  it('distribution may only name existing participants, links only visible records', async () => {
    const response = await create(wantedPerson({ distribution: { kind: 'participants', participants: ['KZ-MVD', 'XX-NONE'] } }));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ path: '/distribution/participants/1', code: 'unknown_participant' });
    const linked = await create(wantedPerson({ links: [{ recordId: '00000000-0000-4000-8000-000000000000', relation: 'related' }] }));
    expect(linked.statusCode).toBe(422);
    expect(linked.json().errors[0].path).toBe('/links/0/recordId');
  });

  it('a cancelled record shows its reason and can no longer be edited or cancelled again', async () => {
    const created = (await create(stolenVehicle())).json();
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${created.id}/cancel`,
      headers,
      payload: { version: created.version, reason: 'Автомобиль возвращён владельцу' },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Автомобиль возвращён владельцу', version: created.version + 1 });
    const { category: _c, nationalRef: _n, ...content } = stolenVehicle();
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${created.id}`,
      headers,
      payload: { ...content, version: created.version + 1 },
    });
    expect(edit.statusCode).toBe(409);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${created.id}/cancel`,
      headers,
      payload: { version: created.version + 1, reason: 'повторно' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('lists filter by category and page with a cursor without repeats', async () => {
    for (let i = 0; i < 5; i++) await create(stolenVehicle());
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.app.inject({
        method: 'GET',
        url: `/api/v1/records?category=vehicle&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers,
      });
      expect(page.statusCode).toBe(200);
      for (const item of page.json().items) {
        expect(item.category).toBe('vehicle');
        ids.push(item.id);
      }
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ids).size).toBe(ids.length);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/records?limit=5000&category=boat', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/query/limit', '/query/category']));
  });

  it('a list narrows persons by a birth date range, whatever precision their dates were written with', async () => {
    const owner = await t.as('AZ-MVD', 'operator');
    const born = async (person: Partial<RecordInput['person'] & object>) => {
      const base = wantedPerson();
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: owner,
        payload: { ...base, person: { ...base.person, birthDate: undefined, ...person } } as object,
      });
      expect(created.statusCode).toBe(201);
      return created.json().nationalRef as string;
    };
    const day = await born({ birthDate: '1984-07-15' });
    const month = await born({ birthDate: '1984-07' });
    const year = await born({ birthDate: '1984' });
    const range = await born({ birthDateRange: { from: '1982', to: '1985' } });
    const later = await born({ birthDate: '1984-08-01' });
    const earlier = await born({ birthDate: '1983-12-31' });
    const listed = async (query: string) => {
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/records?owner=AZ-MVD&${query}`, headers });
      expect(page.statusCode).toBe(200);
      return page
        .json()
        .items.map((r: { nationalRef: string }) => r.nationalRef)
        .sort();
    };
    expect(await listed('bornFrom=1984-07-15&bornTo=1984-07-15')).toEqual([day, month, year, range].sort());
    expect(await listed('bornFrom=1984-07&bornTo=1984-07')).toEqual([day, month, year, range].sort());
    expect(await listed('bornFrom=1984-08')).toEqual([year, range, later].sort());
    expect(await listed('bornTo=1983')).toEqual([range, earlier].sort());
    expect(await listed('bornFrom=1986')).toEqual([]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/records?bornFrom=15.07.1984&createdTo=2026-02-31', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/query/bornFrom', '/query/createdTo']));
  });

  it('a list pages in the order asked for: oldest first, or last changed first, without repeats or gaps', async () => {
    const owner = await t.as('KG-MVD', 'operator');
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: owner, payload: stolenVehicle() });
      refs.push(created.json().nationalRef);
    }
    const all = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.app.inject({
          method: 'GET',
          url: `/api/v1/records?owner=KG-MVD&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          headers,
        });
        expect(page.statusCode).toBe(200);
        seen.push(...page.json().items.map((r: { nationalRef: string }) => r.nationalRef));
        cursor = page.json().nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await all('oldest')).toEqual(refs);
    expect(await all('newest')).toEqual([...refs].reverse());
    const second = (await t.app.inject({ method: 'GET', url: `/api/v1/records?owner=KG-MVD&nationalRef=${refs[1]}`, headers: owner })).json()
      .items[0];
    const { id, version, category: _c, nationalRef: _n, owner: _o, status: _s, createdAt: _a, updatedAt: _u, attachments: _t, ...content } = second;
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/records/${id}`,
      headers: owner,
      payload: { ...content, version, remarks: 'уточнено' },
    });
    expect(edited.statusCode).toBe(200);
    const changed = await all('changed');
    expect(changed[0]).toBe(refs[1]);
    expect([...changed].sort()).toEqual([...refs].sort());
    const today = new Date().toISOString().slice(0, 10);
    const entered = await t.app.inject({ method: 'GET', url: `/api/v1/records?owner=KG-MVD&createdFrom=${today}&createdTo=${today}`, headers });
    expect(entered.json().total).toEqual({ count: 5, exact: true });
    const before = await t.app.inject({ method: 'GET', url: '/api/v1/records?owner=KG-MVD&createdTo=2020-01-01', headers });
    expect(before.json().items).toEqual([]);
  });

  it('photos are stored and served back byte for byte; a file that is not what it claims is refused', async () => {
    const created = (await create(wantedPerson())).json();
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6360000000020001e221bc330000000049454e44ae426082',
      'hex',
    );
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${created.id}/attachments?filename=фото.png`,
      headers: { ...headers, 'content-type': 'image/png' },
      payload: png,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/records/${created.id}/attachments/${upload.json().id}`, headers });
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, png)).toBe(0);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/records/${created.id}`, headers });
    expect(read.json().attachments).toEqual([expect.objectContaining({ filename: 'фото.png', contentType: 'image/png', size: png.length })]);
    const fake = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${created.id}/attachments?filename=x.png`,
      headers: { ...headers, 'content-type': 'image/png' },
      payload: Buffer.from('<html>'),
    });
    expect(fake.statusCode).toBe(400);
    const html = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${created.id}/attachments?filename=x.html`,
      headers: { ...headers, 'content-type': 'text/html' },
      payload: '<html>',
    });
    expect(html.statusCode).toBe(415);
  });
});
