import { createHash, randomBytes } from 'node:crypto';

/** Session tokens and API keys are random; only their SHA-256 is stored, so a leaked table grants nothing. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const sha256 = (value: string | Uint8Array): string => createHash('sha256').update(value).digest('hex');

/** API keys read `svod_<prefix>_<secret>`; the prefix lets an administrator recognise a key without seeing it. */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(4).toString('hex');
  return { key: `svod_${prefix}_${newSecret()}`, prefix };
}
