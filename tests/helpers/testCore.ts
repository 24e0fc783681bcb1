import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { createCore } from '../../electron/core/app/createCore';
import type { Core } from '../../electron/core/app/createCore';
import { createNullLogger } from '../../electron/core/logging/logger';
import { sourcePhotoWorkerUrl } from '../../electron/core/photos/batch/sourceWorker';
import { tempDir } from './tempDir';

/** A real core on a real SQLite library in a temp folder; close it at the end of the test. */
export function openTestCore(options: { dataDir?: string; now?: () => number } = {}): Core {
  return createCore({
    dataDir: options.dataDir ?? tempDir(),
    shell: 'browser',
    appVersion: '0.0.0-test',
    logger: createNullLogger(),
    photoWorkerUrl: sourcePhotoWorkerUrl,
    ...(options.now ? { now: options.now } : {}),
  });
}

/** Calls the contract like a shell does and unwraps the envelope; a failure throws its code. */
export async function callCore<K extends CallName>(
  core: Core,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input, { shell: 'browser' });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}
