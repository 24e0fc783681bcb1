import fs from 'node:fs';
import path from 'node:path';

import type { Logger } from './logger';

/**
 * Writes a crash report (JSON) into the library's crash folder and the log, so support can see
 * what happened on a machine nobody can reach. Returns the report's path.
 */
export function writeCrashReport(
  dir: string,
  logger: Logger,
  kind: string,
  error: unknown,
): string {
  const at = new Date();
  const report = {
    kind,
    at: at.toISOString(),
    pid: process.pid,
    versions: process.versions,
    error:
      error instanceof Error
        ? { name: error.name, message: error.message, stack: error.stack }
        : { value: String(error) },
  };
  const file = path.join(dir, `crash-${at.toISOString().replace(/[:.]/g, '-')}.json`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(report, null, 2));
    const reports = fs
      .readdirSync(dir)
      .filter((name) => name.startsWith('crash-'))
      .sort();
    for (const old of reports.slice(0, Math.max(0, reports.length - 20)))
      fs.rmSync(path.join(dir, old));
  } catch {
    // Nothing more can be done when the disk refuses; the log line below may still land.
  }
  logger.error(`crash: ${kind}`, { error, report: file });
  return file;
}

/**
 * Records uncaught errors and unhandled rejections. `onFatal` decides what happens after an
 * uncaught exception (the browser shell exits; Electron shows a dialog and quits).
 */
export function installCrashHandlers(
  dir: string,
  logger: Logger,
  onFatal: (file: string) => void,
): void {
  process.on('uncaughtException', (error) => {
    onFatal(writeCrashReport(dir, logger, 'uncaughtException', error));
  });
  process.on('unhandledRejection', (reason) => {
    writeCrashReport(dir, logger, 'unhandledRejection', reason);
  });
}
