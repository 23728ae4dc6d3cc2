import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Secrets the server must read back (the keys that sign webhook deliveries) are kept sealed with
 * AES-256-GCM under a key that lives in a file apart from the data: a copy of the database alone
 * gives none of them away.
 */
const SEALED = 'v1:';
const KEY_BYTES = 32;

/** Reads the 32-byte key from `file` (base64), creating one there (0600, its folder 0700) when there is none and `create` is set. */
export function loadSecretKey(file: string, { create = false } = {}): Buffer {
  if (!existsSync(file)) {
    if (!create) throw new Error(`no secrets key at ${file}`);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`the secrets key at ${file} is not ${KEY_BYTES} bytes of base64`);
  return key;
}

let processKey: Buffer | undefined;
/**
 * A key for this process alone, where none was configured (tests, an embedded store): what it
 * seals cannot be read after a restart, so `svod serve` always gives a key file.
 */
export const processSecretKey = (): Buffer => (processKey ??= randomBytes(KEY_BYTES));

export function sealSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${SEALED}${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${sealed.toString('base64url')}`;
}

/** Whether a stored value is sealed; one written before secrets were sealed is not. */
export const isSealed = (stored: string): boolean => stored.startsWith(SEALED);

/** The secret in clear; throws if the value was sealed under another key or changed. */
export function openSecret(key: Buffer, stored: string): string {
  if (!isSealed(stored)) return stored;
  const [iv, tag, sealed] = stored.slice(SEALED.length).split(':') as [string, string, string];
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
}
