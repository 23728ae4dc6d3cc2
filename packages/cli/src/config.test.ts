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
    expect(() => readConfig({ SVOD_DEMO: 'yes' })).toThrow(/SVOD_DEMO/);
  });
});
