import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost. Every stored hash carries the parameters it was made with, so a policy can be
 * raised at any time: older hashes still verify, and are made again at their owner's next login.
 */
export interface PasswordPolicy {
  /** CPU and memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
  /** Length of the derived key, in bytes. */
  keyLength: number;
}

/**
 * OWASP's Password Storage Cheat Sheet for scrypt: N=2^17, r=8, p=1, i.e. 128 MiB and about
 * 0.6 s of one core per hash on a 2-core reference machine.
 */
export const OWASP_SCRYPT: PasswordPolicy = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 };

/**
 * Parameters a stored hash may claim. A row written by something else (or tampered with) must
 * not make one login allocate gigabytes: anything outside this range does not verify.
 */
const LIMITS = { N: [2 ** 10, 2 ** 20], r: [1, 32], p: [1, 16], keyLength: [16, 64] } as const;

/** scrypt needs 128·N·r bytes for its table and 128·r·p for its blocks; twice that leaves room for both. */
const maxMemory = ({ N, r, p }: PasswordPolicy): number => 2 * 128 * r * (N + p);

function derive(password: string, salt: Buffer, params: PasswordPolicy): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: maxMemory(params) }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

const format = (params: PasswordPolicy, salt: Buffer, key: Buffer): string =>
  ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');

interface StoredHash {
  params: PasswordPolicy;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): StoredHash | undefined {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return undefined;
  const key = Buffer.from(hash, 'base64url');
  const params: PasswordPolicy = { N: Number(n), r: Number(r), p: Number(p), keyLength: key.length };
  const within = (Object.keys(LIMITS) as (keyof PasswordPolicy)[]).every((name) => {
    const value = params[name];
    return Number.isInteger(value) && value >= LIMITS[name][0] && value <= LIMITS[name][1];
  });
  // scrypt takes only powers of two for N.
  if (!within || (params.N & (params.N - 1)) !== 0) return undefined;
  return { params, salt: Buffer.from(salt, 'base64url'), key };
}

/** Hashes a password with the given policy and a fresh salt. */
export async function hashPassword(password: string, policy: PasswordPolicy): Promise<string> {
  const salt = randomBytes(16);
  return format(policy, salt, await derive(password, salt, policy));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parse(stored);
  if (!hash) return false;
  return timingSafeEqual(await derive(password, hash.salt, hash.params), hash.key);
}

/** True when a stored hash was made with less than the policy asks for (or cannot be read). */
export function needsRehash(stored: string, policy: PasswordPolicy): boolean {
  const hash = parse(stored);
  if (!hash) return true;
  return hash.params.N < policy.N || hash.params.r < policy.r || hash.params.p < policy.p || hash.params.keyLength < policy.keyLength;
}

/**
 * A hash to check an unknown user's password against, so that the answer takes as long as for
 * a real user's and timing does not reveal which usernames exist. Same parameters as a hash the
 * policy makes; no password matches its all-zero key.
 */
export const dummyHash = (policy: PasswordPolicy): string => format(policy, Buffer.alloc(16), Buffer.alloc(policy.keyLength));
