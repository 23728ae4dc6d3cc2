import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

const SERVER = 'postgres://svod@db.example:5432/svod';

describe('demo data at first start', () => {
  it('is loaded into the embedded store unless switched off', () => {
    expect(readConfig({}).demo).toBe(true);
    expect(readConfig({ SVOD_DEMO: 'false' }).demo).toBe(false);
  });

  it('never lands in a PostgreSQL server store unless asked for', () => {
    expect(readConfig({ DATABASE_URL: SERVER }).demo).toBe(false);
    expect(readConfig({ DATABASE_URL: SERVER, SVOD_DEMO: 'false' }).demo).toBe(false);
  });

  it('is loaded into a server store on purpose with SVOD_DEMO=true', () => {
    expect(readConfig({ DATABASE_URL: SERVER, SVOD_DEMO: 'true' }).demo).toBe(true);
  });

  it('refuses a value it cannot read rather than guess', () => {
    expect(() => readConfig({ SVOD_DEMO: 'yes' })).toThrow(
      expect.objectContaining({ key: 'config.flag', params: expect.objectContaining({ name: 'SVOD_DEMO' }) }),
    );
  });
});

describe('origins allowed to write with the session cookie', () => {
  it('are none besides the server own by default', () => {
    expect(readConfig({}).app.allowedOrigins).toEqual([]);
  });

  it('are read from SVOD_ALLOWED_ORIGINS as browsers write them', () => {
    expect(readConfig({ SVOD_ALLOWED_ORIGINS: 'https://svod.example.org, https://Console.Example.org:8443/' }).app.allowedOrigins).toEqual([
      'https://svod.example.org',
      'https://console.example.org:8443',
    ]);
  });

  it('refuse anything that is not an origin', () => {
    for (const bad of ['svod.example.org', 'https://svod.example.org/console', '*']) {
      expect(() => readConfig({ SVOD_ALLOWED_ORIGINS: bad }), bad).toThrow(
        expect.objectContaining({ key: 'config.origins', params: expect.objectContaining({ name: 'SVOD_ALLOWED_ORIGINS' }) }),
      );
    }
  });
});

describe('the nightly cross-match and the time to answer a hit', () => {
  it('runs at the hour set, midnight included, never when unset, and refuses an hour that is not one', () => {
    expect(readConfig({}).crossmatchHour).toBeUndefined();
    expect(readConfig({ SVOD_CROSSMATCH_HOUR: '0' }).crossmatchHour).toBe(0);
    expect(readConfig({ SVOD_CROSSMATCH_HOUR: '23' }).crossmatchHour).toBe(23);
    expect(() => readConfig({ SVOD_CROSSMATCH_HOUR: '24' })).toThrow(expect.objectContaining({ key: 'config.hourOfDay' }));
  });

  it('gives the owner the hour, or ten minutes when the subject is held, unless told otherwise', () => {
    expect(readConfig({}).app.hitDeadlines).toEqual({ heldMinutes: 10, routineMinutes: 60 });
    expect(readConfig({ SVOD_HIT_HELD_MINUTES: '5', SVOD_HIT_ROUTINE_MINUTES: '120' }).app.hitDeadlines).toEqual({
      heldMinutes: 5,
      routineMinutes: 120,
    });
  });
});
