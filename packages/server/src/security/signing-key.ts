import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sha256 } from './tokens.ts';

/**
 * An Ed25519 key that signs what the bank vouches for outside its database (the audit chain's
 * checkpoints). Whoever can rewrite the database cannot forge a signature without the private
 * key, so the key lives in a file apart from the data, readable by the bank's account only; a
 * verifier needs only the public half.
 */
export interface SigningKey {
  /** Absent where only verification is possible (an auditor holding the public key). */
  privateKey?: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of the SHA-256 of the public key: names the key in what it signed. */
  keyId: string;
}

const publicFileOf = (privateFile: string) => `${privateFile}.pub`;

function keyIdOf(publicKey: KeyObject): string {
  return sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
}

/**
 * Reads the private key from `file` (PEM), creating a new key pair there (0600, its folder 0700)
 * with the public key beside it in `<file>.pub` when there is none and `create` is set.
 */
export function loadSigningKey(file: string, { create = false } = {}): SigningKey {
  if (!existsSync(file)) {
    if (!create) throw new Error(`no signing key at ${file}`);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    writeFileSync(publicFileOf(file), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  }
  // A key file left readable by others (copied by hand, restored from a backup) is tightened.
  chmodSync(file, 0o600);
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The public half only, from `<file>.pub` or, failing that, from the private key file. */
export function loadVerifyingKey(file: string): SigningKey {
  const publicFile = publicFileOf(file);
  const publicKey = existsSync(publicFile) ? createPublicKey(readFileSync(publicFile)) : createPublicKey(createPrivateKey(readFileSync(file)));
  return { publicKey, keyId: keyIdOf(publicKey) };
}

export function signText(key: SigningKey, text: string): string {
  if (!key.privateKey) throw new Error('this key can verify but not sign');
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64url');
}

export function verifyText(key: SigningKey, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), key.publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
