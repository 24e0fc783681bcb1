import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The repository root, whatever folder the tests run from. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');
const webEntry = path.join(repoRoot, 'out/main/web.js');

/** A running browser shell (`node out/main/web.js`) and the address it printed. */
export interface WebShell {
  url: string;
  origin: string;
  process: ChildProcessWithoutNullStreams;
  stderr: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the browser shell on a library folder and waits for its ready line. Fails with the
 * shell's own stderr when it exits instead, so a refusal reads as the user would see it.
 */
export function startWebShell(dataDir: string, extraArgs: string[] = []): Promise<WebShell> {
  if (!fs.existsSync(webEntry))
    throw new Error('out/main/web.js is missing: run `npm run build` first');
  const child = spawn(
    process.execPath,
    [webEntry, '--data-dir', dataDir, '--port', '0', ...extraArgs],
    {
      cwd: repoRoot,
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not start: ${stderr}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /^Newsdesk ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        origin: new URL(url).origin,
        process: child,
        stderr: () => stderr,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new ShellExited(code, stderr));
    });
  });
}

/** The shell exited before printing its ready line. */
export class ShellExited extends Error {
  constructor(
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`web shell exited with ${code}: ${stderr}`);
  }
}
