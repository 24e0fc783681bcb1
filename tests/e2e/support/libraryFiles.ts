import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

/** The library database of a data folder. */
export const databaseOf = (dataDir: string): string => path.join(dataDir, 'newsdesk.sqlite');

/** SHA-256 of a file, or 'absent'. */
export function fileHash(file: string): string {
  if (!fs.existsSync(file)) return 'absent';
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Damages the b-tree page holding the `articles` table the way a bad sector or a stray write
 * would: bytes of the page header and cell pointers flipped. The library must be closed.
 */
export function flipArticlePageBytes(dataDir: string): void {
  const file = databaseOf(dataDir);
  const db = new Database(file, { readonly: true });
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'articles'")
    .get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  try {
    const offset = (rootpage - 1) * pageSize;
    const bytes = Buffer.alloc(16);
    fs.readSync(fd, bytes, 0, 16, offset);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (bytes[i] ?? 0) ^ 0xa5;
    fs.writeSync(fd, bytes, 0, 16, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/** Cuts the library file to half its size, as a copy interrupted halfway would. */
export function truncateLibrary(dataDir: string): void {
  const file = databaseOf(dataDir);
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
}

/** Mounts a small tmpfs (root only); returns an unmount function. */
export function mountTmpfs(dir: string, options: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  return () => execFileSync('umount', ['-l', dir]);
}

/** Whether this process may mount file systems (root in CI and on the dev container). */
export function canMount(): boolean {
  return process.getuid?.() === 0;
}
