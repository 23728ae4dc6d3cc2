import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT, dummyHash, hashPassword, needsRehash, verifyPassword, type PasswordPolicy } from './passwords.ts';

const CHEAP: PasswordPolicy = { N: 1024, r: 8, p: 1, keyLength: 32 };
const params = (stored: string) => stored.split('$').slice(0, 4).join('$');

describe('password hashes', () => {
  it('are made at OWASP guidance by default: scrypt N=2^17, r=8, p=1', async () => {
    expect(OWASP_SCRYPT).toMatchObject({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery staple', OWASP_SCRYPT);
    expect(params(stored)).toBe('scrypt$131072$8$1');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  });

  it('an unknown user is checked against a hash of the same cost as a real one, which nothing matches', async () => {
    for (const policy of [CHEAP, OWASP_SCRYPT]) {
      const real = await hashPassword('any password at all', policy);
      const dummy = dummyHash(policy);
      expect(params(dummy)).toBe(params(real));
      expect(dummy.split('$')[5]!.length).toBe(real.split('$')[5]!.length);
      expect(await verifyPassword('any password at all', dummy)).toBe(false);
    }
  });

  it('are due for a new hash when made with less than the policy asks', async () => {
    const old = await hashPassword('pw', CHEAP);
    expect(needsRehash(old, CHEAP)).toBe(false);
    expect(needsRehash(old, { ...CHEAP, N: 2048 })).toBe(true);
    expect(needsRehash(old, { ...CHEAP, r: 16 })).toBe(true);
    expect(needsRehash(old, { ...CHEAP, keyLength: 64 })).toBe(true);
    expect(needsRehash(old, { ...CHEAP, N: 512 })).toBe(false);
  });

  it('a stored hash claiming an absurd cost does not verify (nor allocate gigabytes)', async () => {
    const real = await hashPassword('pw', CHEAP);
    const [, , r, p, salt, key] = real.split('$');
    for (const n of [2 ** 24, 1000, 0]) {
      expect(await verifyPassword('pw', ['scrypt', n, r, p, salt, key].join('$'))).toBe(false);
    }
    expect(await verifyPassword('pw', 'bcrypt$whatever')).toBe(false);
  });
});
