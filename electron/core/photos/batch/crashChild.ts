import { defaultWebRecipe } from '../index';
import { openJobsDb, runnerFor } from './batchTestKit';
import { sourcePhotoWorkerUrl } from './sourceWorker';
import { createPhotoWorkerPool } from './workerPool';

/*
 * A batch run in a child process for the crash test (crash.test.ts), which SIGKILLs it mid-run and
 * resumes the job in its own process. Started through jiti; settings come in NEWSDESK_CRASH_CHILD.
 */

interface CrashChildSettings {
  dbFile: string;
  outDir: string;
  inputs: string[];
}

const settings = JSON.parse(process.env.NEWSDESK_CRASH_CHILD ?? '{}') as CrashChildSettings;
const db = openJobsDb(settings.dbFile);
const pool = createPhotoWorkerPool({ workerUrl: sourcePhotoWorkerUrl, size: 2 });
const { runner } = runnerFor(db, pool);
const jobId = runner.start({
  inputs: settings.inputs.map((file, index) => ({
    path: file,
    meta: { slug: 'bao-lu', seq: index + 1 },
  })),
  recipe: defaultWebRecipe,
  outDir: settings.outDir,
  existingPolicy: 'rename',
});
process.send?.({ type: 'started', jobId });
const timer = setInterval(() => {
  const status = runner.status(jobId);
  process.send?.({ type: 'progress', done: status?.counts.done ?? 0 });
}, 20);
await runner.whenIdle(jobId);
clearInterval(timer);
process.send?.({ type: 'finished' });
