import type { KeyObject } from 'node:crypto';
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scrypt,
  sign,
  verify,
} from 'node:crypto';

import type { ScryptParams } from './password';
import { parseKdf } from './password';

/*
 * Each account's signing key (Ed25519). The public key is a short base64 text (the raw 32
 * bytes); the private key is kept only sealed: AES-256-GCM under a key derived from the
 * account's password with scrypt and its own salt. The unsealed key lives in the session (in
 * memory) while that person is signed in, so another account on the same PC cannot sign as
 * them, and a copied library file does not give the key away without the password.
 */

/** A key pair as stored: the public key in clear, the private key sealed. */
export interface StoredKey {
  publicKey: string;
  sealedPrivateKey: string;
}

/** A signing key ready to use, with the public key it matches. */
export interface SigningKey {
  publicKey: string;
  privateKey: KeyObject;
}

const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/** The raw public key of a key object, as base64 text. */
function publicKeyText(key: KeyObject): string {
  const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return der.subarray(spkiPrefix.length).toString('base64');
}

/** A public key object from its base64 text; null when the text is not an Ed25519 key. */
function publicKeyFrom(text: string): KeyObject | null {
  const raw = Buffer.from(text, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== text) return null;
  try {
    return createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** A new key pair. */
export function newSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKeyText(privateKey), privateKey };
}

function deriveSealKey(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { ...params, maxmem: 128 * params.N * params.r * (params.p + 1) + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Seals a private key with a password: `v1.scrypt:N:r:p.salt.iv.tag.ciphertext` (base64 parts). */
export async function sealKey(
  key: SigningKey,
  password: string,
  params: ScryptParams,
): Promise<StoredKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const sealKeyBytes = await deriveSealKey(password, salt, params);
  const cipher = createCipheriv('aes-256-gcm', sealKeyBytes, iv);
  cipher.setAAD(Buffer.from(key.publicKey, 'utf8'));
  const der = key.privateKey.export({ type: 'pkcs8', format: 'der' });
  const sealed = Buffer.concat([cipher.update(der), cipher.final()]);
  const kdf = `scrypt:${params.N}:${params.r}:${params.p}`;
  return {
    publicKey: key.publicKey,
    sealedPrivateKey: [
      'v1',
      kdf,
      salt.toString('base64'),
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      sealed.toString('base64'),
    ].join('.'),
  };
}

/**
 * Opens a sealed key with the password; null when the password is wrong or the stored key is
 * damaged (the public key is authenticated too, so a swapped public key is caught here).
 */
export async function unsealKey(stored: StoredKey, password: string): Promise<SigningKey | null> {
  const [version, kdf, salt, iv, tag, sealed] = stored.sealedPrivateKey.split('.');
  const params = parseKdf(kdf ?? '');
  if (version !== 'v1' || !params || !salt || !iv || !tag || !sealed) return null;
  try {
    const sealKeyBytes = await deriveSealKey(password, Buffer.from(salt, 'base64'), params);
    const decipher = createDecipheriv('aes-256-gcm', sealKeyBytes, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(stored.publicKey, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const der = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]);
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    if (publicKeyText(privateKey) !== stored.publicKey) return null;
    return { publicKey: stored.publicKey, privateKey };
  } catch {
    return null;
  }
}

/** Signs bytes; the signature as base64. */
export function signBytes(key: SigningKey, data: Buffer): string {
  return sign(null, data, key.privateKey).toString('base64');
}

/** Checks a base64 signature against a base64 public key. */
export function verifyBytes(publicKey: string, data: Buffer, signature: string): boolean {
  const key = publicKeyFrom(publicKey);
  if (!key) return false;
  const raw = Buffer.from(signature, 'base64');
  if (raw.length !== 64) return false;
  try {
    return verify(null, data, key, raw);
  } catch {
    return false;
  }
}
