import { z } from 'zod';

import type { PortalConnection } from '../domain/sync';
import { call, id, noInput } from './callSpec';

/**
 * Where this shell keeps portal secrets: `keychain` (the desktop app with a usable OS keychain,
 * through Electron's safeStorage) or `memory` (the browser shell, or a desktop without one: kept
 * in this process only, entered again after a restart).
 */
export interface SecretStorage {
  kind: 'keychain' | 'memory';
}

/**
 * Portal secrets after a restart (issue 15): where they are kept, and re-entering a missing one
 * without the rest of the portal's settings. Spread into `calls`.
 */
export const portalSecretCalls = {
  /** Where this shell keeps portal secrets, for the Settings header to say truthfully. */
  'portals.secretStorage': call<SecretStorage>()(noInput),
  /**
   * Enters a portal's missing secret again (anyone who may publish); an administrator may also
   * replace a secret that is still there. Waiting items that stopped on the secret go again.
   */
  'portals.setSecret': call<PortalConnection>()(
    z.object({ id, secret: z.string().min(1).max(500) }).strict(),
  ),
};
