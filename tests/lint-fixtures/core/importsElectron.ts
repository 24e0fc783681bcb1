// Deliberate layering violation: the core must run under plain Node.
import { safeStorage } from 'electron';

/** Would tie the core to Electron. */
export const canEncrypt = (): boolean => safeStorage.isEncryptionAvailable();
