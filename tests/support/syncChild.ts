import { createCore } from '../../electron/core/app/createCore';
import { sourcePhotoWorkerUrl } from '../../electron/core/photos/batch/sourceWorker';
import { seededRandom } from './faultProxy';
import { createKeySecretBox } from './keySecretBox';

/*
 * The app process of the fault-injection scenario (syncFaults.test.ts): the real core on the
 * test's library, syncing its outbox. The test SIGKILLs it mid-run and starts it again; it
 * reports progress over IPC and exits on its own once the outbox is empty. Started through jiti;
 * settings come in NEWSDESK_SYNC_CHILD.
 */

interface SyncChildSettings {
  dataDir: string;
  keyHex: string;
  seed: number;
}

const settings = JSON.parse(process.env.NEWSDESK_SYNC_CHILD ?? '{}') as SyncChildSettings;
const core = createCore({
  dataDir: settings.dataDir,
  shell: 'browser',
  appVersion: '0.0.0-test',
  photoWorkerUrl: sourcePhotoWorkerUrl,
  secretBox: createKeySecretBox(Buffer.from(settings.keyHex, 'hex')),
  sync: {
    backoffBaseMs: 200,
    backoffMaxMs: 2_000,
    requestTimeoutMs: 15_000,
    random: seededRandom(settings.seed),
  },
});

const report = (): { progress: number; waiting: number; done: number } => {
  const items = core.sync.list({ limit: 500 });
  return {
    progress: items.reduce((sum, item) => sum + item.progress.done, 0),
    waiting: core.sync.status().waiting,
    done: items.filter((item) => item.state === 'done').length,
  };
};

process.send?.({ type: 'started', ...report() });
const debug = process.env.NEWSDESK_SYNC_DEBUG
  ? setInterval(() => {
      const items = core.sync.list({ limit: 500 });
      const states = items.map(
        (item) =>
          `${item.state}:${item.attempts}:${item.lastError?.code ?? '-'}:${item.nextAttemptAt === null ? '-' : item.nextAttemptAt - Date.now()}`,
      );
      process.stderr.write(
        `[sync child] ${JSON.stringify(core.sync.status())} ${states.join(' ')}\n`,
      );
    }, 3000).unref()
  : null;
const timer = setInterval(() => {
  const now = report();
  process.send?.({ type: 'progress', ...now });
  if (now.waiting === 0) {
    clearInterval(timer);
    if (debug) clearInterval(debug);
    void core.close().then(() => {
      process.send?.({ type: 'idle', ...now });
      process.disconnect?.();
    });
  }
}, 100);
