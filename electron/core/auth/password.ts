import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N (CPU/memory, a power of two), r (block size), p (parallelism). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * The cost new passwords are hashed with: N=2^15, r=8 uses 32 MiB and ~0.1 s per hash on an
 * office PC (OWASP's scrypt minimum is N=2^17 r=8 p=1 for servers under constant attack; a
 * workstation signs in a few times a day, and each failed guess still costs the same).
 */
export const defaultScryptParams: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const keyLength = 64;
const saltLength = 16;

/** What is stored for a password. */
export interface PasswordHash {
  hash: Buffer;
  salt: Buffer;
  /** `scrypt:N:r:p`, so the cost can change without breaking stored hashes. */
  kdf: string;
}

/** Memory scrypt needs for these parameters, with headroom: Node refuses to go above `maxmem`. */
function maxmem(params: ScryptParams): number {
  return 128 * params.N * params.r * (params.p + 1) + 1024 * 1024;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Runs on libuv's thread pool: the main process (and its windows) stays responsive.
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: maxmem(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Reads `scrypt:N:r:p`; refuses parameters outside sane bounds (a tampered row cannot DoS). */
export function parseKdf(kdf: string): ScryptParams | null {
  const match = /^scrypt:(\d+):(\d+):(\d+)$/.exec(kdf);
  if (!match) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = Number.isInteger(Math.log2(N));
  if (!powerOfTwo || N < 2 ** 10 || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  return { N, r, p };
}

/** Hashes a new password (NFC-normalised, so the same word typed by any IME matches). */
export async function hashPassword(
  password: string,
  params: ScryptParams = defaultScryptParams,
): Promise<PasswordHash> {
  const salt = randomBytes(saltLength);
  const hash = await derive(password, salt, params);
  return { hash, salt, kdf: `scrypt:${params.N}:${params.r}:${params.p}` };
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const params = parseKdf(stored.kdf);
  if (!params || stored.hash.length !== keyLength) return false;
  const key = await derive(password, stored.salt, params);
  return timingSafeEqual(key, stored.hash);
}

/** True when a stored hash is cheaper than what new hashes use (it is re-hashed at sign-in). */
export function isWeaker(kdf: string, target: ScryptParams): boolean {
  const params = parseKdf(kdf);
  return !params || params.N * params.r * params.p < target.N * target.r * target.p;
}
