import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { SecretBox } from '../../electron/core/portal/secretBox';

/**
 * A persistent SecretBox for tests that restart the app (the desktop shell's safeStorage plays
 * this part): AES-256-GCM under a key the test holds, so secrets survive a SIGKILL and restart.
 */
export function createKeySecretBox(key: Buffer): SecretBox {
  return {
    id: 'test-key',
    persistent: true,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), sealed]));
    },
    open(sealed) {
      try {
        const data = Buffer.from(sealed);
        const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
        decipher.setAuthTag(data.subarray(12, 28));
        return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        return null;
      }
    },
  };
}
