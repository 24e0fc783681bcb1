import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { isAlive, killTree, pidFileVariable } from './support/processRegistry';

/**
 * Gives the run a pid file that every started server is written to, and at the end fails the
 * run if any of them is still alive (after stopping it, so nothing outlives the run either).
 */
export default function setup(): () => void {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-e2e-')), 'pids.tsv');
  fs.writeFileSync(file, '');
  process.env[pidFileVariable] = file;
  return () => {
    const survivors = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'))
      .filter(([pid]) => isAlive(Number(pid)));
    for (const [pid] of survivors) killTree(Number(pid));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    if (survivors.length > 0) {
      // vitest logs an error thrown from teardown but still exits 0, so fail the run explicitly.
      process.exitCode = 1;
      throw new Error(
        `e2e run left ${survivors.length} server(s) running: ` +
          survivors.map(([pid, label]) => `${pid} (${label ?? '?'})`).join(', '),
      );
    }
  };
}
