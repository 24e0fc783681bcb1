import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { bridgeCall } from './bridgeCall';
import { trackProcess } from './processRegistry';

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

/** The administrator e2e libraries get; its password signs the seat in again after a restart. */
export const e2eAdmin = {
  userName: 'quantri',
  displayName: 'Quản trị viên',
  password: 'mat-khau-quan-tri',
} as const;

/**
 * Signs the shell's one seat in through the bridge, as the sign-in screen would: creates the
 * administrator on a new library, or signs in on an existing one. The session belongs to the
 * core, so the page opened afterwards is signed in.
 */
export async function signInShell(url: string): Promise<void> {
  const status = await bridgeCall<{ hasAccounts: boolean }>(url, 'auth.status', {});
  if (status.hasAccounts) {
    await bridgeCall(url, 'auth.signIn', {
      userName: e2eAdmin.userName,
      password: e2eAdmin.password,
    });
  } else {
    await bridgeCall(url, 'auth.setupAdmin', e2eAdmin);
  }
}

/**
 * Starts the browser shell on a library folder and waits for its ready line, then signs the
 * administrator in (unless `signIn: false`). Fails with the shell's own stderr when it exits
 * instead, so a refusal reads as the user would see it.
 */
export async function startWebShell(
  dataDir: string,
  extraArgs: string[] = [],
  options: { signIn?: boolean } = {},
): Promise<WebShell> {
  const shell = await launchWebShell(dataDir, extraArgs);
  if (options.signIn !== false) {
    try {
      await signInShell(shell.url);
    } catch (error) {
      await shell.stop();
      throw error;
    }
  }
  return shell;
}

/** Shells still running; a test that fails before `stop()` must not leave its server behind. */
const running = new Set<ChildProcessWithoutNullStreams>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * How long a shell may take to print its ready line. Opening runs `quick_check` after an unclean
 * stop, so on a loaded 2-core machine (bench:chaos restarts hundreds of crashed libraries) it can
 * take far longer than the usual second.
 */
const startTimeoutMs = 90_000;

function launchWebShell(dataDir: string, extraArgs: string[]): Promise<WebShell> {
  if (!fs.existsSync(webEntry))
    throw new Error('out/main/web.js is missing: run `npm run build` first');
  const child = spawn(
    process.execPath,
    [webEntry, '--data-dir', dataDir, '--port', '0', ...extraArgs],
    {
      cwd: repoRoot,
    },
  );
  running.add(child);
  trackProcess(child.pid, `web shell ${dataDir}`);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web shell did not start: ${stderr}`)),
      startTimeoutMs,
    );
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
