import type { SafeStorage } from 'electron';

import type { SecretBox } from '../core/portal/secretBox';
import { createMemorySecretBox } from '../core/portal/secretBox';

/**
 * Portal secrets sealed by the OS keychain through Electron's safeStorage (DPAPI, Keychain,
 * libsecret/kwallet). Linux's `basic_text` backend is a hard-coded key, not a keychain, so it
 * counts as unavailable: then secrets stay in memory for this run only and the settings screen
 * asks for them again after a restart. Call after `app` is ready.
 */
export function createDesktopSecretBox(
  safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
  >,
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  const usable =
    safeStorage.isEncryptionAvailable() &&
    (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!usable) return createMemorySecretBox();
  return {
    id: 'safe-storage',
    persistent: true,
    seal: (plain) => new Uint8Array(safeStorage.encryptString(plain)),
    open(sealed) {
      try {
        return safeStorage.decryptString(Buffer.from(sealed));
      } catch {
        return null;
      }
    },
  };
}
