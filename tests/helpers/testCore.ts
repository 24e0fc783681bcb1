import { createCore } from '../../electron/core/app/createCore';
import type { Core } from '../../electron/core/app/createCore';
import { createNullLogger } from '../../electron/core/logging/logger';
import { tempDir } from './tempDir';

/** A real core on a real SQLite library in a temp folder; close it at the end of the test. */
export function openTestCore(options: { dataDir?: string; now?: () => number } = {}): Core {
  return createCore({
    dataDir: options.dataDir ?? tempDir(),
    shell: 'browser',
    appVersion: '0.0.0-test',
    logger: createNullLogger(),
    ...(options.now ? { now: options.now } : {}),
  });
}
