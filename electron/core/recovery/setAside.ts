import fs from 'node:fs';
import path from 'node:path';

import { markFileName } from './commitMark';
import { stampOf } from './backupStore';

/** The library's own files (the database, its WAL and shared memory, its mark). */
const libraryFiles = [
  'newsdesk.sqlite',
  'newsdesk.sqlite-wal',
  'newsdesk.sqlite-shm',
  'newsdesk.sqlite-journal',
  markFileName,
];

/** Where replaced or damaged libraries are kept: `set-aside/` in the data folder. */
function setAsideRoot(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'set-aside');
}

/**
 * Moves the current library files (never the media) into `set-aside/<stamp>-<why>/`, by rename,
 * so nothing is copied over or deleted: a restore or salvage can always be undone by moving them
 * back. Returns the folder (created even when there was no library file, so the path is real).
 */
export function setLibraryAside(dataDir: string, why: string, at: number): string {
  const dir = path.join(setAsideRoot(dataDir), `${stampOf(at)}-${why}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const name of libraryFiles) {
    const from = path.join(path.resolve(dataDir), name);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, name));
  }
  return dir;
}

/** Copies a file durably: temp name, fsync, rename. */
export function copyDurably(from: string, to: string): void {
  const temp = `${to}.partial`;
  fs.copyFileSync(from, temp);
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, to);
}
