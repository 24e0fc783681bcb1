import fs from 'node:fs';

/**
 * Every server process an e2e test starts is recorded here, by pid, so the run's teardown
 * (`tests/e2e/globalSetup.ts`) can prove that none is left alive. Processes are stopped by pid or
 * process group, never by a name pattern.
 */
export const pidFileVariable = 'NEWSDESK_E2E_PID_FILE';

/** Records a started process (its pid is also its process group when spawned `detached`). */
export function trackProcess(pid: number | undefined, label: string): void {
  const file = process.env[pidFileVariable];
  if (!file || pid === undefined) return;
  fs.appendFileSync(file, `${pid}\t${label}\n`);
}

/** Whether a pid still names a running process (zombies of exited children count as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return true;
  }
}

/** Stops a process and its group: the group first (detached children lead one), then the pid. */
export function killTree(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // not a group leader, or already gone
  }
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
