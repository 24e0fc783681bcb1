import { randomBytes } from 'node:crypto';

/**
 * Seals portal secrets (Application Passwords, API secrets) before they reach the database. The
 * desktop shell passes one backed by Electron's safeStorage (the OS keychain); the browser shell
 * and a desktop without a usable keychain keep secrets in memory only, so nothing readable is
 * ever written and the user enters the secret again after a restart.
 */
export interface SecretBox {
  /** Written next to each sealed blob, so a blob is only ever opened by the box that sealed it. */
  readonly id: string;
  /** True when a sealed secret can be opened again after the app restarts. */
  readonly persistent: boolean;
  seal(plain: string): Uint8Array;
  /** The secret, or null when it cannot be opened (another run, another machine, damaged). */
  open(sealed: Uint8Array): string | null;
}

/**
 * Keeps secrets in this process only. The database gets a random handle, never the secret, and
 * the handle opens nothing after a restart.
 */
export function createMemorySecretBox(): SecretBox {
  const secrets = new Map<string, string>();
  return {
    id: 'memory',
    persistent: false,
    seal(plain) {
      const handle = randomBytes(16);
      secrets.set(handle.toString('hex'), plain);
      return new Uint8Array(handle);
    },
    open(sealed) {
      return secrets.get(Buffer.from(sealed).toString('hex')) ?? null;
    },
  };
}
